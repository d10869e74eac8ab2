/**
 * `node --import tsx src/integrations/search-index.ts --base / --content content`, run in the
 * project root: builds the site's search index into the build cache
 * (src/lib/search/pagefind-index.ts) and prints what it did as one JSON line. `astro build` runs
 * it as a process of its own from the start of the build (src/integrations/pagefind.ts), so the
 * index is made on the other core while Astro bundles and renders the pages on this one.
 */
import { buildSiteSearchIndex } from '../lib/search/pagefind-index';
import { childOption } from './child';

const root = process.cwd();
const result = await buildSiteSearchIndex(root, childOption('content'), childOption('base') ?? '/');
console.log(JSON.stringify(result));
