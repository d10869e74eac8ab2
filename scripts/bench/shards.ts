/**
 * A national aggregator on one machine, in miniature: `npm run bench -- shards [--plans 2000]`.
 * Two province shards (the scale corpus with two seeds, each under its own base path /tinh-a/,
 * /tinh-b/) are indexed separately with the build's record builder and Pagefind Node API, as two
 * CI runners would; then one search page loads shard A's Pagefind bundle and merges shard B's with
 * `mergeIndex` (Pagefind multisite search) in Chromium, and runs queries over both. For comparison
 * the two shards are also indexed as one. Reports indexing times, index sizes, the merged search's
 * downloads and time, and that results come from both shards. See docs/quy-mo.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../../src/lib/catalog/build';
import { loadContent } from '../../src/lib/content/load';
import { buildSearchRecord, indexRecord, searchRecordContext, type IndexRecord } from '../../src/lib/search/record';
import { normalizeQuery } from '../../src/lib/search/query';
import { PAGEFIND_OPTIONS } from '../../src/lib/search/client-config';
import { writePagefindIndex } from '../../src/lib/search/pagefind-index';
import { launchBrowser } from '../../test/support/browser';
import { serveStatic } from '../../test/support/static-server';
import type { BenchResult } from '../bench';
import { writeCorpus } from './corpus';
import { dirStats } from './search';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One shard's search records: its corpus written and loaded as a build would, URLs under `/{name}/`. */
function shardRecords(work: string, name: string, plans: number, seed: number): { records: IndexRecord[]; ms: number } {
  const started = performance.now();
  const contentDir = join(work, `content-${name}`);
  writeCorpus(contentDir, { plans, seed });
  const content = loadContent(contentDir);
  if (content.problems.length > 0) throw new Error(`shard ${name}: ${content.problems.length} content problems`);
  const catalog = buildCatalog(content);
  const ctx = searchRecordContext(catalog, `/${name}/`);
  return { records: catalog.plans.map((plan) => indexRecord(buildSearchRecord(plan, ctx))), ms: performance.now() - started };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function bench(options: { plans?: number | string; queries?: string[] } = {}): Promise<BenchResult> {
  const plans = Number(options.plans ?? 2000);
  const queries = options.queries ?? ['chuyển đổi số', 'dan chu co so', 'tiêm chủng'];
  const work = join(root, 'tmp', 'bench-shards');
  rmSync(work, { recursive: true, force: true });
  const site = join(work, 'site');
  const shards = [
    { name: 'tinh-a', seed: 101 },
    { name: 'tinh-b', seed: 202 },
  ];
  const figures: Record<string, string | number> = { 'plans per shard': plans };
  const allRecords: IndexRecord[] = [];
  for (const shard of shards) {
    const { records, ms } = shardRecords(work, shard.name, plans, shard.seed);
    allRecords.push(...records);
    const started = performance.now();
    await writePagefindIndex(records, join(site, shard.name, 'pagefind'));
    const indexMs = performance.now() - started;
    const size = dirStats(join(site, shard.name, 'pagefind'));
    figures[`shard ${shard.name}`] = `records ${seconds(ms)}, Pagefind index ${seconds(indexMs)}, ${mb(size.bytes)} in ${size.files} files`;
  }
  const combinedStarted = performance.now();
  await writePagefindIndex(allRecords, join(work, 'combined', 'pagefind'));
  const combined = dirStats(join(work, 'combined', 'pagefind'));
  figures['one index of both shards'] = `${seconds(performance.now() - combinedStarted)}, ${mb(combined.bytes)} in ${combined.files} files`;

  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm liên tỉnh</title></head><body></body></html>');
  mkdirSync(site, { recursive: true });
  const server = await serveStatic(site, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const transfers: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const sizes = await request.sizes();
          transfers.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
        })(),
      );
    });
    await page.goto(server.url);
    const rows: string[] = [];
    let first = true;
    for (const query of queries) {
      const from = transfers.length;
      const started = performance.now();
      const result = await page.evaluate(
        async ([q, opts, init]) => {
          const w = window as unknown as { pf?: any };
          if (init) {
            const runtime = '/tinh-a/pagefind/pagefind.js';
            w.pf = await import(runtime);
            await w.pf.options({ ...opts, basePath: '/tinh-a/pagefind/' });
            await w.pf.mergeIndex('/tinh-b/pagefind/');
          }
          const search = await w.pf.search(q);
          const results = search.results as { data(): Promise<{ url: string }> }[];
          // The top 10, and 30 results spread over the whole list: which shards the results come from.
          const step = Math.max(1, Math.floor(results.length / 30));
          const spread = results.filter((_, i) => i % step === 0).slice(0, 30);
          const top = await Promise.all(results.slice(0, 10).map((r) => r.data()));
          const sample = await Promise.all(spread.map((r) => r.data()));
          return { total: results.length, urls: top.map((d) => d.url), sample: sample.map((d) => d.url) };
        },
        [normalizeQuery(query).pagefind, PAGEFIND_OPTIONS, first] as const,
      );
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      await Promise.all(pending.splice(0));
      const bytes = transfers.slice(from).reduce((n, t) => n + t.bytes, 0);
      const fromA = result.urls.filter((u) => u.startsWith('/tinh-a/')).length;
      const fromB = result.urls.filter((u) => u.startsWith('/tinh-b/')).length;
      const sampleA = result.sample.filter((u) => u.startsWith('/tinh-a/')).length;
      rows.push(
        `"${query}": ${result.total} results (top 10: ${fromA} A + ${fromB} B; spread sample: ${sampleA} A + ${result.sample.length - sampleA} B), ` +
          `${Math.round(ms)} ms, ${kb(bytes)}${first ? ' incl. runtime and both shards’ metadata' : ''}`,
      );
      first = false;
    }
    rows.forEach((row, i) => (figures[`merged search ${i + 1}`] = row));
  } finally {
    await browser.close();
    await server.close();
  }
  return { summary: `2 shards × ${plans} plans indexed apart and merged in the browser with Pagefind mergeIndex`, figures };
}
