import type { AgencyView, Catalog, DeadlineRow } from '../catalog/build';
import { paths } from '../paths';
import { paginate, pagePath, type PageSlice } from './pagination';

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

/** Agencies owning at least one deadline, by name, with how many they own. */
export function deadlineOwners(catalog: Catalog): { agency: AgencyView; count: number }[] {
  return [...catalog.agencies.values()].filter((a) => a.deadlines.length > 0).map((agency) => ({ agency, count: agency.deadlines.length }));
}

export type DeadlineState = 'past' | 'soon' | 'later';

/** Days ahead within which an open deadline counts as "Sắp đến hạn". */
export const SOON_DAYS = 30;

/**
 * Whether a deadline (ISO day) is past, due within `SOON_DAYS`, or later, seen on `today` (ISO day).
 * The deadline day itself is still open. The inline script on /thoi-han/ applies the same rule.
 * @example classifyDeadline('2024-11-10', '2024-11-10') // 'soon'
 */
export function classifyDeadline(date: string, today: string, soonDays = SOON_DAYS): DeadlineState {
  if (date < today) return 'past';
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= soonDays ? 'soon' : 'later';
}

/** Labels the script writes on each row, by state. */
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  past: 'Đã qua hạn',
  soon: 'Sắp đến hạn',
  later: 'Còn hạn',
};

/**
 * Progressive enhancement for the deadline list, inlined into the page (the site is static, so
 * "today" is only known in the reader's browser). It reads `data-date` on `[data-deadline]` rows,
 * writes the state into the row's `[data-deadline-state]` slot and a `data-state` attribute (a past row
 * marked `data-reported` keeps its "Đã báo cáo ngày …" instead; on a past row without one it shows the
 * neutral `[data-deadline-no-report]` note), and adds
 * a button that hides past deadlines (and months left empty; `[data-deadline-none]` then says so when
 * nothing is left). Without JavaScript the full list shows.
 */
export function deadlineStateScript(): string {
  const labels = JSON.stringify(DEADLINE_STATE_LABELS);
  return `(() => {
  const labels = ${labels};
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  const day = (iso) => Date.parse(iso + 'T00:00:00Z') / 86400000;
  let past = 0;
  for (const row of document.querySelectorAll('[data-deadline]')) {
    const date = row.getAttribute('data-date');
    const state = date < today ? 'past' : day(date) - day(today) <= ${SOON_DAYS} ? 'soon' : 'later';
    if (state === 'past') past++;
    row.setAttribute('data-state', state);
    const slot = row.querySelector('[data-deadline-state]');
    // A past deadline with a published report says so itself; one without gets the neutral note.
    const reported = row.getAttribute('data-reported') !== null;
    if (slot && !(reported && state === 'past')) { slot.textContent = labels[state]; slot.hidden = false; }
    const note = row.querySelector('[data-deadline-no-report]');
    if (note) note.hidden = state !== 'past';
  }
  const host = document.querySelector('[data-deadline-toggle]');
  if (!host || past === 0) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  const render = (hide) => {
    button.textContent = hide ? 'Hiện cả ' + past + ' thời hạn đã qua' : 'Ẩn ' + past + ' thời hạn đã qua';
    button.setAttribute('aria-pressed', String(hide));
    for (const row of document.querySelectorAll('[data-deadline][data-state="past"]')) row.hidden = hide;
    for (const month of document.querySelectorAll('[data-deadline-month]')) {
      month.hidden = hide && !month.querySelector('[data-deadline]:not([hidden])');
    }
    const none = document.querySelector('[data-deadline-none]');
    if (none) none.hidden = !(hide && past === document.querySelectorAll('[data-deadline]').length);
  };
  button.addEventListener('click', () => render(button.getAttribute('aria-pressed') !== 'true'));
  render(false);
  host.append(button);
  host.hidden = false;
})();`;
}

/** /thoi-han/ lists every deadline up to this many; past it, the year index and one year. */
export const DEADLINE_LIST_MAX = 200;
/** Deadlines per page on a year's page `/thoi-han/nam/{year}/`. */
export const DEADLINE_PAGE_SIZE = 100;

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

/** The year index: every year with deadlines, oldest first, with its count. */
export function deadlineYearLinks(catalog: Catalog): DeadlineYearLink[] {
  return deadlinesByYear(catalog).map(({ year, rows, path }) => ({ year, count: rows.length, path }));
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
