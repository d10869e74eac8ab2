import type { AgencyView, Catalog, DeadlineRow } from '../catalog/build';
import { paths } from '../paths';
import { navLinksShown, paginate, pagePath, type PageSlice } from './pagination';

/** Deadlines falling in one calendar month. */
export interface DeadlineMonth {
  /** "2024-11": also the anchor id of the month's section ("thang-2024-11"). */
  key: string;
  /** "Tháng 11/2024". */
  label: string;
  rows: DeadlineRow[];
}

/**
 * Groups deadline rows (already sorted by date) by month, in date order.
 * @example groupDeadlinesByMonth(rows)[0].label // 'Tháng 5/2024'
 */
export function groupDeadlinesByMonth(rows: DeadlineRow[]): DeadlineMonth[] {
  const months: DeadlineMonth[] = [];
  for (const row of rows) {
    const key = row.deadline.date.slice(0, 7);
    let month = months.at(-1);
    if (!month || month.key !== key) {
      const [year, m] = key.split('-');
      month = { key, label: `Tháng ${Number(m)}/${year}`, rows: [] };
      months.push(month);
    }
    month.rows.push(row);
  }
  return months;
}

/** /thoi-han/ lists at most this many owners (those with the most deadlines); /co-quan/ lists all. */
export const DEADLINE_OWNERS_MAX = 30;

/**
 * Agencies owning at least one deadline, in registry order, with how many they own. With `max`,
 * only the `max` owning the most (ties in registry order), still in registry order.
 */
export function deadlineOwners(catalog: Catalog, max = Infinity): { agency: AgencyView; count: number }[] {
  const owners = [...catalog.agencies.values()].filter((a) => a.deadlines.length > 0).map((agency) => ({ agency, count: agency.deadlines.length }));
  if (owners.length <= max) return owners;
  const kept = new Set([...owners].sort((a, b) => b.count - a.count).slice(0, max));
  return owners.filter((o) => kept.has(o));
}

export { classifyDeadline, DEADLINE_STATE_LABELS, SOON_DAYS, type DeadlineState } from './deadline-state';

/** /thoi-han/ lists every deadline up to this many; past it, the year index and one year. */
export const DEADLINE_LIST_MAX = 50;
/** Deadlines per page on a year's page `/thoi-han/nam/{year}/` (and on /thoi-han/ past DEADLINE_LIST_MAX). */
export const DEADLINE_PAGE_SIZE = 50;

/**
 * Path of a year's deadlines, relative to the base.
 * @example deadlineYearPath(2024) // 'thoi-han/nam/2024/'
 */
export function deadlineYearPath(year: number): string {
  return `${paths.deadlines()}nam/${year}/`;
}

/** The deadlines falling in one calendar year, by date. */
export interface DeadlineYear {
  year: number;
  rows: DeadlineRow[];
  /** Path of the year's first page. */
  path: string;
}

const yearsCache = new WeakMap<Catalog, DeadlineYear[]>();

/** Deadlines by calendar year, oldest year first; one pass over the catalog's sorted deadlines, once per catalog. */
export function deadlinesByYear(catalog: Catalog): DeadlineYear[] {
  const hit = yearsCache.get(catalog);
  if (hit) return hit;
  const years: DeadlineYear[] = [];
  for (const row of catalog.deadlines) {
    const year = Number(row.deadline.date.slice(0, 4));
    let last = years.at(-1);
    if (!last || last.year !== year) {
      last = { year, rows: [], path: deadlineYearPath(year) };
      years.push(last);
    }
    last.rows.push(row);
  }
  yearsCache.set(catalog, years);
  return years;
}

/** A year in the year index, with how many deadlines it has. */
export interface DeadlineYearLink {
  year: number;
  count: number;
  path: string;
}

/** A year link as a page prints it: its count only where the page shows counts (`navLinksShown`). */
export type YearNavLink = Omit<DeadlineYearLink, 'count'> & { count: number | null };

