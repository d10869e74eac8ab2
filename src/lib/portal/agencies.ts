import { agencyLevelLabel } from '../agency-level';
import type { AgencyView, Catalog, DeadlineRow, PlanEntry } from '../catalog/build';
import { agencyLevels } from '../../schemas/agency';
import { portalIndex } from './index-cache';
import { capList } from './pagination';

/**
 * At most this many plans, plans with duties, and deadlines in each list of an agency page; the
 * full lists are the filtered plan list, the agency's iCalendar feed and the open data.
 */
export const AGENCY_LIST_MAX = 50;

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
  /** True when it owns deadlines, so `/api/v1/deadlines/{id}.ics` exists. */
  hasDeadlineFeed: boolean;
  /**
   * Whether to show the "plans issued" panel: when it issued plans, or when the page has nothing
   * else (a unit that issues nothing but has duties or deadlines skips the empty panel).
   */
  showPlans: boolean;
}

/** The model of one agency page; throws on an unknown id (getStaticPaths only passes known ones). */
export function agencyPage(catalog: Catalog, id: string, max = AGENCY_LIST_MAX): AgencyPageModel {
  const agency = catalog.agencies.get(id);
  if (!agency) throw new Error(`Không có cơ quan "${id}" trong content/agencies/`);
  const known = (ids: string[]) => ids.flatMap((other) => catalog.agencies.get(other) ?? []);
  const plan = (slug: string) => catalog.planBySlug.get(slug);
  const tasksByPlan = new Map<string, string[]>();
  for (const row of agency.assignments) {
    const duties = tasksByPlan.get(row.plan) ?? [];
    duties.push(...row.assignment.duties);
    tasksByPlan.set(row.plan, duties);
  }
  const order = catalog.planOrder;
  const { deadlinesBySubmitTo } = portalIndex(catalog);
  const tasks = capList(
    [...tasksByPlan].filter(([slug]) => plan(slug)).sort((a, b) => order.get(a[0])! - order.get(b[0])!),
    max,
  );
  const unitDeadlines: DeadlineRow[] = [];
  const seen = new Set([id]);
  const queue = [...agency.children];
  while (queue.length > 0) {
    const unit = catalog.agencies.get(queue.shift()!);
    if (!unit || seen.has(unit.id)) continue;
    seen.add(unit.id);
    unitDeadlines.push(...unit.deadlines);
    queue.push(...unit.children);
  }
  unitDeadlines.sort((a, b) => a.deadline.date.localeCompare(b.deadline.date) || a.deadline.owner.localeCompare(b.deadline.owner));
  const plans = capList(agency.plans, max);
  const latest = (rows: DeadlineRow[]) => capList(rows, max, { from: 'end' });
  const deadlines = latest(agency.deadlines);
  const units = latest(unitDeadlines);
  const receives = latest(deadlinesBySubmitTo.get(id) ?? []);
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
    hasDeadlineFeed: agency.deadlines.length > 0,
    showPlans: plans.total > 0 || tasks.total + deadlines.total + units.total === 0,
  };
}

