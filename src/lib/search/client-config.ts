/**
 * How the search page drives Pagefind, shared with the benchmark so it measures what a visitor's
 * browser downloads.
 */

/**
 * Options for `pagefind.options()` (besides `basePath`). Record URLs already carry the base path,
 * so Pagefind must not prefix them again (it would derive "/ke-hoach-mo/" from the bundle path).
 * The query arrives folded, so no diacritic variant deserves a bonus over another. The search runs
 * on the main thread: the index is small, and the worker would be one more script to download.
 */
export const PAGEFIND_OPTIONS = {
  baseUrl: '/',
  ranking: { diacriticSimilarity: 0 },
  noWorker: true,
} as const;

/** Results shown at once; "Xem thêm" shows the next ones. */
export const RESULTS_PAGE_SIZE = 10;

/** Results whose text is loaded (one Pagefind fragment each) to re-rank; Pagefind's order decides beyond it. */
export const RERANK_WINDOW = 10;

/**
 * Ends every indexed term and every searched term. Pagefind matches a query word against every
 * indexed word it begins ("dan" finds "danh"), and when none begins with it, against the longest
 * indexed word that begins the query word ("covid" finds "co", "999khubnd" finds "99"). With the
 * mark at the end of both, "danǂ" begins only "danǂ" and no indexed word begins "covidǂ" but
 * "covidǂ": matching is exact. A Latin letter (Lo), so Pagefind keeps it as part of the word; it
 * never occurs in folded text ({@link stripTermEnd} removes it from input).
 */
export const TERM_END = '\u01c2';

/**
 * Letters standing for digits in terms that mix digits and letters ("33ctttg", "5g"). Pagefind
 * also indexes the leading number of such a word on its own ("33"), unmarked, which would let any
 * absent "33…" term match; with letters for digits there is no number to split off. Plain numbers
 * ("2024") keep their digits. None of these letters has a decomposition, so Pagefind keeps them.
 */
const DIGIT_LETTERS = '\u0180\u0183\u0185\u0188\u018c\u0192\u0199\u019a\u019e\u01a5';

/**
 * A term as the index holds it and as Pagefind is asked for it: end-marked, digits of mixed terms
 * as letters.
 * @example indexedTerm('dan') // 'danǂ'
 * @example indexedTerm('33ctttg') // 'ƃƃctttgǂ'
 */
export function indexedTerm(term: string, end: string = TERM_END): string {
  const mixed = /\d/.test(term) && /\D/.test(term);
  return `${mixed ? term.replace(/\d/g, (d) => DIGIT_LETTERS[Number(d)]!) : term}${end}`;
}

/**
 * Ends the terms of agencies and cited documents (src/lib/search/directory.ts) instead of
 * TERM_END: the same words, a second exact search in the same index that never returns a plan.
 */
export const DIRECTORY_TERM_END = '\u01c1';

/** What the index holds besides plans, and the URL segment of its pages. */
export type DirectoryKind = 'co-quan' | 'van-ban';

/** What the browser loads for a shown agency or document. */
export interface StoredDirectoryRecord {
  kind: DirectoryKind;
  /** Its page, base path included. */
  url: string;
  /** "Sở Thông tin và Truyền thông tỉnh Tây Ninh", "Chỉ thị số 33/CT-TTg". */
  name: string;
  /** Short name, level, parent; or title, issuer, date. */
  detail: string;
}

/** Removes the end mark from text, so no word of a plan or a query can contain it. */
export function stripTermEnd(text: string): string {
  return text.replaceAll(TERM_END, ' ').replaceAll(DIRECTORY_TERM_END, ' ');
}

/** What the browser loads for a shown result (gzip JSON beside the index, see storedRecordPath). */
export interface StoredSearchRecord {
  /** Plan page URL, base path included. */
  url: string;
  title: string;
  /** Issue date, else 1 January of the plan's year (ISO): the newest-first tie-break. */
  date: string;
  /** Search keys of the documents the plan implements ("33ctttg"). */
  basis: string[];
  /** Search keys of the other documents it cites. */
  citations: string[];
  /** The plan card's HTML, as the plan lists print it (src/lib/portal/plan-card.ts). */
  card: string;
  /** Summary and body as written: excerpts and phrase ranking. */
  text: string;
  /** Set on the one record that is no plan (see NO_MATCH_HTML): never shown, never counted. */
  noMatch?: true;
}

/**
 * The one record that is no plan. Pagefind leaves out of a query any word that matches nothing
 * (after the longest-prefix fallback), so "covid đảng" would return every plan with "đảng". This
 * record holds every letter and digit alone (and DIGIT_LETTERS), without the end mark: an absent word falls back to its
 * first character, matches this record only, and the intersection with the other words is empty;
 * a query of absent words returns this record alone, which the page drops.
 */
export const NO_MATCH_HTML =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>–</title></head><body><main data-pagefind-body><span data-pagefind-meta="title">–</span><p>' +
  [...`abcdefghijklmnopqrstuvwxyz0123456789${DIGIT_LETTERS}`].join(' ') +
  '</p></main></body></html>';

/** URL of the no-match record, under the bundle folder, so it is never a page of the site. */
export const NO_MATCH_URL = 'pagefind/#khong-khop';

/**
 * Where the stored record of a Pagefind result is, relative to the bundle folder: named by the
 * result's id (its fragment), so a result is shown with one request and no Pagefind fragment.
 * @example storedRecordPath('vi_1f2ba1f') // 'ket-qua/vi_1f2ba1f.json.gz'
 */
export function storedRecordPath(id: string): string {
  return `ket-qua/${id}.json.gz`;
}

/**
 * The index vocabulary (folded words and how many plans use each), loaded only when a query finds
 * nothing, to suggest near misses.
 */
export const VOCABULARY_PATH = 'tu-vung.json.gz';
