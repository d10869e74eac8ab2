/**
 * How close an imported draft is to the curated plan made by hand from the same source: for numbered
 * references (number and date), deadlines (date and owner) and targets (text), what the curated plan
 * has that the draft found, missed, and what the draft has in excess.
 */
import { sameDocumentNumber } from '../documents';
import { collapseWhitespace, foldVietnamese, toNFC } from '../vn/text';

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

// ——— The corpus of real documents (test/fixtures/import/corpus) ———

/** The body that issued a corpus document, as its truth file records it. */
export interface TruthIssuer {
  name: string;
  shortName?: string;
  level: string | null;
  /** Name of the parent body, or null. */
  parent: string | null;
  province: string | null;
}

/** A corpus document's hand-checked truth (`{name}.json` beside `{name}.txt`). */
export interface CorpusTruth {
  /** Where the text was read. */
  source: string;
  /** What part of the document the fixture keeps and which extraction shapes it shows. */
  excerpt: string;
  docType: string;
  number: string | null;
  symbol: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: TruthIssuer;
  references: Array<{ number: string; date: string | null }>;
  deadlines: Deadline[];
  targets: Target[];
  recipients?: string[];
  signer?: { authority: string | null; title: string | null; name: string | null } | null;
}

/** The header fields of a draft, compared with the truth; `wrong` names each field that differs. */
export function scoreHeader(
  draft: { number: string | null; symbol: string | null; issuedOn: string | null; place: string | null },
  truth: Pick<CorpusTruth, 'number' | 'symbol' | 'issuedOn' | 'place'>,
): { right: boolean; wrong: string[] } {
  const wrong: string[] = [];
  if (draft.number !== truth.number) wrong.push(`số: ${draft.number ?? '—'} ≠ ${truth.number ?? '—'}`);
  if (draft.symbol !== truth.symbol) wrong.push(`ký hiệu: ${draft.symbol ?? '—'} ≠ ${truth.symbol ?? '—'}`);
  if (draft.issuedOn !== truth.issuedOn) wrong.push(`ngày: ${draft.issuedOn ?? '—'} ≠ ${truth.issuedOn ?? '—'}`);
  if (norm(draft.place ?? '') !== norm(truth.place ?? '')) wrong.push(`địa danh: ${draft.place ?? '—'} ≠ ${truth.place ?? '—'}`);
  return { right: wrong.length === 0, wrong };
}

/** What the importer said about the issuer: a registry agency, a proposed new one, or nothing. */
export type IssuerClaim =
  | { kind: 'registry'; name: string; level: string; province: string | null }
  | { kind: 'proposed'; name: string; level: string | null; province: string | null }
  | { kind: 'unknown' };

export type IssuerVerdict = 'right' | 'unknown' | 'wrong';

/**
 * Judges the issuer a draft names: right when it is the same body (same name, and level and province
 * where the claim states them), unknown when the draft honestly says it does not know, else wrong.
 */
export function judgeIssuer(claim: IssuerClaim, truth: TruthIssuer): IssuerVerdict {
  if (claim.kind === 'unknown') return 'unknown';
  const sameName = agencyNameKey(claim.name) === agencyNameKey(truth.name);
  const sameLevel = claim.level === null ? claim.kind === 'proposed' : claim.level === truth.level;
  // A proposal may leave level or province open for the reviewer; a registry agency states both.
  const sameProvince = claim.province === null ? claim.kind === 'proposed' : foldVietnamese(claim.province) === foldVietnamese(truth.province ?? '');
  return sameName && sameLevel && sameProvince ? 'right' : 'wrong';
}

function agencyNameKey(name: string): string {
  return foldVietnamese(collapseWhitespace(name))
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\bhdnd\b/g, 'hoi dong nhan dan')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** References of a draft against the truth: number and date, one to one. */
export function scoreReferences(draft: readonly Ref[], truth: CorpusTruth['references']): PartScore {
  return compare(
    truth.map((r) => ({ type: '', ...r })),
    draft,
    (a, b) => a.date === b.date && sameDocumentNumber(a.number, b.number, { typeName: b.type }),
    showRef,
  );
}
