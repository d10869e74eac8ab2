/**
 * Số/ký hiệu of Vietnamese documents, in the two grammars the plans cite:
 * - state (Nghị định 30/2020/NĐ-CP): "33/CT-TTg", "59/2023/NĐ-CP", "10/2022/QH15", "1432/BNV-CTTN";
 * - Party (Hướng dẫn 36-HD/VPTW): "114-KL/TW", "11-QĐi/TW", "110-KH/BDVTU-BCSĐUBND".
 * Parsing never throws on user input: malformed numbers come back as a typed error with a Vietnamese
 * message for the content author. Finding numbers in running text is `document-references.ts`.
 */
import { slugify } from '../vn/slug';
import { collapseWhitespace, foldVietnamese, toNFC } from '../vn/text';

export type DocumentGrammar = 'state' | 'party';

export interface ParsedDocumentNumber {
  ok: true;
  /** The input as given. */
  raw: string;
  /** NFC, every whitespace removed, dash look-alikes turned into "-": "302/KH-UBND". */
  normalized: string;
  /** "state" for "33/CT-TTg", "party" for "114-KL/TW". */
  grammar: DocumentGrammar;
  /** The number proper, as written (leading zeros kept): "33", "04". */
  sequence: string;
  /** The year segment of state legal documents ("59/2023/NĐ-CP" → 2023), else null. */
  year: number | null;
  /** Type abbreviation in its standard spelling ("CT", "NĐ", "QĐi"), null for a state công văn. */
  typeCode: string | null;
  /** Issuing body code(s) after the type: "TTg", "CP", "TW", "BDVTU-BCSĐUBND", "BNV-CTTN". */
  issuerCode: string | null;
  /** Type name: the one given by the caller, else from the abbreviation table, else null. */
  typeName: string | null;
}

export type DocumentNumberErrorCode =
  | 'empty'
  | 'missing-sequence'
  | 'missing-separator'
  | 'missing-symbol'
  | 'malformed'
  | 'missing-year';

export interface DocumentNumberError {
  ok: false;
  code: DocumentNumberErrorCode;
  /** The input as given. */
  raw: string;
  /** What is wrong and what is expected, in Vietnamese (for content authors). */
  message: string;
}

/** Type abbreviations of state documents: Nghị định 30/2020/NĐ-CP Phụ lục III, plus legal normative documents. */
export const STATE_TYPE_CODES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  NP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQLT: 'Nghị quyết liên tịch',
  PL: 'Pháp lệnh',
  L: 'Lệnh',
};

/**
 * Type abbreviations of Party documents (Hướng dẫn 36-HD/VPTW). Before 2018 a Party Quy định was
 * also written "QĐ", so "QĐ" alone cannot tell Quyết định from Quy định: the caller's type decides.
 */
export const PARTY_TYPE_CODES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QĐi: 'Quy định',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  QC: 'Quy chế',
  HD: 'Hướng dẫn',
  TT: 'Thông tri',
  TB: 'Thông báo',
  TC: 'Thông cáo',
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  ĐA: 'Đề án',
  PA: 'Phương án',
  TTr: 'Tờ trình',
  CV: 'Công văn',
  BB: 'Biên bản',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GCN: 'Giấy chứng nhận',
};

