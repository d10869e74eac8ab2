/**
 * `node --import tsx src/integrations/share-cards-render.ts --site https://… --base / --content content`,
 * run in the project root: renders every plan's and report's share card that the card cache
 * (src/lib/og) does not hold yet, and prints how many as one JSON line. `astro build` runs it as a
 * process of its own from the start of the build (src/integrations/share-cards.ts), so the cards
 * render while Astro bundles and renders the pages; the image routes then find them in the cache.
 */
import { loadCatalog } from '../lib/catalog/load';
import { childOption } from './child';
import { deploymentCardContext, renderCatalogCards } from '../lib/og/plan-cards';
import { renderReportCards } from '../lib/og/report-cards';

const root = process.cwd();
const catalog = loadCatalog(root, childOption('content'));
const context = deploymentCardContext(childOption('site'), childOption('base') ?? '/');
const [plans, reports] = await Promise.all([renderCatalogCards(catalog, context), renderReportCards(catalog, context)]);
const summary = ({ hits, misses, ms }: { hits: number; misses: number; ms: number }) => ({ hits, misses, ms });
console.log(JSON.stringify({ plans: summary(plans), reports: summary(reports) }));
