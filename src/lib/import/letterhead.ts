/**
 * The letterhead of a Vietnamese administrative document, laid out per Nghị định 30/2020/NĐ-CP: the
 * issuing body top left (often under its parent), the national motto — or "ĐẢNG CỘNG SẢN VIỆT NAM" —
 * top right, "Số: …" under the body, "{địa danh}, ngày … tháng … năm …" under the motto, then the
 * document type ("KẾ HOẠCH", "QUYẾT ĐỊNH" …), the trích yếu, and for decisions and resolutions the
 * authority line ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"). Text extraction interleaves the two columns in any
 * order, leaves table debris ("|") and splits any line anywhere ("Số:" / "258/KH-UBND",
 * "Hà Nội, ngày 24" / "tháng 8 năm 2018", "Đà" / "Lạt, ngày …"): the reader works on the whole head at
 * once and does not depend on line breaks. Nothing here is specific to plans, so any document type
 * (a report, a decision) reads through the same function.
 */
import { parseVietnameseDate } from '../vn/dates';
import { collapseWhitespace } from '../vn/text';

export interface Letterhead {
  /** Lines of the issuing body's column, top to bottom, motto and number removed ("UBND TỈNH TÂY NINH", "SỞ …"). */
  issuerLines: string[];
  /** The line under the trích yếu that names the body in full ("ỦY BAN NHÂN DÂN TỈNH GIA LAI"), or null. */
  authorityLine: string | null;
  /** True when the copy has a "Số" line at all. */
  hasNumberLine: boolean;
  /** "859", or null when blank ("Số: /KH-…") or absent. */
  number: string | null;
  /** "KH-UBND", "KH/BDVTU-BCSĐUBND", "2018/QĐ-UBND", or null when there is no "Số" line. */
  symbol: string | null;
  /** True when the copy has a "…, ngày … tháng … năm …" line. */
  hasDateLine: boolean;
  /** "Tây Ninh", "Đà Lạt", or null. */
  place: string | null;
  /** ISO date, or null when blank or absent. */
  issuedOn: string | null;
  /** The year printed on the date line, even when day and month are blank. */
  dateLineYear: number | null;
  /** The document type line in sentence case ("Kế hoạch", "Quyết định"), or null when absent. */
  docType: string | null;
  /** Trích yếu: the lines under the type line, joined, or null. */
  title: string | null;
}

/** Document type lines (Nghị định 30/2020, Phụ lục III; Party types per Hướng dẫn 36-HD/VPTW), longest first. */
const DOC_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG|\s+CÔNG\s+TÁC)?/u, 'Chương trình'],
  [/^KẾ\s+HOẠCH/u, 'Kế hoạch'],
  [/^QUYẾT\s+ĐỊNH/u, 'Quyết định'],
  [/^NGHỊ\s+QUYẾT/u, 'Nghị quyết'],
  [/^KẾT\s+LUẬN/u, 'Kết luận'],
  [/^CHỈ\s+THỊ/u, 'Chỉ thị'],
  [/^BÁO\s+CÁO/u, 'Báo cáo'],
  [/^HƯỚNG\s+DẪN/u, 'Hướng dẫn'],
  [/^THÔNG\s+BÁO/u, 'Thông báo'],
  [/^ĐỀ\s+ÁN/u, 'Đề án'],
  [/^PHƯƠNG\s+ÁN/u, 'Phương án'],
  [/^QUY\s+CHẾ/u, 'Quy chế'],
  [/^QUY\s+ĐỊNH/u, 'Quy định'],
  [/^TỜ\s+TRÌNH/u, 'Tờ trình'],
];

/** The "KẾ HOẠCH" type line, with the title that may follow on the same line: the one pattern the importer uses for it. */
export const KE_HOACH_LINE = /^KẾ\s+HOẠCH(?![\p{L}\p{M}])\s*[:.]?\s*/u;

// The national motto and the Party's name, whole or split over lines; "Độc lập - Tự do - Hạnh phúc".
const MOTTO = new RegExp(
  [
    String.raw`C\s*Ộ\s*N\s*G\s+H\s*(?:Ò\s*A|O\s*À)\s+X\s*Ã\s+H\s*Ộ\s*I\s+C\s*H\s*Ủ\s+N\s*G\s*H\s*Ĩ\s*A\s+V\s*I\s*Ệ\s*T\s+N\s*A\s*M`,
    String.raw`ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM`,
    String.raw`Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc`,
  ].join('|'),
  'gu',
);
// What is left of a motto split by a column: "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" around issuer text.
const MOTTO_PIECE = /(?:^|\s)(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI(?:\s+CHỦ(?:\s+NGHĨA)?)?|(?:CHỦ\s+)?NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN)(?=\s|$)|^VIỆT\s+NAM$/gu;
const NUMBER =
  /(?<![\p{L}\p{M}])Số\s*:?\s*(\d*)[ \t.…_]*([/-])[ \t]*([\p{L}\d&]+(?:[ \t]*[/-][ \t]*[\p{L}\d&]+)*)/u;
const DATE =
  /(?<![\p{L}\p{M}])((?:TP\.|Tp\.)?\s*(?:\p{Lu}[\p{Ll}\p{M}]*\s+){0,4}\p{Lu}[\p{Ll}\p{M}]+)\s*,\s*[nN]gày\s*([\d.…_ \t]*?)\s*tháng\s*([\d.…_ \t]*?)\s*năm\s*(\d{4})/u;
