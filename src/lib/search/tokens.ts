import { foldVietnamese, toNFC } from '../vn/text';
import { findDocumentNumbers, type FindOptions } from './document-numbers';

/** A folded text with, for every folded character, the offset of the character it came from. */
export interface FoldedText {
  /** The NFC text the offsets point into. */
  original: string;
  /** `foldVietnamese(original)`. */
  folded: string;
  /** `offsets[i]` is the index in `original` of the character that produced `folded[i]`; one extra entry for the end. */
  offsets: number[];
}

/**
 * Folds a text (tones and vowel marks off, đ → d, lowercase) keeping a map back to the original, so
 * matches found in the folded text can be highlighted in the text as written.
 * @example foldWithOffsets('Đảng ủy').folded // 'dang uy'
 */
export function foldWithOffsets(text: string): FoldedText {
  const original = toNFC(text);
  const folded = foldVietnamese(original);
  if (folded.length === original.length) {
    return { original, folded, offsets: Array.from({ length: folded.length + 1 }, (_, i) => i) };
  }
  // Rare: a character whose folded form has another length (e.g. "İ"); fold one code point at a time.
  let out = '';
  const offsets: number[] = [];
  let index = 0;
  for (const ch of original) {
    const f = foldVietnamese(ch);
    for (let k = 0; k < f.length; k++) offsets.push(index);
    out += f;
    index += ch.length;
  }
  offsets.push(original.length);
  return { original, folded: out, offsets };
}

/** One searchable unit of a text: a folded word, or the key of a document number ("33ctttg"). */
export interface SearchToken {
  /** Folded word ("dang") or document-number key ("33ctttg"). */
  value: string;
  /** Offsets in the folded text (and, through `FoldedText.offsets`, in the original). */
  start: number;
  end: number;
  /** True for a document-number key. */
  number: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits a folded text into words, with each document number ("33/ct-ttg", "59/2023/nd-cp")
 * as one token carrying its key, so phrases compare token by token. With `{ query: true }` it also
 * reads the spellings people type ("33 ct-ttg", "ct-ttg 33"): that is how queries are split.
 * @example tokenizeFolded('chi thi 33/ct-ttg').map((t) => t.value) // ['chi', 'thi', '33ctttg']
 */
export function tokenizeFolded(folded: string, options: FindOptions = {}): SearchToken[] {
  const numbers = findDocumentNumbers(folded, options);
  const tokens: SearchToken[] = [];
  let n = 0;
  for (const m of folded.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    while (n < numbers.length && numbers[n]!.end <= start) {
      const num = numbers[n++]!;
      tokens.push({ value: num.key, start: num.start, end: num.end, number: true });
    }
    const inside = n < numbers.length && numbers[n]!.start <= start && end <= numbers[n]!.end;
    if (!inside) tokens.push({ value: m[0], start, end, number: false });
  }
  for (; n < numbers.length; n++) tokens.push({ value: numbers[n]!.key, start: numbers[n]!.start, end: numbers[n]!.end, number: true });
  return tokens;
}

/** Folded words of a text, document numbers as keys. */
export function searchTokens(text: string): string[] {
  return tokenizeFolded(foldVietnamese(toNFC(text))).map((t) => t.value);
}
