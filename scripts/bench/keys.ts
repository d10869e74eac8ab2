/**
 * `npm run bench -- keys [--plans 50000]`: the route keys of a build, timed in one process by kind
 * of page, without Astro. A build computes every page's `cacheKey` in `getStaticPaths` before it
 * renders anything (after one edit at 50,000 plans, about 38 s of a two-minute rebuild), and a whole
 * build is too noisy on these machines to show a change of a few seconds in them; this bench calls
 * the same page-model and key functions the routes call, for every page, on the scale corpus.
 *
 * 1. The corpus is written to tmp/bench-keys-content and loaded through the content cache in
 *    tmp/bench-keys-cache (so a second run at 50,000 plans reads parses instead of making them).
 * 2. "keys": every kind of key once, on the catalog as loaded: what every build pays.
 * 3. "keys after one edit": one plan's summary edited, a new catalog, every key again: what a
 *    one-edit rebuild pays, with the open-data chunk digests kept by step 2 (table-keys.ts).
 *
 * The page models of the long lists (an agency's, a document's) are timed with their keys, since
 * the routes make them for their keys.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../bench';
import { DEFAULT_SEED, writeCorpus } from './corpus';
import { CACHE_DIR_ENV } from '../../src/lib/build/cache-dir';
import { site } from '../../src/site.config';
import { loadContent } from '../../src/lib/content/load';
import { buildCatalog, type Catalog } from '../../src/lib/catalog/build';
import { planPageKey } from '../../src/lib/portal/plan';
import { planListPages } from '../../src/lib/portal/plan-filters';
import { agencyListPages } from '../../src/lib/portal/agencies';
import { documentListPages, documentTypePages } from '../../src/lib/portal/documents';
import { agencyListPageKey, agencyPageKey, documentListPageKey, documentPageKey, documentTypePageKey, planListKey } from '../../src/lib/build/page-keys';
import { createOpenData } from '../../src/lib/opendata/open-data';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface KeysBenchOptions {
  plans?: string;
  seed?: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function bench(options: KeysBenchOptions = {}): Promise<BenchResult> {
  const plans = Number(options.plans ?? 5000);
  const seed = Number(options.seed ?? DEFAULT_SEED);
  // The content modules read where the cache is at each use; the other benches of the run keep theirs.
  const previous = process.env[CACHE_DIR_ENV];
  process.env[CACHE_DIR_ENV] = join(root, 'tmp', 'bench-keys-cache');
  try {
    return await measure(plans, seed);
  } finally {
    if (previous === undefined) delete process.env[CACHE_DIR_ENV];
    else process.env[CACHE_DIR_ENV] = previous;
  }
}

async function measure(plans: number, seed: number): Promise<BenchResult> {
  const contentDir = join(root, 'tmp', 'bench-keys-content');
  const corpus = writeCorpus(contentDir, { plans, seed });
  let started = performance.now();
  const content = loadContent(contentDir, { baseDir: root });
  const loadMs = performance.now() - started;
  if (content.problems.length > 0) throw new Error(`the scale corpus has ${content.problems.length} content problems, first: ${JSON.stringify(content.problems[0])}`);
  started = performance.now();
  const catalog = buildCatalog(content);
  const catalogMs = performance.now() - started;

  // The publish context of a build without SITE_URL, as the bench's builds are.
  const ctx = { site: site.portalUrl, base: '/' };

  /** Every kind of key of `of`, timed; the number of keys made. */
  async function keys(of: Catalog): Promise<{ times: [string, number][]; count: number }> {
    const times: [string, number][] = [];
    let count = 0;
    const time = (label: string, make: () => number) => {
      const start = performance.now();
      count += make();
      times.push([label, performance.now() - start]);
    };
    time('plan pages', () => of.plans.map((plan) => planPageKey(of, plan.slug, ctx, contentDir)).length);
    time('plan lists', () => planListPages(of).map((page) => planListKey(of, page)).length);
    time('agency pages and lists', () => {
      const pages = [...of.agencies.keys()].map((id) => agencyPageKey(of, id));
      const lists = agencyListPages(of).map((page) => agencyListPageKey(of, page));
      return pages.length + lists.length;
    });
    time('document pages and lists', () => {
      const pages = [...of.documents.keys()].map((id) => documentPageKey(of, id));
      const lists = documentListPages(of).map((page) => documentListPageKey(of, page));
      const types = documentTypePages(of).map((page) => documentTypePageKey(of, page));
      return pages.length + lists.length + types.length;
    });
    const openData = createOpenData(of, ctx);
    const files = openData.allFiles().filter((file) => file.key);
    const group = (path: string) => (path.startsWith('api/v1/plans/') ? 'plan records' : path.endsWith('.ics') ? 'calendars' : 'open-data tables, feeds, catalogs');
    for (const label of ['plan records', 'calendars', 'open-data tables, feeds, catalogs']) {
      time(label, () => files.filter((file) => group(file.path) === label).map((file) => file.key!()).length);
    }
    return { times, count };
  }

  const first = await keys(catalog);
  const slug = catalog.plans[0]!.slug;
  const edited = buildCatalog({ ...content, plans: content.plans.map((p) => (p.slug === slug ? { ...p, data: { ...p.data, summary: `${p.data.summary} Đã sửa đổi, bổ sung.` } } : p)) });
  const afterEdit = await keys(edited);
  const total = (run: { times: [string, number][] }) => run.times.reduce((sum, [, ms]) => sum + ms, 0);
  const line = (run: { times: [string, number][]; count: number }) =>
    `${seconds(total(run))} for ${run.count} keys: ${run.times.map(([label, ms]) => `${label} ${seconds(ms)}`).join(', ')}`;
  return {
    summary: `${plans} plans: every route key ${seconds(total(first))}, after one edit ${seconds(total(afterEdit))}`,
    figures: {
      corpus: `${corpus.plans} plans, ${corpus.agencies} agencies, ${corpus.documents} documents (seed ${seed})`,
      'content loaded': `${seconds(loadMs)} (through the content cache in tmp/bench-keys-cache)`,
      catalog: seconds(catalogMs),
      keys: line(first),
      'keys after one edit': line(afterEdit),
    },
  };
}
