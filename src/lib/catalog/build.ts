import type { Plan } from '../../schemas/plan';
import { compareIsoDates } from '../vn/dates';
import { planDate } from './plan-date';
import type { Agency } from '../../schemas/agency';
import type { RegistryDocument } from '../../schemas/document';
import type { DocumentReference } from '../../schemas/document-reference';
import type { Deadline } from '../../schemas/deadline';
import type { Target } from '../../schemas/target';
import type { Assignment } from '../../schemas/assignment';
import type { Fulfilment, Report, Result } from '../../schemas/report';
import { slugify } from '../vn/slug';

/** One plan as the catalog sees it: its slug, its validated frontmatter and its MDX body. */
export interface PlanEntry {
  slug: string;
  data: Plan;
  /** Raw MDX body. */
  body?: string;
  /** 1-based line of the body's first line in its file (line numbers of body problems). */
  bodyLine?: number;
}
export interface AgencyEntry {
  id: string;
  data: Agency;
}
export interface DocumentEntry {
  id: string;
  data: RegistryDocument;
}
/** One results report: its slug, its validated frontmatter and its MDX body. */
export interface ReportEntry {
  slug: string;
  data: Report;
  body?: string;
  bodyLine?: number;
}

/**
 * Stable id of a row that belongs to a plan (a target, a deadline): "{slug}#{n}", n 1-based.
 * The same id in the open data (targets.json, deadlines.json) and in a report's links.
 * @example rowId('dan-van-2024', 1) // 'dan-van-2024#1'
 */
export function rowId(plan: string, position: number): string {
  return `${plan}#${position}`;
}

/** One target result of a published report. */
export interface ResultRow {
  report: string;
  /** Position inside the report's results list (0-based). */
  position: number;
  plan: string;
  /** Position of the target inside the plan's targets (0-based, like `TargetRow.position`). */
  target: number;
  result: Result;
}

/** A plan deadline that a published report fulfils. */
export interface FulfilmentRow {
  report: string;
  plan: string;
  /** Position of the deadline inside the plan's deadlines (0-based, like `DeadlineRow.position`). */
  deadline: number;
  on: Fulfilment['on'];
}

export type ReferenceRole = 'basis' | 'citation';

/** One edge of the citation graph: a plan referencing a registry document. */
export interface CitationEdge {
  plan: string;
  document: string;
  role: ReferenceRole;
  /** Position of the reference inside the plan's basis or citations list. */
  position: number;
  reference: DocumentReference;
}

export interface DeadlineRow {
  plan: string;
  /** Position inside the plan's deadlines list; with `plan` it forms a stable id. */
  position: number;
  deadline: Deadline;
}

export interface TargetRow {
  plan: string;
  position: number;
  year: number;
  topics: string[];
  target: Target;
}

export interface AssignmentRow {
  plan: string;
  position: number;
  assignment: Assignment;
}

/**
 * The rows the catalog derives from one plan, each list in the plan's order (a row's `position` is
 * its index): the same objects as in the catalog's cross-plan lists.
 */
export interface PlanRows {
  deadlines: DeadlineRow[];
  targets: TargetRow[];
  basis: CitationEdge[];
  citations: CitationEdge[];
  assignments: AssignmentRow[];
}

export interface TopicEntry {
  slug: string;
  label: string;
  plans: string[];
}

export interface AgencyView extends AgencyEntry {
  children: string[];
  /** Ancestors, nearest first. */
  ancestors: string[];
  plans: string[];
  /** The duties plans give this unit, in the catalog's plan order (newest first), a plan's in its order. */
  assignments: AssignmentRow[];
  /** The deadlines this agency owns, by date (a stable sort of the plans' order). */
  deadlines: DeadlineRow[];
  /** Reports the agency issued, newest first. */
  reports: string[];
}

export interface DocumentView extends DocumentEntry {
  /**
   * Plans referencing this document, basis edges first, then citations; newest plan first, a plan's
   * edges in its order (so a plan's edges of one role are neighbours: `referencingPlans` relies on it).
   */
  citedBy: CitationEdge[];
  /** Plans whose `basis` lists this document, newest first, each once (the `basis` edges of `citedBy`). */
  implementedByPlans: string[];
  /** Registry documents whose `basis` lists this one (the chain downward). */
  implementedByDocuments: string[];
  /** The plan published here that is this document, if any. */
  plan: string | null;
}

