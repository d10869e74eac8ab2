import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cached, cachedBytes, cachedRecord, cacheKey, contentCacheRoot, CONTENT_CACHE_ENV, holdsBytes, pipelineFingerprint, pruneBytes, recordPack, storeBytes, storeRecord } from '../../../src/lib/content/cache';
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

describe('holdsBytes', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells whether a namespace holds any stored bytes, and not once a prune has emptied it', () => {
    const namespace = `test-holds-${process.pid}-${Math.random().toString(36).slice(2)}`;
    expect(holdsBytes(namespace)).toBe(false);
    const key = unique();
    storeBytes(namespace, key, [Buffer.from('một '), Buffer.from('hai')]);
    expect(holdsBytes(namespace)).toBe(true);
    expect(cachedBytes(namespace, key)?.toString('utf8'), 'pieces stored in order').toBe('một hai');
    expect(pruneBytes(namespace, new Set())).toBe(1);
    expect(holdsBytes(namespace), 'the key folders a prune leaves hold nothing').toBe(false);
    storeBytes(namespace, key, Buffer.from('ba'));
    vi.stubEnv(CONTENT_CACHE_ENV, 'off');
    expect(holdsBytes(namespace)).toBe(false);
    vi.unstubAllEnvs();
    pruneBytes(namespace, new Set());
  });
});
