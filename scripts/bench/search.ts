/**
 * Search at scale: builds a synthetic corpus of N plans (default 5,000, SEARCH_BENCH_PLANS to
 * change) by recombining the sentences, headings, titles, references and agencies of the real
 * plans, indexes it with the same record builder and Pagefind Node API the build uses, then serves
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
import { buildCatalog, type PlanEntry } from '../../src/lib/catalog/build';
import { loadContent } from '../../src/lib/content/load';
import { buildSearchRecord, searchRecordContext } from '../../src/lib/search/record';
import { normalizeQuery } from '../../src/lib/search/query';
import { PAGEFIND_OPTIONS, RERANK_WINDOW, searchTextPath } from '../../src/lib/search/client-config';
import { writePagefindIndex } from '../../src/integrations/pagefind';
import { launchBrowser } from '../../test/support/browser';
import { serveStatic } from '../../test/support/static-server';
import type { BenchResult } from '../bench';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Deterministic PRNG (mulberry32), so every run indexes the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLE_HEADS = ['Thực hiện', 'Triển khai thực hiện', 'Tổ chức thực hiện', 'Triển khai, thực hiện', 'Tăng cường'];
const TITLE_SUBJECTS = [
  'công tác dân vận chính quyền',
  'dân chủ ở cơ sở',
  'cải cách hành chính',
  'chuyển đổi số',
  'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'phong trào thi đua “Dân vận khéo”',
  'công tác phòng, chống tham nhũng, tiêu cực',
  'Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ',
  'Quy chế dân chủ trong hoạt động của cơ quan',
  'công tác tuyên truyền, phổ biến giáo dục pháp luật',
];
const TITLE_TAILS = ['', ' trên địa bàn tỉnh', ' trên địa bàn xã', ' trong cơ quan', ' giai đoạn 2021 - 2025'];
const EXTRA_TOPICS = ['Chuyển đổi số', 'Phòng, chống tham nhũng', 'Phổ biến pháp luật', 'Thi đua, khen thưởng'];

/** Sentences and headings of the real bodies, the material synthetic bodies are made of. */
function bodyMaterial(plans: PlanEntry[]): { sentences: string[]; headings: string[] } {
  const sentences: string[] = [];
  const headings: string[] = [];
  for (const { body = '' } of plans) {
    for (const line of body.split(/\n/)) {
      const heading = /^#{2,3}\s+(.*)$/.exec(line);
      if (heading) headings.push(heading[1]!);
      else if (line.trim()) sentences.push(...line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').split(/(?<=[.;:])\s+(?=\p{Lu})/u).filter((s) => s.length > 20));
    }
  }
  return { sentences, headings };
}

/**
 * `count` plans recombined from the real ones: varied titles, issuers (every agency in the
 * registry), years 2015–2025, topics and references, and bodies of real sentences under real
 * headings whose lengths follow the real bodies' (each 0.6–1.6 × a real one), so vocabulary, word
 * frequencies, document numbers and the bytes per plan look like real plans.
 */
export function syntheticSearchPlans(real: PlanEntry[], agencyIds: string[], count: number, seed = 20240325): PlanEntry[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const { sentences, headings } = bodyMaterial(real);
  const references = real.flatMap((p) => [...p.data.basis, ...p.data.citations]);
  const topics = [...new Set([...real.flatMap((p) => p.data.topics), ...EXTRA_TOPICS])];
  const lengths = real.map((p) => (p.body ?? '').length);
  return Array.from({ length: count }, (_, i) => {
    const model = real[i % real.length]!.data;
    const year = 2015 + Math.floor(rand() * 11);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const target = pick(lengths) * (0.6 + rand());
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      const part = parts.length % 5 === 0 ? `## ${pick(headings)}` : Array.from({ length: 3 }, () => pick(sentences)).join(' ');
      parts.push(part);
      size += part.length + 2;
    }
    const planTopics = [...new Set([pick(topics), pick(topics), ...(rand() < 0.5 ? [pick(topics)] : [])])];
    return {
      slug: `ke-hoach-thu-${i + 1}`,
      data: {
        ...model,
        title: `${pick(TITLE_HEADS)} ${pick(TITLE_SUBJECTS)}${pick(TITLE_TAILS)} năm ${year}`,
        number: rand() < 0.7 ? String(1 + Math.floor(rand() * 2000)) : null,
        symbol: pick(['KH-UBND', 'KH-STTTT', 'KH-SVHTTDL', 'KH/BDVTU-BCSĐUBND']),
        issuer: pick(agencyIds),
        year,
        issuedOn: rand() < 0.6 ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null,
        topics: planTopics,
        basis: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(references)),
        citations: Array.from({ length: Math.floor(rand() * 12) }, () => pick(references)),
      },
      body: parts.join('\n\n'),
    };
  });
}

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
  plans?: number;
  queries?: [string, string];
}

export async function bench({
  plans = Number(process.env.SEARCH_BENCH_PLANS ?? 5000),
  queries = ['dân chủ ở cơ sở', 'chuyển đổi số'],
}: SearchBenchOptions = {}): Promise<BenchResult> {
  const content = loadContent(join(root, 'content'));
  if (content.plans.length === 0) throw new Error('content/plans has no valid plan to build synthetic plans from');
  const corpus = syntheticSearchPlans(content.plans, content.agencies.map((a) => a.id), plans);
  const catalog = buildCatalog({ plans: corpus, agencies: content.agencies, documents: content.documents });
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
