/**
 * Numbered documents cited in running text: "Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân
 * dân tỉnh Tây Ninh", through the debris of PDF extraction. Each match carries the type the text
 * names, the number parsed by `document-number.ts`, the date and issuer that follow it.
 */
import { findVietnameseDates } from '../vn/dates';
import { collapseWhitespace, foldVietnamese, normalizeTonePlacement, toNFC } from '../vn/text';
import { canonicalDocumentId, documentSymbolKey as symbolKey, parseDocumentNumber, type ParsedDocumentNumber } from './document-number';

/** Document type names recognised in front of a number, with the old tone placement as aliases. */
export const DOCUMENT_TYPE_NAMES = [
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Lệnh',
  'Nghị quyết liên tịch',
  'Nghị quyết',
  'Nghị định',
  'Thông tư liên tịch',
  'Thông tư',
  'Thông tri',
  'Quyết định',
  'Chỉ thị',
  'Quy chế',
  'Quy định',
  'Thông cáo',
  'Thông báo',
  'Hướng dẫn',
  'Chương trình',
  'Kế hoạch',
  'Phương án',
  'Đề án',
  'Dự án',
  'Báo cáo',
  'Biên bản',
  'Tờ trình',
  'Hợp đồng',
  'Công điện',
  'Công văn',
  'Bản ghi nhớ',
  'Bản thỏa thuận',
  'Giấy mời',
  'Giấy giới thiệu',
  'Giấy ủy quyền',
  'Kết luận',
  'Văn bản',
] as const;

const TYPE_BY_KEY = new Map<string, string>(DOCUMENT_TYPE_NAMES.map((t) => [foldVietnamese(t), t]));
const TYPE_ALTERNATIVES = [...DOCUMENT_TYPE_NAMES, 'Bản thoả thuận', 'Giấy uỷ quyền']
  .sort((x, y) => y.length - x.length)
  .map((t) => t.split(' ').join('\\s+'))
  .join('|');
const TYPE_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{M}])(?:${TYPE_ALTERNATIVES})(?![\\p{L}\\p{M}])`, 'giu');
// Between a type and its number: at most a few words (the name of a Luật, "phối hợp") and then "số",
// or nothing at all ("Nghị định 30/2020/NĐ-CP"). Punctuation or another number breaks the link.
const TYPE_TO_NUMBER = /^(?:(?:\s+[^\s;,.:()“”"/]+){0,8}?\s+số\s*|\s+)$/iu;

// A ký hiệu segment is a code ("TTg", "BCSĐUBND", "QH15"); after a line break it must show two capitals,
// so a trailing "-" never swallows an ordinary word such as "Về".
const HYPHEN = '[-\\u2010\\u2011\\u2013]';
const CODE = '\\p{Lu}[\\p{L}\\d]*(?:&\\p{Lu}[\\p{L}\\d]*)?';
const CODE_AFTER_SPACE = `(?=\\p{Lu}[\\p{L}\\d]*?\\p{Lu})${CODE}`;
// Whitespace is tolerated on one side of a separator ("302/KH- UBND", "1847/QĐ -TTg"), never on
// both: "Ban Dân vận – Ban Cán sự" is prose.
const joint = (sep: string): string => `(?:${sep}${CODE}|${sep}\\s+${CODE_AFTER_SPACE}|\\s+${sep}${CODE_AFTER_SPACE})`;
const PARTY_REST = `${joint(HYPHEN)}${joint('\\/')}(?:${joint(HYPHEN)})*`;
const STATE_REST = `(?:(?:\\/|\\/\\s+|\\s+\\/)\\d{4}(?!\\d))?${joint('\\/')}(?:${joint(HYPHEN)})*`;
const NUMBER_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{M}\\d/.,\\-])\\d+(?:${PARTY_REST}|${STATE_REST})`, 'gu');
const URL_IN_TEXT = /(?:https?:\/\/|www\.)\S+/giu;
// The plan's own number in its header ("Số: 859/KH-UBND") is not a reference.
const OWN_NUMBER_LABEL = /(?:^|[^\p{L}])Số\s*:\s*$/u;

