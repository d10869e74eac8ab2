import { collapseWhitespace, toNFC } from '../vn/text';
import { foldWithOffsets, tokenizeFolded } from './tokens';
import { DIRECTORY_TERM_END, TERM_END, indexedTerm, stripTermEnd } from './client-config';

/** Longest query kept; a search box is not a document. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Function words nearly every plan contains, folded: ở, và, của, các, là, những, với, theo, trên,
 * được, khi, một, về, hoặc. Only forms that fold to nothing else a plan would be searched for
 * ("co" is có but also cơ, "de" is để but also đề, so they stay). They narrow nothing and each
 * costs an index chunk download, so they are left out of the Pagefind query — but kept in
 * `terms`, so "dân chủ ở cơ sở" still ranks the exact phrase first and highlights it whole.
 */
const STOP_TERMS: ReadonlySet<string> = new Set(['o', 'va', 'cua', 'cac', 'la', 'nhung', 'voi', 'theo', 'tren', 'duoc', 'khi', 'mot', 've', 'hoac']);

export interface NormalizedQuery {
  /** The query as typed, NFC, whitespace collapsed, cut to MAX_QUERY_LENGTH. */
  text: string;
  /**
   * Terms in order: folded words, each document number as its key ("33ctttg"). Used for the
   * Pagefind query, phrase ranking and highlighting alike.
   */
  terms: string[];
  /** The terms every result must hold: `terms` without STOP_TERMS, unless that leaves none. */
  required: string[];
  /** Each term as the reader wrote it ("Đảng", "33/CT-TTg"), for suggestions built from the query. */
  written: string[];
  /** What to pass to `pagefind.search` (terms without STOP_TERMS, unless that leaves none), or null when there is nothing to search for. */
  pagefind: string | null;
  /** The same terms for the agencies and documents (DIRECTORY_TERM_END), or null. */
  directory: string | null;
}

/**
 * Turns what someone typed into the terms the index holds: folded like the index ("Đảng ủy",
 * "dang uy", "Đảng uỷ" all become "dang uy"), document numbers in any spelling turned into one key
 * ("33/CT-TTg", "33 CT-TTg", "ct-ttg 33" → "33ctttg").
 * @example normalizeQuery('Uỷ ban nhân dân').pagefind // 'uyǂ banǂ nhanǂ danǂ' (see TERM_END)
 * @example normalizeQuery('Chỉ thị 33/CT-TTg').terms // ['chi', 'thi', '33ctttg']
 */
export function normalizeQuery(input: string): NormalizedQuery {
  const text = collapseWhitespace(toNFC(input)).slice(0, MAX_QUERY_LENGTH);
  const { original, folded, offsets } = foldWithOffsets(text);
  const tokens = tokenizeFolded(stripTermEnd(folded), { query: true });
  const terms = tokens.map((t) => t.value);
  const written = tokens.map((t) => original.slice(offsets[t.start], offsets[t.end]));
  const content = terms.filter((t) => !STOP_TERMS.has(t));
  const searched = content.length > 0 ? content : terms;
  const ask = (end: string) => (searched.length > 0 ? searched.map((t) => indexedTerm(t, end)).join(' ') : null);
  return { text: original, terms, required: searched, written, pagefind: ask(TERM_END), directory: ask(DIRECTORY_TERM_END) };
}

/** Shortest word being typed whose index chunk is fetched before the typing pause ends (see preloadQuery). */
export const PRELOAD_MIN_LENGTH = 2;

/**
 * What to fetch index chunks for while the reader is still typing: the Pagefind terms of the
 * words typed so far, leaving out the word being typed while it is shorter than
 * PRELOAD_MIN_LENGTH. The index is split into chunks by term, so "c", "ch" and "chuyen" each lie
 * in another chunk: preloading every prefix fetches chunks no search uses, and a phone pays for
 * them. The left-out word's chunk is fetched when the search runs.
 *
 * Two letters, not three: measured with `npm run bench -- search` at 5,000 plans, leaving out
 * two-letter words too saved 20 KB more on "dân chủ ở cơ sở" but its last word ("sở") was then
 * fetched only after the typing pause, and the results came 270 ms later (1,196 ms, over the 1 s
 * budget, against 929 ms).
 * @example preloadQuery('dân c') // 'danǂ' (see TERM_END)
 * @example preloadQuery('dân chủ') // 'danǂ chuǂ'
 */
export function preloadQuery(input: string): string | null {
  const [, done = '', typing = ''] = /^(.*?)(\S*)$/su.exec(input) ?? [];
  const word = normalizeQuery(typing).terms.join('');
  return normalizeQuery(word.length >= PRELOAD_MIN_LENGTH ? input : done).pagefind;
}
