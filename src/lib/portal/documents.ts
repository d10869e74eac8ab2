import { perCatalogAndId } from '../catalog/memo';
import { compareIsoDates } from '../vn/dates';
import type { Catalog, DocumentView, PlanEntry, ReferenceRole } from '../catalog/build';
import type { DocumentReference } from '../../schemas/document-reference';
import type { RegistryDocument } from '../../schemas/document';
import { compareVietnamese } from '../vn/text';
import { portalIndex } from './index-cache';
import { capList, paginate, pagePath, type CappedList, type PageSlice } from './pagination';
import { paths } from '../paths';
import { slugify } from '../vn/slug';

/**
 * At most this many plans per role on a document page; a longer list has its own pages
 * (`documentListPages`), DOCUMENT_PAGE_SIZE a page.
 */
export const DOCUMENT_LIST_MAX = 10;
/** Plans per page on a document's list of implementing or citing plans. */
export const DOCUMENT_PAGE_SIZE = 50;
/** At most this many nodes per chain direction on a document page. */
export const DOCUMENT_CHAIN_MAX = 50;

/** URL segment of a document's list of plans, by role. */
export const DOCUMENT_LIST_SEGMENTS: Record<ReferenceRole, string> = { basis: 'thuc-hien', citation: 'dan-chieu' };

/**
 * Path of the first page of a document's plans in one role, relative to the base.
 * @example documentListPath('33-ct-ttg', 'basis') // 'van-ban/33-ct-ttg/thuc-hien/'
 */
export function documentListPath(id: string, role: ReferenceRole): string {
  return `${paths.document(id)}${DOCUMENT_LIST_SEGMENTS[role]}/`;
}

/** Registry documents of one type, newest first. */
export interface DocumentTypeGroup {
  type: string;
  documents: DocumentView[];
}

// Legal weight, highest first; other types (Kế hoạch, Công văn…) follow in dictionary order.
const TYPE_ORDER = ['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Quyết định', 'Chỉ thị', 'Thông tư liên tịch', 'Thông tư', 'Quy định', 'Kết luận'];

function documentSortDate(data: RegistryDocument): string {
  return data.date ?? `${data.year}-00-00`;
}

/** Compares registry documents newest first, then by number. */
export function compareDocumentsNewestFirst(a: DocumentView, b: DocumentView): number {
  return compareIsoDates(documentSortDate(b.data), documentSortDate(a.data)) || compareVietnamese(a.data.number, b.data.number);
}

/** The registry grouped by document type (legal weight first), each group newest first. */
export function documentsByType(catalog: Catalog): DocumentTypeGroup[] {
  const groups = new Map<string, DocumentView[]>();
  for (const view of catalog.documents.values()) {
    const list = groups.get(view.data.type) ?? [];
    list.push(view);
    groups.set(view.data.type, list);
  }
  const rank = (type: string) => {
    const i = TYPE_ORDER.indexOf(type);
    return i === -1 ? TYPE_ORDER.length : i;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || compareVietnamese(a, b))
    .map(([type, documents]) => ({ type, documents: documents.sort(compareDocumentsNewestFirst) }));
}

/** /van-ban/ shows this many documents of each type, newest first; each type has its own pages. */
export const DOCUMENT_INDEX_PER_TYPE = 10;
/** Documents per page on a type's list `/van-ban/loai/{type}/`. */
export const DOCUMENT_TYPE_PAGE_SIZE = 50;

/**
 * Path of the first page of one document type's list, relative to the base.
 * @example documentTypePath('Chỉ thị') // 'van-ban/loai/chi-thi/'
 */
export function documentTypePath(type: string): string {
  return `${paths.documents()}loai/${slugify(type)}/`;
}

/** One page of the documents of one type. */
export interface DocumentTypePageData {
  type: string;
  firstPagePath: string;
  slice: PageSlice<DocumentView>;
}

/** Every page of every document type with more documents than /van-ban/ shows of it. */
export function documentTypePages(catalog: Catalog): DocumentTypePageData[] {
  return documentsByType(catalog)
    .filter((group) => group.documents.length > DOCUMENT_INDEX_PER_TYPE)
    .flatMap(({ type, documents }) => paginate(documents, DOCUMENT_TYPE_PAGE_SIZE).map((slice) => ({ type, firstPagePath: documentTypePath(type), slice })));
}

