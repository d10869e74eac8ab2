/**
 * How close an imported draft is to the curated plan made by hand from the same source: for numbered
 * references (number and date), deadlines (date and owner) and targets (text), what the curated plan
 * has that the draft found, missed, and what the draft has in excess.
 */
import { sameDocumentNumber } from '../documents';
import { collapseWhitespace, toNFC } from '../vn/text';

interface Ref {
  type: string;
  number: string;
  date: string | null;
}
interface Deadline {
  date: string;
  owner: string;
}
interface Target {
  text: string;
  value: number | null;
  unit: string | null;
}
/** The parts of a plan (curated or draft) that are scored. */
export interface ScoredPlan {
  basis: readonly Ref[];
  citations: readonly Ref[];
  deadlines: readonly Deadline[];
  targets: readonly Target[];
}

export interface PartScore {
  expected: number;
  found: number;
  /** Curated items the draft does not have, as text. */
  missing: string[];
  /** Draft items the curated plan does not have, as text. */
  extra: string[];
}

export interface ImportScore {
  references: PartScore;
  /** Basis and citations on their own: a reference in the wrong list counts as missing and extra. */
  basis: PartScore;
  citations: PartScore;
  deadlines: PartScore;
  /** Deadlines by date alone. */
  deadlineDates: PartScore;
  targets: PartScore;
}

/** Matches items one to one (a multiset): each expected item consumes one equal actual item. */
function compare<T>(expected: readonly T[], actual: readonly T[], same: (a: T, b: T) => boolean, show: (t: T) => string): PartScore {
  const left = [...actual];
  const missing: string[] = [];
  let found = 0;
  for (const e of expected) {
    const i = left.findIndex((a) => same(e, a));
    if (i === -1) missing.push(show(e));
    else {
      found++;
      left.splice(i, 1);
    }
  }
  return { expected: expected.length, found, missing, extra: left.map(show) };
}

const sameRef = (a: Ref, b: Ref): boolean => a.date === b.date && sameDocumentNumber(a.number, b.number, { typeName: a.type });
const showRef = (r: Ref): string => `${r.number} (${r.date ?? 'không ngày'})`;
const norm = (s: string): string => collapseWhitespace(toNFC(s)).replace(/[.;:,\s]+$/, '');

/**
 * Scores a draft against the curated plan.
 * @example scoreImport(draft.plan, curated.data).references // { expected: 23, found: 23, missing: [], extra: [] }
 */
export function scoreImport(draft: ScoredPlan, curated: ScoredPlan): ImportScore {
  return {
    references: compare([...curated.basis, ...curated.citations], [...draft.basis, ...draft.citations], sameRef, showRef),
    basis: compare(curated.basis, draft.basis, sameRef, showRef),
    citations: compare(curated.citations, draft.citations, sameRef, showRef),
    deadlines: compare(curated.deadlines, draft.deadlines, (a, b) => a.date === b.date && a.owner === b.owner, (d) => `${d.date} ${d.owner}`),
    deadlineDates: compare(curated.deadlines, draft.deadlines, (a, b) => a.date === b.date, (d) => d.date),
    targets: compare(
      curated.targets,
      draft.targets,
      (a, b) => norm(a.text) === norm(b.text) && a.value === b.value && a.unit === b.unit,
      (t) => (t.text.length > 60 ? `${t.text.slice(0, 60)}…` : t.text),
    ),
  };
}

/** True when every part is found in full with nothing extra. */
export function isPerfect(score: ImportScore): boolean {
  return Object.values(score).every((p: PartScore) => p.found === p.expected && p.extra.length === 0);
}
