/**
 * Cache keys of routes whose components look things up beyond the page model: each key is built
 * from the same calls the page makes (src/lib/build/cache-key.ts explains why). The plan page
 * has its own, from the inputs of its view: `planPageKey` (src/lib/portal/plan.ts).
 */
import type { Catalog, PlanEntry } from '../catalog/build';
import { planFilterNav, planFilters, type PlanListPageData } from '../portal/plan-filters';
import { showsNavCounts } from '../portal/pagination';
import { renderKey, sha256 } from './cache-key';
import { perCatalogAndId } from '../catalog/memo';
import { agencyPage, type AgencyListPageData } from '../portal/agencies';
import { agencyRecord } from '../portal/reports';
import { documentPage, documentUsageText, type DocumentListPageData, type DocumentTypePageData } from '../portal/documents';
import type { CappedList } from '../portal/pagination';

/**
 * The filter links a plan list's page shows, hashed once per catalog: on a first page every option's
 * label and count and the portal's total (which also decide the agencies shown); on a later page the
 * options shown, without counts (`planFilterNav`). The option the page shows, which joins the options
 * shown when it is not among them, is in the page's own key. As JSON (about 50 KB at 5,000 plans) it
 * was escaped and hashed again in every list page's key.
 */
function filterNav(catalog: Catalog, page: number): string {
  return filterNavDigest(catalog, showsNavCounts(page) ? 'counted' : 'plain');
}

const filterNavDigest = perCatalogAndId((catalog, kind) => {
  // Every later page prints the same filter list: page 2's stands for them all.
  if (kind === 'plain') return sha256(JSON.stringify(planFilterNav(catalog, undefined, 2)));
  const options = Object.values(planFilters(catalog)).flat();
  return sha256(JSON.stringify([catalog.plans.length, options.map(({ kind, value, label, count }) => [kind, value, label, count])]));
});

/**
 * /ke-hoach/…: one page of a plan list, with the filter navigation and the total it shows. The
 * filter's member list is shown only through the page's slice (its plans, place and totals): a
 * topic's thousand slugs are left out, so the list's other pages do not join every page's key.
 */
export function planListKey(catalog: Catalog, page: PlanListPageData): string {
  const option = page.option && { kind: page.option.kind, value: page.option.value, label: page.option.label, count: page.option.count };
  return renderKey(catalog, { ...page, option }, filterNav(catalog, page.slice.page));
}

/**
 * Rows that are each a function of their plan and of what the key names beside them: an agency's
 * duties in a plan (its assignments to that unit), a plan's references to a document in one role,
 * an agency record's line for a plan (its targets and deadlines, and the results reports, which every
 * key covers). The plan stands for such a row in a key (its digest, src/lib/build/cache-key.ts), not
 * the row's text: the duties, references and titles were most of the keys' JSON of the agency and
 * document pages (about 14 of 28 MB at 5,000 plans), hashed again in every build.
 */
function plansOf<T extends { plan: PlanEntry }>(rows: readonly T[]): PlanEntry[] {
  return rows.map((row) => row.plan);
}

/** `plansOf` for a capped list: its plans, and its total and whether it was cut, which the page prints. */
function cappedPlans<T extends { plan: PlanEntry }>(list: CappedList<T>): CappedList<PlanEntry> {
  return { ...list, items: plansOf(list.items) };
}

/**
 * /co-quan/{id}/: its page model and the record of commitments and results the page prints
 * (`agencyRecord`: totals over every plan the agency issued, listed or not). The agencies the model
 * holds (the agency, its parent, ancestors and children) are shown by name and link only, which the
 * registries cover, so they join the key by id: hashing their whole views (every plan, duty and
 * deadline of a provincial UBND) cost 10 ms a page and re-rendered a page for changes it does not show.
 * Its duties and the record's lines join the key by plan (`plansOf`).
 */
export function agencyPageKey(catalog: Catalog, id: string): string {
  const page = agencyPage(catalog, id);
  const record = agencyRecord(catalog, id);
  const ids = (agencies: { id: string }[]) => agencies.map((agency) => agency.id);
  const shown = { ...page, agency: page.agency.id, ancestors: ids(page.ancestors), parent: page.parent?.id ?? null, children: ids(page.children), tasks: plansOf(page.tasks) };
  // `agencyRecord` lists the catalog's plans only.
  return renderKey(catalog, shown, { ...record, plans: record.plans.map((line) => catalog.planBySlug.get(line.slug)!) });
}

/**
 * /van-ban/loai/{type}/…: each document of the page as the list prints it (DocumentRefList: the
 * registry entry, which the registries cover, by id, and how many plans use it), and the page's
 * place in the list. The whole views held every edge citing each document: a directive cited by
 * thousands of plans put thousands of plan digests in the key, and any edit to one of those plans
 * re-rendered a page that only prints their number.
 */
export function documentTypePageKey(catalog: Catalog, page: DocumentTypePageData): string {
  const { slice } = page;
  return renderKey(catalog, page.type, page.firstPagePath, { ...slice, items: slice.items.map((view) => [view.id, documentUsageText(view)]) });
}

/**
 * /van-ban/{id}/: its page model, with the document itself as its id and the plan that is this
 * document (the page prints the registry entry, which the registries cover, and links that plan).
 * The whole view held every edge citing the document, so a directive cited by thousands of plans put
 * thousands of digests in the key, and an edit to any of them re-rendered a page that shows the
 * newest ten of each role and their totals. Those plans join the key by plan (`plansOf`).
 */
export function documentPageKey(catalog: Catalog, id: string): string {
  const model = documentPage(catalog, id);
  if (!model) throw new Error(`No document "${id}" in the registry`);
  const { basis, citation } = model.referencing;
  return renderKey(catalog, { ...model, view: { id: model.view.id, plan: model.view.plan }, referencing: { basis: cappedPlans(basis), citation: cappedPlans(citation) } });
}

/**
 * /co-quan/{id}/{list}/…: one page of an agency's long list. What it shows: its slice (rows name
 * their plans; a duty page's rows are its plans, `plansOf`), the list and agency it belongs to
 * (names come from the registries), not the agency's other lists.
 */
export function agencyListPageKey(catalog: Catalog, page: AgencyListPageData): string {
  const slice = page.kind === 'nhiem-vu' ? { ...page.slice, items: plansOf(page.slice.items) } : page.slice;
  return renderKey(catalog, page.kind, page.agency.id, page.firstPagePath, slice);
}

/**
 * /van-ban/{id}/{thuc-hien,dan-chieu}/…: one page of a document's plans: its place in the list, the
 * document (from the registry) and each row's plan. A row (`ReferencingPlan`) is its plan with that
 * plan's references to this document in this role and the numbers they are written as: a function
 * of the plan, the document and the role, so the plan stands for it (walking every row's references
 * cost 8 µs a row, 2.4 s for the 300,000 rows of the lists at 50,000 plans).
 */
export function documentListPageKey(catalog: Catalog, page: DocumentListPageData): string {
  const { slice } = page;
  return renderKey(catalog, page.role, page.view.id, page.firstPagePath, { ...slice, items: plansOf(slice.items) });
}
