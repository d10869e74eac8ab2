import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetStaleContentStore, storeMarkerFile } from '../../../src/lib/build/content-store';
import { tempDir } from '../../support/temp-dir';

function setup() {
  const root = tempDir('store-');
  const cache = join(root, '.cache', 'astro');
  mkdirSync(cache, { recursive: true });
  const a = join(root, 'content-a');
  const b = join(root, 'content-b');
  mkdirSync(a);
  mkdirSync(b);
  return { store: join(cache, 'data-store.json'), a, b };
}

describe('resetStaleContentStore', () => {
  it('keeps a store built from the same content folder', () => {
    const { store, a } = setup();
    expect(resetStaleContentStore(store, a)).toBe('none');
    writeFileSync(store, '[]');
    expect(resetStaleContentStore(store, a)).toBe('kept');
    expect(existsSync(store)).toBe(true);
  });

  it('drops the store when KE_HOACH_CONTENT_DIR points at another folder, and records the new one', () => {
    const { store, a, b } = setup();
    resetStaleContentStore(store, a);
    writeFileSync(store, '[]');
    expect(resetStaleContentStore(store, b)).toBe('reset');
    expect(existsSync(store)).toBe(false);
    expect(readFileSync(storeMarkerFile(store), 'utf8').trim()).toBe(b);
  });

  it('drops the store when the folder it was built from no longer exists (content moved)', () => {
    const { store, a } = setup();
    resetStaleContentStore(store, a);
    writeFileSync(store, '[]');
    rmSync(a, { recursive: true });
    expect(resetStaleContentStore(store, a)).toBe('reset');
    expect(existsSync(store)).toBe(false);
  });

  it('records the folder on a cold build, before the cache folder exists, so the next build keeps the store', () => {
    const { store, a } = setup();
    rmSync(join(store, '..'), { recursive: true });
    expect(resetStaleContentStore(store, a)).toBe('none');
    writeFileSync(store, '[]');
    expect(resetStaleContentStore(store, a)).toBe('kept');
  });

  it('drops a store that predates the marker (its folder is unknown)', () => {
    const { store, a } = setup();
    writeFileSync(store, '[]');
    expect(resetStaleContentStore(store, a)).toBe('reset');
  });
});