// Exact spelling first, then ignoring case ("Ttg" typos), then ignoring đ/d when that is unambiguous
// ("QD" typed without Vietnamese keyboard; "DA" stays Dự án, never Đề án).
function lookupCode(table: Readonly<Record<string, string>>, code: string): string | null {
  if (code in table) return code;
  const keys = Object.keys(table);
  const upper = keys.filter((k) => k.toUpperCase() === code.toUpperCase());
  if (upper.length === 1) return upper[0]!;
  const folded = keys.filter((k) => foldVietnamese(k) === foldVietnamese(code));
  return folded.length === 1 ? folded[0]! : null;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cleanTypeName(type: string | null | undefined): string | null {
  if (!type) return null;
  const t = collapseWhitespace(toNFC(type));
  return t ? capitalize(t) : null;
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2212]/g;
const PARTY_NUMBER = /^(\d+)-(\p{L}[\p{L}\d]*)\/([\p{L}\d&]+(?:-[\p{L}\d&]+)*)$/u;
// "&" appears in issuer codes of joint units: "2231/SNV-CCHC&PC".
const STATE_NUMBER = /^(\d+)(?:\/(\d{4}))?\/([\p{L}\d&]+(?:-[\p{L}\d&]+)*)$/u;

function normalizeNumber(raw: string): string {
  // Ð/ð (eth) stand in for Đ/đ in some extractions; they are never meant.
  return toNFC(raw).replace(/\s+/g, '').replace(DASHES, '-').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
}

function numberError(raw: string, normalized: string): DocumentNumberError {
  const fail = (code: DocumentNumberErrorCode, message: string): DocumentNumberError => ({ ok: false, code, raw, message });
  if (!normalized) return fail('empty', 'số/ký hiệu đang để trống; cần dạng "33/CT-TTg" hoặc "114-KL/TW"');
  if (/^[-/]/.test(normalized)) {
    return fail('missing-sequence', `"${raw}" thiếu số thứ tự trước ký hiệu (bản chưa đánh số?); cần dạng "859/KH-UBND"`);
  }
  if (/^\d+\p{L}/u.test(normalized)) {
    return fail('missing-separator', `"${raw}" thiếu dấu "/" hoặc "-" giữa số và ký hiệu; cần dạng "33/CT-TTg" hoặc "114-KL/TW"`);
  }
  if (/^\d+[-/]*$/.test(normalized)) {
    return fail('missing-symbol', `"${raw}" chỉ có số, thiếu ký hiệu; cần dạng "33/CT-TTg" hoặc "114-KL/TW"`);
  }
  return fail('malformed', `"${raw}" không đúng dạng số/ký hiệu; cần dạng "33/CT-TTg", "59/2023/NĐ-CP" hoặc "114-KL/TW"`);
}

export interface ParseDocumentNumberOptions {
  /** The document type the text names ("Quy định", "Luật"); it wins over the abbreviation table. */
  type?: string | null;
}

/**
 * Parses a số/ký hiệu in the state or the Party grammar. Whitespace and line breaks left by PDF
 * extraction are ignored ("302/KH- UBND", "1847/QĐ -TTg", "114-\nKL/TW"). Never throws: a
 * malformed number ("33CT-TTg", "/KH-UBND") comes back as `{ ok: false, code, message }`.
 * @example parseDocumentNumber('59/2023/NĐ-CP')
 * // { ok: true, grammar: 'state', sequence: '59', year: 2023, typeCode: 'NĐ', issuerCode: 'CP', typeName: 'Nghị định', … }
 * @example parseDocumentNumber('110-KH/BDVTU-\nBCSĐUBND')
 * // { ok: true, grammar: 'party', normalized: '110-KH/BDVTU-BCSĐUBND', typeCode: 'KH', issuerCode: 'BDVTU-BCSĐUBND', … }
 * @example parseDocumentNumber('1432/BNV-CTTN') // typeCode null, issuerCode 'BNV-CTTN', typeName 'Công văn'
 */
export function parseDocumentNumber(
  raw: string,
  options: ParseDocumentNumberOptions = {},
): ParsedDocumentNumber | DocumentNumberError {
  const normalized = normalizeNumber(raw);
  const givenType = cleanTypeName(options.type);

  const party = PARTY_NUMBER.exec(normalized);
  if (party) {
    const [, sequence, writtenCode, issuerCode] = party as unknown as [string, string, string, string];
    const typeCode = lookupCode(PARTY_TYPE_CODES, writtenCode);
    return {
      ok: true,
      raw,
      normalized,
      grammar: 'party',
      sequence,
      year: null,
      typeCode: typeCode ?? writtenCode,
      issuerCode,
      typeName: givenType ?? (typeCode ? PARTY_TYPE_CODES[typeCode]! : null),
    };
  }

  const state = STATE_NUMBER.exec(normalized);
  if (state && /\p{L}/u.test(state[3]!)) {
    const [, sequence, yearText, symbol] = state as unknown as [string, string, string | undefined, string];
    const year = yearText ? Number(yearText) : null;
    const [first, ...rest] = symbol.split('-') as [string, ...string[]];
    const typeCode = lookupCode(STATE_TYPE_CODES, first);
    let issuerCode: string | null;
    let tableName: string | null;
    if (typeCode) {
      issuerCode = rest.length ? rest.join('-') : null;
      tableName = STATE_TYPE_CODES[typeCode]!;
    } else {
      // No type code: a công văn ("1432/BNV-CTTN") or, with a year and a Quốc hội issuer, a Luật.
      issuerCode = symbol;
      tableName = year === null ? 'Công văn' : /^QH\d*$/i.test(symbol) ? 'Luật' : null;
    }
    return { ok: true, raw, normalized, grammar: 'state', sequence, year, typeCode, issuerCode, typeName: givenType ?? tableName };
  }

  return numberError(raw, normalized);
}

/** Narrows a parse result to the error case. */
export function isDocumentNumberError(value: ParsedDocumentNumber | DocumentNumberError): value is DocumentNumberError {
  return value.ok === false;
}

function yearOf(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string') {
    const m = /^\s*(\d{4})(?:-\d{2}-\d{2})?\s*$/.exec(value);
    return m ? Number(m[1]) : null;
  }
  return null;
}

