/**
 * Cache keys of routes whose components look things up beyond the page model: each key is built
 * from the same calls the page makes (src/lib/build/cache-key.ts explains why). The plan page
 * needs none beyond its view: `planPageKey` (src/lib/portal/plan.ts) hashes its model, reports and body.
 */
import type { Catalog } from '../catalog/build';
import { planFilters, type PlanListPageData } from '../portal/plan-filters';
import { renderKey } from './cache-key';

const filterNavs = new WeakMap<Catalog, string>();

/** The filter links every plan list shows (labels and counts, not the member lists), once per catalog. */
function filterNav(catalog: Catalog): string {
  let nav = filterNavs.get(catalog);
  if (nav === undefined) {
    const options = Object.values(planFilters(catalog)).flat();
    nav = JSON.stringify([catalog.plans.length, options.map(({ kind, value, label, count }) => [kind, value, label, count])]);
    filterNavs.set(catalog, nav);
  }
  return nav;
}

/** /ke-hoach/…: one page of a plan list, with the filter navigation and the total it shows. */
export function planListKey(catalog: Catalog, page: PlanListPageData): string {
  return renderKey(catalog, page, filterNav(catalog));
}
