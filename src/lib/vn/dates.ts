import { isRealIsoDate } from '../../schemas/common';
import { collapseWhitespace, toNFC } from './text';

/**
 * Words that say how a date binds, longest first so "chậm nhất là" wins over "chậm nhất".
 * Returned (lowercase, single-spaced) together with "ngày" when the text has it: "trước ngày".
 */
export const DATE_QUALIFIERS = [
  'chậm nhất là',
  'chậm nhất vào',
  'chậm nhất',
  'đến hết',
  'kể từ',
  'trước',
  'đến',
  'từ',
  'sau',
  'vào',
] as const;

// Extracted text breaks lines anywhere ("trước \n\nngày 10/5/2024"), so words are joined by \s+.
const QUALIFIER_SOURCE = DATE_QUALIFIERS.map((q) => q.split(' ').join('\\s+')).join('|');

// Long form "ngày 16 tháng 01 năm 2024"; short form "25/3/2024", "25-3-2024", "25.3.2024" with one
// separator throughout.
const DATE_SOURCE =
  `(?:(?<qual>${QUALIFIER_SOURCE})\\s+)?` +
  `(?:(?<ngayL>ngày)\\s+(?<ld>\\d{1,2})\\s+tháng\\s+(?<lm>\\d{1,2})\\s+năm\\s+(?<ly>\\d{4})` +
  `|(?:(?<ngayS>ngày)\\s+)?(?<sd>\\d{1,2})(?<sep>[/.\\-])(?<sm>\\d{1,2})\\k<sep>(?<sy>\\d{4}))`;

