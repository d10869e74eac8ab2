import { topicSlugOf, type Catalog, type PlanEntry } from '../catalog/build';
import { foldVietnamese } from '../vn/text';

/** Why a plan is shown as related to another. */
export type RelatedReason =
  | { kind: 'basis'; document: string }
  | { kind: 'issuer'; agency: string }
  | { kind: 'title' }
  | { kind: 'topic'; topic: string };

export interface RelatedPlan {
  plan: PlanEntry;
  reasons: RelatedReason[];
}

/** How strongly each reason ties two plans; the list is ordered by the sum, then newest first. */
const REASON_WEIGHT: Record<RelatedReason['kind'], number> = { basis: 4, title: 3, issuer: 2, topic: 1 };

/** At most this many plans per reason and in total, so a prolific issuer stays readable (and linear). */
export const RELATED_PER_REASON = 5;
export const RELATED_MAX = 8;

/**
 * A title with its year(s) taken out, folded: the same plan repeated each year shares it.
 * @example titleKey('Thực hiện công tác dân vận chính quyền năm 2024') // 'thuc hien cong tac dan van chinh quyen nam'
 */
export function titleKey(title: string): string {
  return foldVietnamese(title)
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const cache = new WeakMap<Catalog, Map<string, RelatedPlan[]>>();

/** A related plan being gathered, with its weight and the other plan's place in the catalog's order. */
interface Candidate extends RelatedPlan {
  weight: number;
  order: number;
}

/**
 * Adds to `found` up to RELATED_PER_REASON plans of `candidates` (slugs) tied to `plan` by `reason`,
 * leaving out `plan` itself and those `skip` names.
 */
function gather(
  catalog: Catalog,
  plan: PlanEntry,
  found: Map<string, Candidate>,
  candidates: readonly string[],
  reason: RelatedReason,
  skip?: (other: PlanEntry) => boolean,
): void {
  let taken = 0;
  for (const slug of candidates) {
    if (taken >= RELATED_PER_REASON) break;
    if (slug === plan.slug) continue;
    const other = catalog.planBySlug.get(slug);
    if (!other || skip?.(other)) continue;
    taken++;
    const entry = found.get(slug);
    if (entry) {
      entry.reasons.push(reason);
      entry.weight += REASON_WEIGHT[reason.kind];
    } else {
      found.set(slug, { plan: other, reasons: [reason], weight: REASON_WEIGHT[reason.kind], order: catalog.planOrder.get(slug)! });
    }
  }
}

function build(catalog: Catalog): Map<string, RelatedPlan[]> {
  const byTitle = new Map<string, string[]>();
  const titleKeys = new Map<PlanEntry, string>();
  for (const plan of catalog.plans) {
    const key = titleKey(plan.data.title);
    titleKeys.set(plan, key);
    const list = byTitle.get(key);
    if (list) list.push(plan.slug);
    else byTitle.set(key, [plan.slug]);
  }
  const related = new Map<string, RelatedPlan[]>();
  for (const plan of catalog.plans) {
    const found = new Map<string, Candidate>();
    for (const document of new Set(plan.data.basis.map((r) => r.document))) {
      gather(catalog, plan, found, catalog.documents.get(document)?.implementedByPlans ?? [], { kind: 'basis', document });
    }
    gather(catalog, plan, found, byTitle.get(titleKeys.get(plan)!) ?? [], { kind: 'title' }, (other) => other.data.year === plan.data.year);
    gather(catalog, plan, found, catalog.agencies.get(plan.data.issuer)?.plans ?? [], { kind: 'issuer', agency: plan.data.issuer });
    // Sharing a topic is the weakest tie: only fills the list when the others leave room.
    if (found.size < RELATED_MAX) {
      const topic = topicSlugOf(catalog, plan.data.topics[0]!);
      gather(catalog, plan, found, catalog.topics.get(topic)?.plans ?? [], { kind: 'topic', topic }, (other) => found.has(other.slug));
    }
    // Strongest ties first, then the catalog's order (newest first).
    related.set(
      plan.slug,
      [...found.values()]
        .sort((a, b) => b.weight - a.weight || a.order - b.order)
        .slice(0, RELATED_MAX)
        .map(({ plan: other, reasons }) => ({ plan: other, reasons })),
    );
  }
  return related;
}

/**
 * Plans related to `slug`: implementing the same basis document, with the same title in another
 * year, from the same issuer, or else on the same main topic; strongest ties first (basis, then title,
 * issuer, topic), then newest. Computed for all plans once
 * per catalog.
 */
export function relatedPlans(catalog: Catalog, slug: string): RelatedPlan[] {
  let map = cache.get(catalog);
  if (!map) {
    map = build(catalog);
    cache.set(catalog, map);
  }
  return map.get(slug) ?? [];
}

/**
 * Why a plan is listed, as its tag reads on the plan page.
 * @example relatedReasonText(catalog, { kind: 'basis', document: '33-ct-ttg' }) // 'Cùng thực hiện Chỉ thị số 33/CT-TTg'
 */
export function relatedReasonText(catalog: Catalog, reason: RelatedReason): string {
  switch (reason.kind) {
    case 'basis': {
      const document = catalog.documents.get(reason.document);
      return document ? `Cùng thực hiện ${document.data.type} số ${document.data.number}` : 'Cùng căn cứ';
    }
    case 'title':
      return 'Cùng nội dung, năm khác';
    case 'issuer':
      return 'Cùng cơ quan ban hành';
    case 'topic':
      return `Cùng chủ đề ${catalog.topics.get(reason.topic)?.label ?? ''}`.trim();
  }
}
