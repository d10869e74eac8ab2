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
 * at 50,000 plans the records would take gigabytes of heap. Each record is its own file,
 * `<cacheDir>/<2 hex>/<hash of key>.json`, holding only what the index keeps (IndexRecord: 14.4 KB
 * a plan as JSON in the 5,000-plan bench corpus). Files of keys no plan of the catalog has are
 * deleted by pruneSearchRecords, so the cache does not grow with edits.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from '../build/link';
import type { Catalog, PlanEntry } from '../catalog/build';
import { renderKey } from '../build/cache-key';
import { buildSearchRecord, indexRecord, searchRecordContext, type IndexRecord } from './record';
import { textBlocksCached } from '../content/mdx-body';

interface CachedRecord extends IndexRecord {
  /** The full key: the file name is only its hash. */
  key: string;
}

export interface RecordStream {
  /** The record of every plan asked for, in that order; read it once. */
  records: Iterable<IndexRecord>;
  /** Records read back from the cache, and records built, counted as the stream is read. */
  stats: { hits: number; built: number };
}

function read(file: string, key: string): IndexRecord | undefined {
  try {
    const { key: stored, ...record } = JSON.parse(readFileSync(file, 'utf8')) as CachedRecord;
    return stored === key ? record : undefined;
  } catch {
    // Missing, or cut short by a crash: it is only a cache, the record is built again.
    return undefined;
  }
}

/** Where a plan's record is kept, and the full key the file must hold. */
function recordFile(catalog: Catalog, plan: PlanEntry, base: string, cacheDir: string, codeKey: string): { key: string; file: string } {
  const key = renderKey(catalog, plan, base, codeKey);
  const name = createHash('sha256').update(key).digest('hex');
  return { key, file: join(cacheDir, name.slice(0, 2), `${name.slice(2)}.json`) };
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
      const { key, file } = recordFile(catalog, plan, base, cacheDir, codeKey);
      const cached = read(file, key);
      if (cached) {
        stats.hits++;
        yield cached;
        continue;
      }
      const record = indexRecord(buildSearchRecord(plan, ctx));
      replaceFileSync(file, JSON.stringify({ key, ...record } satisfies CachedRecord));
      stats.built++;
      yield record;
    }
  }
  return { records: records(), stats };
}

/** Deletes the kept records of plans no longer in the catalog, or of an older code or base path. */
export function pruneSearchRecords(catalog: Catalog, base: string, cacheDir: string, codeKey: string): void {
  if (!existsSync(cacheDir)) return;
  const kept = new Set(catalog.plans.map((plan) => recordFile(catalog, plan, base, cacheDir, codeKey).file));
  // Records of other keys, and files of older cache layouts.
  for (const entry of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !kept.has(path)) rmSync(path, { force: true });
  }
}
