import { perCatalogAndId } from '../catalog/memo';
import { agencyLevelLabel } from '../agency-level';
import type { AgencyView, Catalog, DeadlineRow, PlanEntry } from '../catalog/build';
import { agencyLevels } from '../../schemas/agency';
import { portalIndex } from './index-cache';
import { capList, paginate, pagePath, type PageSlice } from './pagination';

/**
 * At most this many plans, plans with duties, and deadlines in each list of an agency page; each
 * full list has its own paginated pages (`agencyListPages`; the plans: the filtered plan list).
 * Five lists of 10 keep the page small for the busiest agency (the UBND tỉnh of 50,000 plans).
 */
export const AGENCY_LIST_MAX = 10;
/** Deadlines per page on an agency's deadline lists. */
export const AGENCY_PAGE_SIZE = 50;
/** Plans per page on an agency's duty list: each carries its duties, paragraphs long. */
export const AGENCY_TASK_PAGE_SIZE = 25;

/** The lists of an agency page that have pages of their own; the kind is the URL segment. */
export type AgencyListKind = 'nhiem-vu' | 'thoi-han' | 'thoi-han-don-vi' | 'nhan-bao-cao';

export const AGENCY_LIST_TITLES: Record<AgencyListKind, string> = {
  'nhiem-vu': 'Nhiệm vụ được giao',
  'thoi-han': 'Thời hạn phải thực hiện',
  'thoi-han-don-vi': 'Thời hạn của các đơn vị trực thuộc',
  'nhan-bao-cao': 'Báo cáo gửi về',
};

/**
 * Path of the first page of an agency's list, relative to the base.
 * @example agencyListPath('so-tttt-tay-ninh', 'thoi-han') // 'co-quan/so-tttt-tay-ninh/thoi-han/'
 */
export function agencyListPath(id: string, kind: AgencyListKind): string {
  return `co-quan/${id}/${kind}/`;
}

/** One agency in the registry tree, with what the portal holds about it. */
export interface AgencyTreeNode {
  agency: AgencyView;
  /** Plans it issued + deadlines it owns: shown as counts in the index. */
  planCount: number;
  deadlineCount: number;
  children: AgencyTreeNode[];
}

/**
 * What the index says after an agency's name: its level, then its counts when it has any.
 * @example agencyTreeMeta(node) // 'Sở, ban, ngành; 2 kế hoạch · 5 thời hạn'
 */
export function agencyTreeMeta(node: Pick<AgencyTreeNode, 'agency' | 'planCount' | 'deadlineCount'>): string {
  const counts = [node.planCount && `${node.planCount} kế hoạch`, node.deadlineCount && `${node.deadlineCount} thời hạn`].filter(Boolean).join(' · ');
  const level = agencyLevelLabel(node.agency.data.level);
  return counts ? `${level}; ${counts}` : level;
}

/**
 * The agency registry as a tree by `parent`. Roots are agencies without a parent or whose parent is
 * not in the registry; a parent cycle (invalid content) cannot loop: each agency appears once.
 */
export function agencyTree(catalog: Catalog): AgencyTreeNode[] {
  const placed = new Set<string>();
  const build = (agency: AgencyView): AgencyTreeNode => {
    placed.add(agency.id);
    return {
      agency,
      planCount: agency.plans.length,
      deadlineCount: agency.deadlines.length,
      children: agency.children
        .filter((id) => !placed.has(id) && catalog.agencies.has(id))
        .map((id) => build(catalog.agencies.get(id)!)),
    };
  };
  const roots: AgencyTreeNode[] = [];
  for (const agency of catalog.agencies.values()) {
    const parent = agency.data.parent;
    if (!parent || !catalog.agencies.has(parent)) roots.push(build(agency));
  }
  // Agencies caught in a parent cycle have no root above them: list them at the top level.
  for (const agency of catalog.agencies.values()) if (!placed.has(agency.id)) roots.push(build(agency));
  return roots;
}

/** Agencies grouped by level, in the order of the schema's levels; empty levels are left out. */
export function agenciesByLevel(catalog: Catalog): { level: string; agencies: AgencyView[] }[] {
  return agencyLevels
    .map((level) => ({ level: level as string, agencies: [...catalog.agencies.values()].filter((a) => a.data.level === level) }))
    .filter((group) => group.agencies.length > 0);
}

/** The duties one plan gives an agency. */
export interface AgencyTasks {
  plan: PlanEntry;
  duties: string[];
}

