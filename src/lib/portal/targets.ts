import { topicSlugOf, type Catalog, type PlanEntry } from '../catalog/build';
import type { Target } from '../../schemas/target';
import { paths } from '../paths';
import { agencyRef } from '../plan-view';
import { formatTargetValue } from '../vn/numbers';
import { slugify } from '../vn/slug';
import { compareVietnamese, foldVietnamese, shortenText } from '../vn/text';
import { navLinksShown, paginate, pagePath, type PageSlice } from './pagination';
import { latestResult, type TargetResultView } from './reports';
import type { YearNavLink } from './deadlines';

/*
 * The chỉ tiêu pages: one comparison table per topic (indicator rows × year columns) built once
 * per catalog, then shown at three depths so that no page grows with the number of plans:
 *   /chi-tieu/                       each topic's most shared indicators over its newest years,
 *                                    a few values per cell;
 *   /chi-tieu/{topic}/               every indicator of the topic (paginated) over its newest years,
 *                                    a few more values per cell;
 *   /chi-tieu/{topic}/nam/{year}/    every target of the topic in one year, grouped by indicator,
 *                                    paginated: where "và N kế hoạch khác" leads.
 */

/** /chi-tieu/: topics shown as a table (most plans first); the others are listed as links. */
export const TARGET_OVERVIEW_TOPICS = 5;
/**
 * /chi-tieu/: indicator rows per topic table. With TARGET_OVERVIEW_CELL this bounds the page: 5
 * topics × 3 rows × 3 years × 2 values. A value is its agency, the plan's link and title for screen
 * readers, and a qualitative target's whole text behind a disclosure: 540 bytes on average in the
 * bench's 50,000-plan corpus (690 with a whole text), which no length limit bounds. Measured there
 * with every cell full: 4 rows made 102,343 bytes (99.9 KiB, at the 100 KB budget with no room for
 * longer titles than the corpus's); 3 rows leave a quarter of the budget for them. At 5,000 plans 6
 * rows of 3 values made 129 KB.
 */
export const TARGET_OVERVIEW_ROWS = 3;
/** /chi-tieu/: year columns per topic table (the newest years). */
export const TARGET_OVERVIEW_YEARS = 3;
/** /chi-tieu/: values shown per cell before "và N kế hoạch khác". */
export const TARGET_OVERVIEW_CELL = 2;
/**
 * /chi-tieu/{topic}/: indicator rows per page. With TARGET_TOPIC_YEARS and TARGET_TOPIC_CELL this
 * bounds the page: at 50,000 plans every cell is full, and 10 rows × 4 years × 4 values made
 * 131 KB; 8 × 4 × 3 stays under 100 KB.
 */
export const TARGET_TOPIC_PAGE_SIZE = 8;
/** /chi-tieu/{topic}/: year columns (the newest years; older ones have their year pages). */
export const TARGET_TOPIC_YEARS = 4;
/** /chi-tieu/{topic}/: values shown per cell (the year page has them all). */
export const TARGET_TOPIC_CELL = 3;
/** /chi-tieu/{topic}/nam/{year}/: targets per page. */
export const TARGET_YEAR_PAGE_SIZE = 50;
/** Longest qualitative target text printed in a table cell (the year page prints it whole). */
export const TARGET_CELL_TEXT_MAX = 60;

/** One plan's target in one cell of the comparison table. */
export interface TargetCellEntry {
  plan: PlanEntry;
  target: Target;
  /** Position of the target in the plan's list (0-based). */
  position: number;
  /** "100%", "12 cuộc", or null for a qualitative target (show `target.text`). */
  value: string | null;
}

/** One row of a topic's table: what is measured, and per year what each plan promised. */
export interface TargetComparisonRow {
  /** `target.indicator` (as the newest plan words it), or the target's text when there is no indicator. */
  label: string;
  /** Fragment id of the row's group on the year pages, unique within the topic ("chi-tieu-ty-le-…"). */
  id: string;
  /** Aligned with the table's `years`; an empty array is an empty cell. */
  cells: TargetCellEntry[][];
  /** True when the row holds targets of more than one plan (a comparison, not a single promise). */
  compared: boolean;
  /** Plans with a target in this row. */
  planCount: number;
}

export interface TargetTable {
  topic: { slug: string; label: string };
  /** Years with at least one target in this topic, oldest first (columns read left to right). */
  years: number[];
  /** Rows compared across plans first, then by how many plans share them, then by label. */
  rows: TargetComparisonRow[];
  /** Plans contributing targets to this topic. */
  planCount: number;
  /** Targets in this topic. */
  targetCount: number;
}

