/**
 * The words around a share card, wherever it is offered: the plan page's download links and the
 * editor's preview. No Node API, so the editor's bundle can use it.
 */
import { CARD_SIZES, type CardFormat } from './template';

/**
 * The link text that downloads a card: its kind, size and use.
 * @example cardDownloadLabel('square') // 'Tải ảnh vuông (1080×1080, để đăng bài)'
 */
export function cardDownloadLabel(format: CardFormat): string {
  const { width, height } = CARD_SIZES[format];
  return format === 'square' ? `Tải ảnh vuông (${width}×${height}, để đăng bài)` : `Tải ảnh chia sẻ (${width}×${height}, cho Facebook, Zalo)`;
}

/** Text alternative of a plan's card: what it shows, in the order it shows it. */
export function cardAltText(plan: { docType: string; title: string }, agencyName: string): string {
  return `Ảnh giới thiệu ${plan.docType.toLocaleLowerCase('vi')} “${plan.title}” của ${agencyName}`;
}
