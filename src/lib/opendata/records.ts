import { createHash } from 'node:crypto';
import type { AgencyView, Catalog, PlanEntry } from '../catalog/build';
import { planDate } from '../catalog/plan-date';
import { deadlineDueDate } from '../catalog/deadline-due';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import type { DocumentReference } from '../../schemas/document-reference';
import { apiPaths, urlOf, type PublishContext } from './context';
import { plainTextCached } from '../content/mdx-body';
import { reportDate } from '../catalog/build';
import { periodLabel, tallyResults } from '../portal/reports';
import { tableNames, type AgencyRef, type PlanRecord, type TableName, type TableRow, type TableRows } from './record-schemas';

/*
 * Catalog → published records. Key order here is the key order in the files (and the column
 * order of the CSVs), so it is written out by hand. Positions are 1-based in the open data.
 */

/** Stable id of a row that belongs to a plan: "{slug}#{position}", position 1-based (one definition, in the catalog). */
export { rowId } from '../catalog/build';
import { rowId } from '../catalog/build';

/** The date a plan is dated by in feeds and catalogs (the rule is `planDate` in catalog/plan-date.ts). */
export function planEntryDate(plan: PlanEntry): string {
  return planDate(plan.data);
}

/** The newest date among plans (undefined entries skipped), or null when there is none. */
export function latestPlanDate(plans: Iterable<PlanEntry | undefined>): string | null {
  let max: string | null = null;
  for (const plan of plans) {
    if (!plan) continue;
    const date = planEntryDate(plan);
    if (max === null || date > max) max = date;
  }
  return max;
}

/** The newest date a report is dated by, or null without reports. */
export function latestReportDate(catalog: Catalog): string | null {
  let max: string | null = null;
  for (const report of catalog.reports) {
    const date = reportDate(report.data);
    if (max === null || date > max) max = date;
  }
  return max;
}

/** The latest content date: the newest plan's date (never the build time), or null without plans. */
export function contentModified(catalog: Catalog): string | null {
  return latestPlanDate(catalog.plans);
}

export function agencyRef(catalog: Catalog, id: string, ctx: PublishContext): AgencyRef {
  const agency = catalog.agencies.get(id);
  if (!agency) throw new Error(`Open data: agency "${id}" is referenced but not in content/agencies/ (run npm run check)`);
  return {
    id,
    name: agency.data.name,
    shortName: agency.data.shortName,
    level: agency.data.level,
    url: urlOf(ctx, paths.agency(id)),
  };
}

function agencyName(catalog: Catalog, id: string): string {
  return catalog.agencies.get(id)?.data.name ?? id;
}

function referenceRecord(catalog: Catalog, reference: DocumentReference, ctx: PublishContext): PlanRecord['basis'][number] {
  return {
    type: reference.type,
    number: reference.number,
    date: reference.date,
    issuer: reference.issuer,
    title: reference.title,
    document: reference.document,
    documentNumber: catalog.documents.get(reference.document)?.data.number ?? null,
    documentUrl: urlOf(ctx, paths.document(reference.document)),
  };
}

/*
 * The frontmatter fields the plan record and the plan row copy unchanged, in two groups because the
 * record puts `identifier` before them and the row after them (each file keeps its key order).
 */
function planHeading(data: Pick<PlanEntry['data'], 'title' | 'docType' | 'number' | 'symbol'>) {
  return { title: data.title, docType: data.docType, number: data.number, symbol: data.symbol };
}

function planFacts(data: PlanEntry['data']) {
  return { place: data.place, issuedOn: data.issuedOn, year: data.year, status: data.status, topics: data.topics, summary: data.summary };
}

/** `/api/v1/plans/{slug}.json`: the whole plan with agencies and documents resolved. */
export function planRecord(catalog: Catalog, plan: PlanEntry, ctx: PublishContext): PlanRecord {
  const { slug, data } = plan;
  return {
    $schema: urlOf(ctx, apiPaths.schema('plan')),
    slug,
    url: urlOf(ctx, paths.plan(slug)),
    identifier: formatPlanNumber(data),
    ...planHeading(data),
    issuer: agencyRef(catalog, data.issuer, ctx),
    ...planFacts(data),
    titleEn: data.titleEn,
    summaryEn: data.summaryEn,
    basis: data.basis.map((r) => referenceRecord(catalog, r, ctx)),
    citations: data.citations.map((r) => referenceRecord(catalog, r, ctx)),
    targets: data.targets.map((t, i) => ({
      id: rowId(slug, i + 1),
      position: i + 1,
      text: t.text,
      value: t.value,
      unit: t.unit,
      indicator: t.indicator,
    })),
    deadlines: data.deadlines.map((d, i) => ({
      id: rowId(slug, i + 1),
      position: i + 1,
      date: d.date,
      qualifier: d.qualifier,
      task: d.task,
      owner: agencyRef(catalog, d.owner, ctx),
      submitTo: d.submitTo ? agencyRef(catalog, d.submitTo, ctx) : null,
      dueDate: deadlineDueDate(d),
    })),
    assignments: data.assignments.map((a) => ({ unit: agencyRef(catalog, a.unit, ctx), duties: a.duties })),
    recipients: data.recipients,
    signer: { authority: data.signer.authority, title: data.signer.title, name: data.signer.name },
    source: { file: data.source.file, sha256: data.source.sha256, signed: data.source.signed },
    inferred: data.inferred.map((mark) => ({ field: mark.field, note: mark.note })),
    bodyText: plainTextCached(plan.body ?? ''),
  };
}

