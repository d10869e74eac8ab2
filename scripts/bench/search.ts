/**
 * Search at scale: builds a corpus of N plans (default 5,000, SEARCH_BENCH_PLANS to change),
 * indexes it in parts as the build does (src/lib/search/shards.ts, buildSearchParts and
 * writeSiteSearchIndex), serves the bundle on 127.0.0.1 with the search page's own script
 * (src/scripts/search.ts, bundled with esbuild) on a bare page holding the elements it drives, and
 * types queries into it in Chromium on an emulated mid-range phone: 4× CPU slowdown, 150 ms round
 * trip, 9 Mbps (Chrome DevTools Protocol).
 * Measured per query, from the last keystroke: the first results on screen (the newest plans' part
 * on a site with more than RECENT_PLANS, or the whole answer), with every byte fetched from
 * focusing the box to that moment (Resource Timing: pagefind.js, its wasm, the manifest, entry and
 * meta files, index chunks and the stored records shown); and the whole answer, with every byte
 * fetched until the network is idle. Also: how long re-indexing takes after one plan is edited.
 * Budgets (issue 12), judged on the first results: within 1 s of the last keystroke; the first
 * query's downloads up to them ≤ 300 KB. The whole answer's time and bytes are reported beside.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { buildCatalog } from '../../src/lib/catalog/build';
import { loadContent } from '../../src/lib/content/load';
import { buildSearchRecord, searchRecordContext } from '../../src/lib/search/record';
import { buildSearchParts, writeSiteSearchIndex } from '../../src/lib/search/pagefind-index';
import { VOCABULARY_PATH } from '../../src/lib/search/client-config';
import { normalizeQuery } from '../../src/lib/search/query';
import { launchBrowser } from '../../test/support/browser';
import { serveStatic } from '../../test/support/static-server';
import type { BenchResult } from '../bench';
import { DEFAULT_SEED, writeCorpus } from './corpus';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The emulated mid-range phone: CPU slowdown and network (Chrome DevTools Protocol units). */
export const PHONE = { cpuSlowdown: 4, latencyMs: 150, downloadBytesPerSecond: (9 * 1e6) / 8, uploadBytesPerSecond: (9 * 1e6) / 8 } as const;

/** Budgets of issue 12. */
const BUDGET = { resultsMs: 1000, firstQueryBytes: 300 * 1024 };

/** Delay between keystrokes, as a person types on a phone. */
const KEYSTROKE_MS = 150;


/** Files and bytes under a folder (the benches' output sizes). */
export function dirStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}


/** The scale corpus of one province (scripts/bench/corpus.ts), as the build loads it; `edit` changes one plan's summary. */
function benchContent(plans: number, seed: number) {
  const contentDir = join(root, 'tmp', 'bench-search-content');
  writeCorpus(contentDir, { plans, seed });
  const content = loadContent(contentDir);
  if (content.problems.length > 0) throw new Error(`the scale corpus has ${content.problems.length} content problems, first: ${JSON.stringify(content.problems[0])}`);
  const catalogOf = (list: typeof content.plans) => buildCatalog({ plans: list, agencies: content.agencies, documents: content.documents });
  const catalog = catalogOf(content.plans);
  /** The catalog with the plan at `position` (catalog order, newest first) edited. */
  const edit = (position: number) => {
    const slug = catalog.plans[position]!.slug;
    return catalogOf(content.plans.map((p) => (p.slug === slug ? { ...p, data: { ...p.data, summary: `${p.data.summary} (sửa đổi)` } } : p)));
  };
  return { catalog, edit };
}

