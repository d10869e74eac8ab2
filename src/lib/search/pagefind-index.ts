/**
 * The site's search index: Pagefind's bundle of every plan, agency and cited document, built from
 * the content alone (src/lib/search/record.ts), with each result's stored record and the
 * vocabulary beside it. `buildSiteSearchIndex` is what a build runs (in its own process, see
 * src/integrations/search-index.ts); `writePagefindIndex` is the step the benchmarks also call.
 */
import { dirname, join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadCatalog } from '../catalog/load';
import { indexRecord, type IndexRecord } from './record';
import { NO_MATCH_HTML, NO_MATCH_URL, VOCABULARY_PATH, storedRecordPath, type StoredSearchRecord } from './client-config';
import { VocabularyCounter } from './vocabulary';
import { directoryRecords } from './directory';
import { buildCachePath } from '../build/cache-dir';
import { keptOutput, outputKey, type KeptOutput } from '../build/reuse-output';
import { renderKey } from '../build/cache-key';
import { cachedSearchRecords } from './record-cache';

/** Language of the index; the search page is `lang="vi"`, so Pagefind loads this index. */
export const SEARCH_LANGUAGE = 'vi';

export interface IndexStats {
  /** Records indexed. */
  records: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/** Records sent to Pagefind before waiting for the oldest answer; fragment files read at once. */
const IN_FLIGHT = 64;

const gunzip = promisify(gunzipCallback);

/** Throws with every message when a Pagefind response carries errors. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}

/**
 * The id Pagefind gives each record (its fragment file name, "vi_1f2ba1f"), by record URL, read
 * back from the written fragments ("pagefind_dcd" then JSON, gzip).
 */
async function resultIds(outputPath: string): Promise<Map<string, string>> {
  const dir = join(outputPath, 'fragment');
  const ids = new Map<string, string>();
  const files = (await readdir(dir)).filter((file) => file.endsWith('.pf_fragment')).sort();
  // IN_FLIGHT files at a time: reads and gunzip run on libuv's threads, on every core.
  for (let start = 0; start < files.length; start += IN_FLIGHT) {
    await Promise.all(
      files.slice(start, start + IN_FLIGHT).map(async (file) => {
        const raw = (await gunzip(await readFile(join(dir, file)))).toString('utf8');
        const { url } = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
        ids.set(url, file.slice(0, -'.pf_fragment'.length));
      }),
    );
  }
  return ids;
}

/**
 * Indexes the records with Pagefind's Node API and writes the bundle to `outputPath`
 * (`<outDir>/pagefind`), then beside it each result's stored record (card, text, ranking keys)
 * under its Pagefind id and the vocabulary for near-miss suggestions (gzip, fixed mtime so the
 * same content gives the same bytes). Any error Pagefind reports fails the call; the service is
 * always closed.
 *
 * The records are read one at a time: each goes to Pagefind, its stored record to a staging
 * folder until Pagefind has named it, its terms into the vocabulary counts. Nothing of a record
 * stays in memory but its URL, so a stream (record-cache.ts) indexes 50,000 plans in the memory
 * of a few.
 */
export async function writePagefindIndex(
  records: Iterable<IndexRecord> | AsyncIterable<IndexRecord>,
  outputPath: string,
  directory: readonly IndexRecord[] = [],
): Promise<IndexStats> {
  await mkdir(dirname(outputPath), { recursive: true });
  const staging = await mkdtemp(join(dirname(outputPath), '.search-records-'));
  try {
    const staged: string[] = [];
    const vocabulary = new VocabularyCounter();
    try {
      const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }));
      if (!index) throw new Error('Pagefind createIndex: no index returned');
      // Up to IN_FLIGHT records travel at once: Pagefind's service handles its messages one by
      // one in the order they are sent, so the index is the same as with one at a time, while
      // Node reads, compresses and writes the next records (measured at 5,000 plans: 5.9–6.7 s
      // against 8.8–11.8 s one at a time).
      const pending = new Set<Promise<unknown>>();
      const add = async (record: IndexRecord) => {
        const position = staged.length;
        staged.push(record.url);
        vocabulary.add(record.terms);
        const done = Promise.all([
          index.addHTMLFile({ url: record.url, content: record.html }).then((response) => check(`addHTMLFile ${record.url}`, response)),
          writeFile(join(staging, String(position)), gzipSync(JSON.stringify(record.stored), { level: 9 })),
        ]);
        pending.add(done);
        done.then(() => pending.delete(done), () => undefined);
        if (pending.size >= IN_FLIGHT) await Promise.race(pending);
      };
      for await (const record of records) await add(record);
      const plans = staged.length;
      for (const record of directory) await add(record);
      const none: StoredSearchRecord = { url: '', title: '', date: '', basis: [], citations: [], card: '', text: '', noMatch: true };
      await add({ url: NO_MATCH_URL, html: NO_MATCH_HTML, stored: none, terms: [] });
      await Promise.all(pending);
      check('writeFiles', await index.writeFiles({ outputPath }));
      const ids = await resultIds(outputPath);
      await mkdir(dirname(join(outputPath, storedRecordPath('x'))), { recursive: true });
      for (const [i, url] of staged.entries()) {
        const id = ids.get(url);
        if (!id) throw new Error(`Pagefind wrote no result for ${url === NO_MATCH_URL ? 'the no-match record' : url}`);
        await rename(join(staging, String(i)), join(outputPath, storedRecordPath(id)));
      }
      await writeFile(join(outputPath, VOCABULARY_PATH), gzipSync(JSON.stringify(vocabulary.result()), { level: 9 }));
      return { records: plans, outputPath };
    } finally {
      await pagefind.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** sha256 of the code the index depends on: the lockfile, the site config, every file under src/lib and the index's entry script. */
function codeKey(root: string): string {
  const files = [join(root, 'package-lock.json'), join(root, 'src/site.config.ts'), join(root, 'src/integrations/search-index.ts')];
  const lib = join(root, 'src/lib');
  for (const entry of readdirSync(lib, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  return outputKey(...files.sort().flatMap((file) => [file.slice(root.length), existsSync(file) ? readFileSync(file) : '']));
}

/** What `buildSiteSearchIndex` did. */
export interface SiteSearchIndex {
  /** The index in the build cache (`pagefind/<key>`), to be copied to `<outDir>/pagefind/`. */
  kept: KeptOutput;
  plans: number;
  /** Agencies and cited documents indexed. */
  directory: number;
  /** Plan records made anew (the others came from `search-records/`). */
  built: number;
  ms: number;
}

/**
 * The search index of the content in `contentDir` (this build's folder when undefined) for a site under `base`, kept in the build
 * cache under the key of its inputs: the content (every plan's digest and the registries), the
 * base path and the code (the packages' lockfile, the site config and src/lib: the search lib
 * shapes the records, the portal lib the cards they show). When none changed, the kept index is
 * returned without building a single record.
 */
export async function buildSiteSearchIndex(root: string, contentDir: string | undefined, base: string): Promise<SiteSearchIndex> {
  const started = performance.now();
  // Same folder and baseDir as the build's content check, so a build in one process shares its parse.
  const catalog = loadCatalog(root, contentDir);
  const code = codeKey(root);
  const key = outputKey(renderKey(catalog, catalog.plans, base), code);
  const directory = directoryRecords(catalog, base);
  let built = 0;
  const kept = await keptOutput(buildCachePath('pagefind', root), key, async (path) => {
    const { records, stats } = cachedSearchRecords(catalog, base, buildCachePath('search-records', root), code);
    await writePagefindIndex(records, path, directory.map(indexRecord));
    built = stats.built;
  });
  return { kept, plans: catalog.plans.length, directory: directory.length, built, ms: performance.now() - started };
}