/**
 * Everything the page `/co-quan/{id}/` shows. Each list holds at most `max` entries (AGENCY_LIST_MAX):
 * the newest plans, the latest deadlines; `totals` says how many there are in all.
 */
export interface AgencyPageModel {
  agency: AgencyView;
  /** Ancestors, nearest first (for breadcrumbs and the "thuộc" line). */
  ancestors: AgencyView[];
  parent: AgencyView | null;
  children: AgencyView[];
  /** Plans it issued, newest first. */
  plans: PlanEntry[];
  /** Duties assigned to it, one entry per plan, newest plan first. */
  tasks: AgencyTasks[];
  /** Deadlines it owns, by date (the latest ones when capped). */
  deadlines: DeadlineRow[];
  /** Deadlines owned by its units (children, recursively), by date: what a Sở answers for through them. */
  unitDeadlines: DeadlineRow[];
  /** Deadlines whose result is sent to it, by date. */
  receives: DeadlineRow[];
  /** How many entries each list has in all, shown or not. */
  totals: Record<'plans' | 'tasks' | 'deadlines' | 'unitDeadlines' | 'receives', number>;
  /** The cap applied to each list. */
  max: number;
  /** First page of each list's own pages, when the list is longer than the agency page shows. */
  listPaths: Record<AgencyListKind, string | null>;
  /** True when it owns deadlines, so `/api/v1/deadlines/{id}.ics` exists. */
  hasDeadlineFeed: boolean;
  /**
   * Whether to show the "plans issued" panel: when it issued plans, or when the page has nothing
   * else (a unit that issues nothing but has duties or deadlines skips the empty panel).
   */
  showPlans: boolean;
}

/** Every entry of an agency's lists, in page order (deadlines by date), uncapped. */
interface AgencyLists {
  plans: string[];
  tasks: [string, string[]][];
  deadlines: DeadlineRow[];
  unitDeadlines: DeadlineRow[];
  receives: DeadlineRow[];
}

/** Same-day deadlines of an agency's units, grouped by owner in Vietnamese dictionary order. */
const ownerCollator = new Intl.Collator('vi');

/**
 * The deadlines of `units` (sorted in place by owner), by date, then owner in Vietnamese dictionary order. Each unit's
 * deadlines are its own (the unit is their owner) and in date order already (the catalog's), so the
 * units are put in their owners' order and the rows then sorted by date alone, a stable sort that
 * meets runs already in order. Comparing owners with the collator for every same-day pair was 0.8 s
 * of each build at 50,000 plans, where a provincial People's Committee's units hold nearly every deadline.
 */
function unitDeadlinesOf(units: AgencyView[]): DeadlineRow[] {
  const rows = units.sort((a, b) => ownerCollator.compare(a.id, b.id)).flatMap((unit) => unit.deadlines);
  // ISO dates compare as text.
  return rows.sort((a, b) => (a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : 0));
}

/**
 * An agency's lists, once per catalog: the agency page's key, its render and its list pages all
 * read them, and a provincial People's Committee's units hold nearly every deadline of the site
 * (150,000 at 50,000 plans), sorted once.
 */
const agencyLists = perCatalogAndId((catalog, id): AgencyLists => {
  const agency = catalog.agencies.get(id)!;
  // The agency's assignments are in the catalog's plan order, a plan's in its order (AgencyView), so
  // a plan's duties are neighbours and come out newest plan first: no map by plan, no sort.
  const tasks: [string, string[]][] = [];
  for (const row of agency.assignments) {
    const last = tasks[tasks.length - 1];
    if (last?.[0] === row.plan) last[1].push(...row.assignment.duties);
    else tasks.push([row.plan, [...row.assignment.duties]]);
  }
  const { deadlinesBySubmitTo } = portalIndex(catalog);
  const units: AgencyView[] = [];
  const seen = new Set([id]);
  const queue = [...agency.children];
  while (queue.length > 0) {
    const unit = catalog.agencies.get(queue.shift()!);
    if (!unit || seen.has(unit.id)) continue;
    seen.add(unit.id);
    units.push(unit);
    queue.push(...unit.children);
  }
  return { plans: agency.plans, tasks, deadlines: agency.deadlines, unitDeadlines: unitDeadlinesOf(units), receives: deadlinesBySubmitTo.get(id) ?? [] };
});

