import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './build';

let cached: Promise<Catalog> | undefined;

/**
 * The catalog of the current build, computed once and shared by every page and endpoint
 * (a build with 10,000 plans must not rebuild the cross-plan indexes per page).
 */
export function getCatalog(): Promise<Catalog> {
  cached ??= (async () => {
    const [plans, agencies, documents, reports] = await Promise.all([
      getCollection('plans'),
      getCollection('agencies'),
      getCollection('documents'),
      getCollection('reports'),
    ]);
    return buildCatalog({
      plans: plans.map((entry) => ({ slug: entry.id, data: entry.data, body: entry.body })),
      agencies: agencies.map((entry) => ({ id: entry.id, data: entry.data })),
      documents: documents.map((entry) => ({ id: entry.id, data: entry.data })),
      reports: reports.map((entry) => ({ slug: entry.id, data: entry.data, body: entry.body })),
    });
  })();
  return cached;
}