export interface Catalog {
  /** Plans, newest first (issue date, else year), then by title. */
  plans: PlanEntry[];
  planBySlug: Map<string, PlanEntry>;
  /** Position of each plan in `plans` (newest first), to sort plan lists without a rescan. */
  planOrder: Map<string, number>;
  agencies: Map<string, AgencyView>;
  documents: Map<string, DocumentView>;
  citations: CitationEdge[];
  /** Every deadline across plans, by date then plan. */
  deadlines: DeadlineRow[];
  targets: TargetRow[];
  /**
   * Each plan's rows, by slug: what tells a row of this catalog from a copy (src/lib/build/cache-key.ts)
   * and where a plan's calendar events are read from (src/lib/opendata/ical.ts),
   * made as the rows are, while the plan's data is at hand (a walk of the 1.1 million rows afterwards
   * took 0.55 s at 50,000 plans).
   */
  rowsByPlan: Map<string, PlanRows>;
  topics: Map<string, TopicEntry>;
  /** The slug of every topic label of a published plan, each slugified once (`topicSlugOf`). */
  topicSlugs: Map<string, string>;
  /** Years that have plans, newest first. */
  years: number[];
  /** Results reports, newest period first (see `compareReportsNewestFirst`). */
  reports: ReportEntry[];
  reportBySlug: Map<string, ReportEntry>;
  /** Every result of a published report, reports newest first, then in the report's order. */
  results: ResultRow[];
  /** Results of each target, by `rowId(plan, n)`, newest report first: the first is the latest. */
  resultsByTarget: Map<string, ResultRow[]>;
  /** Fulfilments of each deadline, by `rowId(plan, n)`, earliest first. */
  fulfilmentsByDeadline: Map<string, FulfilmentRow[]>;
  /** Published reports on each plan, newest first. */
  reportsByPlan: Map<string, string[]>;
}

/** The day a report is dated by: its issue date, else the last day of its period. */
export function reportDate(report: Report): string {
  return report.issuedOn ?? report.period.to;
}

/** Newest period first (end, then start), then newest issue, then title, then slug: the first result of a target is its latest. */
export function compareReportsNewestFirst(a: ReportEntry, b: ReportEntry): number {
  return (
    compareIsoDates(b.data.period.to, a.data.period.to) ||
    compareIsoDates(b.data.period.from, a.data.period.from) ||
    compareIsoDates(reportDate(b.data), reportDate(a.data)) ||
    collator.compare(a.data.title, b.data.title) ||
    a.slug.localeCompare(b.slug)
  );
}

const collator = new Intl.Collator('vi');