/**
 * Path of a topic's targets, relative to the base.
 * @example targetTopicPath('dan-van-chinh-quyen') // 'chi-tieu/dan-van-chinh-quyen/'
 */
export function targetTopicPath(topic: string): string {
  return `${paths.targets()}${topic}/`;
}

/**
 * Path of a topic's targets in one year, relative to the base.
 * @example targetYearPath('dan-van-chinh-quyen', 2024) // 'chi-tieu/dan-van-chinh-quyen/nam/2024/'
 */
export function targetYearPath(topic: string, year: number): string {
  return `${targetTopicPath(topic)}nam/${year}/`;
}

/** Rows are matched on the folded label so "Tỷ lệ…" and "tỷ lệ…" (or old/new tone marks) meet. */
function rowKey(label: string): string {
  return foldVietnamese(label).replace(/[^a-z0-9]+/g, ' ').trim();
}

const tablesCache = new WeakMap<Catalog, TargetTable[]>();

/**
 * Every target across plans in one table per topic (a plan's first topic, so a target is listed
 * once): rows are indicators, columns are years, so the same indicator promised in 2024 and 2025
 * reads side by side. Topics with the most plans first. Built once per catalog.
 */
export function targetTables(catalog: Catalog): TargetTable[] {
  const hit = tablesCache.get(catalog);
  if (hit) return hit;
  interface Draft {
    topic: { slug: string; label: string };
    years: Set<number>;
    plans: Set<string>;
    count: number;
    rows: Map<string, { label: string; entries: TargetCellEntry[] }>;
  }
  const drafts = new Map<string, Draft>();
  // Targets share a few hundred indicators: each label folded once (90,000 targets at 50,000 plans).
  const rowKeys = new Map<string, string>();
  for (const row of catalog.targets) {
    const plan = catalog.planBySlug.get(row.plan);
    if (!plan) continue;
    const topicLabel = row.topics[0];
    const topicSlug = topicSlugOf(catalog, topicLabel);
    const draft = drafts.get(topicSlug) ?? { topic: { slug: topicSlug, label: topicLabel }, years: new Set(), plans: new Set(), count: 0, rows: new Map() };
    drafts.set(topicSlug, draft);
    draft.years.add(row.year);
    draft.plans.add(row.plan);
    draft.count += 1;
    const label = row.target.indicator ?? row.target.text;
    let key = rowKeys.get(label);
    if (key === undefined) rowKeys.set(label, (key = rowKey(label)));
    const tableRow = draft.rows.get(key) ?? { label, entries: [] };
    tableRow.entries.push({ plan, target: row.target, position: row.position, value: formatTargetValue(row.target) });
    draft.rows.set(key, tableRow);
  }
  const tables = [...drafts.values()]
    .map((draft) => {
      const years = [...draft.years].sort((a, b) => a - b);
      const column = new Map(years.map((year, i) => [year, i]));
      const rows = [...draft.rows.values()].map(({ label, entries }) => {
        const cells: TargetCellEntry[][] = years.map(() => []);
        for (const entry of entries) cells[column.get(entry.plan.data.year)!]!.push(entry);
        // A series is one agency across the years: in every cell the agencies with this target in
        // the most years come first, in one fixed order, so a row reads across as comparable series
        // rather than one agency's 2024 beside another's 2025.
        const yearsOf = new Map<string, Set<number>>();
        for (const entry of entries) {
          const issuer = entry.plan.data.issuer;
          yearsOf.set(issuer, (yearsOf.get(issuer) ?? new Set()).add(entry.plan.data.year));
        }
        const bySeries = (a: TargetCellEntry, b: TargetCellEntry) =>
          yearsOf.get(b.plan.data.issuer)!.size - yearsOf.get(a.plan.data.issuer)!.size || (a.plan.data.issuer < b.plan.data.issuer ? -1 : a.plan.data.issuer > b.plan.data.issuer ? 1 : 0);
        for (const cell of cells) cell.sort(bySeries);
        const planCount = new Set(entries.map((entry) => entry.plan.slug)).size;
        return { label, id: '', cells, compared: planCount > 1, planCount };
      });
      rows.sort((a, b) => Number(b.compared) - Number(a.compared) || b.planCount - a.planCount || compareVietnamese(a.label, b.label));
      const ids = new Set<string>();
      for (const row of rows) {
        const stem = `chi-tieu-${slugify(row.label, { maxLength: 60 }) || 'khac'}`;
        let id = stem;
        for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
        ids.add(id);
        row.id = id;
      }
      return { topic: draft.topic, years, rows, planCount: draft.plans.size, targetCount: draft.count };
    })
    .sort((a, b) => b.planCount - a.planCount || compareVietnamese(a.topic.label, b.topic.label));
  tablesCache.set(catalog, tables);
  return tables;
}

