import { describe, expect, it } from 'vitest';
import fs, { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerFromListing, OutDirListing, pathOf } from '../../../src/lib/build/out-dir-listing';
import { tempDir } from '../../support/temp-dir';

/** An out dir as Astro's page loop finds it: the bundler's assets and a public file. */
function outDir(): string {
  const root = tempDir('out-dir-listing-');
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, '_astro', 'a.css'), 'body{}');
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *');
  return root;
}

describe('OutDirListing', () => {
  it('holds what the folder held when read, and every file added since with the folders above it', () => {
    const root = outDir();
    const listing = new OutDirListing(root);
    expect([root, join(root, '_astro'), join(root, '_astro', 'a.css'), join(root, 'robots.txt')].every((p) => listing.has(p))).toBe(true);
    expect(listing.has(join(root, 'ke-hoach', 'a', 'index.html'))).toBe(false);
    listing.add(join(root, 'ke-hoach', 'a', 'index.html'));
    expect(listing.has(join(root, 'ke-hoach', 'a', 'index.html'))).toBe(true);
    expect(listing.has(join(root, 'ke-hoach', 'a'))).toBe(true);
    expect(listing.has(join(root, 'ke-hoach'))).toBe(true);
    expect(listing.has(join(root, 'ke-hoach', 'b'))).toBe(false);
    // Outside the out dir: neither held nor added.
    listing.add(join(root, '..', 'elsewhere.html'));
    expect(listing.holds(join(root, '..', 'elsewhere.html'))).toBe(false);
    expect(listing.has(join(root, '..', 'elsewhere.html'))).toBe(false);
    expect(listing.holds(join(root, '..folder', 'x'))).toBe(true);
  });

  it('turns what fs calls take into absolute paths', () => {
    const root = outDir();
    expect(pathOf(pathToFileURL(join(root, 'a b', 'index.html')))).toBe(join(root, 'a b', 'index.html'));
    expect(pathOf(join(root, 'x', '..', 'y'))).toBe(join(root, 'y'));
    expect(pathOf(Buffer.from(join(root, 'z')))).toBe(join(root, 'z'));
    expect(pathOf(3)).toBeUndefined();
    expect(pathOf(new URL('https://example.org/a'))).toBeUndefined();
  });
});

describe('answerFromListing', () => {
  it("answers fs.existsSync of a URL in the out dir from the listing, everything else from the file system, until stopped", () => {
    const root = outDir();
    const listing = new OutDirListing(root);
    const stop = answerFromListing(listing);
    try {
      const page = pathToFileURL(join(root, 'ke-hoach', 'a', 'index.html'));
      // Written behind the listing's back: the listing's answer shows it is not asked of the disk.
      mkdirSync(join(root, 'ke-hoach', 'a'), { recursive: true });
      writeFileSync(page, '<h1>A</h1>');
      expect(fs.existsSync(page)).toBe(false);
      listing.add(join(root, 'ke-hoach', 'b', 'index.html'));
      expect(fs.existsSync(pathToFileURL(join(root, 'ke-hoach', 'b', 'index.html')))).toBe(true);
      expect(fs.existsSync(pathToFileURL(join(root, 'robots.txt')))).toBe(true);
      // Text paths, named imports and URLs outside the out dir go to the file system.
      expect(fs.existsSync(join(root, 'ke-hoach', 'a', 'index.html'))).toBe(true);
      expect(existsSync(page)).toBe(true);
      expect(fs.existsSync(pathToFileURL(join(root, '..')))).toBe(true);
    } finally {
      stop();
    }
    expect(fs.existsSync(pathToFileURL(join(root, 'ke-hoach', 'a', 'index.html')))).toBe(true);
    expect(fs.existsSync(pathToFileURL(join(root, 'ke-hoach', 'b', 'index.html')))).toBe(false);
  });
});
