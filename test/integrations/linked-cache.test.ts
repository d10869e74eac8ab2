import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import linkedCache, { finishRestores, patchIncrementalCache } from '../../src/integrations/linked-cache';
import { tempDir } from '../support/temp-dir';

interface PatchedCache {
  restoreOutputFile(settings: object, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: object, outputFile: string, body: string | Uint8Array): Promise<void>;
}

/** Astro's own cache class, patched, and a build's cache and out dir in a temporary folder. */
function cacheAndOutDir() {
  expect(patchIncrementalCache()).toBe(true);
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('astro/package.json')), 'dist/core/build/incremental.js');
  const { IncrementalBuildCache } = require(file) as { IncrementalBuildCache: { prototype: PatchedCache } };
  const root = tempDir('linked-cache-');
  const out = pathToFileURL(join(root, 'dist/'));
  const settings = { config: { cacheDir: pathToFileURL(join(root, 'cache/')), outDir: out } };
  return { cache: Object.create(IncrementalBuildCache.prototype) as PatchedCache, settings, out, root };
}

describe("Astro's incremental cache, patched to link", () => {
  it('restores a cached page as a link to the cached copy', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    await cache.writeOutputFile(settings, 'ke-hoach/a/index.html', '<h1>Kế hoạch A</h1>');
    const target = new URL('ke-hoach/a/index.html', out);
    expect(await cache.restoreOutputFile(settings, 'ke-hoach/a/index.html', target)).toBe(true);
    // The link is made by a thread of its own: the build waits for it after the page loop.
    await finishRestores();
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
    await finishRestores();
    await cache.writeOutputFile(settings, 'index.html', 'mới');
    expect(readFileSync(published, 'utf8')).toBe('cũ');
  });

  it('keeps the page Astro has just written as its cached copy, linked, and a published link to the old copy keeps its bytes', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    // Build 1 writes the page, then its cached copy; build 2 restores it into its own out dir.
    mkdirSync(new URL('ke-hoach/a/', out), { recursive: true });
    writeFileSync(new URL('ke-hoach/a/index.html', out), '<h1>Bản 1</h1>');
    await cache.writeOutputFile(settings, 'ke-hoach/a/index.html', '<h1>Bản 1</h1>');
    const copy = join(root, 'cache/dist/ke-hoach/a/index.html');
    expect(statSync(copy).ino, 'the cached copy is the written page').toBe(statSync(new URL('ke-hoach/a/index.html', out)).ino);
    const published = new URL('published/ke-hoach/a/index.html', pathToFileURL(`${root}/`));
    expect(await cache.restoreOutputFile(settings, 'ke-hoach/a/index.html', published)).toBe(true);
    await finishRestores();
    // Build 3 renders the page again into a new out dir.
    const next = pathToFileURL(join(root, 'dist-3/'));
    mkdirSync(new URL('ke-hoach/a/', next), { recursive: true });
    writeFileSync(new URL('ke-hoach/a/index.html', next), '<h1>Bản 2 dài hơn</h1>');
    await cache.writeOutputFile({ config: { ...settings.config, outDir: next } }, 'ke-hoach/a/index.html', '<h1>Bản 2 dài hơn</h1>');
    expect(readFileSync(copy, 'utf8')).toBe('<h1>Bản 2 dài hơn</h1>');
    expect(statSync(copy).ino).toBe(statSync(new URL('ke-hoach/a/index.html', next)).ino);
    expect(readFileSync(published, 'utf8'), 'the published page keeps its bytes').toBe('<h1>Bản 1</h1>');
  });

  it('restores thousands of pages into their folders, and fails the build naming a page whose copy could not be put in place', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    const pages = Array.from({ length: 3000 }, (_, i) => `ke-hoach/k-${i}/index.html`);
    for (const [i, page] of pages.entries()) await cache.writeOutputFile(settings, page, `<h1>Kế hoạch ${i}</h1>`);
    for (const page of pages) expect(await cache.restoreOutputFile(settings, page, new URL(page, out))).toBe(true);
    await finishRestores();
    for (const [i, page] of pages.entries()) {
      expect(readFileSync(new URL(page, out), 'utf8')).toBe(`<h1>Kế hoạch ${i}</h1>`);
      if (i % 500 === 0) expect(statSync(new URL(page, out)).ino).toBe(statSync(join(root, 'cache/dist', page)).ino);
    }
    // The out dir already holds the page (a restore must never write over a file): the build fails.
    expect(await cache.restoreOutputFile(settings, pages[7]!, new URL(pages[7]!, out))).toBe(true);
    await expect(finishRestores()).rejects.toThrow(/1 tệp[^]*k-7\/index\.html/);
    // The next build's restores work again.
    const next = pathToFileURL(join(root, 'dist-2/'));
    expect(await cache.restoreOutputFile(settings, pages[7]!, new URL(pages[7]!, next))).toBe(true);
    await finishRestores();
    expect(readFileSync(new URL(pages[7]!, next), 'utf8')).toBe('<h1>Kế hoạch 7</h1>');
  });

  it("answers Astro's \"already in the out dir?\" from a listing while the page loop runs", async () => {
    const { cache, settings, out } = cacheAndOutDir();
    const hooks = linkedCache().hooks as Record<string, (options: object) => unknown>;
    await cache.writeOutputFile(settings, 'ke-hoach/a/index.html', '<h1>A</h1>');
    await cache.writeOutputFile(settings, 'ke-hoach/b/index.html', '<h1>B</h1>');
    mkdirSync(out, { recursive: true });
    writeFileSync(new URL('robots.txt', out), 'User-agent: *');
    hooks['astro:build:start']!({ logger: { warn: () => {} } });
    try {
      expect(await cache.restoreOutputFile(settings, 'ke-hoach/a/index.html', new URL('ke-hoach/a/index.html', out))).toBe(true);
      // Astro asks with URLs: restored and public files are there, a page not yet written is not,
      // even one put on disk behind the listing's back (so the answer is not the disk's).
      expect(fs.existsSync(new URL('ke-hoach/a/index.html', out))).toBe(true);
      expect(fs.existsSync(new URL('robots.txt', out))).toBe(true);
      mkdirSync(new URL('ke-hoach/c/', out), { recursive: true });
      writeFileSync(new URL('ke-hoach/c/index.html', out), 'x');
      expect(fs.existsSync(new URL('ke-hoach/c/index.html', out))).toBe(false);
      // A page Astro renders and writes is seen at once.
      await fs.promises.mkdir(new URL('ke-hoach/d/', out), { recursive: true });
      await fs.promises.writeFile(new URL('ke-hoach/d/index.html', out), '<h1>D</h1>');
      expect(fs.existsSync(new URL('ke-hoach/d/index.html', out))).toBe(true);
      await hooks['astro:build:generated']!({});
      // The loop is over: the file system answers again.
      expect(fs.existsSync(new URL('ke-hoach/c/index.html', out))).toBe(true);
      expect(fs.existsSync(new URL('ke-hoach/b/index.html', out))).toBe(false);
    } finally {
      await hooks['astro:build:done']!({});
    }
  });

  it('hands the pages Astro writes once its page loop has begun to the thread, with their cached copies, and has them all in place when the loop ends', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    const hooks = linkedCache().hooks as Record<string, (options: object) => unknown>;
    // As Astro writes a page it renders (astro/dist/core/build/generate.js).
    const render = async (page: string, body: string) => {
      await fs.promises.mkdir(dirname(new URL(page, out).pathname), { recursive: true });
      await fs.promises.writeFile(new URL(page, out), body);
      await cache.writeOutputFile(settings, page, body);
    };
    hooks['astro:config:done']!({ config: { outDir: out } });
    hooks['astro:build:start']!({ logger: { warn: () => {} } });
    try {
      // The bundler's code, written before the loop, is there at once: the loop imports it.
      await fs.promises.mkdir(new URL('chunks/', out), { recursive: true });
      await fs.promises.writeFile(new URL('chunks/page.mjs', out), 'export {}');
      expect(readFileSync(new URL('chunks/page.mjs', out), 'utf8')).toBe('export {}');
      // The first page rendered is written at once; its keeping in the cache tells that the loop has begun.
      await render('index.html', '<h1>Trang chủ</h1>');
      expect(readFileSync(new URL('index.html', out), 'utf8')).toBe('<h1>Trang chủ</h1>');
      // In the loop, a page's folder is made by the thread with its page, not when Astro asks for it.
      await fs.promises.mkdir(new URL('ke-hoach/truoc/', out), { recursive: true });
      expect(existsSync(new URL('ke-hoach/truoc/', out)), 'a folder handed to the thread').toBe(false);
      await fs.promises.writeFile(new URL('ke-hoach/truoc/index.html', out), '<h1>Trước</h1>');
      const pages = Array.from({ length: 600 }, (_, i) => `ke-hoach/k-${i}/index.html`);
      for (const [i, page] of pages.entries()) await render(page, `<h1>Kế hoạch ${i}</h1>`);
      // A file of megabytes (a whole table) is written at once, into the folder handed off.
      const table = Buffer.alloc(3 * 1024 * 1024, 'a');
      await fs.promises.mkdir(new URL('api/v1/', out), { recursive: true });
      await fs.promises.writeFile(new URL('api/v1/bang.csv', out), table);
      expect(statSync(new URL('api/v1/bang.csv', out)).size).toBe(table.length);
      await cache.writeOutputFile(settings, 'api/v1/bang.csv', table);
      // A write outside the out dir (the build's own records) is not the loop's.
      await fs.promises.writeFile(join(root, 'ghi-chep.json'), '{}');
      expect(existsSync(join(root, 'ghi-chep.json'))).toBe(true);
      await hooks['astro:build:generated']!({});
      expect(readFileSync(new URL('ke-hoach/truoc/index.html', out), 'utf8')).toBe('<h1>Trước</h1>');
      for (const [i, page] of pages.entries()) {
        expect(readFileSync(new URL(page, out), 'utf8')).toBe(`<h1>Kế hoạch ${i}</h1>`);
        expect(statSync(join(root, 'cache/dist', page)).ino, 'the cached copy is the written page').toBe(statSync(new URL(page, out)).ino);
      }
      expect(statSync(join(root, 'cache/dist/api/v1/bang.csv')).ino).toBe(statSync(new URL('api/v1/bang.csv', out)).ino);
      // After the loop, writes are made at once again.
      await fs.promises.writeFile(new URL('sau.html', out), 'sau');
      expect(readFileSync(new URL('sau.html', out), 'utf8')).toBe('sau');
    } finally {
      await hooks['astro:build:done']!({});
    }
  });

  it('fails the build naming a page it could not write', async () => {
    const { cache, settings, out } = cacheAndOutDir();
    const hooks = linkedCache().hooks as Record<string, (options: object) => unknown>;
    hooks['astro:config:done']!({ config: { outDir: out } });
    hooks['astro:build:start']!({ logger: { warn: () => {} } });
    try {
      await cache.writeOutputFile(settings, 'a.html', 'a');
      // A folder where the page should be: the write fails on the thread.
      mkdirSync(new URL('ke-hoach/x/index.html', out), { recursive: true });
      await fs.promises.writeFile(new URL('ke-hoach/x/index.html', out), 'x');
      await expect(hooks['astro:build:generated']!({})).rejects.toThrow(/1 tệp[^]*ke-hoach\/x\/index\.html/);
    } finally {
      await hooks['astro:build:done']!({});
    }
  });

  it('writes a copy when the out dir holds no such page, or one of another size', async () => {
    const { cache, settings, out, root } = cacheAndOutDir();
    await cache.writeOutputFile(settings, 'a.json', '{"a":1}');
    expect(readFileSync(join(root, 'cache/dist/a.json'), 'utf8')).toBe('{"a":1}');
    expect(existsSync(new URL('a.json', out))).toBe(false);
    mkdirSync(out, { recursive: true });
    writeFileSync(new URL('b.json', out), '{"b":22}');
    await cache.writeOutputFile(settings, 'b.json', new TextEncoder().encode('{"b":2}'));
    expect(readFileSync(join(root, 'cache/dist/b.json'), 'utf8')).toBe('{"b":2}');
    expect(statSync(join(root, 'cache/dist/b.json')).ino).not.toBe(statSync(new URL('b.json', out)).ino);
  });
});