/** Path of one page of a document type's list. */
export function documentTypePagePath(page: DocumentTypePageData): string {
  return pagePath(page.firstPagePath, page.slice.page);
}

/**
 * How the document list says what uses a document: the number of plans here referencing it (as
 * basis or citation, each plan once), or that only other registry documents name it.
 * @example documentUsageText(catalog.documents.get('33-ct-ttg')!) // '2 kế hoạch trên cổng'
 */
export function documentUsageText(view: Pick<DocumentView, 'citedBy'>): string {
  const count = new Set(view.citedBy.map((edge) => edge.plan)).size;
  return count === 0 ? 'chỉ được văn bản khác nêu' : `${count} kế hoạch trên cổng`;
}

/** A plan that references a document, with every spelling of the number it used. */
export interface ReferencingPlan {
  plan: PlanEntry;
  /** Numbers as the plan writes them ("11-QĐ/TW"), each once. */
  writtenAs: string[];
  references: DocumentReference[];
}

/** A document's referencing plans by role; shared by every caller, so read-only. */
export type ReferencingPlans = Readonly<Record<ReferenceRole, readonly ReferencingPlan[]>>;

/**
 * The plans that implement (basis) and that cite (citation) a document, each plan once per role,
 * newest plan first. Once per catalog and document: the document page, its key and its list pages
 * all read them, and a directive can be cited by thousands of plans.
 *
 * `citedBy` is in that order already (basis edges first, then citations, newest plan first, a plan's
 * edges in its order: DocumentView), so a plan's edges of one role are neighbours and the rows are
 * made in one pass, without a map by plan or a sort: with them, the 308,000 edges of the
 * 50,000-plan corpus took 1.4–1.8 s of every build.
 */
export const referencingPlans: (catalog: Catalog, id: string) => ReferencingPlans = perCatalogAndId((catalog, id) => {
  const result: Record<ReferenceRole, ReferencingPlan[]> = { basis: [], citation: [] };
  const view = catalog.documents.get(id);
  if (!view) return result;
  for (const edge of view.citedBy) {
    const plan = catalog.planBySlug.get(edge.plan);
    if (!plan) continue;
    const rows = result[edge.role];
    let entry = rows[rows.length - 1];
    if (entry?.plan !== plan) rows.push((entry = { plan, writtenAs: [], references: [] }));
    if (!entry.writtenAs.includes(edge.reference.number)) entry.writtenAs.push(edge.reference.number);
    entry.references.push(edge.reference);
  }
  return result;
});

/**
 * A node of the implementation chain. A plan published here that is also in the registry appears
 * as its document (`plan` then holds its slug); a node met a second time is marked `repeated` and
 * not expanded again, so cycles and diamonds stay finite.
 */
export type ChainNode =
  | { kind: 'document'; id: string; plan: string | null; children: ChainNode[] }
  | { kind: 'plan'; slug: string; children: ChainNode[] };

function chainKey(node: { kind: 'document'; id: string } | { kind: 'plan'; slug: string }): string {
  return node.kind === 'document' ? `d:${node.id}` : `p:${node.slug}`;
}

/**
 * What a document implements, recursively: its registry `basis`, and when it is a plan published
 * here, that plan's basis too.
 * @example upwardChain(catalog, '1243-kh-ubnd') // [{ kind: 'document', id: '33-ct-ttg', … }]
 */
export function upwardChain(catalog: Catalog, id: string): ChainNode[] {
  const seen = new Set([`d:${id}`]);
  const parentsOf = (docId: string): string[] => {
    const view = catalog.documents.get(docId);
    if (!view) return [];
    const fromPlan = view.plan ? (catalog.planBySlug.get(view.plan)?.data.basis.map((r) => r.document) ?? []) : [];
    return [...new Set([...view.data.basis, ...fromPlan])].filter((parent) => catalog.documents.has(parent));
  };
  // Each document appears once, at the shallowest level it is reached (a level is claimed before it is expanded).
  const expand = (docId: string): ChainNode[] => {
    const fresh = parentsOf(docId).filter((parent) => !seen.has(`d:${parent}`));
    for (const parent of fresh) seen.add(`d:${parent}`);
    return fresh.map((parent) => ({ kind: 'document', id: parent, plan: catalog.documents.get(parent)!.plan, children: expand(parent) }));
  };
  return expand(id);
}