/** The model of one agency page; throws on an unknown id (getStaticPaths only passes known ones). */
export function agencyPage(catalog: Catalog, id: string, max = AGENCY_LIST_MAX): AgencyPageModel {
  const agency = catalog.agencies.get(id);
  if (!agency) throw new Error(`Không có cơ quan "${id}" trong content/agencies/`);
  const known = (ids: string[]) => ids.flatMap((other) => catalog.agencies.get(other) ?? []);
  const plan = (slug: string) => catalog.planBySlug.get(slug);
  const lists = agencyLists(catalog, agency.id);
  const tasks = capList(lists.tasks, max);
  const plans = capList(lists.plans, max);
  const latest = (rows: DeadlineRow[]) => capList(rows, max, { from: 'end' });
  const deadlines = latest(lists.deadlines);
  const units = latest(lists.unitDeadlines);
  const receives = latest(lists.receives);
  return {
    agency,
    ancestors: known(agency.ancestors),
    parent: agency.data.parent ? (catalog.agencies.get(agency.data.parent) ?? null) : null,
    children: known(agency.children),
    plans: plans.items.flatMap((slug) => plan(slug) ?? []),
    tasks: tasks.items.map(([slug, duties]) => ({ plan: plan(slug)!, duties })),
    deadlines: deadlines.items,
    unitDeadlines: units.items,
    receives: receives.items,
    totals: { plans: plans.total, tasks: tasks.total, deadlines: deadlines.total, unitDeadlines: units.total, receives: receives.total },
    max,
    listPaths: {
      'nhiem-vu': lists.tasks.length > AGENCY_LIST_MAX ? agencyListPath(id, 'nhiem-vu') : null,
      'thoi-han': lists.deadlines.length > AGENCY_LIST_MAX ? agencyListPath(id, 'thoi-han') : null,
      'thoi-han-don-vi': lists.unitDeadlines.length > AGENCY_LIST_MAX ? agencyListPath(id, 'thoi-han-don-vi') : null,
      'nhan-bao-cao': lists.receives.length > AGENCY_LIST_MAX ? agencyListPath(id, 'nhan-bao-cao') : null,
    },
    hasDeadlineFeed: agency.deadlines.length > 0,
    showPlans: plans.total > 0 || tasks.total + deadlines.total + units.total === 0,
  };
}

/** One page of one of an agency's lists. */
export type AgencyListPageData =
  | { agency: AgencyView; kind: 'nhiem-vu'; firstPagePath: string; slice: PageSlice<AgencyTasks> }
  | { agency: AgencyView; kind: Exclude<AgencyListKind, 'nhiem-vu'>; firstPagePath: string; slice: PageSlice<DeadlineRow> };

const listPagesCache = new WeakMap<Catalog, AgencyListPageData[]>();

/**
 * Every page of every agency's duty and deadline lists that holds more than the agency page
 * shows (`AGENCY_LIST_MAX`): newest plan first, latest deadline first. Each list is cut once, and
 * all of them once per catalog.
 */
export function agencyListPages(catalog: Catalog): AgencyListPageData[] {
  const hit = listPagesCache.get(catalog);
  if (hit) return hit;
  const pages: AgencyListPageData[] = [];
  for (const agency of catalog.agencies.values()) {
    const lists = agencyLists(catalog, agency.id);
    if (lists.tasks.length > AGENCY_LIST_MAX) {
      const tasks = lists.tasks.map(([slug, duties]) => ({ plan: catalog.planBySlug.get(slug)!, duties }));
      for (const slice of paginate(tasks, AGENCY_TASK_PAGE_SIZE)) pages.push({ agency, kind: 'nhiem-vu', firstPagePath: agencyListPath(agency.id, 'nhiem-vu'), slice });
    }
    const deadlineLists: [Exclude<AgencyListKind, 'nhiem-vu'>, DeadlineRow[]][] = [
      ['thoi-han', lists.deadlines],
      ['thoi-han-don-vi', lists.unitDeadlines],
      ['nhan-bao-cao', lists.receives],
    ];
    for (const [kind, rows] of deadlineLists) {
      if (rows.length <= AGENCY_LIST_MAX) continue;
      for (const slice of paginate([...rows].reverse(), AGENCY_PAGE_SIZE)) pages.push({ agency, kind, firstPagePath: agencyListPath(agency.id, kind), slice });
    }
  }
  listPagesCache.set(catalog, pages);
  return pages;
}

/** Path of one page of an agency's list. */
export function agencyListPagePath(page: AgencyListPageData): string {
  return pagePath(page.firstPagePath, page.slice.page);
}
