/**
 * The site's search index: Pagefind bundles of every plan, agency and cited document, built from
 * the content alone (src/lib/search/record.ts), with each result's stored record and the
 * vocabulary beside them, in the parts src/lib/search/shards.ts describes. `buildSiteSearchIndex`
 * is what a build runs (in the build's content process, see src/integrations/content-tasks.ts) and
 * `writeSiteSearchIndex` puts its parts in the out dir; `writePagefindIndex` writes one bundle.
 */
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadCatalog } from '../catalog/load';
import { indexRecord, storedResultBytes, type IndexRecord } from './record';
import { NO_MATCH_HTML, NO_MATCH_URL, VOCABULARY_PATH, storedRecordPath, type StoredSearchRecord } from './client-config';
import { VocabularyCounter, mergeVocabularies, type Vocabulary } from './vocabulary';
import { directoryRecordCount, directoryRecords } from './directory';
import { buildCachePath } from '../build/cache-dir';
import { keptOutput, outputKey, type KeptOutput } from '../build/reuse-output';
import { linkOrCopySync, linkTree } from '../build/link';
import { adoptStagedSync, stagingDir, type StagedFiles } from '../build/staging';
import type { Catalog, PlanEntry } from '../catalog/build';
import { planDate } from '../catalog/plan-date';
import {
  DIRECTORY_SHARD_PATH,
  MANIFEST_PATH,
  PART_PLANS,
  RECENT_PLANS,
  recentPlanCount,
  RECENT_SHARD_PATH,
  RUNTIME_FILES,
  SPLIT_PLANS,
  yearParts,
  yearShardPath,
  type SearchManifest,
  type ShardInfo,
} from './shards';
import { renderKey } from '../build/cache-key';
import { cachedSearchRecords, recordCachePruning, type RecordStream } from './record-cache';

/** Language of the index; the search page is `lang="vi"`, so Pagefind loads this index. */
export const SEARCH_LANGUAGE = 'vi';