// The registry writes a Party Quy định with its proper abbreviation QĐi even when a plan wrote "QĐ".
/** The key two spellings of one số/ký hiệu share (see `sameDocumentNumber`). */
export function documentSymbolKey(parsed: ParsedDocumentNumber, typeName: string | null | undefined): string {
  const name = cleanTypeName(typeName) ?? parsed.typeName;
  if (
    parsed.grammar === 'party' &&
    parsed.typeCode === 'QĐ' &&
    name !== null &&
    foldVietnamese(name) === 'quy dinh'
  ) {
    return slugify(`${parsed.sequence}-QĐi/${parsed.issuerCode ?? ''}`);
  }
  return slugify(parsed.normalized);
}

export interface CanonicalIdOptions {
  /** Year of issue, or an ISO date; required for Party numbers, which restart every term. */
  year?: number | string | null;
  /** Type as the text names it; a Party "QĐ" named "Quy định" becomes "QĐi". */
  typeName?: string | null;
}

export type CanonicalIdResult = { ok: true; id: string } | DocumentNumberError;

/**
 * The registry id of a document (`content/documents/{id}.yaml`): the number folded to ASCII and
 * slugged; Party numbers add "-{year}" because they restart every term.
 * Accepts a number string, a parse result, or a parse error (passed through).
 * @example canonicalDocumentId('59/2023/NĐ-CP') // { ok: true, id: '59-2023-nd-cp' }
 * @example canonicalDocumentId('114-KL/TW', { year: '2015-07-14' }) // { ok: true, id: '114-kl-tw-2015' }
 * @example canonicalDocumentId('11-QĐ/TW', { year: 2019, typeName: 'Quy định' }) // { ok: true, id: '11-qdi-tw-2019' }
 */
export function canonicalDocumentId(
  input: string | ParsedDocumentNumber | DocumentNumberError,
  options: CanonicalIdOptions = {},
): CanonicalIdResult {
  const parsed = typeof input === 'string' ? parseDocumentNumber(input, { type: options.typeName }) : input;
  if (!parsed.ok) return parsed;
  const key = documentSymbolKey(parsed, options.typeName);
  if (parsed.grammar === 'state') return { ok: true, id: key };
  const year = parsed.year ?? yearOf(options.year);
  if (year === null) {
    return {
      ok: false,
      code: 'missing-year',
      raw: parsed.raw,
      message: `văn bản của Đảng "${parsed.normalized}" cần năm ban hành để tạo mã, vì số văn bản của Đảng được đánh lại theo nhiệm kỳ`,
    };
  }
  return { ok: true, id: `${key}-${year}` };
}

/**
 * True when two spellings denote the same số/ký hiệu: case, whitespace, line breaks and đ/d do not
 * matter, and with `typeName: 'Quy định'` a Party "11-QĐ/TW" equals "11-QĐi/TW". Malformed input is
 * never equal to anything.
 * @example sameDocumentNumber('1847/QĐ -TTg', '1847/QĐ-TTg') // true
 * @example sameDocumentNumber('11-QĐ/TW', '11-QĐi/TW', { typeName: 'Quy định' }) // true
 */
export function sameDocumentNumber(
  a: string | ParsedDocumentNumber,
  b: string | ParsedDocumentNumber,
  options: { typeName?: string | null } = {},
): boolean {
  const pa = typeof a === 'string' ? parseDocumentNumber(a) : a;
  const pb = typeof b === 'string' ? parseDocumentNumber(b) : b;
  if (!pa.ok || !pb.ok || pa.grammar !== pb.grammar) return false;
  return documentSymbolKey(pa, options.typeName) === documentSymbolKey(pb, options.typeName);
}
