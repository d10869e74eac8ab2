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
 * Where a plan's text (summary and body, gzip) is stored, relative to the Pagefind bundle folder.
 * @example searchTextPath('dan-chu-co-so-2024-so-tttt-tay-ninh') // 'text/dan-chu-co-so-2024-so-tttt-tay-ninh.txt.gz'
 */
export function searchTextPath(slug: string): string {
  return `text/${slug}.txt.gz`;
}

/**
 * The slug of a plan from its result URL ("/ke-hoach-mo/ke-hoach/{slug}/").
 * @example slugFromResultUrl('/ke-hoach-mo/ke-hoach/abc/') // 'abc'
 */
export function slugFromResultUrl(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
}