/* ---------- Year pages: every target of a topic in one year ---------- */

/** One target on a year page, with the row (indicator) it belongs to. */
export interface TargetYearEntry extends TargetCellEntry {
  row: { label: string; id: string };
  /** Issuer's short name. */
  issuer: string;
  /** The target's own words, or null when they are the row's label (no indicator). */
  text: string | null;
  /** The latest published result, or null. */
  result: TargetResultView | null;
}

/** One page of a topic's targets in one year. */
export interface TargetYearPage {
  topic: { slug: string; label: string };
  year: number;
  /** Path of the year's first page. */
  firstPagePath: string;
  slice: PageSlice<TargetYearEntry>;
}

interface YearPagesIndex {
  pages: TargetYearPage[];
  /** "{topic}|{year}|{row id}" → page holding the row's first target in that year. */
  rowPage: Map<string, number>;
}

const yearPagesCache = new WeakMap<Catalog, YearPagesIndex>();

function yearPagesIndex(catalog: Catalog, pageSize: number): YearPagesIndex {
  const pages: TargetYearPage[] = [];
  const rowPage = new Map<string, number>();
  for (const table of targetTables(catalog)) {
    table.years.forEach((year, column) => {
      const entries: TargetYearEntry[] = table.rows.flatMap((row) =>
        row.cells[column]!.map((entry) => ({
          ...entry,
          row: { label: row.label, id: row.id },
          issuer: agencyRef(catalog.agencies, entry.plan.data.issuer).shortName,
          text: entry.target.text === row.label ? null : entry.target.text,
          result: latestResult(catalog, entry.plan.slug, entry.position),
        })),
      );
      entries.forEach((entry, i) => {
        const key = `${table.topic.slug}|${year}|${entry.row.id}`;
        if (!rowPage.has(key)) rowPage.set(key, Math.floor(i / pageSize) + 1);
      });
      const firstPagePath = targetYearPath(table.topic.slug, year);
      for (const slice of paginate(entries, pageSize)) pages.push({ topic: table.topic, year, firstPagePath, slice });
    });
  }
  return { pages, rowPage };
}

/**
 * Every page of every topic's year (`/chi-tieu/{topic}/nam/{year}/` and its `trang/{n}/`): the
 * year's targets in row order, so a row's targets stay together. Memoised per catalog.
 */
export function targetYearPages(catalog: Catalog, pageSize = TARGET_YEAR_PAGE_SIZE): TargetYearPage[] {
  if (pageSize !== TARGET_YEAR_PAGE_SIZE) return yearPagesIndex(catalog, pageSize).pages;
  let hit = yearPagesCache.get(catalog);
  if (!hit) yearPagesCache.set(catalog, (hit = yearPagesIndex(catalog, pageSize)));
  return hit.pages;
}

/** Path of one page of a topic's year. */
export function targetYearPagePath(page: TargetYearPage): string {
  return pagePath(page.firstPagePath, page.slice.page);
}

/** The targets of a year page grouped by row, in page order. */
export function groupTargetYearEntries(entries: TargetYearEntry[]): { label: string; id: string; entries: TargetYearEntry[] }[] {
  const groups: { label: string; id: string; entries: TargetYearEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.id === entry.row.id) last.entries.push(entry);
    else groups.push({ ...entry.row, entries: [entry] });
  }
  return groups;
}

/**
 * Path (with fragment) of the page listing every target of `row` in `year`: the year page
 * holding the row's first target there.
 */
export function targetRowYearPath(catalog: Catalog, topic: string, year: number, rowId: string): string {
  targetYearPages(catalog);
  const page = yearPagesCache.get(catalog)!.rowPage.get(`${topic}|${year}|${rowId}`) ?? 1;
  return `${pagePath(targetYearPath(topic, year), page)}#${rowId}`;
}

/* ---------- Bounded table views for /chi-tieu/ and /chi-tieu/{topic}/ ---------- */

