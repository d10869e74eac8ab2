/**
 * `node --import tsx src/integrations/content-tasks.ts --base / --content content [--site https://…] --tasks search,cards`,
 * run in the project root by `astro build` from its start (`contentTask` in child.ts): reads the
 * content once and does each task asked for, printing one line per task as it finishes
 * (`printTaskResult`):
 *
 * - `search`: builds the site's search index into the build cache (src/lib/search/pagefind-index.ts)
 *   and writes its bundle into a staging folder (`stageSiteSearchIndex`); src/integrations/pagefind.ts
 *   moves that folder into the out dir at the end of the build;
 * - `cards`: renders every plan's and report's share card the card cache (src/lib/og) does not
 *   hold yet, links every card into a staging folder beside the cache as the out dir will hold them,
 *   and prunes the cache (`stageCatalogCards`); src/integrations/share-cards.ts waits for it after
 *   the pages, then moves that folder into the out dir;
 * - `records`: links every plan record (`api/v1/plans/{slug}.json`) the content cache holds into a
 *   staging folder, hashes them for api/v1/SHA256SUMS and prunes the cache (`stageOpenDataFiles`);
 *   src/integrations/open-data-files.ts moves that folder into the out dir after the pages and
 *   places the records it lacked;
 * - `tables`: from the second build on, makes the tables' files whose rows changed into the
 *   content cache (`makeTableFiles`), which the pages that size every file wait for; the same
 *   integration links them into the out dir after the pages.
 *
 * The search index goes first: it takes longest, most of it in Pagefind's own process. The other
 * tasks start once it has sent Pagefind the records of the first part it indexes (or found none to
 * index), and run while Pagefind writes that part: in a one-edit rebuild at 50,000 plans, checking
 * and linking 150,000 cards and records before that part's records cost the index 6 s.
 *
 * Before any task, this process parses the content from its last file backward while `astro build`
 * checks it from the first file forward (`parseFromEnd`): in a cold build, each file is parsed by
 * one of the two processes instead of both.
 */
import { resolve } from 'node:path';
import { loadCatalog } from '../lib/catalog/load';
import { contentDir as buildContentDir } from '../lib/content/dir';
import { parseFromEnd } from '../lib/content/load';
import { deploymentCardContext, renderCatalogCards } from '../lib/og/plan-cards';
import { stageCatalogCards } from '../lib/og/publish';
import { publishContextOf } from '../lib/opendata/context';
import { createOpenData, tableFilesKept } from '../lib/opendata/open-data';
import { makeTableFiles, stageOpenDataFiles, type TablesMade } from '../lib/opendata/publish';
import { renderReportCards } from '../lib/og/report-cards';
import { buildSiteSearchIndex, stageSiteSearchIndex } from '../lib/search/pagefind-index';
import { childOption, printTaskResult, type ContentTask } from './child';

const root = process.cwd();
const contentDir = childOption('content');
const base = childOption('base') ?? '/';

/** Settled when the search index first waits for Pagefind (or is done, or failed, or not asked for). */
const { promise: searchSent, resolve: searchWaits } = Promise.withResolvers<void>();

const work: Record<ContentTask, () => Promise<unknown>> = {
  search: async () => stageSiteSearchIndex(await buildSiteSearchIndex(root, contentDir, base, searchWaits).finally(searchWaits)),
  cards: async () => {
    await searchSent;
    // The same parse and catalog as the search index's (loadCatalog shares them within a process).
    const catalog = loadCatalog(root, contentDir);
    const context = deploymentCardContext(childOption('site'), base);
    const [plans, reports] = await Promise.all([renderCatalogCards(catalog, context), renderReportCards(catalog, context)]);
    const summary = ({ hits, misses, ms }: { hits: number; misses: number; ms: number }) => ({ hits, misses, ms });
    return { plans: summary(plans), reports: summary(reports), staged: await stageCatalogCards(catalog, context) };
  },
  records: async () => {
    await searchSent;
    return stageOpenDataFiles(openDataOfBuild());
  },
  tables: async () => {
    // A cold build: this process draws every share card, which holds the build longest, and Astro's makes the tables.
    if (!tableFilesKept()) return { files: 0, rendered: 0, cold: true } satisfies TablesMade;
    await searchSent;
    return makeTableFiles(openDataOfBuild());
  },
};

/** The open data of the content this process read, in the build's publish context (one per process: `createOpenData` keeps it). */
function openDataOfBuild() {
  return createOpenData(loadCatalog(root, contentDir), publishContextOf(childOption('site'), base));
}

const asked = (childOption('tasks') ?? '').split(',').filter(Boolean);
const unknown = asked.filter((task) => !(task in work));
if (unknown.length > 0) throw new Error(`content-tasks: không có việc ${unknown.join(', ')} (có: ${Object.keys(work).join(', ')})`);
const order = (Object.keys(work) as ContentTask[]).filter((task) => asked.includes(task));
if (!order.includes('search')) searchWaits();
const started = performance.now();
// The same folder and base path as loadCatalog's, so the parses are kept under the keys it looks up.
const ahead = parseFromEnd(resolve(root, contentDir ?? buildContentDir()), { baseDir: root });
if (ahead > 0) console.log(`Tiến trình nội dung đã đọc ${ahead} tệp từ cuối danh sách lên, song song với bước kiểm tra nội dung (${((performance.now() - started) / 1000).toFixed(1)} s)`);

const done = await Promise.all(order.map((task) => printTaskResult(task, work[task])));
if (done.includes(false)) process.exitCode = 1;