export function comparePlansNewestFirst(a: PlanEntry, b: PlanEntry): number {
  const byDate = compareIsoDates(planDate(b.data), planDate(a.data));
  if (byDate !== 0) return byDate;
  if (b.data.year !== a.data.year) return b.data.year - a.data.year;
  return collator.compare(a.data.title, b.data.title) || a.slug.localeCompare(b.slug);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A plan or a results report is on the public portal once issued: a "dự thảo" (draft, e.g. saved
 * from the editor) is checked like any other but never published, in no page, feed, dataset, card
 * or search record.
 */
export function isPublished(entry: { data: { status?: string } }): boolean {
  return entry.data.status !== 'dự thảo';
}

/**
 * `buildCatalog` once per loaded content in the process: the pages (from their bundle) and the
 * search index (from its integration) share one catalog of the same parse (`loadContentCached`).
 */
export function catalogOf(input: CatalogInput): Catalog {
  const catalogs = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.catalogs')] ??= new WeakMap()) as WeakMap<CatalogInput, Catalog>;
  let catalog = catalogs.get(input);
  if (!catalog) {
    catalog = buildCatalog(input);
    catalogs.set(input, catalog);
  }
  return catalog;
}

/** What a catalog is built from: every plan, agency, document and report, drafts included. */
export interface CatalogInput {
  plans: PlanEntry[];
  agencies: AgencyEntry[];
  documents: DocumentEntry[];
  reports?: ReportEntry[];
}

/**
 * The slug of a topic label: the catalog's, made once per label, for the labels of its plans.
 * @example topicSlugOf(catalog, 'Dân vận chính quyền') // 'dan-van-chinh-quyen'
 */
export function topicSlugOf(catalog: Pick<Catalog, 'topicSlugs'>, label: string): string {
  return catalog.topicSlugs.get(label) ?? slugify(label);
}

/**
 * Builds every cross-plan index once per build, in time linear in the size of the content.
 * Assumes the content passed validation (ids resolve); unknown ids are skipped, not thrown on.
 */
export function buildCatalog(input: CatalogInput): Catalog {
  const plans = input.plans.filter(isPublished).sort(comparePlansNewestFirst);
  const planBySlug = new Map(plans.map((p) => [p.slug, p]));
  const planOrder = new Map(plans.map((p, i) => [p.slug, i]));

  const citations: CitationEdge[] = [];
  const deadlines: DeadlineRow[] = [];
  const targets: TargetRow[] = [];
  const plansByAgency = new Map<string, string[]>();
  const assignmentsByAgency = new Map<string, AssignmentRow[]>();
  const deadlinesByAgency = new Map<string, DeadlineRow[]>();
  const edgesByDocument = new Map<string, CitationEdge[]>();
  const topics = new Map<string, TopicEntry>();
  const years = new Set<number>();

  const rowsByPlan = new Map<string, PlanRows>();
  // A few hundred labels among 150,000 topics at 50,000 plans: each slugified once.
  const topicSlugs = new Map<string, string>();

  for (const { slug, data } of plans) {
    years.add(data.year);
    pushTo(plansByAgency, data.issuer, slug);
    const edgesOf = (role: ReferenceRole, references: DocumentReference[]) =>
      references.map((reference, position): CitationEdge => {
        const edge: CitationEdge = { plan: slug, document: reference.document, role, position, reference };
        citations.push(edge);
        pushTo(edgesByDocument, reference.document, edge);
        return edge;
      });
    const rows: PlanRows = {
      basis: edgesOf('basis', data.basis),
      citations: edgesOf('citation', data.citations),
      deadlines: data.deadlines.map((deadline, position) => {
        const row = { plan: slug, position, deadline };
        deadlines.push(row);
        pushTo(deadlinesByAgency, deadline.owner, row);
        return row;
      }),
      targets: data.targets.map((target, position) => {
        const row = { plan: slug, position, year: data.year, topics: data.topics, target };
        targets.push(row);
        return row;
      }),
      assignments: data.assignments.map((assignment, position) => {
        const row = { plan: slug, position, assignment };
        pushTo(assignmentsByAgency, assignment.unit, row);
        return row;
      }),
    };
    rowsByPlan.set(slug, rows);
    for (const label of data.topics) {
      let key = topicSlugs.get(label);
      if (key === undefined) topicSlugs.set(label, (key = slugify(label)));
      const topic = topics.get(key) ?? { slug: key, label, plans: [] };
      topic.plans.push(slug);
      topics.set(key, topic);
    }
  }

  // By date, then plan, then position: the rows were made in plan order, each plan's in its order,
  // and the sort is stable, so the date alone decides (a plan's order looked up for each of two
  // million comparisons took a quarter of a second at 50,000 plans).
  deadlines.sort((a, b) => compareIsoDates(a.deadline.date, b.deadline.date));

  const reportIndexes = indexReports(input.reports ?? [], planBySlug);

  const childrenByAgency = new Map<string, string[]>();
  for (const { id, data } of input.agencies) if (data.parent) pushTo(childrenByAgency, data.parent, id);
  const agencyData = new Map(input.agencies.map((a) => [a.id, a.data]));
  const agencies = new Map<string, AgencyView>();
  for (const { id, data } of [...input.agencies].sort((a, b) => collator.compare(a.data.name, b.data.name))) {
    const ancestors: string[] = [];
    const seen = new Set([id]);
    for (let parent = data.parent; parent && agencyData.has(parent) && !seen.has(parent); parent = agencyData.get(parent)!.parent) {
      ancestors.push(parent);
      seen.add(parent);
    }
    agencies.set(id, {
      id,
      data,
      ancestors,
      children: (childrenByAgency.get(id) ?? []).sort((a, b) => collator.compare(agencyData.get(a)!.name, agencyData.get(b)!.name)),
      plans: plansByAgency.get(id) ?? [],
      assignments: assignmentsByAgency.get(id) ?? [],
      deadlines: (deadlinesByAgency.get(id) ?? []).sort((a, b) => compareIsoDates(a.deadline.date, b.deadline.date)),
      reports: reportIndexes.reportsByAgency.get(id) ?? [],
    });
  }

  const implementedBy = new Map<string, string[]>();
  for (const { id, data } of input.documents) for (const parent of data.basis) pushTo(implementedBy, parent, id);
  const documents = new Map<string, DocumentView>();
  for (const { id, data } of input.documents) {
    // Basis edges first, then citations, each newest plan first: the edges were made in plan order,
    // so splitting them by role keeps that order without a sort.
    const made = edgesByDocument.get(id) ?? [];
    const edges = made.filter((e) => e.role === 'basis').concat(made.filter((e) => e.role !== 'basis'));
    documents.set(id, {
      id,
      data,
      citedBy: edges,
      implementedByPlans: [...new Set(edges.filter((e) => e.role === 'basis').map((e) => e.plan))],
      implementedByDocuments: implementedBy.get(id) ?? [],
      plan: data.plan && planBySlug.has(data.plan) ? data.plan : null,
    });
  }

  return {
    plans,
    planBySlug,
    planOrder,
    agencies,
    documents,
    citations,
    deadlines,
    targets,
    rowsByPlan,
    topicSlugs,
    topics: new Map([...topics].sort((a, b) => collator.compare(a[1].label, b[1].label))),
    years: [...years].sort((a, b) => b - a),
    reports: reportIndexes.reports,
    reportBySlug: new Map(reportIndexes.reports.map((r) => [r.slug, r])),
    results: reportIndexes.results,
    resultsByTarget: reportIndexes.resultsByTarget,
    fulfilmentsByDeadline: reportIndexes.fulfilmentsByDeadline,
    reportsByPlan: reportIndexes.reportsByPlan,
  };
}

/**
 * The cross-links from reports to targets and deadlines, one pass over the published reports
 * (drafts are left out, like draft plans). Links to a plan or target that does not exist (content
 * that skipped validation) are skipped.
 */
function indexReports(input: ReportEntry[], planBySlug: ReadonlyMap<string, PlanEntry>) {
  const reports = input.filter(isPublished).sort(compareReportsNewestFirst);
  const results: ResultRow[] = [];
  const resultsByTarget = new Map<string, ResultRow[]>();
  const fulfilmentsByDeadline = new Map<string, FulfilmentRow[]>();
  const reportsByPlan = new Map<string, string[]>();
  const reportsByAgency = new Map<string, string[]>();
  for (const { slug, data } of reports) {
    pushTo(reportsByAgency, data.issuer, slug);
    for (const plan of new Set(data.plans)) if (planBySlug.has(plan)) pushTo(reportsByPlan, plan, slug);
    data.results.forEach((result, position) => {
      if ((planBySlug.get(result.plan)?.data.targets.length ?? 0) < result.target) return;
      const row: ResultRow = { report: slug, position, plan: result.plan, target: result.target - 1, result };
      results.push(row);
      pushTo(resultsByTarget, rowId(result.plan, result.target), row);
    });
    for (const item of data.fulfils) {
      if ((planBySlug.get(item.plan)?.data.deadlines.length ?? 0) < item.deadline) continue;
      pushTo(fulfilmentsByDeadline, rowId(item.plan, item.deadline), { report: slug, plan: item.plan, deadline: item.deadline - 1, on: item.on });
    }
  }
  for (const list of fulfilmentsByDeadline.values()) list.sort((a, b) => compareIsoDates(a.on, b.on) || a.report.localeCompare(b.report));
  return { reports, results, resultsByTarget, fulfilmentsByDeadline, reportsByPlan, reportsByAgency };
}