// Lines that end the trích yếu of a decision or resolution: its authority, the session, the verb.
const AFTER_TITLE = /^(?:(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH)\b|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+\S|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s+\S|KHO[ÁÀ]\s+[IVXL]+|QUYẾT\s+(?:ĐỊNH|NGHỊ)\s*:)/u;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** A head line cut into table cells and cleaned of rules, "*" and "|". */
function cellsOf(lines: readonly string[]): string[] {
  return lines
    .flatMap((line) => line.split('|'))
    .map((cell) => collapseWhitespace(cell.replace(/[\u00a0\t]/g, ' ')).replace(/^[-–_=*.\s]+$/, ''))
    .filter((cell) => cell !== '');
}

interface Span {
  start: number;
  end: number;
}

/** Blanks out a match in the joined head, keeping offsets (and line breaks) stable. */
function blank(text: string, span: Span): string {
  return text.slice(0, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ') + text.slice(span.end);
}

function sentenceCase(text: string): string {
  const t = collapseWhitespace(text).replace(/^[*\s]+/, '').replace(/[.;:,]+$/, '').trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}

/**
 * Reads a letterhead from the lines before the body (the opening "Thực hiện …/Căn cứ …").
 * @example readLetterhead(['ỦY BAN NHÂN DÂN |', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 'VIỆT NAM |', 'Số:', '258/KH-UBND |', 'Hà Nội, ngày 24', 'tháng 8 năm 2018 |', 'KẾ HOẠCH', 'Triển khai …'])
 * // { issuerLines: ['ỦY BAN NHÂN DÂN'], number: '258', symbol: 'KH-UBND', place: 'Hà Nội', issuedOn: '2018-08-24', docType: 'Kế hoạch', title: 'Triển khai …', … }
 */
export function readLetterhead(lines: readonly string[]): Letterhead {
  const head: Letterhead = {
    issuerLines: [],
    authorityLine: null,
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
  // The whole head as one text, one cell per line, so that patterns read across line breaks.
  let text = cellsOf(lines).join('\n');
  text = text.replace(MOTTO, (m) => m.replace(/[^\n]/g, ' '));

  let firstMark = Infinity;
  const num = NUMBER.exec(text);
  if (num) {
    head.hasNumberLine = true;
    head.number = num[1] || null;
    head.symbol = num[3]!.replace(/\s+/g, '');
    firstMark = num.index;
    text = blank(text, { start: num.index, end: num.index + num[0].length });
  }
  const date = DATE.exec(text);
  if (date) {
    head.hasDateLine = true;
    head.place = collapseWhitespace(date[1]!);
    head.dateLineYear = Number(date[4]);
    const day = date[2]!.replace(/[^\d]/g, '');
    const month = date[3]!.replace(/[^\d]/g, '');
    head.issuedOn = day && month ? parseVietnameseDate(`${day}/${month}/${date[4]}`) : null;
    const placeStart = date.index + date[0].indexOf(date[1]!.trimStart());
    firstMark = Math.min(firstMark, placeStart);
    text = blank(text, { start: date.index, end: date.index + date[0].length });
  }

  // Cells again, now with motto, number and date blanked; remember which come before the first mark.
  const cells: Array<{ text: string; beforeMark: boolean; upper: boolean }> = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const cell = collapseWhitespace(raw.replace(MOTTO_PIECE, ' ')).replace(/^[-–,\s]+|[-–,\s]+$/g, '');
    if (!hasLetters(cell)) continue;
    cells.push({ text: cell, beforeMark: start < firstMark, upper: isUpper(cell) });
  }

  // The type line comes after the number and date (a portal's own title above the letterhead does not count).
  const markSeen = Number.isFinite(firstMark);
  let typeAt = -1;
  for (let i = 0; i < cells.length; i++) {
    if (markSeen && cells[i]!.beforeMark) continue;
    const found = DOC_TYPES.find(([re]) => re.test(cells[i]!.text));
    if (found) {
      head.docType = found[1];
      typeAt = i;
      break;
    }
  }

  // The issuer column: upper-case cells above the "Số" line (or above the type line when there is none).
  // Without "Số" and date lines: the upper-case cells at the top, up to the type line or the first other line.
  const issuerEnd = markSeen ? cells.findIndex((c) => !c.beforeMark) : typeAt !== -1 ? typeAt : cells.findIndex((c) => !c.upper);
  for (const cell of cells.slice(0, issuerEnd === -1 ? cells.length : issuerEnd)) {
    if (cell.upper && cell.text.length < 120) head.issuerLines.push(cell.text);
  }

  // Trích yếu: from the type line (its rest) or, without one, the cells after the number and date.
  const titleFrom = typeAt !== -1 ? typeAt : issuerEnd === -1 ? cells.length : issuerEnd;
  const titleParts: string[] = [];
  if (typeAt !== -1) {
    const rest = cells[typeAt]!.text.replace(DOC_TYPES.find(([, name]) => name === head.docType)![0], '').replace(/^\s*[:.]?\s*/, '');
    if (rest) titleParts.push(rest);
  }
  for (const cell of cells.slice(titleFrom + (typeAt !== -1 ? 1 : 0))) {
    if (AFTER_TITLE.test(cell.text)) {
      head.authorityLine ??= cell.upper && !/^QUYẾT\s+(?:ĐỊNH|NGHỊ)/u.test(cell.text) && !/^KHO[ÁÀ]/u.test(cell.text) ? cell.text : null;
      break;
    }
    titleParts.push(cell.text);
  }
  const title = titleParts.length ? sentenceCase(titleParts.join(' ')) : '';
  head.title = title || null;
  return head;
}