const ISSUER_STOPS = [
  'về',
  'ban hành',
  'thực hiện',
  'triển khai',
  'phối hợp',
  'quy định',
  'hướng dẫn',
  'phê duyệt',
  'khóa',
  'nhiệm kỳ',
  'tại',
  'năm',
  'đã',
  'đối với',
  'theo',
  'ngày',
  'số',
  'gọi là',
  'như sau',
  'và các',
].map((s) => s.split(' '));
const ISSUER_MAX_WORDS = 25;
const ISSUER_TOKEN = /\s+|[;,:()“”"…!?[\]]|\.(?=\s|$)|[^\s;,:()“”"…!?[\]]+?(?=[\s;,:()“”"…!?[\]]|\.(?:\s|$)|$)/gu;

function wordKey(w: string): string {
  return normalizeTonePlacement(w).toLowerCase();
}

// Reads "của <issuer>" up to the first word that starts what the document is about ("về", "ban hành"…)
// or punctuation. Returns null when the text does not say, or says something too long to be a name.
function readIssuer(text: string, from: number): { issuer: string; end: number } | null {
  const head = /^[\s,]*của\s+/iu.exec(text.slice(from, from + 40));
  if (!head) return null;
  const start = from + head[0].length;
  const words: { text: string; end: number }[] = [];
  const rest = text.slice(start, start + 400);
  for (const m of rest.matchAll(ISSUER_TOKEN)) {
    if (/^\s/.test(m[0])) continue;
    if (!/[\p{L}\d–-]/u.test(m[0])) break;
    words.push({ text: m[0], end: start + m.index + m[0].length });
    if (words.length > ISSUER_MAX_WORDS + 2) break;
  }
  const keys = words.map((w) => wordKey(w.text));
  let stop = words.length;
  for (let i = 0; i < keys.length && stop === words.length; i++) {
    for (const phrase of ISSUER_STOPS) {
      if (!phrase.every((p, j) => keys[i + j] === p)) continue;
      // "Ban Chỉ đạo thực hiện Quy chế dân chủ…" names a steering committee by what it steers.
      if (phrase.join(' ') === 'thực hiện' && keys.slice(i - 3, i).join(' ') === 'ban chỉ đạo') continue;
      stop = i;
      break;
    }
  }
  if (stop === 0 || stop > ISSUER_MAX_WORDS) return null;
  const kept = words.slice(0, stop);
  return { issuer: toNFC(kept.map((w) => w.text).join(' ')), end: kept[kept.length - 1]!.end };
}

// The date of a reference is the "ngày …" right after its number (a comma may come between).
function readDate(text: string, from: number): { iso: string; end: number } | null {
  const slice = text.slice(from, from + 60);
  const lead = /^[\s,]*/.exec(slice)![0].length;
  const first = findVietnameseDates(slice)[0];
  if (!first || first.index !== lead || first.qualifier !== 'ngày') return null;
  return { iso: first.iso, end: from + first.index + first.length };
}

function findType(text: string, numberIndex: number): { type: string; index: number } | null {
  const windowStart = Math.max(0, numberIndex - 160);
  const window = text.slice(windowStart, numberIndex);
  const candidates = [...window.matchAll(TYPE_IN_TEXT)];
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    if (!TYPE_TO_NUMBER.test(window.slice(c.index + c[0].length))) continue;
    const type = TYPE_BY_KEY.get(foldVietnamese(collapseWhitespace(c[0])));
    if (type) return { type, index: windowStart + c.index };
  }
  return null;
}

export interface DocumentReferenceMatch {
  /** Type as the text names it ("Kế hoạch", "Quyết định", "Kết luận"), else the type the abbreviation implies, else null. */
  type: string | null;
  /** True when `type` comes from the abbreviation because the text names no type. */
  typeInferred: boolean;
  /** Số/ký hiệu with whitespace removed: "110-KH/BDVTU-BCSĐUBND". */
  number: string;
  /** The number exactly as it appears in the text, line breaks included. */
  raw: string;
  parsed: ParsedDocumentNumber;
  /** ISO date from the "ngày …" right after the number, or null. */
  date: string | null;
  /** Issuer as written after "của", up to what the document is about (best effort), or null. */
  issuer: string | null;
  /** Registry id when it can be computed (Party numbers need the date), else null. */
  document: string | null;
  /** Offset of the reference (its type word, or the number when there is none) in the text. */
  index: number;
  /** Offset of the number in the text. */
  numberIndex: number;
  /** Length from `index` to the end of the last part read (number, date or issuer). */
  length: number;
}

/**
 * Every numbered document reference in running text, in order, repeated references included. Reads
 * through the debris of PDF extraction: numbers and type names split over lines ("Kế \n\nhoạch số
 * 110-KH/BDVTU-\n\nBCSĐUBND"), stray spaces ("302/KH- UBND"). Skips URLs and the plan's own
 * "Số: …" line. Offsets refer to the text exactly as passed in.
 * @example findDocumentReferences('Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân dân tỉnh Tây Ninh về …')
 * // [{ type: 'Kế hoạch', number: '859/KH-UBND', date: '2024-03-25', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', document: '859-kh-ubnd', … }]
 */
export function findDocumentReferences(text: string): DocumentReferenceMatch[] {
  const urls = [...text.matchAll(URL_IN_TEXT)].map((m) => [m.index, m.index + m[0].length] as const);
  const found: DocumentReferenceMatch[] = [];
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const numberIndex = m.index;
    if (urls.some(([s, e]) => numberIndex >= s && numberIndex < e)) continue;
    if (OWN_NUMBER_LABEL.test(text.slice(Math.max(0, numberIndex - 12), numberIndex))) continue;
    const typeFound = findType(text, numberIndex);
    const parsed = parseDocumentNumber(m[0], { type: typeFound?.type });
    if (!parsed.ok) continue;
    let end = numberIndex + m[0].length;
    let date = readDate(text, end);
    if (date) end = date.end;
    const issuer = readIssuer(text, end);
    if (issuer) end = issuer.end;
    // Some plans put the issuer first: "… số 12/KH-UBND của UBND tỉnh ngày 05/3/2024".
    if (!date && issuer) {
      date = readDate(text, end);
      if (date) end = date.end;
    }
    const id = canonicalDocumentId(parsed, { year: date?.iso, typeName: typeFound?.type });
    const index = typeFound?.index ?? numberIndex;
    found.push({
      type: typeFound?.type ?? parsed.typeName,
      typeInferred: !typeFound,
      number: parsed.normalized,
      raw: m[0],
      parsed,
      date: date?.iso ?? null,
      issuer: issuer?.issuer ?? null,
      document: id.ok ? id.id : null,
      index,
      numberIndex,
      length: end - index,
    });
  }
  return found;
}

