import type { Catalog, PlanEntry } from '../catalog/build';

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

/**
 * Every filter value that keeps at least one plan: years newest first, issuing agencies and topics
 * by name. One pass over the catalog's indexes.
 */
export function planFilters(catalog: Catalog): Record<PlanFilterKind, PlanFilterOption[]> {
  const byYear = new Map<number, string[]>();
  for (const { slug, data } of catalog.plans) {
    const list = byYear.get(data.year) ?? [];
    list.push(slug);
    byYear.set(data.year, list);
  }
  const option = (kind: PlanFilterKind, value: string, label: string, plans: string[]): PlanFilterOption => ({ kind, value, label, count: plans.length, plans });
  return {
    nam: catalog.years.map((year) => option('nam', String(year), String(year), byYear.get(year) ?? [])),
    'co-quan': [...catalog.agencies.values()].filter((a) => a.plans.length > 0).map((a) => option('co-quan', a.id, a.data.name, a.plans)),
    'chu-de': [...catalog.topics.values()].map((t) => option('chu-de', t.slug, t.label, t.plans)),
  };
}

/** The plans an option keeps, as entries, newest first. */
export function plansOf(catalog: Catalog, option: PlanFilterOption): PlanEntry[] {
  return option.plans.flatMap((slug) => catalog.planBySlug.get(slug) ?? []);
}
