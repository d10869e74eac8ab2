/**
 * Same content in, byte-identical data out: build the site once more into a private folder and
 * compare every open-data file and feed with DIST_DIR byte for byte. No build time, random id or
 * file-system order may leak into the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { buildSite } from '../../support/build';
import { join, relative, sep } from 'node:path';
import { dist, listDist } from '../../support/built-site';

const DATA_PATHS = (files: string[]) => files.filter((p) => p.startsWith('api/v1/') || p === 'feed.xml' || p === 'feed.json');

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('deterministic build', () => {
  let second: string;

  beforeAll(async () => {
    second = await buildSite('determinism');
  }, 300_000);

  afterAll(() => {
    if (second && existsSync(second)) rmSync(second, { recursive: true, force: true });
  });

  it('writes the same data files', () => {
    const first = DATA_PATHS([...listDist('api/v1'), 'feed.xml', 'feed.json'].sort());
    expect(first.length).toBeGreaterThan(20);
    expect(DATA_PATHS(listAll(second))).toEqual(first);
  });

  it('writes every data file byte for byte the same', () => {
    const different = DATA_PATHS(listAll(second)).filter((path) => !readFileSync(join(dist, path)).equals(readFileSync(join(second, path))));
    expect(different).toEqual([]);
  });
});