// Not inside a longer word or number: "2021-2025" or "59/2023/NĐ-CP" must not yield dates.
const DATE_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{M}\\d/.\\-])${DATE_SOURCE}(?![\\d/\\-]|\\.\\d)`, 'giu');
// The same with match indices (slower), for the few callers that need where a group starts.
const DATE_IN_TEXT_INDICES = new RegExp(DATE_IN_TEXT.source, 'dgiu');
const DATE_WHOLE = new RegExp(`^${DATE_SOURCE}$`, 'iu');
const ISO_WHOLE = /^\d{4}-\d{2}-\d{2}$/;

interface DateGroups {
  qual?: string;
  ngayL?: string;
  ld?: string;
  lm?: string;
  ly?: string;
  ngayS?: string;
  sd?: string;
  sm?: string;
  sy?: string;
}

function isoFromParts(day: string, month: string, year: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function readGroups(g: DateGroups): { iso: string; qualifier: string | null } {
  const iso = g.ly ? isoFromParts(g.ld!, g.lm!, g.ly) : isoFromParts(g.sd!, g.sm!, g.sy!);
  const ngay = g.ngayL ?? g.ngayS;
  const parts = [g.qual, ngay].filter((p): p is string => Boolean(p)).map((p) => collapseWhitespace(p).toLowerCase());
  return { iso, qualifier: parts.length ? parts.join(' ') : null };
}

export type VietnameseDateResult =
  | { ok: true; iso: string; qualifier: string | null }
  | { ok: false; reason: 'format' | 'impossible'; input: string; message: string };

/**
 * Like {@link parseVietnameseDate}, but says why a date was refused and keeps the qualifier, for
 * error messages to content authors (in Vietnamese).
 * @example parseVietnameseDateDetailed('trước ngày 10/11/2024') // { ok: true, iso: '2024-11-10', qualifier: 'trước ngày' }
 * @example parseVietnameseDateDetailed('30/02/2024').ok // false (reason 'impossible')
 */
export function parseVietnameseDateDetailed(input: string): VietnameseDateResult {
  // Tolerate what surrounds a date copied out of a sentence or a Markdown export: "(…)", "**….**".
  const s = toNFC(input)
    .trim()
    .replace(/^[\s(*_“"]+/, '')
    .replace(/[\s)*_.,;:”"]+$/, '');
  let found: { iso: string; qualifier: string | null } | null = null;
  if (ISO_WHOLE.test(s)) found = { iso: s, qualifier: null };
  else {
    const m = DATE_WHOLE.exec(s);
    if (m) found = readGroups(m.groups as DateGroups);
  }
  if (!found) {
    return {
      ok: false,
      reason: 'format',
      input,
      message: `"${input}" không phải là ngày theo dạng "25/3/2024" hoặc "ngày 25 tháng 3 năm 2024"`,
    };
  }
  if (!isRealIsoDate(found.iso)) {
    return { ok: false, reason: 'impossible', input, message: `ngày "${input}" không tồn tại trong lịch` };
  }
  return { ok: true, ...found };
}

/**
 * Reads one date in a form Vietnamese documents use and returns it as ISO "YYYY-MM-DD", or null when
 * the text is not a date or the day does not exist (30/02/2024, 29/02/2023). A leading qualifier
 * ("trước ngày", "chậm nhất ngày") is allowed and dropped. ISO input is accepted as is.
 * @example parseVietnameseDate('ngày 16 tháng 01 năm 2024') // '2024-01-16'
 * @example parseVietnameseDate('chậm nhất ngày 10/11/2025') // '2025-11-10'
 * @example parseVietnameseDate('25-3-2024') // '2024-03-25'
 */
export function parseVietnameseDate(s: string): string | null {
  const r = parseVietnameseDateDetailed(s);
  return r.ok ? r.iso : null;
}

export interface VietnameseDateMatch {
  /** The day, ISO "YYYY-MM-DD". */
  iso: string;
  /** Offset of the match (qualifier included) in the text passed in. */
  index: number;
  /** Length of the match in the text passed in. */
  length: number;
  /** The matched text as written, line breaks and all. */
  text: string;
  /** How the date binds, lowercase and single-spaced: "trước ngày", "chậm nhất ngày", "ngày", "trước"… or null. */
  qualifier: string | null;
}

/**
 * Every real calendar date in running text, in order, with the qualifier in front of it. Dates that
 * do not exist (30/02/2024) and blank ones ("ngày tháng năm 2025") are skipped.
 * @example findVietnameseDates('báo cáo 06 tháng (trước \n\nngày 10/5/2024)')
 * // [{ iso: '2024-05-10', qualifier: 'trước ngày', text: 'trước \n\nngày 10/5/2024', … }]
 */
export function findVietnameseDates(text: string): VietnameseDateMatch[] {
  const found: VietnameseDateMatch[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const { iso, qualifier } = readGroups(m.groups as DateGroups);
    if (!isRealIsoDate(iso)) continue;
    found.push({ iso, index: m.index, length: m[0].length, text: m[0], qualifier });
  }
  return found;
}

/**
 * Date-shaped text that is no day of the calendar ("30/02/2024", "ngày 31 tháng 4 năm 2024"), as
 * written without its qualifier: {@link findVietnameseDates} skips these, a report should name them.
 * @example findImpossibleDates('báo cáo trước ngày 30/02/2024') // ['30/02/2024']
 */
export function findImpossibleDates(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT_INDICES)) {
    if (isRealIsoDate(readGroups(m.groups as DateGroups).iso)) continue;
    const start = (m.indices!.groups!.ngayL ?? m.indices!.groups!.sd)![0];
    found.push(m[0].slice(start - m.index));
  }
  return found;
}

export type VietnameseDateStyle = 'short' | 'long' | 'month';

// Nghị định 30/2020 writes days below 10 and the months 1 and 2 with a leading zero ("05/3/2021",
// "25/02/2021"); the seeds follow it.
function day2(d: number): string {
  return d < 10 ? `0${d}` : String(d);
}
function month2(m: number): string {
  return m <= 2 ? `0${m}` : String(m);
}

/**
 * Orders ISO dates ("YYYY-MM-DD", or a year with "-00-00" for an unknown day) by the calendar:
 * fixed-width digits compare as text, code unit by code unit. `localeCompare` gives the same order
 * through ICU at some thirty times the cost: sorting the 150,000 deadlines of 50,000 plans spent 2 s
 * in it, in each process of every build.
 * @example ['2024-10-01', '2024-03-25'].sort(compareIsoDates) // ['2024-03-25', '2024-10-01']
 */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Formats an ISO date the way Vietnamese documents write it (Nghị định 30/2020: leading zero for
 * days below 10 and for months 1 and 2).
 * - `short`: "25/3/2024", "05/01/2024"
 * - `long`: "ngày 25 tháng 3 năm 2024"
 * - `month`: "tháng 3/2024" (accepts "YYYY-MM" too), for calendar headings
 * Throws a RangeError on a value that is not a real ISO date: content dates are validated earlier.
 * @example formatVietnameseDate('2024-03-25', 'long') // 'ngày 25 tháng 3 năm 2024'
 */
export function formatVietnameseDate(iso: string, style: VietnameseDateStyle = 'short'): string {
  const monthOnly = style === 'month' && /^\d{4}-\d{2}$/.test(iso);
  if (!monthOnly && !isRealIsoDate(iso)) throw new RangeError(`not a real ISO date: "${iso}"`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (monthOnly && (m < 1 || m > 12)) throw new RangeError(`not a real ISO month: "${iso}"`);
  switch (style) {
    case 'short':
      return `${day2(d)}/${month2(m)}/${y}`;
    case 'long':
      return `ngày ${day2(d)} tháng ${month2(m)} năm ${y}`;
    case 'month':
      return `tháng ${m}/${y}`;
    default:
      throw new RangeError(`unknown date style: ${String(style)}`);
  }
}
