/**
 * Same content in, byte-identical data out: build the site once more into a private folder and
 * compare every open-data file and feed with DIST_DIR byte for byte. No build time, random id or
 * file-system order may leak into the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dist, listDist, root } from './built-site';

const DATA_PATHS = (files: string[]) => files.filter((p) => p.startsWith('api/v1/') || p === 'feed.xml' || p === 'feed.json');

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function build(outDir: string): Promise<string> {
  // The Node that ships with the project (Astro 7 needs Node 24); the out dir sits inside the
  // project because Astro stages prerender chunks in <cwd>/.astro/ for out dirs outside it.
  const node = join(root, 'node_modules/.bin/node');
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(node, [astro, 'build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`astro build exited with ${code}:\n${output.slice(-3000)}`))));
  });
}

describe('deterministic build', () => {
  let second: string;

  beforeAll(async () => {
    const parent = join(root, 'tmp');
    mkdirSync(parent, { recursive: true });
    second = mkdtempSync(join(parent, 'determinism-'));
    await build(second);
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
