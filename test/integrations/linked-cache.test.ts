import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { patchIncrementalCache } from '../../src/integrations/linked-cache';
import { tempDir } from '../support/temp-dir';

interface PatchedCache {
  restoreOutputFile(settings: object, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: object, outputFile: string, body: string): Promise<void>;
}

/** Astro's own cache class, patched, and a build's cache and out dir in a temporary folder. */
function cacheAndOutDir() {
  expect(patchIncrementalCache()).toBe(true);
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('astro/package.json')), 'dist/core/build/incremental.js');
  const { IncrementalBuildCache } = require(file) as { IncrementalBuildCache: { prototype: PatchedCache } };
  const root = tempDir('linked-cache-');
  const settings = { config: { cacheDir: pathToFileURL(join(root, 'cache/')) } };
  const out = pathToFileURL(join(root, 'dist/'));
  return { cache: Object.create(IncrementalBuildCache.prototype) as PatchedCache, settings, out, root };
}

describe("Astro's incremental cache, patched to link", () => {
  it('restores a cached page as a link to the cached copy', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    await cache.writeOutputFile(settings, 'ke-hoach/a/index.html', '<h1>Kế hoạch A</h1>');
    const target = new URL('ke-hoach/a/index.html', out);
    expect(await cache.restoreOutputFile(settings, 'ke-hoach/a/index.html', target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('<h1>Kế hoạch A</h1>');
    expect(statSync(target).ino).toBe(statSync(join(root, 'cache/dist/ke-hoach/a/index.html')).ino);
  });

  it('answers false, leaving no file, for a page the cache has no copy of', async () => {
    const { cache, settings, out } = cacheAndOutDir();
    const target = new URL('ke-hoach/b/index.html', out);
    expect(await cache.restoreOutputFile(settings, 'ke-hoach/b/index.html', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('writes a new cached copy by renaming, so a published link keeps the old bytes', async () => {
    const { cache, settings, out } = cacheAndOutDir();
    await cache.writeOutputFile(settings, 'index.html', 'cũ');
    const published = new URL('index.html', out);
    await cache.restoreOutputFile(settings, 'index.html', published);
    await cache.writeOutputFile(settings, 'index.html', 'mới');
    expect(readFileSync(published, 'utf8')).toBe('cũ');
  });
});
