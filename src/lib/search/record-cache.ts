/**
 * Search records kept between builds, one per plan, under a key of everything the record is made
 * from: the plan (its digest), the registries (agency names, document numbers), the base path and
 * the code fingerprint the caller passes. Building a record folds and counts every word of the
 * plan (about 4 ms a plan), so after one edit only that plan's record is built again; the others
 * are read back.
 *
 * The records come out as a stream, in the order of the plans asked for (an index part's plans,
 * newest first: the order Pagefind breaks score ties in), and each is read, or built and written,
 * only when the index asks for it. A build therefore holds one record at a time, not all of them:
 * at 50,000 plans the records would take gigabytes of heap. Each record is two files,
 * `<cacheDir>/<2 hex>/<hash of key>.json` with what Pagefind indexes (its document and terms) and
 * `….gz` with the stored result as the bundle holds it (together 14.4 KB a plan in the 5,000-plan
 * bench corpus). Files of keys no plan of the catalog has are deleted by pruneSearchRecords, so the
 * cache does not grow with edits. Pruning lists the whole cache (100,000 files at 50,000 plans: 4.4 s
 * of the content process after one edit), so a build prunes only when the records left behind by
 * edits, renames and deletions may be more than a tenth of the plans (`recordCachePruning`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from '../build/link';
import { PRUNE_LEDGER, prunePolicy } from '../build/prune-ledger';
import type { Catalog, PlanEntry } from '../catalog/build';
import { renderKey } from '../build/cache-key';
import { buildSearchRecord, indexRecord, searchRecordContext, storedResultBytes, type IndexRecord } from './record';
import { textBlocksCached } from '../content/mdx-body';

/** A kept record's file: what the index reads of it, its stored result being in a file of its own beside it. */
interface CachedRecord {
  /** The full key: the file name is only its hash. */
  key: string;
  url: string;
  html: string;
  terms: string[];
}

export interface RecordStream {
  /** The record of every plan asked for, in that order; read it once. */
  records: Iterable<IndexRecord>;
  /** Records read back from the cache, and records built, counted as the stream is read. */
  stats: { hits: number; built: number };
}

function read({ file, key, storedFile }: RecordFiles): IndexRecord | undefined {
  try {
    const { key: kept, url, html, terms } = JSON.parse(readFileSync(file, 'utf8')) as CachedRecord;
    // The stored result is written first: a record without it is one a crash cut short.
    return kept === key && existsSync(storedFile) ? { url, html, terms, storedFile } : undefined;
  } catch {
    // Missing, or cut short by a crash: it is only a cache, the record is built again.
    return undefined;
  }
}

/**
 * Where a plan's record is kept, the full key the file must hold, and the file of its stored result:
 * gzipped as the index's bundle holds it, so that an index part made again links each kept result
 * instead of compressing it again (4,500 results a part at 50,000 plans: 1 s of gzip, level 9).
 */
interface RecordFiles {
  key: string;
  file: string;
  storedFile: string;
}

function recordFiles(catalog: Catalog, plan: PlanEntry, base: string, cacheDir: string, codeKey: string): RecordFiles {
  const key = renderKey(catalog, plan, base, codeKey);
  const name = createHash('sha256').update(key).digest('hex');
  const stem = join(cacheDir, name.slice(0, 2), name.slice(2));
  return { key, file: `${stem}.json`, storedFile: `${stem}.gz` };
}

/**
 * The search records of `plans` (an index part's, or every published plan), built only for plans
 * whose key is not in `cacheDir`. Nothing is deleted here: pruneSearchRecords does that once every
 * part is read.
 */
export function cachedSearchRecords(catalog: Catalog, base: string, cacheDir: string, codeKey: string, plans: readonly PlanEntry[] = catalog.plans): RecordStream {
  const stats = { hits: 0, built: 0 };
  function* records(): Generator<IndexRecord> {
    // The body's blocks through the content cache: the open data's bodyText reads the same ones.
    const ctx = { ...searchRecordContext(catalog, base), textBlocks: textBlocksCached };
    for (const plan of plans) {
      const files = recordFiles(catalog, plan, base, cacheDir, codeKey);
      const cached = read(files);
      if (cached) {
        stats.hits++;
        yield cached;
        continue;
      }
      const { url, html, stored, terms } = indexRecord(buildSearchRecord(plan, ctx));
      replaceFileSync(files.storedFile, storedResultBytes(stored));
      replaceFileSync(files.file, JSON.stringify({ key: files.key, url, html, terms } satisfies CachedRecord));
      stats.built++;
      yield { url, html, terms, storedFile: files.storedFile };
    }
  }
  return { records: records(), stats };
}

/**
 * Deletes the kept records of plans no longer in the catalog, or of an older code or base path.
 * Returns how many records it kept (the records of the catalog's plans that were there).
 */
export function pruneSearchRecords(catalog: Catalog, base: string, cacheDir: string, codeKey: string): number {
  if (!existsSync(cacheDir)) return 0;
  const kept = new Set(
    catalog.plans.flatMap((plan) => {
      const { file, storedFile } = recordFiles(catalog, plan, base, cacheDir, codeKey);
      return [file, storedFile];
    }),
  );
  const ledger = join(cacheDir, PRUNE_LEDGER);
  let records = 0;
  // Records of other keys, and files of older cache layouts.
  for (const entry of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path === ledger) continue;
    if (!kept.has(path)) rmSync(path, { force: true });
    else if (path.endsWith('.json')) records++;
  }
  return records;
}

/**
 * The pruning of one build's record cache (src/lib/build/prune-ledger.ts): `prune` lists and prunes
 * the cache when the records left behind may be more than `allowed`, `close` writes the ledger once
 * every record of the build is built. The ledger is kept for one base path and code, which name
 * every record.
 */
export function recordCachePruning(catalog: Catalog, base: string, cacheDir: string, codeKey: string, allowed?: number) {
  const policy = prunePolicy(cacheDir, `${base}\n${codeKey}`, catalog.plans.length, allowed);
  let pruned = false;
  return {
    /** Prunes when due (or when `force`d), once, `built` being the records this build has built so far. */
    prune(built: number, force = false): boolean {
      if (pruned || !(force || policy.due(built))) return false;
      pruned = true;
      policy.pruned(pruneSearchRecords(catalog, base, cacheDir, codeKey), built);
      return true;
    },
    /** Writes the ledger, `built` being every record this build built. */
    close: (built: number) => policy.close(built),
  };
}
