/**
 * Search at scale: writes the scale corpus (scripts/bench/corpus.ts) of N plans (default 5,000,
 * `--plans` or SEARCH_BENCH_PLANS to change) and loads it as the build does, indexes it with the same record builder and Pagefind Node API the build uses, then serves
 * the bundle on 127.0.0.1 and measures in Chromium what the search page downloads for a first and
 * a second query: pagefind.js, its wasm, the entry and meta files, index chunks and the fragments
 * of the results it re-ranks. Budget: first query under 250 KB including the Pagefind runtime.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { buildCatalog } from '../../src/lib/catalog/build';
import { loadContent } from '../../src/lib/content/load';
import { buildSearchRecord, searchRecordContext } from '../../src/lib/search/record';
import { normalizeQuery } from '../../src/lib/search/query';
import { PAGEFIND_OPTIONS, RERANK_WINDOW, searchTextPath } from '../../src/lib/search/client-config';
import { writePagefindIndex } from '../../src/integrations/pagefind';
import { launchBrowser } from '../../test/support/browser';
import { serveStatic } from '../../test/support/static-server';
import type { BenchResult } from '../bench';
import { DEFAULT_SEED, writeCorpus } from './corpus';

const root = fileURLToPath(new URL('../..', import.meta.url));

function dirStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

interface Transfer {
  /** Bytes on the wire from a server that sends files as they are (Pagefind's index files are already gzipped). */
  bytes: number;
  /** The same, had the server gzipped text responses (pagefind.js) as most do. */
  gzipBytes: number;
  requests: number;
  files: { path: string; bytes: number }[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

export interface SearchBenchOptions {
  plans?: number | string;
  seed?: number | string;
  queries?: [string, string];
}

export async function bench({
  plans: plansOption = process.env.SEARCH_BENCH_PLANS ?? 5000,
  seed = DEFAULT_SEED,
  queries = ['dân chủ ở cơ sở', 'chuyển đổi số'],
}: SearchBenchOptions = {}): Promise<BenchResult> {
  const plans = Number(plansOption);
  const contentDir = join(root, 'tmp', 'bench-search-content');
  writeCorpus(contentDir, { plans, seed: Number(seed) });
  const content = loadContent(contentDir);
  if (content.problems.length > 0) throw new Error(`the scale corpus has ${content.problems.length} content problems, first: ${JSON.stringify(content.problems[0])}`);
  const catalog = buildCatalog({ plans: content.plans, agencies: content.agencies, documents: content.documents });
  const ctx = searchRecordContext(catalog, '/');

  const dir = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-search-bench-'));
  try {
    const started = performance.now();
    const records = catalog.plans.map((plan) => buildSearchRecord(plan, ctx));
    const recordsMs = performance.now() - started;
    const indexStarted = performance.now();
    await writePagefindIndex(records, join(dir, 'pagefind'));
    const indexMs = performance.now() - indexStarted;
    const html = records.reduce((n, r) => n + Buffer.byteLength(r.html), 0);

    const bundle = dirStats(join(dir, 'pagefind'));
    const data = ['index', 'fragment', 'filter', 'text'].map((d) => dirStats(join(dir, 'pagefind', d)));
    const meta = readdirSync(join(dir, 'pagefind')).filter((f) => f.endsWith('.pf_meta')).map((f) => statSync(join(dir, 'pagefind', f)).size);
    const searchData = data.reduce((n, d) => n + d.bytes, 0) + meta.reduce((n, b) => n + b, 0);

    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
    const site = await serveStatic(dir, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const log: { url: string; bytes: number; gzipBytes: number }[] = [];
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => {
        pending.push(
          (async () => {
            const sizes = await request.sizes();
            const response = await request.response();
            const path = new URL(request.url()).pathname;
            const body = sizes.responseBodySize;
            // Pagefind's index files and the plan texts are gzip already; a compressing server would only shrink the JS.
            const isText = /\.(js|json)$/.test(path);
            const gzipBody = isText && response ? gzipSync(await response.body()).length : body;
            log.push({ url: path, bytes: body + sizes.responseHeadersSize, gzipBytes: gzipBody + sizes.responseHeadersSize });
          })(),
        );
      });
      const settle = async () => {
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        await Promise.all(pending.splice(0));
      };
      await page.goto(site.url);
      await settle();
      log.length = 0;

      const transfers: Transfer[] = [];
      const timings: number[] = [];
      const counts: number[] = [];
      for (const query of queries) {
        const from = log.length;
        const pagefindQuery = normalizeQuery(query).pagefind;
        const t0 = performance.now();
        // What the search page does: search, then each shown result's data and text.
        const [textBefore, textAfter] = searchTextPath('\u0000').split('\u0000');
        const count = await page.evaluate(
          async ([q, options, window, before, after]) => {
            const runtime = '/pagefind/pagefind.js';
            const pf = await import(runtime);
            await pf.options({ ...options, basePath: '/pagefind/' });
            const search = await pf.search(q);
            await Promise.all(
              search.results.slice(0, window).map(async (r: { data(): Promise<{ url: string }> }) => {
                const { url } = await r.data();
                const slug = url.replace(/\/+$/, '').split('/').pop();
                await (await fetch(`/pagefind/${before}${slug}${after}`)).arrayBuffer();
              }),
            );
            return search.results.length as number;
          },
          [pagefindQuery, PAGEFIND_OPTIONS, RERANK_WINDOW, textBefore!, textAfter!] as const,
        );
        timings.push(performance.now() - t0);
        counts.push(count);
        await settle();
        const entries = log.slice(from);
        transfers.push({
          bytes: entries.reduce((n, e) => n + e.bytes, 0),
          gzipBytes: entries.reduce((n, e) => n + e.gzipBytes, 0),
          requests: entries.length,
          files: entries.map((e) => ({ path: e.url.replace(/^\/pagefind\//, ''), bytes: e.bytes })),
        });
      }
      const [first, second] = transfers as [Transfer, Transfer];
      const runtime = ['pagefind.js', 'wasm.unknown.pagefind'].map((f) => statSync(join(dir, 'pagefind', f)).size);
      const budget = 250 * 1024;
      const within = first.bytes < budget;
      return {
        summary:
          `${plans} plans indexed in ${(indexMs / 1000).toFixed(1)} s; first query "${queries[0]}" downloads ${kb(first.bytes)} ` +
          `(${kb(first.gzipBytes)} with gzip) in ${first.requests} requests — ${within ? 'within' : 'OVER'} the 250 KB budget.`,
        figures: {
          plans,
          'records built': `${Math.round(recordsMs)} ms (${(html / 1024 / 1024).toFixed(1)} MB of record HTML)`,
          'index time': `${(indexMs / 1000).toFixed(1)} s`,
          'index on disk (all files)': `${(bundle.bytes / 1024 / 1024).toFixed(2)} MB in ${bundle.files} files`,
          'index on disk (search data)':
            `${(searchData / 1024 / 1024).toFixed(2)} MB (index ${mb(data[0]!.bytes)}, fragments ${mb(data[1]!.bytes)}, filters ${kb(data[2]!.bytes)}, ` +
            `meta ${kb(meta.reduce((n, b) => n + b, 0))}, plan texts ${mb(data[3]!.bytes)})`,
          'runtime (pagefind.js + wasm)': `${kb(runtime[0]! + runtime[1]!)} as served, ${kb(gzipSync(readFileSync(join(dir, 'pagefind', 'pagefind.js'))).length + runtime[1]!)} with gzip`,
          [`1st query "${queries[0]}"`]: `${kb(first.bytes)} (${kb(first.gzipBytes)} gzip), ${first.requests} requests, ${counts[0]} results, ${Math.round(timings[0]!)} ms`,
          [`2nd query "${queries[1]}"`]: `${kb(second.bytes)} (${kb(second.gzipBytes)} gzip), ${second.requests} requests, ${counts[1]} results, ${Math.round(timings[1]!)} ms`,
          '1st query files': summarizeFiles(first.files),
          '2nd query files': summarizeFiles(second.files),
          'budget (1st query < 250 KB)': within ? 'met' : 'NOT MET',
        },
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
