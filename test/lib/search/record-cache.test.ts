import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../../src/lib/catalog/build';
import type { Catalog } from '../../../src/lib/catalog/build';
import { cachedSearchRecords, pruneSearchRecords, recordCachePruning } from '../../../src/lib/search/record-cache';
import { PRUNE_LEDGER } from '../../../src/lib/build/prune-ledger';
import { buildSearchRecord, indexRecord, searchRecordContext, type IndexRecord } from '../../../src/lib/search/record';
import { seedCatalog, seedContent } from '../portal/seed-catalog';

const dir = mkdtempSync(join(tmpdir(), 'search-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A record with its stored result read back from its file, for comparing with one built in memory. */
function resolved(record: IndexRecord) {
  if (!('storedFile' in record)) return record;
  const { storedFile, ...rest } = record;
  return { ...rest, stored: JSON.parse(gunzipSync(readFileSync(storedFile)).toString('utf8')) as Extract<IndexRecord, { stored: unknown }>['stored'] };
}

/** Reads the whole stream, then prunes, as the index does. */
function read(catalog: Catalog, base: string, code: string) {
  const { records, stats } = cachedSearchRecords(catalog, base, dir, code);
  const all = [...records];
  pruneSearchRecords(catalog, base, dir, code);
  return { records: all.map(resolved), ...stats };
}

const allFiles = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
/** The records' own files; each has its stored result beside it (`….gz`). */
const files = () => allFiles().filter((file) => !file.endsWith('.gz'));

describe('cachedSearchRecords', () => {
  const catalog = seedCatalog();
  const fresh = catalog.plans.map((plan) => indexRecord(buildSearchRecord(plan, searchRecordContext(catalog, '/'))));

  it('builds nothing until the stream is read', () => {
    const { stats } = cachedSearchRecords(catalog, '/', dir, 'code-1');
    expect(stats).toEqual({ hits: 0, built: 0 });
    expect(allFiles()).toEqual([]);
  });

  it('builds every record into an empty cache, then reads every one back, equal to a fresh build and in catalog order', () => {
    const cold = read(catalog, '/', 'code-1');
    expect([cold.built, cold.hits]).toEqual([fresh.length, 0]);
    expect(cold.records).toEqual(fresh);
    expect(files()).toHaveLength(fresh.length);
    expect(allFiles()).toHaveLength(2 * fresh.length);
    const warm = read(catalog, '/', 'code-1');
    expect([warm.built, warm.hits]).toEqual([0, fresh.length]);
    expect(warm.records).toEqual(fresh);
  });

  it('builds again only the edited plan, everything when the code or the base path changes, and keeps one file per plan', () => {
    const content = seedContent();
    const [first, ...rest] = content.plans;
    const edited = buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} Đã sửa đổi.` } }, ...rest] });
    const afterEdit = read(edited, '/', 'code-1');
    expect([afterEdit.built, afterEdit.hits]).toEqual([1, fresh.length - 1]);
    const record = afterEdit.records.find((r) => r.url.includes(first!.slug))!;
    expect('text' in record.stored && record.stored.text).toContain('Đã sửa đổi.');
    expect(files()).toHaveLength(fresh.length);
    expect(read(edited, '/', 'code-2').built).toBe(fresh.length);
    expect(read(edited, '/ke-hoach-mo/', 'code-2').built).toBe(fresh.length);
    expect(files()).toHaveLength(fresh.length);
  });

  it('builds a record again when its file is cut short, belongs to another key or lacks its stored result, and drops files of older layouts', () => {
    read(catalog, '/', 'code-1');
    const [one, two, three] = files();
    writeFileSync(one!, '{"key":"x","url":');
    writeFileSync(two!, JSON.stringify({ key: 'another key', url: '/', html: '', terms: [] }));
    rmSync(three!.replace(/\.json$/, '.gz'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '4a.json'), '[]');
    const again = read(catalog, '/', 'code-1');
    expect([again.built, again.hits]).toEqual([3, fresh.length - 3]);
    expect(again.records).toEqual(fresh);
    expect(allFiles()).toHaveLength(2 * fresh.length);
  });

  it('reads a part of the catalog without deleting the records of the other plans, which pruning keeps while they are in the catalog', () => {
    read(catalog, '/', 'code-1');
    const [first, second] = catalog.plans;
    const { records, stats } = cachedSearchRecords(catalog, '/', dir, 'code-1', [second!, first!]);
    expect([...records].map((r) => r.url)).toEqual([second!, first!].map((plan) => fresh[catalog.plans.indexOf(plan)]!.url));
    expect(stats).toEqual({ hits: 2, built: 0 });
    expect(files()).toHaveLength(fresh.length);
    pruneSearchRecords(catalog, '/', dir, 'code-1');
    expect(files()).toHaveLength(fresh.length);
    const content = seedContent();
    const fewer = buildCatalog({ ...content, plans: content.plans.filter((p) => p.slug !== first!.slug) });
    pruneSearchRecords(fewer, '/', dir, 'code-1');
    expect(files()).toHaveLength(fresh.length - 1);
    pruneSearchRecords(fewer, '/', dir, 'code-2');
    expect(allFiles()).toEqual([]);
  });
});

describe('recordCachePruning', () => {
  const ledgerDir = mkdtempSync(join(tmpdir(), 'search-ledger-'));
  afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));
  const records = () => readdirSync(ledgerDir, { recursive: true }).map(String).filter((name) => name.endsWith('.json') && name !== PRUNE_LEDGER).length;
  const ledger = () => (JSON.parse(readFileSync(join(ledgerDir, PRUNE_LEDGER), 'utf8')) as { files: number }).files;
  /** One build's records, pruned as the index prunes them (in the wait, after the records are built). */
  function build(catalog: Catalog, code = 'code-1', allowed = 1) {
    const pruning = recordCachePruning(catalog, '/', ledgerDir, code, allowed);
    const { records: stream, stats } = cachedSearchRecords(catalog, '/', ledgerDir, code);
    [...stream];
    const pruned = pruning.prune(stats.built);
    pruning.close(stats.built);
    return { pruned, built: stats.built };
  }
  const content = seedContent();
  const edited = (plans: number, times: number) =>
    buildCatalog({ ...content, plans: content.plans.map((plan, i) => (i < plans ? { ...plan, data: { ...plan.data, summary: `${plan.data.summary} Sửa lần ${times}.` } } : plan)) });

  it('prunes a cache it has no ledger of, then only once the records left behind by edits are more than it allows', () => {
    const catalog = seedCatalog();
    const plans = catalog.plans.length;
    expect(build(catalog)).toEqual({ pruned: true, built: plans });
    expect([records(), ledger()]).toEqual([plans, plans]);
    expect(build(catalog)).toEqual({ pruned: false, built: 0 });
    // Each edit leaves its plan's old record behind: one is allowed, three are not.
    expect(build(edited(1, 1))).toEqual({ pruned: false, built: 1 });
    expect([records(), ledger()]).toEqual([plans + 1, plans + 1]);
    expect(build(edited(1, 1))).toEqual({ pruned: false, built: 0 });
    expect(build(edited(2, 2))).toEqual({ pruned: true, built: 2 });
    expect([records(), ledger()]).toEqual([plans, plans]);
  });

  it('counts a deleted plan as left behind, and prunes for another code at once', () => {
    build(seedCatalog(), 'code-1', 0);
    const fewer = buildCatalog({ ...content, plans: content.plans.slice(1) });
    expect(build(fewer, 'code-1', 0)).toEqual({ pruned: true, built: 0 });
    expect(records()).toBe(fewer.plans.length);
    expect(build(fewer, 'code-2', 1000)).toEqual({ pruned: true, built: fewer.plans.length });
    expect([records(), ledger()]).toEqual([fewer.plans.length, fewer.plans.length]);
  });

  it('writes no ledger when it neither pruned nor had one to count from', () => {
    rmSync(ledgerDir, { recursive: true, force: true });
    mkdirSync(ledgerDir);
    const pruning = recordCachePruning(seedCatalog(), '/', ledgerDir, 'code-1');
    pruning.close(0);
    expect(readdirSync(ledgerDir)).toEqual([]);
  });
});
