import type { Catalog, DeadlineRow } from '../catalog/build';

/** Indexes the portal pages need beyond the shared catalog, built once per catalog. */
export interface PortalIndex {
  /** Deadlines whose result is sent to an agency (`submitTo`), by agency id, by date. */
  deadlinesBySubmitTo: Map<string, DeadlineRow[]>;
  /** Registry document id of a plan published here (the document whose `plan` is that slug). */
  documentByPlan: Map<string, string>;
}

const cache = new WeakMap<Catalog, PortalIndex>();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The portal's extra indexes for `catalog`, computed on first use in one linear pass and reused by
 * every page of the build (pages must not scan all plans each).
 */
export function portalIndex(catalog: Catalog): PortalIndex {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const deadlinesBySubmitTo = new Map<string, DeadlineRow[]>();
  for (const row of catalog.deadlines) if (row.deadline.submitTo) pushTo(deadlinesBySubmitTo, row.deadline.submitTo, row);
  const documentByPlan = new Map<string, string>();
  for (const view of catalog.documents.values()) if (view.plan && !documentByPlan.has(view.plan)) documentByPlan.set(view.plan, view.id);
  const index = { deadlinesBySubmitTo, documentByPlan };
  cache.set(catalog, index);
  return index;
}
