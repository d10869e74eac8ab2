/**
 * Search records kept between builds, one per plan, under a key of everything the record is made
 * from: the plan (its digest), the registries (agency names, document numbers), the base path and
 * the code fingerprint the caller passes. Building a record folds and counts every word of the
 * plan (about 4 ms a plan), so after one edit only that plan's record is built again; the others
 * are read back. The cache is one file holding the records of the last build only, so it never
 * grows with edits.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../catalog/build';
import { renderKey } from '../build/cache-key';
import { buildSearchRecord, searchRecordContext, type SearchRecord } from './record';

type StoredRecord = Omit<SearchRecord, 'terms'> & { terms: [string, number][] };

function readCache(file: string): Map<string, StoredRecord> {
  if (!existsSync(file)) return new Map();
  try {
    return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, StoredRecord][]);
  } catch {
    // A cache cut short by a crash is only a cache: build every record again.
    return new Map();
  }
}

export interface CachedRecords {
  records: SearchRecord[];
  /** Records read back from the cache, and records built. */
  hits: number;
  built: number;
}

/** The search records of every published plan, built only for plans whose key is not in `cacheFile`. */
export function cachedSearchRecords(catalog: Catalog, base: string, cacheFile: string, codeKey: string): CachedRecords {
  const previous = readCache(cacheFile);
  const ctx = searchRecordContext(catalog, base);
  const kept: [string, StoredRecord][] = [];
  let hits = 0;
  const records = catalog.plans.map((plan) => {
    const key = renderKey(catalog, plan, base, codeKey);
    const stored = previous.get(key);
    if (stored) {
      hits++;
      kept.push([key, stored]);
      return { ...stored, terms: new Map(stored.terms) };
    }
    const record = buildSearchRecord(plan, ctx);
    kept.push([key, { ...record, terms: [...record.terms] }]);
    return record;
  });
  if (hits !== records.length || previous.size !== records.length) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const staging = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(staging, JSON.stringify(kept));
    renameSync(staging, cacheFile);
  }
  return { records, hits, built: records.length - hits };
}
