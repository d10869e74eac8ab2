import type { Catalog, PlanEntry } from '../catalog/build';
import type { Target } from '../../schemas/target';
import { slugify } from '../vn/slug';
import { compareVietnamese, foldVietnamese } from '../vn/text';

/** One plan's target in one cell of the comparison table. */
export interface TargetCellEntry {
  plan: PlanEntry;
  target: Target;
  /** "100%", "12 cuộc", or null for a qualitative target (show `target.text`). */
  value: string | null;
}

/** One row of a topic's table: what is measured, and per year what each plan promised. */
export interface TargetComparisonRow {
  /** `target.indicator` (as the newest plan words it), or the target's text when there is no indicator. */
  label: string;
  /** Aligned with the table's `years`; an empty array is an empty cell. */
  cells: TargetCellEntry[][];
  /** True when the row holds targets of more than one plan (a comparison, not a single promise). */
  compared: boolean;
}

export interface TargetTable {
  topic: { slug: string; label: string };
  /** Years with at least one target in this topic, oldest first (columns read left to right). */
  years: number[];
  rows: TargetComparisonRow[];
  /** Plans contributing targets to this topic. */
  planCount: number;
}

/**
 * A target's number with its unit as Vietnamese prints it: "%" sticks to the number, other units
 * follow a space; null for a qualitative target.
 * @example formatTargetValue({ value: 100, unit: '%' }) // '100%'
 * @example formatTargetValue({ value: 12, unit: 'cuộc' }) // '12 cuộc'
 */
export function formatTargetValue(target: Pick<Target, 'value' | 'unit'>): string | null {
  if (target.value === null) return null;
  const number = target.value.toLocaleString('vi-VN');
  if (!target.unit) return number;
  return target.unit === '%' ? `${number}%` : `${number} ${target.unit}`;
}

/** Rows are matched on the folded label so "Tỷ lệ…" and "tỷ lệ…" (or old/new tone marks) meet. */
function rowKey(label: string): string {
  return foldVietnamese(label).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Every target across plans in one table per topic (a plan's first topic, so a target is listed
 * once): rows are indicators, columns are years, so the same indicator promised in 2024 and 2025
 * reads side by side. Rows compared across plans come first, then by label.
 */
export function targetTables(catalog: Catalog): TargetTable[] {
  interface Draft {
    topic: { slug: string; label: string };
    years: Set<number>;
    plans: Set<string>;
    rows: Map<string, { label: string; entries: TargetCellEntry[] }>;
  }
  const drafts = new Map<string, Draft>();
  for (const row of catalog.targets) {
    const plan = catalog.planBySlug.get(row.plan);
    if (!plan) continue;
    const topicLabel = row.topics[0];
    const topicSlug = slugify(topicLabel);
    const draft = drafts.get(topicSlug) ?? { topic: { slug: topicSlug, label: topicLabel }, years: new Set(), plans: new Set(), rows: new Map() };
    drafts.set(topicSlug, draft);
    draft.years.add(row.year);
    draft.plans.add(row.plan);
    const label = row.target.indicator ?? row.target.text;
    const key = rowKey(label);
    const tableRow = draft.rows.get(key) ?? { label, entries: [] };
    tableRow.entries.push({ plan, target: row.target, value: formatTargetValue(row.target) });
    draft.rows.set(key, tableRow);
  }
  return [...drafts.values()]
    .map((draft) => {
      const years = [...draft.years].sort((a, b) => a - b);
      const rows = [...draft.rows.values()].map(({ label, entries }) => ({
        label,
        cells: years.map((year) => entries.filter((entry) => entry.plan.data.year === year)),
        compared: new Set(entries.map((entry) => entry.plan.slug)).size > 1,
      }));
      rows.sort((a, b) => Number(b.compared) - Number(a.compared) || compareVietnamese(a.label, b.label));
      return { topic: draft.topic, years, rows, planCount: draft.plans.size };
    })
    .sort((a, b) => b.planCount - a.planCount || compareVietnamese(a.topic.label, b.topic.label));
}