/** The year index: every year with deadlines, oldest first, with its count. */
export function deadlineYearLinks(catalog: Catalog): DeadlineYearLink[] {
  return deadlinesByYear(catalog).map(({ year, rows, path }) => ({ year, count: rows.length, path }));
}

/** The year links a page of a year's deadlines shows: counts on its first page only (`navLinksShown`). */
export function deadlineYearPageLinks(catalog: Catalog, page: Pick<DeadlineYearPage, 'slice'>): YearNavLink[] {
  return navLinksShown(deadlineYearLinks(catalog), page.slice.page);
}

/** What `/thoi-han/` shows. */
export interface DeadlineIndexModel {
  /** Deadlines on the portal and plans that have any. */
  total: number;
  planCount: number;
  years: DeadlineYearLink[];
  /** True when `months` holds every deadline; false when it holds the first page of `featured`. */
  complete: boolean;
  /** The year shown when the list is too long to show whole. */
  featured: (DeadlineYearLink & { shown: number }) | null;
  months: DeadlineMonth[];
}

/**
 * The year /thoi-han/ shows when it cannot show everything: the year of the most recently issued
 * plan (the portal's "now", what its newest plans are due to do), else the latest earlier year with
 * deadlines, else the first year with any. Chosen from the content, so the page does not depend on
 * the day it was built.
 */
export function featuredDeadlineYear(catalog: Catalog): number | undefined {
  const years = deadlinesByYear(catalog);
  const newest = catalog.plans[0]?.data;
  if (!newest) return years[0]?.year;
  const now = Number((newest.issuedOn ?? String(newest.year)).slice(0, 4));
  return (years.find((y) => y.year === now) ?? [...years].reverse().find((y) => y.year < now) ?? years[0])?.year;
}

/**
 * The model of `/thoi-han/`: every deadline by month while there are at most `max`, else the year
 * index and the first `pageSize` deadlines of one year, so the page stays the same size however
 * many plans the portal holds.
 */
export function deadlineIndexPage(catalog: Catalog, options: { max?: number; pageSize?: number } = {}): DeadlineIndexModel {
  const { max = DEADLINE_LIST_MAX, pageSize = DEADLINE_PAGE_SIZE } = options;
  const years = deadlinesByYear(catalog);
  const links = deadlineYearLinks(catalog);
  const planCount = new Set(catalog.deadlines.map((row) => row.plan)).size;
  const base = { total: catalog.deadlines.length, planCount, years: links };
  if (catalog.deadlines.length <= max) return { ...base, complete: true, featured: null, months: groupDeadlinesByMonth(catalog.deadlines) };
  const featured = featuredDeadlineYear(catalog);
  const year = years.find((y) => y.year === featured)!;
  const rows = year.rows.slice(0, pageSize);
  return {
    ...base,
    complete: false,
    featured: { year: year.year, count: year.rows.length, path: year.path, shown: rows.length },
    months: groupDeadlinesByMonth(rows),
  };
}

/** One page of a year's deadlines. */
export interface DeadlineYearPage {
  year: number;
  /** Path of the year's first page. */
  firstPagePath: string;
  slice: PageSlice<DeadlineRow>;
}

const yearPagesCache = new WeakMap<Catalog, DeadlineYearPage[]>();

/** Every page of every year's deadlines, each year cut once (memoised per catalog). */
export function deadlineYearPages(catalog: Catalog, pageSize = DEADLINE_PAGE_SIZE): DeadlineYearPage[] {
  const hit = pageSize === DEADLINE_PAGE_SIZE ? yearPagesCache.get(catalog) : undefined;
  if (hit) return hit;
  const pages = deadlinesByYear(catalog).flatMap(({ year, rows, path }) => paginate(rows, pageSize).map((slice) => ({ year, firstPagePath: path, slice })));
  if (pageSize === DEADLINE_PAGE_SIZE) yearPagesCache.set(catalog, pages);
  return pages;
}

/** Path of one page of a year's deadlines. */
export function deadlineYearPagePath(page: DeadlineYearPage): string {
  return pagePath(page.firstPagePath, page.slice.page);
}
