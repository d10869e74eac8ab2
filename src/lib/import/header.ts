/**
 * The header of a plan: the letterhead read from the lines before the opening paragraph. Copies that
 * are not yet numbered or dated print the labels with blanks ("Số: /KH-SVHTTDL", "Tây Ninh, ngày
 * tháng năm 2025"): those values stay null.
 */
import { readLetterhead, type Letterhead } from './letterhead';
import { blockText, stripMarkdown, type Block } from './repair';

/** The letterhead fields of a plan (see `Letterhead`). */
export type PlanHeader = Letterhead;

/**
 * Reads the head: raw source lines (best: line breaks and table debris as extracted) or repaired head blocks.
 * @example extractHeader(['Số: /KH-SVHTTDL', 'Tây Ninh, ngày tháng năm 2025', 'KẾ HOẠCH Thực hiện …'])
 * // { number: null, symbol: 'KH-SVHTTDL', place: 'Tây Ninh', issuedOn: null, dateLineYear: 2025, title: 'Thực hiện …', … }
 */
export function extractHeader(head: ReadonlyArray<string | Block>): PlanHeader {
  return readLetterhead(head.flatMap((h) => (typeof h === 'string' ? stripMarkdown(h) : [blockText(h)])));
}