/**
 * What implements a document, recursively: registry documents whose `basis` lists it and plans
 * published here whose `basis` lists it; below a plan that is itself in the registry, the plans and
 * documents implementing that plan.
 */
export function downwardChain(catalog: Catalog, id: string): ChainNode[] {
  const { documentByPlan } = portalIndex(catalog);
  const seen = new Set([`d:${id}`]);
  const expand = (docId: string): ChainNode[] => {
    const view = catalog.documents.get(docId);
    // Plans implementing it directly come before the documents whose own implementers follow.
    const candidates: ({ kind: 'document'; id: string } | { kind: 'plan'; slug: string })[] = [
      ...(view?.implementedByPlans ?? []).map((slug) =>
        documentByPlan.has(slug) ? { kind: 'document' as const, id: documentByPlan.get(slug)! } : { kind: 'plan' as const, slug },
      ),
      ...(view?.implementedByDocuments ?? [])
        .flatMap((child) => catalog.documents.get(child) ?? [])
        .sort(compareDocumentsNewestFirst)
        .map((child) => ({ kind: 'document' as const, id: child.id })),
    ];
    // Each plan and document appears once, at the shallowest level it is reached: the level's nodes
    // are claimed before any of them is expanded, so counts match what the page lists.
    const fresh = candidates.filter((candidate) => {
      const key = chainKey(candidate);
      if (seen.has(key) || (candidate.kind === 'document' && !catalog.documents.has(candidate.id))) return false;
      seen.add(key);
      return true;
    });
    return fresh.map((candidate): ChainNode =>
      candidate.kind === 'document'
        ? { kind: 'document', id: candidate.id, plan: catalog.documents.get(candidate.id)!.plan, children: expand(candidate.id) }
        : { kind: 'plan', slug: candidate.slug, children: [] },
    );
  };
  return expand(id);
}

/** Counts the nodes of a chain (for headings such as "3 văn bản"). */
export function countChain(nodes: ChainNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countChain(node.children), 0);
}

/** A chain cut to its first nodes in reading order, with the size of the whole. */
export interface CappedChain {
  nodes: ChainNode[];
  total: number;
  capped: boolean;
}

/**
 * The first `max` nodes of a chain in reading (depth-first) order: a Chỉ thị implemented by
 * thousands of plans shows the first ones and says how many there are.
 */
export function capChain(nodes: ChainNode[], max: number): CappedChain {
  const total = countChain(nodes);
  if (total <= max) return { nodes, total, capped: false };
  let budget = max;
  const cut = (list: ChainNode[]): ChainNode[] => {
    const kept: ChainNode[] = [];
    for (const node of list) {
      if (budget === 0) break;
      budget--;
      kept.push({ ...node, children: cut(node.children) });
    }
    return kept;
  };
  return { nodes: cut(nodes), total, capped: true };
}

/** Everything the page `/van-ban/{id}/` shows, each list bounded by `max`. */
export interface DocumentPageModel {
  view: DocumentView;
  /** Plans implementing / citing it, newest first, at most `max` per role. */
  referencing: Record<ReferenceRole, CappedList<ReferencingPlan>>;
  /** First page of each role's own list, when it is longer than the page shows. */
  listPaths: Record<ReferenceRole, string | null>;
  up: CappedChain;
  down: CappedChain;
  /** The search page looking for its number, where the plans past the cap can be found. */
  searchPath: string;
  max: number;
}