/** One value in a table cell, ready to print. */
export interface TargetCellItem {
  plan: PlanEntry;
  /** Issuer's short name: the link text. */
  issuer: string;
  /** "100%", or null for a qualitative target. */
  value: string | null;
  /** The target's text, shortened to TARGET_CELL_TEXT_MAX (shown for a qualitative target). */
  text: string;
  /** The whole text when `text` is shortened (the cell unfolds it in place), else null. */
  fullText: string | null;
  /** The target's row on the plan page (`#chi-tieu-{n}`, n from 1). */
  path: string;
  /** The latest published result beside the promise, or null. */
  result: TargetResultView | null;
}

/** A cell showing at most a few values, and where the rest are. */
export interface TargetCellView {
  year: number;
  items: TargetCellItem[];
  /** Targets in the whole cell. */
  total: number;
  /** "và 37 kế hoạch khác" when values are left out, else null. */
  moreText: string | null;
  /** The year page listing the whole cell, with the row's fragment; null when nothing is left out. */
  morePath: string | null;
}

export interface TargetRowView {
  label: string;
  id: string;
  compared: boolean;
  planCount: number;
  cells: TargetCellView[];
}

/** A year of a topic, linking its year page. */
export interface TargetYearLink {
  year: number;
  /** Targets of the topic that year. */
  count: number;
  path: string;
}

/** A topic's table as a page prints it: some rows, the newest years, capped cells. */
export interface TargetTableView {
  topic: { slug: string; label: string };
  /** The topic page. */
  path: string;
  /** Year columns shown, oldest first. */
  years: number[];
  /** Every year of the topic with its year page, oldest first. */
  yearLinks: TargetYearLink[];
  /** Years of the topic older than the shown columns. */
  olderYears: TargetYearLink[];
  /** The topic's years as text: "2024–2025", "2024". */
  yearSpan: string;
  rows: TargetRowView[];
  /** Rows with a target in the shown years (what the topic page paginates). */
  rowCount: number;
  planCount: number;
  targetCount: number;
}

/**
 * A target's row on its plan's page (`position` counts from 0, the anchor from 1, as on the page).
 * @example targetPath('dan-van-2024', 0) // 'ke-hoach/dan-van-2024/#chi-tieu-1'
 */
export function targetPath(slug: string, position: number): string {
  return `${paths.plan(slug)}#chi-tieu-${position + 1}`;
}

function cellView(catalog: Catalog, table: TargetTable, row: TargetComparisonRow, column: number, max: number): TargetCellView {
  const year = table.years[column]!;
  const entries = row.cells[column]!;
  const shown = entries.slice(0, max);
  const items = shown.map(({ plan, target, position, value }) => {
    const text = shortenText(target.text, TARGET_CELL_TEXT_MAX);
    return {
      plan,
      issuer: agencyRef(catalog.agencies, plan.data.issuer).shortName,
      value,
      text,
      fullText: text === target.text ? null : target.text,
      path: targetPath(plan.slug, position),
      result: latestResult(catalog, plan.slug, position),
    };
  });
  const hidden = entries.length - shown.length;
  if (hidden === 0) return { year, items, total: entries.length, moreText: null, morePath: null };
  const shownPlans = new Set(shown.map((e) => e.plan.slug));
  const otherPlans = new Set(entries.slice(max).map((e) => e.plan.slug).filter((slug) => !shownPlans.has(slug))).size;
  return {
    year,
    items,
    total: entries.length,
    moreText: otherPlans > 0 ? `và ${otherPlans} kế hoạch khác` : `và ${hidden} chỉ tiêu khác`,
    morePath: targetRowYearPath(catalog, table.topic.slug, year, row.id),
  };
}

const yearLinksCache = new WeakMap<TargetTable, TargetYearLink[]>();

// Memoised per table: every year page of a topic shows the same year index.
function yearLinks(table: TargetTable): TargetYearLink[] {
  let links = yearLinksCache.get(table);
  if (!links) {
    links = table.years.map((year, column) => ({
      year,
      count: table.rows.reduce((n, row) => n + row.cells[column]!.length, 0),
      path: targetYearPath(table.topic.slug, year),
    }));
    yearLinksCache.set(table, links);
  }
  return links;
}

/** Every year of a topic with its target count and year page, oldest first (empty for an unknown topic). */
export function targetTopicYears(catalog: Catalog, topic: string): TargetYearLink[] {
  const table = targetTables(catalog).find((t) => t.topic.slug === topic);
  return table ? yearLinks(table) : [];
}

/** The year links a page of a topic's targets in one year shows: counts on its first page only (`navLinksShown`). */
export function targetYearPageLinks(catalog: Catalog, page: Pick<TargetYearPage, 'topic' | 'slice'>): YearNavLink[] {
  return navLinksShown(targetTopicYears(catalog, page.topic.slug), page.slice.page);
}

