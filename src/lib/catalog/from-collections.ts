import { getCollection } from 'astro:content';
import type { Catalog } from './build';
import { loadCatalog } from './load';

let cached: Promise<Catalog> | undefined;

/**
 * The catalog of the current build, computed once and shared by every page and endpoint
 * (a build with 10,000 plans must not rebuild the cross-plan indexes per page).
 *
 * It is built from the content check's own parse (`loadContentCached`, shared in the process),
 * not from Astro's store: the store holds one stamp per collection (src/lib/content/loader.ts), and
 * reading it here only ties this module to the content, so `astro dev` reloads the catalog when a
 * file changes.
 */
export function getCatalog(): Promise<Catalog> {
  cached ??= (async () => {
    await Promise.all([getCollection('plans'), getCollection('agencies'), getCollection('documents'), getCollection('reports')]);
    return loadCatalog(process.cwd());
  })();
  return cached;
}