function planRow(catalog: Catalog, plan: PlanEntry, ctx: PublishContext): TableRow<'plans'> {
  const { slug, data } = plan;
  return {
    slug,
    ...planHeading(data),
    identifier: formatPlanNumber(data),
    issuer: data.issuer,
    issuerName: agencyName(catalog, data.issuer),
    ...planFacts(data),
    basisCount: data.basis.length,
    citationCount: data.citations.length,
    targetCount: data.targets.length,
    deadlineCount: data.deadlines.length,
    // Units, not list items: a unit listed twice is one unit (the page merges them too).
    assignmentCount: new Set(data.assignments.map((a) => a.unit)).size,
    recipientCount: data.recipients.length,
    url: urlOf(ctx, paths.plan(slug)),
    dataUrl: urlOf(ctx, apiPaths.plan(slug)),
  };
}

/**
 * Where each table's rows come from: the catalog list it has one row per item of (`items`, in table
 * order: plans newest first, deadlines by date, agencies by name) and the row of an item. A table's
 * rows are `items.map(row)`; the open data builds them only for the tables it renders, and keys the
 * tables that grow with the plans chunk by chunk (table-keys.ts).
 */
export interface TableSource<T extends TableName, I = unknown> {
  items: readonly I[];
  // A method, so that a source of plans is a TableSource<T> (of unknown items) too.
  row(item: I): TableRow<T>;
  /**
   * A digest of everything the rows read from the plans, for a table whose rows each gather many
   * plans: with the registries and the publish context it stands for the rows in the table's key
   * (open-data.ts), which then needs neither the rows nor their JSON.
   */
  inputs?(): string;
}

export type TableSources = { [T in TableName]: TableSource<T> };

function source<T extends TableName, I>(items: readonly I[], row: (item: I) => TableRow<T>, inputs?: () => string): TableSource<T, I> {
  return inputs ? { items, row, inputs } : { items, row };
}

const planLinks = new WeakMap<Catalog, string>();

/**
 * What the agencies' and documents' rows read from the plans, hashed: every published plan in
 * catalog order (its slug, so the set and order of plans), its issuer, the units it assigns, its
 * deadlines' owners and the documents its basis and citations name. Everything else in those rows
 * is the registries' (agency and document data, their order) and the publish context's, which their
 * key holds besides. An edit that changes none of these (a body, a summary, a target, a deadline's
 * date or task) leaves both tables' keys as they were; their rows are 45 MB of JSON at 50,000 plans.
 * A row that read more of a plan would need it added here: the open data's tests change each field
 * these rows show and check that the keys change with the bytes.
 */
export function planLinksDigest(catalog: Catalog): string {
  let digest = planLinks.get(catalog);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const { slug, data } of catalog.plans) {
      const { assignments, deadlines, basis, citations } = data;
      hash.update(JSON.stringify([slug, data.issuer, assignments.map((a) => a.unit), deadlines.map((d) => d.owner), basis.map((r) => r.document), citations.map((r) => r.document)]));
    }
    planLinks.set(catalog, (digest = hash.digest('base64url')));
  }
  return digest;
}