/** The rows of `table` with a target in its newest `yearCount` years, and those columns. */
function recentRows(table: TargetTable, yearCount: number): { columns: number[]; rows: TargetComparisonRow[] } {
  const columns = table.years.map((_, i) => i).slice(-yearCount);
  return { columns, rows: table.rows.filter((row) => columns.some((c) => row.cells[c]!.length > 0)) };
}

function tableView(catalog: Catalog, table: TargetTable, columns: number[], rows: TargetComparisonRow[], rowCount: number, cellMax: number): TargetTableView {
  const links = yearLinks(table);
  return {
    topic: table.topic,
    path: targetTopicPath(table.topic.slug),
    years: columns.map((c) => table.years[c]!),
    yearLinks: links,
    olderYears: links.slice(0, columns[0] ?? 0),
    yearSpan: table.years.length > 1 ? `${table.years[0]}–${table.years.at(-1)}` : String(table.years[0] ?? ''),
    rows: rows.map((row) => ({
      label: row.label,
      id: row.id,
      compared: row.compared,
      planCount: row.planCount,
      cells: columns.map((c) => cellView(catalog, table, row, c, cellMax)),
    })),
    rowCount,
    planCount: table.planCount,
    targetCount: table.targetCount,
  };
}

/** A topic /chi-tieu/ lists without a table. */
export interface TargetTopicLink {
  topic: { slug: string; label: string };
  path: string;
  planCount: number;
  targetCount: number;
}

/** What /chi-tieu/ shows. */
export interface TargetOverview {
  /** Targets on the portal, and plans that set any. */
  total: number;
  planCount: number;
  /** The topics with the most plans, each with its most shared indicators over its newest years. */
  tables: TargetTableView[];
  /** The other topics, as links to their pages. */
  otherTopics: TargetTopicLink[];
}

export interface TargetOverviewOptions {
  topics?: number;
  rows?: number;
  years?: number;
  cell?: number;
}

/**
 * The model of /chi-tieu/: at most `topics` tables of `rows` × `years` cells of `cell` values, so
 * the page stays the same size however many plans there are; every topic links its own page.
 */
export function targetOverview(catalog: Catalog, options: TargetOverviewOptions = {}): TargetOverview {
  const { topics = TARGET_OVERVIEW_TOPICS, rows = TARGET_OVERVIEW_ROWS, years = TARGET_OVERVIEW_YEARS, cell = TARGET_OVERVIEW_CELL } = options;
  const tables = targetTables(catalog);
  return {
    total: catalog.targets.length,
    planCount: new Set(catalog.targets.map((row) => row.plan)).size,
    tables: tables.slice(0, topics).map((table) => {
      const recent = recentRows(table, years);
      return tableView(catalog, table, recent.columns, recent.rows.slice(0, rows), table.rows.length, cell);
    }),
    otherTopics: tables.slice(topics).map((table) => ({
      topic: table.topic,
      path: targetTopicPath(table.topic.slug),
      planCount: table.planCount,
      targetCount: table.targetCount,
    })),
  };
}

/** One page of a topic's table. */
export interface TargetTopicPage {
  topic: { slug: string; label: string };
  /** Path of the topic's first page. */
  firstPagePath: string;
  page: number;
  pageCount: number;
  view: TargetTableView;
  /** 1-based positions of the page's first and last row among the topic's `view.rowCount` rows. */
  first: number;
  last: number;
}

/**
 * Every page of every topic (`/chi-tieu/{topic}/` and its `trang/{n}/`): the rows with a target in
 * the topic's newest `years` years, `pageSize` a page, `cell` values a cell.
 */
export function targetTopicPages(catalog: Catalog, options: { pageSize?: number; years?: number; cell?: number } = {}): TargetTopicPage[] {
  const { pageSize = TARGET_TOPIC_PAGE_SIZE, years = TARGET_TOPIC_YEARS, cell = TARGET_TOPIC_CELL } = options;
  return targetTables(catalog).flatMap((table) => {
    const recent = recentRows(table, years);
    return paginate(recent.rows, pageSize).map((slice) => ({
      topic: table.topic,
      firstPagePath: targetTopicPath(table.topic.slug),
      page: slice.page,
      pageCount: slice.pageCount,
      view: tableView(catalog, table, recent.columns, slice.items, recent.rows.length, cell),
      first: slice.first,
      last: slice.last,
    }));
  });
}

/** Path of one page of a topic's table. */
export function targetTopicPagePath(page: TargetTopicPage): string {
  return pagePath(page.firstPagePath, page.page);
}