/**
 * One entry per cited document, in order of first mention: a plan cites "Chỉ thị số 33/CT-TTg" with
 * its date once and then bare several times. Repeats fill in the date and issuer the first mention
 * lacked. Party numbers restart every term, so the same Party number with two different years stays
 * two documents; a dateless mention joins the first dated one.
 */
export function mergeDocumentReferences(refs: readonly DocumentReferenceMatch[]): DocumentReferenceMatch[] {
  const merged: DocumentReferenceMatch[] = [];
  const yearOfRef = (r: DocumentReferenceMatch) => (r.date ? r.date.slice(0, 4) : null);
  for (const ref of refs) {
    const key = symbolKey(ref.parsed, ref.type);
    const same = merged.filter((m) => symbolKey(m.parsed, m.type) === key);
    const target =
      ref.parsed.grammar === 'state' || !ref.date
        ? same[0]
        : same.find((m) => yearOfRef(m) === yearOfRef(ref)) ?? same.find((m) => !m.date);
    if (!target) {
      merged.push({ ...ref });
      continue;
    }
    target.date ??= ref.date;
    target.issuer ??= ref.issuer;
    if (target.typeInferred && !ref.typeInferred) Object.assign(target, { type: ref.type, typeInferred: false });
    if (target.document === null && target.date) {
      const id = canonicalDocumentId(target.parsed, { year: target.date, typeName: target.type });
      target.document = id.ok ? id.id : null;
    }
  }
  return merged;
}
