/**
 * Search records kept between builds, one per plan, under a key of everything the record is made
 * from: the plan (its digest), the registries (agency names, document numbers), the base path and
 * the code fingerprint the caller passes. Building a record folds and counts every word of the
 * plan (about 4 ms a plan), so after one edit only that plan's record is built again; the others
 * are read back.
 *
 * The records (about 18 KB a plan as JSON, so 0.9 GB at 50,000 plans: more than one JavaScript
 * string can hold) are kept in 64 shard files by the first character of their key. A build
 * rewrites only the shards whose set of keys changed, and a shard keeps only the records of the
 * last build, so the cache does not grow with edits.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/build';
import { renderKey } from '../build/cache-key';
import { buildSearchRecord, searchRecordContext, type SearchRecord } from './record';

type StoredRecord = Omit<SearchRecord, 'terms'> & { terms: [string, number][] };

/** Shard of a key (base64url): its first character, as a file-name-safe code. */
function shardOf(key: string): string {
  return key.charCodeAt(0).toString(16);
}

function readShard(file: string): Map<string, StoredRecord> {
  try {
    return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, StoredRecord][]);
  } catch {
    // A shard cut short by a crash is only a cache: its records are built again.
    return new Map();
  }
}

export interface CachedRecords {
  records: SearchRecord[];
  /** Records read back from the cache, and records built. */
  hits: number;
  built: number;
}

/** The search records of every published plan, built only for plans whose key is not in `cacheDir`. */
export function cachedSearchRecords(catalog: Catalog, base: string, cacheDir: string, codeKey: string): CachedRecords {
  const previous = new Map<string, Map<string, StoredRecord>>();
  if (existsSync(cacheDir)) for (const name of readdirSync(cacheDir)) if (name.endsWith('.json')) previous.set(name.slice(0, -5), readShard(join(cacheDir, name)));
  const ctx = searchRecordContext(catalog, base);
  const kept = new Map<string, [string, StoredRecord][]>();
  let hits = 0;
  const records = catalog.plans.map((plan) => {
    const key = renderKey(catalog, plan, base, codeKey);
    const shard = shardOf(key);
    const list = kept.get(shard) ?? [];
    kept.set(shard, list);
    const stored = previous.get(shard)?.get(key);
    if (stored) {
      hits++;
      list.push([key, stored]);
      return { ...stored, terms: new Map(stored.terms) };
    }
    const record = buildSearchRecord(plan, ctx);
    list.push([key, { ...record, terms: [...record.terms] }]);
    return record;
  });
  mkdirSync(cacheDir, { recursive: true });
  for (const [shard, list] of kept) {
    const before = previous.get(shard);
    if (before && before.size === list.length && list.every(([key]) => before.has(key))) continue;
    const file = join(cacheDir, `${shard}.json`);
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(list));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  for (const shard of previous.keys()) if (!kept.has(shard)) rmSync(join(cacheDir, `${shard}.json`), { force: true });
  return { records, hits, built: records.length - hits };
}
