import type { Catalog, PlanEntry } from '../catalog/build';
import { paths } from '../paths';
import { PLAN_PAGE_SIZE, pagedBreadcrumbs, pagedTitle, paginate, paginationNav, pagePath, showsNavCounts, type PageSlice, type PaginationNav } from './pagination';

/** The three static filters of the plan list. The kind is also the URL segment. */
export type PlanFilterKind = 'nam' | 'co-quan' | 'chu-de';

export const PLAN_FILTER_LABELS: Record<PlanFilterKind, string> = {
  nam: 'Năm',
  'co-quan': 'Cơ quan ban hành',
  'chu-de': 'Chủ đề',
};

/** One value of a filter, with how many plans it keeps. */
export interface PlanFilterOption {
  kind: PlanFilterKind;
  /** URL segment: "2024", an agency id, a topic slug. */
  value: string;
  label: string;
  count: number;
  /** Slugs of the matching plans, newest first. */
  plans: string[];
}

/**
 * Path of a filtered plan list, relative to the base (join with `withBase`).
 * @example planFilterPath('nam', '2024') // 'ke-hoach/nam/2024/'
 */
export function planFilterPath(kind: PlanFilterKind, value: string): string {
  return `ke-hoach/${kind}/${value}/`;
}

const filtersCache = new WeakMap<Catalog, Record<PlanFilterKind, PlanFilterOption[]>>();

/**
 * Every filter value that keeps at least one plan: years newest first, issuing agencies and topics
 * by name. One pass over the catalog's indexes, once per catalog (every list page shows the filters).
 */
export function planFilters(catalog: Catalog): Record<PlanFilterKind, PlanFilterOption[]> {
  const hit = filtersCache.get(catalog);
  if (hit) return hit;
  const byYear = new Map<number, string[]>();
  for (const { slug, data } of catalog.plans) {
    const list = byYear.get(data.year) ?? [];
    list.push(slug);
    byYear.set(data.year, list);
  }
  const option = (kind: PlanFilterKind, value: string, label: string, plans: string[]): PlanFilterOption => ({ kind, value, label, count: plans.length, plans });
  const filters = {
    nam: catalog.years.map((year) => option('nam', String(year), String(year), byYear.get(year) ?? [])),
    'co-quan': [...catalog.agencies.values()].filter((a) => a.plans.length > 0).map((a) => option('co-quan', a.id, a.data.name, a.plans)),
    'chu-de': [...catalog.topics.values()].map((t) => option('chu-de', t.slug, t.label, t.plans)),
  };
  filtersCache.set(catalog, filters);
  return filters;
}

/** The filter list shows at most this many issuing agencies (those with the most plans); /co-quan/ lists all. */
export const PLAN_FILTER_AGENCIES_MAX = 20;

/**
 * The options the filter list shows: every year and topic, and the `max` agencies that issued the
 * most plans (plus the one being shown), in their usual order; `hidden` counts the agencies left
 * out, so a province's 150 agencies do not make every list page heavy.
 * @example planFilterNavOptions(planFilters(catalog)).hidden['co-quan'] // 0 with few agencies
 */
export function planFilterNavOptions(
  filters: Record<PlanFilterKind, PlanFilterOption[]>,
  current?: { kind: PlanFilterKind; value: string },
  max = PLAN_FILTER_AGENCIES_MAX,
): { options: Record<PlanFilterKind, PlanFilterOption[]>; hidden: Record<PlanFilterKind, number> } {
  const agencies = filters['co-quan'];
  let shown = agencies;
  if (agencies.length > max) {
    const kept = new Set([...agencies].sort((a, b) => b.count - a.count).slice(0, max));
    shown = agencies.filter((o) => kept.has(o) || (current?.kind === 'co-quan' && current.value === o.value));
  }
  return {
    options: { ...filters, 'co-quan': shown },
    hidden: { nam: 0, 'chu-de': 0, 'co-quan': agencies.length - shown.length },
  };
}

/** A filter value as the filter list prints it: its label and link, and its count where the page shows counts. */
export interface PlanFilterNavOption {
  kind: PlanFilterKind;
  value: string;
  label: string;
  count: number | null;
}

/** What the filter list of a page of a plan list shows (`PlanFilterNav`). */
export interface PlanFilterNavModel {
  options: Record<PlanFilterKind, PlanFilterNavOption[]>;
  hidden: Record<PlanFilterKind, number>;
  /** Plans on the portal ("Tất cả kế hoạch (N)"), or null where the page shows no counts. */
  total: number | null;
}

/**
 * The filter list of page `page` of a plan list (`current`: the option it shows, if filtered): the
 * options `planFilterNavOptions` keeps, with their counts and the portal's total on a list's first
 * page only (`showsNavCounts`), so a later page does not change when a plan is added to another list.
 */
export function planFilterNav(catalog: Catalog, current: { kind: PlanFilterKind; value: string } | undefined, page: number): PlanFilterNavModel {
  const counts = showsNavCounts(page);
  const { options, hidden } = planFilterNavOptions(planFilters(catalog), current);
  const shown = (list: PlanFilterOption[]) => list.map(({ kind, value, label, count }) => ({ kind, value, label, count: counts ? count : null }));
  return { options: { nam: shown(options.nam), 'co-quan': shown(options['co-quan']), 'chu-de': shown(options['chu-de']) }, hidden, total: counts ? catalog.plans.length : null };
}

