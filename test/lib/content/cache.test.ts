import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cached, cachedRecord, cacheKey, contentCacheRoot, CONTENT_CACHE_ENV, pipelineFingerprint, recordPack, recordShards, RECORD_SHARDS, storeRecord } from '../../../src/lib/content/cache';
import { root } from '../../support/build';

const unique = () => cacheKey('test', String(process.pid), String(Math.random()));

describe('content cache', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('computes once per key; the record comes back with undefined array items intact', () => {
    const key = unique();
    const compute = vi.fn(() => ({ fields: ['a', undefined, 'c'], n: 1 }));
    expect(cached('test', key, compute)).toEqual({ fields: ['a', undefined, 'c'], n: 1 });
    const again = cached('test', key, compute);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(again.fields).toHaveLength(3);
    expect(1 in again.fields).toBe(true);
    expect(again.fields[1]).toBeUndefined();
  });

  it('keys depend on every part and on the code (the fingerprint), not on how parts are split', () => {
    expect(pipelineFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('a', 'b')).toBe(cacheKey('a', 'b'));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('a', 'c'));
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
  });

  it(`${CONTENT_CACHE_ENV}=off computes every time`, () => {
    vi.stubEnv(CONTENT_CACHE_ENV, 'off');
    const key = unique();
    const compute = vi.fn(() => 1);
    cached('test', key, compute);
    cached('test', key, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('records of other code are removed when this code first writes', async () => {
    const stale = join(contentCacheRoot(), '0000000000000000');
    mkdirSync(join(stale, 'files'), { recursive: true });
    vi.resetModules();
    const fresh = await import('../../../src/lib/content/cache');
    fresh.cached('test', unique(), () => 1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(fresh.contentCacheRoot(), fresh.pipelineFingerprint()!.slice(0, 16), 'test'))).toBe(true);
  });
});

describe('recordPack', () => {
  const saved = (key: string) => cachedRecord<Map<string, number>>('test-packs', key);

  it('answers from the pack kept under its key, and saves what was used and added with it', () => {
    const key = unique();
    storeRecord('test-packs', key, new Map([['a', 1], ['b', 2], ['c', 3]]));
    const pack = recordPack<number>('test-packs', key);
    expect(recordPack('test-packs', key), 'one pack per key in the process').toBe(pack);
    expect([pack.get('a'), pack.get('z')]).toEqual([1, undefined]);
    pack.save();
    expect(saved(key), 'nothing added: not written').toEqual(new Map([['a', 1], ['b', 2], ['c', 3]]));
    pack.set('b', 2);
    pack.save();
    expect(saved(key)!.size, 'an entry set to what it was: not written').toBe(3);
    pack.set('d', 4);
    pack.save();
    expect(saved(key)).toEqual(new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4]]));
  });

  it('drops the entries it read when they outnumber those used twice over', () => {
    const key = unique();
    storeRecord('test-packs', key, new Map(Array.from({ length: 10 }, (_, i) => [`old-${i}`, i])));
    const pack = recordPack<number>('test-packs', key);
    expect(pack.get('old-3')).toBe(3);
    pack.set('new', 99);
    pack.save();
    expect(saved(key)).toEqual(new Map([['old-3', 3], ['new', 99]]));
  });
});

describe('recordShards', () => {
  // A namespace of its own, so that the shards this test writes can be listed and removed.
  const namespace = `test-shards-${process.pid}`;
  const folder = () => join(contentCacheRoot(), pipelineFingerprint()!.slice(0, 16), namespace);
  const written = () =>
    readdirSync(folder(), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => [name, statSync(join(folder(), name)).ino] as const);
  afterAll(() => rmSync(folder(), { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());
  const names = Array.from({ length: 2000 }, (_, i) => `plans/${2015 + (i % 10)}/ke-hoach-${i}.mdx`);

  it('gives back what the last pass kept, under its key only, as a copy', () => {
    const key = unique();
    const first = recordShards<{ title: string; seen: number[] }>(namespace, key);
    for (const [i, name] of names.entries()) {
      expect(first.get(name, `k${i}`)).toBeUndefined();
      first.set(name, `k${i}`, { title: `Kế hoạch số ${i}`, seen: [i] });
    }
    first.save();
    expect(written().length, 'one record per shard, not per entry').toBe(RECORD_SHARDS);

    const next = recordShards<{ title: string; seen: number[] }>(namespace, key);
    const kept = next.get(names[7]!, 'k7')!;
    expect(kept).toEqual({ title: 'Kế hoạch số 7', seen: [7] });
    kept.seen.push(8);
    expect(next.get(names[7]!, 'k7'), 'what the caller did to a value is not kept').toEqual({ title: 'Kế hoạch số 7', seen: [7] });
    expect(next.get(names[8]!, 'another key'), "another key's record is a miss").toBeUndefined();
    expect(recordShards(namespace, unique()).get(names[7]!, 'k7'), 'shards of another key are not read').toBeUndefined();
  });

  it('writes only the shards a pass changed, without the entries it did not ask for', () => {
    const key = unique();
    const pass = (edit?: (shards: ReturnType<typeof recordShards<number>>) => void) => {
      const shards = recordShards<number>(namespace, key);
      const found = names.map((name, i) => shards.get(name, `k${i}`));
      edit?.(shards);
      shards.save();
      return found;
    };
    pass((shards) => names.forEach((name, i) => shards.set(name, `k${i}`, i)));
    const before = new Map(written());
    expect(pass()).toEqual(names.map((_, i) => i));
    expect(new Map(written()), 'a pass that changed nothing writes nothing').toEqual(before);

    // One entry edited (a new key), one gone (not asked for, as a deleted file is not).
    const gone = names[1]!;
    const shards = recordShards<number>(namespace, key);
    names.forEach((name, i) => name !== gone && shards.get(name, `k${i}`));
    shards.set(names[0]!, 'edited', -1);
    shards.save();
    // A shard is written whole and renamed into place: a rewritten one is a new file.
    const rewritten = written().filter(([name, ino]) => before.get(name) !== ino);
    expect(rewritten.length, 'the shards of the edited and the gone entry').toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);

    const after = recordShards<number>(namespace, key);
    expect([after.get(names[0]!, 'k0'), after.get(names[0]!, 'edited'), after.get(gone, 'k1'), after.get(names[2]!, 'k2')]).toEqual([undefined, -1, undefined, 2]);
  });

  it(`keeps nothing with ${CONTENT_CACHE_ENV}=off`, () => {
    vi.stubEnv(CONTENT_CACHE_ENV, 'off');
    const key = unique();
    const shards = recordShards<number>(namespace, key);
    shards.set('a', 'k', 1);
    shards.save();
    expect(recordShards<number>(namespace, key).get('a', 'k')).toBeUndefined();
  });
});
