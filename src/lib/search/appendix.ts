/**
 * Separates, in the text Pagefind stores for a record, the plan's text as written from the folded
 * terms appended after it (see record.ts). Kept apart from record.ts so the browser bundle does not
 * pull in what building records needs.
 */
export const APPENDIX_MARK = '⁂';

/**
 * The plan's text as written, out of the `content` Pagefind returns for a result: the appendix cut
 * off, and the title (shown on its own) cut from the front.
 * @example indexedText('Tiêu đề. Nội dung. ⁂ dang 33ctttg.', 'Tiêu đề') // 'Nội dung.'
 */
export function indexedText(content: string, title?: string): string {
  const cut = content.indexOf(APPENDIX_MARK);
  let text = (cut >= 0 ? content.slice(0, cut) : content).trim();
  if (title && text.startsWith(title)) text = text.slice(title.length).replace(/^[.\s]+/, '');
  return text;
}