/** The plans an option keeps, as entries, newest first. */
export function plansOf(catalog: Catalog, option: PlanFilterOption): PlanEntry[] {
  return option.plans.flatMap((slug) => catalog.planBySlug.get(slug) ?? []);
}

/** One page of the plan list, unfiltered (`option` null) or filtered. */
export interface PlanListPageData {
  option: PlanFilterOption | null;
  /** Path of the list's first page: "ke-hoach/", "ke-hoach/nam/2024/". */
  firstPagePath: string;
  slice: PageSlice<PlanEntry>;
}

const pagesCache = new WeakMap<Catalog, Map<number, PlanListPageData[]>>();

/**
 * Every page of every plan list (`/ke-hoach/` and each filter value), each list cut once: the work
 * is linear in plans × filters, not in pages × plans. Memoised per catalog and page size, so the
 * four list routes share it.
 */
export function planListPages(catalog: Catalog, pageSize = PLAN_PAGE_SIZE): PlanListPageData[] {
  const bySize = pagesCache.get(catalog) ?? new Map<number, PlanListPageData[]>();
  pagesCache.set(catalog, bySize);
  const hit = bySize.get(pageSize);
  if (hit) return hit;
  const lists: { option: PlanFilterOption | null; firstPagePath: string; plans: PlanEntry[] }[] = [
    { option: null, firstPagePath: paths.plans(), plans: catalog.plans },
    ...Object.values(planFilters(catalog))
      .flat()
      .map((option) => ({ option, firstPagePath: planFilterPath(option.kind, option.value), plans: plansOf(catalog, option) })),
  ];
  const pages = lists.flatMap(({ option, firstPagePath, plans }) => paginate(plans, pageSize).map((slice) => ({ option, firstPagePath, slice })));
  bySize.set(pageSize, pages);
  return pages;
}

/** Path of one page of a plan list. */
export function planListPagePath(page: PlanListPageData): string {
  return pagePath(page.firstPagePath, page.slice.page);
}

/** Title, description, lead and breadcrumbs of a plan list page (before the page number is added). */
export interface PlanListText {
  title: string;
  description: string;
  lead: string;
  /** Trail after "Trang chủ"; the last crumb is the list itself. */
  breadcrumbs: { label: string; path?: string }[];
}

/**
 * What a plan list says about itself on its page `page`: all plans, or one year, issuer or topic. A
 * filtered list's first page sets its count beside the portal's total; later pages give its count
 * alone, as they print no count of other lists (`showsNavCounts`).
 */
export function planListText(catalog: Catalog, option: PlanFilterOption | null, page = 1): PlanListText {
  if (!option) {
    return {
      title: 'Kế hoạch',
      description: 'Tất cả kế hoạch đã đăng trên cổng, lọc theo năm, cơ quan ban hành và chủ đề.',
      lead: 'Tất cả kế hoạch đã đăng, mới nhất trước. Lọc theo năm, cơ quan ban hành hoặc chủ đề.',
      breadcrumbs: [{ label: 'Kế hoạch' }],
    };
  }
  const title = {
    nam: `Kế hoạch năm ${option.label}`,
    'co-quan': `Kế hoạch của ${option.label}`,
    'chu-de': `Kế hoạch về ${option.label.toLowerCase()}`,
  }[option.kind];
  const crumb = { nam: `Năm ${option.label}`, 'co-quan': catalog.agencies.get(option.value)?.data.shortName ?? option.label, 'chu-de': option.label }[option.kind];
  return {
    title,
    description: `${title}: ${option.count} kế hoạch trên cổng.`,
    lead: `${showsNavCounts(page) ? `${option.count} trong ${catalog.plans.length}` : option.count} kế hoạch trên cổng. Chọn bộ lọc khác hoặc xem tất cả.`,
    breadcrumbs: [{ label: 'Kế hoạch', path: paths.plans() }, { label: crumb }],
  };
}

/** What a page of a plan list shows beside its cards: its text, its filter list and the option it shows. */
export interface PlanListView extends PlanListText {
  /** The title with the page's number on a later page ("Kế hoạch – Trang 2/7"), for the document's title. */
  pageTitle: string;
  nav: PlanFilterNavModel;
  /** The page navigation under the cards, or null when the list fits on one page. */
  pagination: PaginationNav | null;
  /** The filter value the page lists, or undefined on the unfiltered list. */
  current?: { kind: PlanFilterKind; value: string };
}

/**
 * The view of one page of a plan list (`PlanListPage`): its text (`planListText`) and filter list
 * (`planFilterNav`) for its own page number, so both follow one count rule (`showsNavCounts`), and
 * its place in the list: title, breadcrumbs (`pagedBreadcrumbs`) and page navigation.
 */
export function planListView(catalog: Catalog, page: PlanListPageData): PlanListView {
  const { slice, firstPagePath } = page;
  const current = page.option ? { kind: page.option.kind, value: page.option.value } : undefined;
  const text = planListText(catalog, page.option, slice.page);
  return {
    ...text,
    pageTitle: pagedTitle(text.title, slice.page, slice.pageCount),
    breadcrumbs: pagedBreadcrumbs(text.breadcrumbs, firstPagePath, slice.page),
    nav: planFilterNav(catalog, current, slice.page),
    pagination: paginationNav(slice.page, slice.pageCount, firstPagePath),
    current,
  };
}
