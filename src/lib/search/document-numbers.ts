import { foldVietnamese, toNFC } from '../vn/text';

/**
 * Document numbers (số/ký hiệu) as people type them into a search box. Every spelling of one number
 * ("33/CT-TTg", "33 CT-TTg", "ct-ttg 33", "33/ct-ttg") maps to one search key ("33ctttg"): the
 * digits, then the letters and digits of the symbol. The index carries the key of every number a
 * plan mentions, and the query is rewritten to it, so a number finds exactly the plans citing it
 * and not every plan that has a "33" somewhere and a "CT-TTg" elsewhere.
 */

/** Type abbreviations that make a query like "33 ct ttg" (no dash or slash) read as a number. */
const TYPE_CODES = new Set(['nq', 'qd', 'qdi', 'ct', 'qc', 'qyd', 'tb', 'hd', 'ctr', 'kh', 'bc', 'cv', 'nd', 'tt', 'ttlt', 'kl', 'qh']);

// On folded text: "59/2023" (state legal documents carry the year), then the symbol.
const NUMBER = String.raw`\d{1,5}(?:\/\d{4})?`;
const PART = String.raw`[a-z][a-z0-9]*`;
const SYMBOL = String.raw`${PART}(?:[\/-][a-z0-9]+)*`;
const BEFORE = String.raw`(?<![\p{L}\p{N}\/.-])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|[\/-][\p{L}\p{N}])`;

// As documents write them: "33/ct-ttg", "23-qd/tw", "59/2023/nd-cp", "10/2022/qh15".
const WRITTEN = new RegExp(`${BEFORE}(?<num>${NUMBER})[\\/-](?<sym>${SYMBOL})${AFTER}`, 'gu');
// As people also type them: "33 ct-ttg", and "33 ct ttg" when "ct" is a type abbreviation.
const SPACED = new RegExp(`${BEFORE}(?<num>${NUMBER})\\s+(?<sym>${PART}(?:[\\/-][a-z0-9]+)+|(?:${[...TYPE_CODES].join('|')})\\s+${PART})${AFTER}`, 'gu');
// Symbol first: "ct-ttg 33", "nd-cp 59/2023", "ct-ttg so 33".
const SYMBOL_FIRST = new RegExp(`${BEFORE}(?<sym>${PART}(?:[\\/-]${PART})+)\\s+(?:so\\s+)?(?<num>${NUMBER})${AFTER}`, 'gu');

export interface DocumentNumberMatch {
  /** The search key: "33ctttg", "592023ndcp", "110khbdvtubcsdubnd". */
  key: string;
  /** Offsets of the whole number in the folded text. */
  start: number;
  end: number;
}

export interface FindOptions {
  /**
   * Also read the spellings people type but documents do not use: "33 CT-TTg", "33 ct ttg",
   * "ct-ttg 33". On for queries; off for document text, where "năm 2024 đã…" must stay words.
   */
  query?: boolean;
}

function keyOf(num: string, sym: string): string {
  return `${num.replace(/\D/g, '')}${sym.replace(/[^a-z0-9]/g, '')}`;
}

// A bare "33/ct" is a number only when "ct" is a type abbreviation; "59/2023/..." always is.
function writtenSymbol(num: string, sym: string): boolean {
  return num.includes('/') || /[/-]/.test(sym) || TYPE_CODES.has(sym);
}

/**
 * Finds document numbers in a folded (lowercase ASCII) text, in order, without overlaps.
 * Dates ("25/3/2024") and ranges ("2021-2025") are not numbers: the symbol must start with a letter.
 * @example findDocumentNumbers('chi thi so 33/ct-ttg ngay 26/11/2021') // [{ key: '33ctttg', start: 11, end: 20 }]
 * @example findDocumentNumbers('ct-ttg 33', { query: true }) // [{ key: '33ctttg', start: 0, end: 9 }]
 */
export function findDocumentNumbers(folded: string, options: FindOptions = {}): DocumentNumberMatch[] {
  const found: DocumentNumberMatch[] = [];
  const taken = (start: number, end: number) => found.some((m) => start < m.end && m.start < end);
  const collect = (pattern: RegExp, accept: (num: string, sym: string) => boolean) => {
    for (const m of folded.matchAll(pattern)) {
      const { num, sym } = m.groups as { num: string; sym: string };
      const start = m.index;
      const end = start + m[0].length;
      if (!accept(num, sym) || taken(start, end)) continue;
      found.push({ key: keyOf(num, sym), start, end });
    }
  };
  collect(WRITTEN, writtenSymbol);
  if (options.query) {
    collect(SPACED, () => true);
    collect(SYMBOL_FIRST, () => true);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The search key of one document number as written anywhere (plan frontmatter, registry, a query).
 * Returns null when the text is not a number with a symbol.
 * @example documentNumberKey('59/2023/NĐ-CP') // '592023ndcp'
 * @example documentNumberKey('110-KH/BDVTU-BCSĐUBND') // '110khbdvtubcsdubnd'
 */
export function documentNumberKey(written: string): string | null {
  const folded = foldVietnamese(toNFC(written)).trim();
  const [match] = findDocumentNumbers(folded, { query: true });
  return match && match.start === 0 && match.end === folded.length ? match.key : null;
}
