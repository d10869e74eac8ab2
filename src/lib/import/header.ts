/**
 * The letterhead of a plan: issuing body, "Số: 859/KH-UBND", "Tây Ninh, ngày 25 tháng 3 năm 2024",
 * and the title under "KẾ HOẠCH". Copies that are not yet numbered or dated print the labels with
 * blanks ("Số: /KH-SVHTTDL", "Tây Ninh, ngày tháng năm 2025"): those values stay null.
 */
import { parseVietnameseDate } from '../vn/dates';
import { collapseWhitespace } from '../vn/text';
import { isHeadLine } from './outline';
import type { Block } from './repair';

export interface PlanHeader {
  /** Issuing body as the letterhead prints it ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"), or null. */
  issuerLine: string | null;
  /** The line above it ("UBND TỈNH TÂY NINH"), the parent body, or null. */
  issuerParentLine: string | null;
  /** True when the copy has a "Số:" line at all. */
  hasNumberLine: boolean;
  /** "859", or null when blank ("Số: /KH-…") or absent. */
  number: string | null;
  /** "KH-UBND", "KH/BDVTU-BCSĐUBND", or null when there is no "Số:" line. */
  symbol: string | null;
  /** True when the copy has a "…, ngày … tháng … năm …" line. */
  hasDateLine: boolean;
  /** "Tây Ninh", or null. */
  place: string | null;
  /** ISO date, or null when blank or absent. */
  issuedOn: string | null;
  /** The year printed on the date line, even when day and month are blank. */
  dateLineYear: number | null;
  /** The document type line ("KẾ HOẠCH" → "Kế hoạch"), or null when absent. */
  docType: string | null;
  /** Trích yếu: the title under "KẾ HOẠCH" (or the first head line without one), or null. */
  title: string | null;
}

const MOTTO = /CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG\s+HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/giu;
const NUMBER_LINE = /(?:^|\s)Số\s*:?\s*([\d]*)[\s.…_]*([/-])\s*([\p{L}\d]+(?:\s*[/-]\s*[\p{L}\d]+)*)/u;
const DATE_LINE =
  /(?<![\p{L}\p{M}])((?:TP\.\s*|Tp\.\s*)?(?:\p{Lu}[\p{Ll}\p{M}]+\s+){0,4}\p{Lu}[\p{Ll}\p{M}]+)\s*,\s*ngày\s*([\d.…_ ]*?)\s*tháng\s*([\d.…_ ]*?)\s*năm\s*(\d{4})/u;
const KE_HOACH = /^KẾ\s+HOẠCH\b\s*[:.]?\s*/u;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** The title as printed, without a trailing period, in one line. */
function cleanTitle(text: string): string | null {
  const t = collapseWhitespace(text).replace(/^[*\s]+/, '').replace(/[.;:,]+$/, '').trim();
  // Some letterheads print the title in lower case ("thực hiện công tác dân vận năm 2024").
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : null;
}

/**
 * Reads the head blocks (everything before the opening paragraph).
 * @example extractHeader(splitParts(repairText('Số: /KH-SVHTTDL\nTây Ninh, ngày tháng năm 2025\nKẾ HOẠCH Thực hiện …').blocks).head)
 * // { number: null, symbol: 'KH-SVHTTDL', place: 'Tây Ninh', issuedOn: null, dateLineYear: 2025, title: 'Thực hiện …', … }
 */
export function extractHeader(head: Block[]): PlanHeader {
  const header: PlanHeader = {
    issuerLine: null,
    issuerParentLine: null,
    hasNumberLine: false,
    number: null,
    symbol: null,
    hasDateLine: false,
    place: null,
    issuedOn: null,
    dateLineYear: null,
    docType: null,
    title: null,
  };
  const issuerLines: string[] = [];
  const titleParts: string[] = [];
  let afterKeHoach = false;

  for (const block of head) {
    const text = collapseWhitespace(block.marker ? `${block.marker} ${block.text}` : block.text);
    if (afterKeHoach) {
      if (/\p{L}/u.test(text)) titleParts.push(text);
      continue;
    }
    const kh = KE_HOACH.exec(text);
    if (kh) {
      header.docType = 'Kế hoạch';
      afterKeHoach = true;
      if (text.length > kh[0].length) titleParts.push(text.slice(kh[0].length));
      continue;
    }
    let rest = text.replace(MOTTO, ' ');
    const num = NUMBER_LINE.exec(rest);
    if (num) {
      header.hasNumberLine = true;
      header.number = num[1] ? num[1] : null;
      const symbol = num[3]!.replace(/\s+/g, '');
      // Party grammar "Số 110-KH/BDVTU": the dash belongs to the number; state "859/KH-UBND": the slash does.
      header.symbol = symbol;
      rest = (rest.slice(0, num.index) + ' ' + rest.slice(num.index + num[0].length)).trim();
    }
    const date = DATE_LINE.exec(rest);
    if (date) {
      header.hasDateLine = true;
      header.place = collapseWhitespace(date[1]!);
      header.dateLineYear = Number(date[4]);
      const day = date[2]!.replace(/[^\d]/g, '');
      const month = date[3]!.replace(/[^\d]/g, '');
      header.issuedOn = day && month ? parseVietnameseDate(`${day}/${month}/${date[4]}`) : null;
      rest = (rest.slice(0, date.index) + ' ' + rest.slice(date.index + date[0].length)).trim();
    }
    rest = collapseWhitespace(rest.replace(/^[-–\s]+|[-–\s]+$/g, ''));
    // Decorations of the letterhead ("*", "-----") carry no letters.
    if (!/\p{L}/u.test(rest)) continue;
    if (isUpper(rest) && rest.length < 120) issuerLines.push(rest);
    else if (!num && !date && !isHeadLine(rest)) titleParts.push(rest);
  }

  if (issuerLines.length) {
    header.issuerLine = issuerLines[issuerLines.length - 1]!;
    header.issuerParentLine = issuerLines.length > 1 ? issuerLines[issuerLines.length - 2]! : null;
  }
  header.title = cleanTitle(titleParts.join(' '));
  return header;
}
