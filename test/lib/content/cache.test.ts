import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cached, cacheKey, contentCacheRoot, CONTENT_CACHE_ENV, pipelineFingerprint } from '../../../src/lib/content/cache';
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