/** The search page's elements that src/scripts/search.ts drives (ids and data attributes only). */
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body>
<div id="tim-kiem" data-bundle="/pagefind/"><form><input id="tu-khoa" type="search" name="q" autocomplete="off">
<details><select id="sap-xep" name="sap-xep"><option value="phu-hop">phu-hop</option><option value="moi-nhat">moi-nhat</option></select></details></form>
<p data-search-status></p><ol data-search-results hidden></ol><div data-search-suggestions hidden></div><div data-search-empty hidden></div>
<button type="button" data-search-more hidden>more</button>
<section data-search-directory hidden><div data-search-kind="co-quan" hidden><ul></ul></div><div data-search-kind="van-ban" hidden><ul></ul></div></section></div><script type="module" src="/search.js"></script></body></html>`;

interface Outcome {
  query: string;
  /** Last keystroke to the first status line naming this query (the first results, or the answer). */
  firstMs: number;
  firstStatus: string;
  /** Bytes fetched from focusing the box to the first results (Resource Timing). */
  firstBytes: number;
  /** Last keystroke to the whole answer (no search running). */
  ms: number;
  status: string;
  results: number;
  bytes: number;
  gzipBytes: number;
  requests: number;
  files: { path: string; bytes: number }[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface SearchBenchOptions {
  plans?: number | string;
  seed?: number | string;
  queries?: string[];
}

export async function bench({
  plans: plansOption = process.env.SEARCH_BENCH_PLANS ?? 5000,
  seed = DEFAULT_SEED,
  queries = ['dân chủ ở cơ sở', 'chuyển đổi số', '33/CT-TTg', 'covid'],
}: SearchBenchOptions = {}): Promise<BenchResult> {
  const plans = Number(plansOption);
  const corpus = benchContent(plans, Number(seed));
  const { catalog } = corpus;
  const ctx = searchRecordContext(catalog, '/');

  const dir = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-search-bench-'));
  try {
    const cache = { index: join(dir, 'cache', 'pagefind'), records: join(dir, 'cache', 'search-records') };
    const indexStarted = performance.now();
    const parts = await buildSearchParts(catalog, '/', cache, 'bench');
    const indexMs = performance.now() - indexStarted;
    const writeStarted = performance.now();
    const manifest = writeSiteSearchIndex(parts, join(dir, 'pagefind'));
    const writeMs = performance.now() - writeStarted;
    // One plan edited, from the corpus as served: a plan in the middle of the catalog (an older
    // year), then the newest plan; the index goes back to the corpus after each.
    const edits: string[] = [];
    for (const position of [Math.floor(catalog.plans.length / 2), 0]) {
      const edited = corpus.edit(position);
      const started = performance.now();
      const again = await buildSearchParts(edited, '/', cache, 'bench');
      edits.push(`${secs(performance.now() - started)} (${again.indexed} of ${again.parts.length} parts, ${again.built} record built)`);
      await buildSearchParts(catalog, '/', cache, 'bench');
    }

    const bundle = dirStats(join(dir, 'pagefind'));
    const largest = [...manifest.years, ...(manifest.recent ? [manifest.recent] : [])].reduce((a, b) => (b.records > a.records ? b : a));
    const partBytes = (path: string) => dirStats(join(dir, 'pagefind', path));
    const vocabulary = statSync(join(dir, 'pagefind', VOCABULARY_PATH)).size;

    writeFileSync(join(dir, 'index.html'), PAGE);
    await esbuild({
      stdin: { contents: "import { startSearchPage } from './src/scripts/search';\nstartSearchPage(document.getElementById('tim-kiem'));", resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      minify: true,
      outfile: join(dir, 'search.js'),
      logLevel: 'silent',
    });
    const scriptBytes = gzipSync(readFileSync(join(dir, 'search.js'))).length;
    const site = await serveStatic(dir, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PHONE.latencyMs,
        downloadThroughput: PHONE.downloadBytesPerSecond,
        uploadThroughput: PHONE.uploadBytesPerSecond,
      });
      const log: { url: string; bytes: number; gzipBytes: number }[] = [];
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => {
        pending.push(
          (async () => {
            const sizes = await request.sizes();
            const response = await request.response();
            const path = new URL(request.url()).pathname;
            const body = sizes.responseBodySize;
            // Pagefind's index files and the stored records are gzip already; a compressing server would only shrink the JS.
            const isText = /\.(js|json)$/.test(path);
            const gzipBody = isText && response ? gzipSync(await response.body()).length : body;
            log.push({ url: path, bytes: body + sizes.responseHeadersSize, gzipBytes: gzipBody + sizes.responseHeadersSize });
          })(),
        );
      });
      await page.goto(site.url);
      await page.waitForLoadState('networkidle');
      await Promise.all(pending.splice(0));
      log.length = 0;
      await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));

      const outcomes: Outcome[] = [];
      // A shown result's terms, from its record built again (the index kept none).
      const termsOf = (slug: string) => {
        const plan = catalog.planBySlug.get(slug);
        return plan ? buildSearchRecord(plan, ctx).terms : new Map<string, number>();
      };
      const imprecise: string[] = [];
      for (const query of queries) {
        const from = log.length;
        await page.fill('#tu-khoa', '');
        await page.evaluate(() => performance.clearResourceTimings());
        await page.focus('#tu-khoa');
        // Last keystroke and first status naming the query, both on the page's clock.
        await page.evaluate(() => {
          const w = window as unknown as { lastKey: number };
          w.lastKey = 0;
          document.getElementById('tu-khoa')!.addEventListener('input', () => (w.lastKey = performance.now()));
        });
        await page.type('#tu-khoa', query, { delay: KEYSTROKE_MS });
        const first = await page.waitForFunction(
          (q) => {
            const status = document.querySelector('[data-search-status]')?.textContent ?? '';
            if (!status.includes(`“${q}”`) || status.startsWith('Đang tìm')) return null;
            const w = window as unknown as { lastKey: number };
            const at = performance.now();
            const bytes = performance.getEntriesByType('resource').reduce((n, e) => n + ((e as PerformanceResourceTiming).responseEnd <= at ? (e as PerformanceResourceTiming).transferSize : 0), 0);
            return { ms: at - w.lastKey, status, bytes };
          },
          query,
          { polling: 'raf', timeout: 120_000 },
        );
        const firstSeen = (await first.jsonValue()) as { ms: number; status: string; bytes: number };
        const done = await page.waitForFunction(
          (q) => {
            const root = document.getElementById('tim-kiem')!;
            const status = document.querySelector('[data-search-status]')?.textContent ?? '';
            if (root.hasAttribute('aria-busy') || !/^(Tìm thấy|Không tìm thấy)/.test(status) || !status.includes(`“${q}”`)) return null;
            const w = window as unknown as { lastKey: number };
            const shown = [...document.querySelectorAll('[data-search-results] > li')].map((li) => li.getAttribute('data-plan') ?? '');
            return { ms: performance.now() - w.lastKey, status, results: shown.length, shown };
          },
          query,
          { polling: 'raf', timeout: 120_000 },
        );
        const { ms, status, results, shown } = (await done.jsonValue()) as { ms: number; status: string; results: number; shown: string[] };
        // Precision at scale: every shown plan holds every required word of the query.
        const required = normalizeQuery(query).required;
        for (const slug of shown) {
          const terms = termsOf(slug);
          const missing = required.filter((term) => !terms.has(term));
          if (missing.length > 0) imprecise.push(`${query} → ${slug} lacks ${missing.join(', ')}`);
        }
        await page.waitForLoadState('networkidle');
        await Promise.all(pending.splice(0));
        const entries = log.slice(from);
        outcomes.push({
          query,
          firstMs: firstSeen.ms,
          firstStatus: firstSeen.status,
          firstBytes: firstSeen.bytes,
          ms,
          status,
          results,
          bytes: entries.reduce((n, e) => n + e.bytes, 0),
          gzipBytes: entries.reduce((n, e) => n + e.gzipBytes, 0),
          requests: entries.length,
          files: entries.map((e) => ({ path: e.url.replace(/^\/pagefind\//, ''), bytes: e.bytes })),
        });
      }
      const first = outcomes[0]!;
      const slowest = Math.max(...outcomes.map((o) => o.firstMs));
      const runtime = ['pagefind.js', 'wasm.unknown.pagefind'].map((f) => statSync(join(dir, 'pagefind', f)).size);
      const fast = slowest <= BUDGET.resultsMs;
      const light = first.firstBytes <= BUDGET.firstQueryBytes;
      const figures: Record<string, string | number> = {
        plans,
        phone: `${PHONE.cpuSlowdown}× CPU, ${PHONE.latencyMs} ms RTT, ${(PHONE.downloadBytesPerSecond * 8) / 1e6} Mbps; typing ${KEYSTROKE_MS} ms/key`,
        'index, cold (records included)': `${secs(indexMs)} for ${parts.parts.length} parts (${manifest.years.length} years${manifest.recent ? `, the newest ${manifest.recent.records} plans` : ''}, the directory of ${parts.directory}); written to the site in ${secs(writeMs)}`,
        're-index after one edit (older plan; newest plan)': edits.join('; '),
        'index on disk (served)': `${mb(bundle.bytes)} in ${bundle.files} files; largest part ${largest.path} ${largest.records} plans, ${mb(partBytes(largest.path).bytes)}; vocabulary ${kb(vocabulary)}`,
        'runtime (pagefind.js + wasm)': `${kb(runtime[0]! + runtime[1]!)} as served, ${kb(gzipSync(readFileSync(join(dir, 'pagefind', 'pagefind.js'))).length + runtime[1]!)} with gzip`,
        'search page script (gzip)': kb(scriptBytes),
      };
      outcomes.forEach((o, i) => {
        figures[`query ${i + 1} "${o.query}": first results`] = `${Math.round(o.firstMs)} ms after last key, ${kb(o.firstBytes)} — ${o.firstStatus}`;
        figures[`query ${i + 1}: whole answer`] =
          `${Math.round(o.ms)} ms after last key, ${kb(o.bytes)} (${kb(o.gzipBytes)} gzip) in ${o.requests} requests, ${o.results} shown — ${o.status}`;
        figures[`query ${i + 1} files`] = summarizeFiles(o.files);
      });
      figures[`budget: results ≤ ${BUDGET.resultsMs} ms after last key`] = `${fast ? 'met' : 'NOT MET'} (slowest first results ${Math.round(slowest)} ms; slowest whole answer ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms)`;
      figures['precision (shown results hold every word)'] = imprecise.length === 0 ? 'every shown result' : `FAILED: ${imprecise.slice(0, 5).join('; ')}`;
      figures['budget: first query ≤ 300 KB'] = `${light ? 'met' : 'NOT MET'} (first results ${kb(first.firstBytes)}; whole answer ${kb(first.bytes)})`;
      return {
        summary:
          `${plans} plans indexed in ${secs(indexMs)}; on an emulated mid-range phone first results show ${Math.round(slowest)} ms ` +
          `after the last keystroke at worst (${fast ? 'within' : 'OVER'} 1 s); the first query downloads ${kb(first.firstBytes)} to its first results (${light ? 'within' : 'OVER'} 300 KB), ${kb(first.bytes)} to the whole answer.`,
        figures,
      };
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarizeFiles(files: { path: string; bytes: number }[]): string {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const { path, bytes } of files) {
    const kind = path.includes('/') ? path.split('/')[0]! : path.endsWith('.pf_meta') ? 'meta' : path;
    const k = kinds.get(kind) ?? { count: 0, bytes: 0 };
    kinds.set(kind, { count: k.count + 1, bytes: k.bytes + bytes });
  }
  return [...kinds].map(([kind, { count, bytes }]) => `${kind}${count > 1 ? ` ×${count}` : ''} ${kb(bytes)}`).join(', ');
}