/** The source of every flat table (see TableSource). */
export function tableSources(catalog: Catalog, ctx: PublishContext): TableSources {
  const links = () => planLinksDigest(catalog);
  const planUrl = (slug: string) => urlOf(ctx, paths.plan(slug));
  const title = (slug: string) => catalog.planBySlug.get(slug)?.data.title ?? slug;

  return {
    plans: source(catalog.plans, (plan) => planRow(catalog, plan, ctx)),
    targets: source(catalog.targets, (row) => ({
      id: rowId(row.plan, row.position + 1),
      plan: row.plan,
      position: row.position + 1,
      year: row.year,
      topics: row.topics,
      text: row.target.text,
      value: row.target.value,
      unit: row.target.unit,
      indicator: row.target.indicator,
      url: planUrl(row.plan),
    })),
    deadlines: source(catalog.deadlines, (row) => ({
      id: rowId(row.plan, row.position + 1),
      plan: row.plan,
      position: row.position + 1,
      date: row.deadline.date,
      qualifier: row.deadline.qualifier,
      task: row.deadline.task,
      owner: row.deadline.owner,
      ownerName: agencyName(catalog, row.deadline.owner),
      submitTo: row.deadline.submitTo,
      submitToName: row.deadline.submitTo ? agencyName(catalog, row.deadline.submitTo) : null,
      planTitle: title(row.plan),
      url: planUrl(row.plan),
      dueDate: deadlineDueDate(row.deadline),
    })),
    citations: source(catalog.citations, (edge) => ({
      plan: edge.plan,
      role: edge.role,
      position: edge.position + 1,
      document: edge.document,
      type: edge.reference.type,
      number: edge.reference.number,
      date: edge.reference.date,
      issuer: edge.reference.issuer,
      title: edge.reference.title,
      url: urlOf(ctx, paths.document(edge.document)),
    })),
    agencies: source([...catalog.agencies.values()], (agency) => ({
      id: agency.id,
      name: agency.data.name,
      shortName: agency.data.shortName,
      level: agency.data.level,
      parent: agency.data.parent,
      province: agency.data.province,
      website: agency.data.website,
      plans: agency.plans,
      assignedIn: [...new Set(agency.assignments.map((a) => a.plan))],
      deadlineCount: agency.deadlines.length,
      calendarUrl: hasCalendar(agency) ? urlOf(ctx, apiPaths.agencyIcs(agency.id)) : null,
      url: urlOf(ctx, paths.agency(agency.id)),
    }), links),
    reports: source(catalog.reports, ({ slug, data }) => ({
      slug,
      ...planHeading(data),
      identifier: formatPlanNumber(data),
      issuer: data.issuer,
      issuerName: agencyName(catalog, data.issuer),
      place: data.place,
      issuedOn: data.issuedOn,
      year: data.year,
      status: data.status,
      plans: data.plans,
      periodKind: data.period.kind,
      periodFrom: data.period.from,
      periodTo: data.period.to,
      period: periodLabel(data.period),
      summary: data.summary,
      resultCount: data.results.length,
      metCount: tallyResults(data.results).met,
      fulfils: data.fulfils.map((f) => rowId(f.plan, f.deadline)),
      url: urlOf(ctx, paths.report(slug)),
    })),
    results: source(catalog.results, (row) => {
      const report = catalog.reportBySlug.get(row.report)!.data;
      const target = catalog.planBySlug.get(row.plan)!.data.targets[row.target]!;
      return {
        id: rowId(row.report, row.position + 1),
        report: row.report,
        position: row.position + 1,
        plan: row.plan,
        target: rowId(row.plan, row.target + 1),
        targetText: target.text,
        promised: target.value,
        value: row.result.value,
        unit: row.result.unit,
        outcome: row.result.outcome,
        status: row.result.status,
        evidence: row.result.evidence,
        periodFrom: report.period.from,
        periodTo: report.period.to,
        reportDate: reportDate(report),
        url: `${urlOf(ctx, paths.report(row.report))}#ket-qua-${row.position + 1}`,
      };
    }),
    documents: source([...catalog.documents.values()].sort((a, b) => compareIds(a.id, b.id)), (doc) => ({
      id: doc.id,
      type: doc.data.type,
      number: doc.data.number,
      aliases: doc.data.aliases,
      date: doc.data.date,
      year: doc.data.year,
      issuer: doc.data.issuer,
      title: doc.data.title,
      basis: doc.data.basis,
      plan: doc.plan,
      implementedBy: doc.implementedByPlans,
      citedBy: [...new Set(doc.citedBy.filter((e) => e.role === 'citation').map((e) => e.plan))],
      url: urlOf(ctx, paths.document(doc.id)),
    }), links),
  };
}

/**
 * Every flat table, in catalog order (plans newest first, deadlines by date, agencies by name), from
 * `sources`. Each table's rows are built when first read: the open data keys its tables without
 * building them, and a build renders only the tables an edit changed.
 */
export function tableRows(catalog: Catalog, ctx: PublishContext, sources: TableSources = tableSources(catalog, ctx)): TableRows {
  const rows = {} as TableRows;
  for (const name of tableNames) {
    let built: unknown[] | undefined;
    Object.defineProperty(rows, name, {
      enumerable: true,
      get: () => (built ??= sources[name].items.map((item) => sources[name].row(item))),
    });
  }
  return rows;
}

/** Plain code-unit order: the same on every machine and locale (registry order must not depend on the loader). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an agency has its own .ics: it owns at least one deadline. */
function hasCalendar(agency: AgencyView): boolean {
  return agency.deadlines.length > 0;
}

/** Agencies that own at least one deadline, in catalog order: each gets its own .ics. */
export function calendarAgencies(catalog: Catalog): string[] {
  return [...catalog.agencies.values()].filter(hasCalendar).map((a) => a.id);
}