/** The model of one document page, or undefined for an id not in the registry. */
export function documentPage(catalog: Catalog, id: string, max = DOCUMENT_LIST_MAX, chainMax = DOCUMENT_CHAIN_MAX): DocumentPageModel | undefined {
  const view = catalog.documents.get(id);
  if (!view) return undefined;
  const referencing = referencingPlans(catalog, id);
  const listPath = (role: ReferenceRole) => (referencing[role].length > DOCUMENT_LIST_MAX ? documentListPath(id, role) : null);
  return {
    view,
    referencing: { basis: capList(referencing.basis, max), citation: capList(referencing.citation, max) },
    listPaths: { basis: listPath('basis'), citation: listPath('citation') },
    up: capChain(upwardChain(catalog, id), chainMax),
    down: capChain(downwardChain(catalog, id), chainMax),
    searchPath: documentSearchPath(view.data.number),
    max,
  };
}

/** One page of a document's implementing or citing plans. */
export interface DocumentListPageData {
  view: DocumentView;
  role: ReferenceRole;
  firstPagePath: string;
  slice: PageSlice<ReferencingPlan>;
}

const listPagesCache = new WeakMap<Catalog, DocumentListPageData[]>();

/**
 * Every page of every document's plan lists longer than the document page shows, newest plan
 * first; each list cut once, all once per catalog.
 */
export function documentListPages(catalog: Catalog): DocumentListPageData[] {
  const hit = listPagesCache.get(catalog);
  if (hit) return hit;
  const pages: DocumentListPageData[] = [];
  for (const view of catalog.documents.values()) {
    const referencing = referencingPlans(catalog, view.id);
    for (const role of ['basis', 'citation'] as const) {
      if (referencing[role].length <= DOCUMENT_LIST_MAX) continue;
      for (const slice of paginate(referencing[role], DOCUMENT_PAGE_SIZE)) pages.push({ view, role, firstPagePath: documentListPath(view.id, role), slice });
    }
  }
  listPagesCache.set(catalog, pages);
  return pages;
}

/** Path of one page of a document's plan list. */
export function documentListPagePath(page: DocumentListPageData): string {
  return pagePath(page.firstPagePath, page.slice.page);
}

/**
 * The search page looking for a document number.
 * @example documentSearchPath('33/CT-TTg') // 'tim-kiem/?q=33%2FCT-TTg'
 */
export function documentSearchPath(number: string): string {
  return `${paths.search()}?q=${encodeURIComponent(number)}`;
}

// Types of legal normative documents (Luật Ban hành văn bản quy phạm pháp luật) that vbpl.vn holds.
const LEGAL_TYPES = new Set(['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Lệnh', 'Nghị quyết', 'Nghị quyết liên tịch', 'Nghị định', 'Quyết định', 'Chỉ thị', 'Thông tư', 'Thông tư liên tịch']);
// Central state bodies. "Bộ Chính trị" is a Party body, not a ministry.
const CENTRAL_ISSUER = /^(Quốc hội|Ủy ban Thường vụ Quốc hội|Chủ tịch nước|Chính phủ|Thủ tướng Chính phủ|Bộ (?!Chính trị)|Bộ trưởng|Thanh tra Chính phủ|Ngân hàng Nhà nước|Kiểm toán Nhà nước|Tòa án nhân dân tối cao|Viện kiểm sát nhân dân tối cao|Hội đồng Thẩm phán)/u;
// State grammar: "33/CT-TTg", "59/2023/NĐ-CP", "10/2022/QH15"; Party numbers ("11-QĐi/TW") start "digits-".
const STATE_NUMBER = /^\d+\/(?:\d{4}\/)?[\p{L}\d]+(?:-[\p{L}\d]+)*$/u;

/**
 * A vbpl.vn search for the official text, or null when vbpl.vn does not hold such documents
 * (Party documents, local plans, công văn).
 * @example officialTextUrl({ type: 'Chỉ thị', number: '33/CT-TTg', issuer: 'Thủ tướng Chính phủ' })
 * // 'https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=33%2FCT-TTg'
 */
export function officialTextUrl(document: Pick<RegistryDocument, 'type' | 'number' | 'issuer'>): string | null {
  if (!LEGAL_TYPES.has(document.type) || !STATE_NUMBER.test(document.number) || !CENTRAL_ISSUER.test(document.issuer)) return null;
  return `https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=${encodeURIComponent(document.number)}`;
}