export interface IndexStats {
  /** Records indexed from `records` (plans), the directory's apart. */
  records: number;
  /** Where the bundle was written. */
  outputPath: string;
  /** Pagefind id of the no-match record (NO_MATCH_HTML), which the page never shows. */
  noMatch: string;
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
 * `whileWriting` is called once every record is sent, while Pagefind's process writes the index:
 * work of this process that the index need not wait for.
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
  whileWriting?: () => void,
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
          // A kept result is linked as it is; only a record built now is compressed here.
          'storedFile' in record
            ? (async () => linkOrCopySync(record.storedFile, join(staging, String(position))))()
            : writeFile(join(staging, String(position)), storedResultBytes(record.stored)),
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
      // Pagefind's process builds and writes the index (most of a part's time) while this one does
      // `whileWriting`, once the request has left (one turn of the event loop flushes it).
      const writing = index.writeFiles({ outputPath });
      writing.catch(() => undefined);
      if (whileWriting) {
        await new Promise(setImmediate);
        whileWriting();
      }
      check('writeFiles', await writing);
      const ids = await resultIds(outputPath);
      await mkdir(dirname(join(outputPath, storedRecordPath('x'))), { recursive: true });
      for (const [i, url] of staged.entries()) {
        const id = ids.get(url);
        if (!id) throw new Error(`Pagefind wrote no result for ${url === NO_MATCH_URL ? 'the no-match record' : url}`);
        await rename(join(staging, String(i)), join(outputPath, storedRecordPath(id)));
      }
      await writeFile(join(outputPath, VOCABULARY_PATH), gzipSync(JSON.stringify(vocabulary.result()), { level: 9 }));
      return { records: plans, outputPath, noMatch: ids.get(NO_MATCH_URL)! };
    } finally {
      await pagefind.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** sha256 of the code the index depends on: the lockfile, the site config, every file under src/lib and the index's entry script. */
function codeKey(root: string): string {
  const files = [join(root, 'package-lock.json'), join(root, 'src/site.config.ts'), join(root, 'src/integrations/content-tasks.ts')];
  const lib = join(root, 'src/lib');
  for (const entry of readdirSync(lib, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  return outputKey(...files.sort().flatMap((file) => [file.slice(root.length), existsSync(file) ? readFileSync(file) : '']));
}

/** What a part says of itself, beside its bundle in the build cache. */
const PART_INFO = 'phan.json';

/** Files of Pagefind's bundle the search page never loads: its stock interfaces and its worker. */
const UNUSED_FILE = /^pagefind-(component-ui|modular-ui|ui|highlight|worker)\.(js|css)$/;

/** One part of the index to build (src/lib/search/shards.ts). */
export interface IndexPart {
  /** Folder under the bundle folder: "nam-2026/". */
  path: string;
  /** Its plans, in catalog order; null for the directory (agencies and documents). */
  plans: readonly PlanEntry[] | null;
}

/**
 * The parts of a catalog's index (src/lib/search/shards.ts): the newest plans (`recentPlanCount`
 * of `recentPlans`) when there are more, the other plans in year parts (`yearParts`: consecutive
 * years joined until a part holds `partPlans`, a year of more than `splitPlans` in spans of
 * months), newest first, and the directory.
 */
export function indexParts(
  catalog: Pick<Catalog, 'plans'>,
  recentPlans: number = RECENT_PLANS,
  partPlans: number = PART_PLANS,
  splitPlans: number = SPLIT_PLANS,
): IndexPart[] {
  const recent = catalog.plans.slice(0, recentPlanCount(catalog.plans, (plan) => planDate(plan.data), recentPlans));
  const years = yearParts(catalog.plans.slice(recent.length), (plan) => planDate(plan.data), partPlans, splitPlans);
  return [
    ...(recent.length > 0 ? [{ path: RECENT_SHARD_PATH, plans: recent }] : []),
    ...years.map(({ from, to, months, plans }) => ({ path: yearShardPath(from, to, months), plans })),
    { path: DIRECTORY_SHARD_PATH, plans: null },
  ];
}

/** A built part: what it holds and its bundle in the build cache. */
export interface BuiltPart {
  info: ShardInfo;
  /** The bundle, `<index cache>/<part>/<key>`. */
  path: string;
  how: KeptOutput['how'];
}

/** What `buildSearchParts` did. */
export interface SearchParts {
  parts: BuiltPart[];
  /** Plans on the site. */
  plans: number;
  /** Agencies and cited documents indexed. */
  directory: number;
  /** Plan records made anew (the others came from the record cache). */
  built: number;
  /** Parts indexed anew (the others were reused). */
  indexed: number;
}

/**
 * Builds every part of the catalog's index that the cache does not hold. Each part is kept under
 * `<cache.index>/<part>/<key>`, the key made of its inputs: its plans (their digests), the
 * registries, the base path, the part's folder and the code. So an edited plan re-indexes the one
 * part holding it; a new plan of the newest months, the newest plans' part (and the year part that
 * takes a month of them, when the month they start from moves).
 * Records come from `cache.records` (record-cache.ts). Parts are indexed one after another:
 * Pagefind's service holds one part's index in memory, not 50,000 plans'.
 *
 * `whileIndexing` is called once, as soon as this process would otherwise wait: while Pagefind's
 * process writes the first part indexed, or at the end when no part is. The pruning of the record
 * cache runs in that wait too when due (it keeps every record a plan of the catalog has, so the parts
 * read after it find theirs): when the records left behind may be more than `staleRecords` (by
 * default `staleFilesAllowed` of the plans, src/lib/build/prune-ledger.ts), or a part is gone. A
 * build starts its other content tasks there (content-tasks.ts), so that the part's records reach
 * Pagefind first.
 */
export async function buildSearchParts(
  catalog: Catalog,
  base: string,
  cache: { index: string; records: string },
  code: string,
  options: { recentPlans?: number; partPlans?: number; splitPlans?: number; whileIndexing?: () => void; staleRecords?: number } = {},
): Promise<SearchParts> {
  const parts: BuiltPart[] = [];
  let built = 0;
  let indexed = 0;
  // The records of the part being indexed, built so far.
  let stream: RecordStream | undefined;
  const pruning = recordCachePruning(catalog, base, cache.records, code, options.staleRecords);
  let waited = false;
  const wait = () => {
    if (waited) return;
    waited = true;
    options.whileIndexing?.();
    pruning.prune(built + (stream?.stats.built ?? 0));
  };
  const names = new Set<string>();
  for (const part of indexParts(catalog, options.recentPlans, options.partPlans, options.splitPlans)) {
    const name = part.path.slice(0, -1);
    names.add(name);
    const key = outputKey(renderKey(catalog, part.plans ?? DIRECTORY_SHARD_PATH, base, part.path), code);
    const kept = await keptOutput(join(cache.index, name), key, async (path) => {
      stream = part.plans ? cachedSearchRecords(catalog, base, cache.records, code, part.plans) : undefined;
      // Agencies and documents: one record each, made only when their part is indexed.
      const directory = part.plans ? [] : directoryRecords(catalog, base);
      const stats = await writePagefindIndex(stream?.records ?? [], path, directory.map(indexRecord), wait);
      built += stream?.stats.built ?? 0;
      stream = undefined;
      indexed++;
      const plans = part.plans ?? [];
      const info: ShardInfo = {
        path: part.path,
        records: part.plans ? stats.records : directory.length,
        years: [...new Set(plans.map((plan) => plan.data.year))].sort((a, b) => b - a),
        noMatch: stats.noMatch,
      };
      await writeFile(join(path, PART_INFO), JSON.stringify(info));
      for (const file of await readdir(path)) if (UNUSED_FILE.test(file)) await rm(join(path, file));
    });
    parts.push({ info: JSON.parse(readFileSync(join(kept.path, PART_INFO), 'utf8')) as ShardInfo, path: kept.path, how: kept.how });
  }
  // Parts this catalog no longer has (years now in another part, an older cache layout), and
  // records of plans gone or changed. Records are kept by plan, not by part, so a plan moving to
  // another part (years joining a part, the newest plans' part moving on) is not built again.
  const gone = existsSync(cache.index) ? readdirSync(cache.index).filter((name) => !names.has(name)) : [];
  for (const name of gone) rmSync(join(cache.index, name), { recursive: true, force: true });
  // Without a part indexed, nobody waited: the records are pruned here when due or a part is gone.
  if (!waited) {
    pruning.prune(built, gone.length > 0);
    options.whileIndexing?.();
  }
  pruning.close(built);
  return { parts, plans: catalog.plans.length, directory: directoryRecordCount(catalog), built, indexed };
}

/** The manifest of built parts (src/lib/search/shards.ts). */
export function searchManifest(index: Pick<SearchParts, 'parts' | 'plans'>): SearchManifest {
  const infos = index.parts.map((part) => part.info);
  const directory = infos.find((info) => info.path === DIRECTORY_SHARD_PATH);
  if (!directory) throw new Error('the search index has no directory part');
  return {
    version: 1,
    plans: index.plans,
    recent: infos.find((info) => info.path === RECENT_SHARD_PATH) ?? null,
    years: infos.filter((info) => info !== directory && info.path !== RECENT_SHARD_PATH),
    directory,
  };
}

/**
 * Writes the site's search bundle to `outputPath` (`<outDir>/pagefind/`): each part's bundle in its
 * folder, one copy of Pagefind's runtime (RUNTIME_FILES) for all of them, the manifest and the
 * vocabulary of the whole site (the parts' vocabularies summed). The parts' files are linked from the
 * cache, which never changes them in place (src/lib/build/link.ts). Pagefind's fragments are not
 * copied: the page shows stored records (`ket-qua/`) and never asks Pagefind for a fragment.
 */
export function writeSiteSearchIndex(index: Pick<SearchParts, 'parts' | 'plans'>, outputPath: string): SearchManifest {
  return writeBundle(index, outputPath).manifest;
}

/** `writeSiteSearchIndex`, with the number of files written. */
function writeBundle(index: Pick<SearchParts, 'parts' | 'plans'>, outputPath: string): { manifest: SearchManifest; files: number } {
  const manifest = searchManifest(index);
  rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(outputPath, { recursive: true });
  const skipped = new Set<string>([...RUNTIME_FILES, 'fragment', PART_INFO, VOCABULARY_PATH]);
  let files = 0;
  for (const part of index.parts) {
    files += linkTree(part.path, join(outputPath, part.info.path), (path) => skipped.has(path));
  }
  for (const file of RUNTIME_FILES) linkOrCopySync(join(index.parts[0]!.path, file), join(outputPath, file));
  writeFileSync(join(outputPath, MANIFEST_PATH), JSON.stringify(manifest));
  const vocabularies = index.parts.map((part) => JSON.parse(gunzipSync(readFileSync(join(part.path, VOCABULARY_PATH))).toString('utf8')) as Vocabulary);
  writeFileSync(join(outputPath, VOCABULARY_PATH), gzipSync(JSON.stringify(mergeVocabularies(vocabularies)), { level: 9 }));
  return { manifest, files: files + RUNTIME_FILES.length + 2 };
}

/** The out dir's folder of the search bundle. */
const SEARCH_FOLDER = 'pagefind';

/** What decides the bundle `writeSiteSearchIndex` writes: the parts (each a cache folder named by its inputs' key, and its info) and the plan count. */
function bundleFingerprint(index: Pick<SearchParts, 'parts' | 'plans'>): string {
  return outputKey(JSON.stringify([index.plans, index.parts.map((part) => [part.path, part.info])]));
}

/**
 * In the build's content process, once the index is built: writes the bundle into a staging folder
 * of the build cache (`writeSiteSearchIndex`: at 50,000 plans, 54,000 links), which the build's
 * search integration moves into the out dir with one rename after the pages
 * (`adoptStagedSearchIndex`), instead of linking them then, on the build's critical path (1.1 s).
 */
export function stageSiteSearchIndex<T extends Pick<SearchParts, 'parts' | 'plans'>>(index: T, dir: string = stagingDir(SEARCH_FOLDER)): T & { staged: StagedFiles } {
  rmSync(dir, { recursive: true, force: true });
  const { files } = writeBundle(index, join(dir, SEARCH_FOLDER));
  return { ...index, staged: { dir, folder: SEARCH_FOLDER, fingerprint: bundleFingerprint(index), files, missing: [], pruned: 0 } };
}

/**
 * Moves the bundle `stageSiteSearchIndex` staged for `index` into `outDir` (as `pagefind/`): true
 * when done. False when none was staged, or for other parts: the caller then writes the bundle
 * (`writeSiteSearchIndex`). The staging folder is removed either way.
 */
export function adoptStagedSearchIndex(index: Pick<SearchParts, 'parts' | 'plans'> & { staged?: StagedFiles }, outDir: string): boolean {
  return index.staged !== undefined && adoptStagedSync(index.staged, bundleFingerprint(index), outDir);
}

/** What `buildSiteSearchIndex` did. */
export interface SiteSearchIndex extends SearchParts {
  ms: number;
  /** The bundle, written into a staging folder by the process that built the index (`stageSiteSearchIndex`). */
  staged?: StagedFiles;
}

/**
 * The search index of the content in `contentDir` (this build's folder when undefined) for a site
 * under `base`, in parts kept in the build cache (`pagefind/<part>/<key>`, records by plan in
 * `search-records/`); the code fingerprint covers the packages' lockfile, the site config
 * and src/lib (the search lib shapes the records, the portal lib the cards they show). Parts whose
 * inputs did not change are reused without building a single record. `whileIndexing` as in
 * `buildSearchParts`.
 */
export async function buildSiteSearchIndex(root: string, contentDir: string | undefined, base: string, whileIndexing?: () => void): Promise<SiteSearchIndex> {
  const started = performance.now();
  // Same folder and baseDir as the build's content check, so a build in one process shares its parse.
  const catalog = loadCatalog(root, contentDir);
  const cache = { index: buildCachePath('pagefind', root), records: buildCachePath('search-records', root) };
  const parts = await buildSearchParts(catalog, base, cache, codeKey(root), { whileIndexing });
  return { ...parts, ms: performance.now() - started };
}
