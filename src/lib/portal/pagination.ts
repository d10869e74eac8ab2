/**
 * Pagination of the long lists (plan lists, a year's deadlines): the slices, their URLs and the
 * navigation under the list. Page 1 keeps the list's own URL (a published promise); later pages
 * live under it at `trang/{n}/`.
 */

/** Plans per page on `/ke-hoach/` and the filtered plan lists. */
export const PLAN_PAGE_SIZE = 50;

/** One page of a list. */
export interface PageSlice<T> {
  /** 1-based page number. */
  page: number;
  pageCount: number;
  /** The items on this page. */
  items: T[];
  /** 1-based position of the first item in the whole list (0 when the list is empty). */
  first: number;
  /** 1-based position of the last item. */
  last: number;
  /** Items in the whole list. */
  total: number;
}

/**
 * Cuts a list into pages of `pageSize` in one pass (each item is copied once, whatever the number of
 * pages). An empty list still has one, empty, page: the list's own URL must exist.
 * @example paginate(['a', 'b', 'c'], 2).map((p) => p.items) // [['a', 'b'], ['c']]
 */
export function paginate<T>(items: readonly T[], pageSize: number): PageSlice<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pageCount }, (_, i) => {
    const start = i * pageSize;
    const slice = items.slice(start, start + pageSize);
    return { page: i + 1, pageCount, items: slice, first: slice.length > 0 ? start + 1 : 0, last: start + slice.length, total: items.length };
  });
}

/**
 * Path of page `page` of a list whose first page is at `firstPagePath` (relative to the base).
 * @example pagePath('ke-hoach/', 1) // 'ke-hoach/'
 * @example pagePath('ke-hoach/nam/2024/', 3) // 'ke-hoach/nam/2024/trang/3/'
 */
export function pagePath(firstPagePath: string, page: number): string {
  const prefix = firstPagePath === '' || firstPagePath.endsWith('/') ? firstPagePath : `${firstPagePath}/`;
  return page <= 1 ? prefix : `${prefix}trang/${page}/`;
}

/** A link of the page navigation. */
export interface PageLink {
  page: number;
  /** Path relative to the base path. */
  path: string;
}

export type PaginationItem = ({ kind: 'page'; current: boolean } & PageLink) | { kind: 'gap' };

/** Everything the navigation under a paginated list prints. */
export interface PaginationNav {
  current: number;
  pageCount: number;
  previous: PageLink | null;
  next: PageLink | null;
  /** Page numbers: the first, the last, the current one and its neighbours; gaps between. */
  items: PaginationItem[];
  /** "Trang 2/7": added to the page title and heading so each page is told apart. */
  label: string;
}

/**
 * The navigation of page `current` out of `pageCount`, or null when the list fits on one page.
 * @example paginationNav(5, 9, 'ke-hoach/')!.items.map((i) => (i.kind === 'gap' ? '…' : i.page)) // [1, '…', 4, 5, 6, '…', 9]
 */
export function paginationNav(current: number, pageCount: number, firstPagePath: string): PaginationNav | null {
  if (pageCount <= 1) return null;
  if (!Number.isInteger(current) || current < 1 || current > pageCount) throw new Error(`page ${current} is outside 1…${pageCount}`);
  const link = (page: number): PageLink => ({ page, path: pagePath(firstPagePath, page) });
  const shown = new Set([1, pageCount, current - 1, current, current + 1]);
  // A gap that would hide a single page shows that page instead ("1 2 3", not "1 … 3").
  if (current - 3 === 1) shown.add(2);
  if (current + 3 === pageCount) shown.add(pageCount - 1);
  const pages = [...shown].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  for (const page of pages) {
    const previous = items.at(-1);
    if (previous?.kind === 'page' && page > previous.page + 1) items.push({ kind: 'gap' });
    items.push({ kind: 'page', current: page === current, ...link(page) });
  }
  return {
    current,
    pageCount,
    previous: current > 1 ? link(current - 1) : null,
    next: current < pageCount ? link(current + 1) : null,
    items,
    label: `Trang ${current}/${pageCount}`,
  };
}

/**
 * A list's title on page `page`: unchanged when the list has one page, else with "Trang n/N".
 * @example pagedTitle('Kế hoạch', 2, 7) // 'Kế hoạch – Trang 2/7'
 */
export function pagedTitle(title: string, page: number, pageCount: number): string {
  return pageCount > 1 ? `${title} – Trang ${page}/${pageCount}` : title;
}

/** A breadcrumb as a page's layout takes it: a label, and the path it links to (relative to the base). */
export interface PageCrumb {
  label: string;
  path?: string;
}

/**
 * A list's breadcrumbs on its page `page`, from `trail`, which ends with the list itself: on a later
 * page that crumb links to the list's first page, at `firstPagePath`, and "Trang n" follows.
 * @example pagedBreadcrumbs([{ label: 'Thời hạn', path: 'thoi-han/' }, { label: 'Năm 2024' }], 'thoi-han/nam/2024/', 2).slice(1) // [{ label: 'Năm 2024', path: 'thoi-han/nam/2024/' }, { label: 'Trang 2' }]
 */
export function pagedBreadcrumbs(trail: readonly PageCrumb[], firstPagePath: string, page: number): PageCrumb[] {
  if (page <= 1) return [...trail];
  return [...trail.slice(0, -1), { ...trail.at(-1)!, path: firstPagePath }, { label: `Trang ${page}` }];
}

/**
 * Whether a page of a list prints the counts of its navigation (filter values, years): on the list's
 * first page only. A count changes whenever a plan is added or removed anywhere on the site, and
 * every later page that printed one was written again for it, where such a page otherwise changes
 * only when its own list does: at 50,000 plans, a plan deleted rendered 12,592 pages again, 7,174
 * once later pages printed no counts (docs/scale.md). The first page, where a reader chooses,
 * keeps them.
 */
export function showsNavCounts(page: number): boolean {
  return page === 1;
}

/** A navigation's links as page `page` of a list prints them: with their counts (`showsNavCounts`), or with none (null). */
export function navLinksShown<T extends { count: number }>(links: readonly T[], page: number): Array<Omit<T, 'count'> & { count: number | null }> {
  return showsNavCounts(page) ? [...links] : links.map((link) => ({ ...link, count: null }));
}

/** At most `max` items of a list, with how many there are in all. */
export interface CappedList<T> {
  items: T[];
  total: number;
  /** True when items were left out. */
  capped: boolean;
}

/**
 * The first `max` items of a list (or the last ones with `from: 'end'`), keeping the total, for
 * the lists a page shows in part with a link to the whole.
 * @example capList([1, 2, 3], 2) // { items: [1, 2], total: 3, capped: true }
 */
export function capList<T>(items: readonly T[], max: number, options: { from?: 'start' | 'end' } = {}): CappedList<T> {
  const capped = items.length > max;
  const kept = !capped ? [...items] : options.from === 'end' ? items.slice(items.length - max) : items.slice(0, max);
  return { items: kept, total: items.length, capped };
}
