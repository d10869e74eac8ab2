import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishAtomically } from '../../../src/lib/build/atomic';
import { tempDir } from '../../support/temp-dir';

const sandbox = (): string => tempDir('atomic-');

function writeSite(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

describe('publishAtomically', () => {
  it('replaces the out dir with the finished build, leaving no staging or old folder', async () => {
    const parent = sandbox();
    const dist = join(parent, 'dist');
    writeSite(dist, { 'index.html': 'old', 'gone.html': 'old page' });
    await publishAtomically(dist, async (staging) => writeSite(staging, { 'index.html': 'new', 'ke-hoach/a/index.html': 'a' }));
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dist, 'ke-hoach/a/index.html'), 'utf8')).toBe('a');
    expect(existsSync(join(dist, 'gone.html'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('leaves the previous site byte for byte when the build fails half-way, and removes the partial output', async () => {
    const parent = sandbox();
    const dist = join(parent, 'dist');
    writeSite(dist, { 'index.html': 'old', 'ke-hoach/a/index.html': 'a' });
    const failing = publishAtomically(dist, async (staging) => {
      writeSite(staging, { 'index.html': 'half' });
      throw new Error('render failed on /ke-hoach/b/');
    });
    await expect(failing).rejects.toThrow('render failed on /ke-hoach/b/');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old');
    expect(readFileSync(join(dist, 'ke-hoach/a/index.html'), 'utf8')).toBe('a');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('creates the out dir on a first build and refuses a build that wrote nothing', async () => {
    const parent = sandbox();
    const dist = join(parent, 'dist');
    await publishAtomically(dist, async (staging) => writeSite(staging, { 'index.html': 'first' }));
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first');
    await expect(publishAtomically(dist, async () => undefined)).rejects.toThrow(/wrote nothing/);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first');
  });

  it('clears folders a crashed run left beside the out dir', async () => {
    const parent = sandbox();
    const dist = join(parent, 'dist');
    writeSite(join(parent, 'dist.building-99999'), { 'index.html': 'partial' });
    writeSite(join(parent, 'dist.previous-99998'), { 'index.html': 'older' });
    writeSite(join(parent, 'dist.keep'), { 'x': 'not ours' });
    await publishAtomically(dist, async (staging) => writeSite(staging, { 'index.html': 'new' }));
    expect(readdirSync(parent).sort()).toEqual(['dist', 'dist.keep']);
  });

  it('can return as soon as the new site is in place, removing the previous one in the background', async () => {
    const parent = sandbox();
    const dist = join(parent, 'dist');
    writeSite(dist, { 'index.html': 'old', 'ke-hoach/a/index.html': 'a' });
    await publishAtomically(dist, async (staging) => writeSite(staging, { 'index.html': 'new' }), { removePrevious: 'background' });
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(dist, 'ke-hoach'))).toBe(false);
    // The detached remover deletes the previous site shortly after.
    for (let i = 0; i < 100 && readdirSync(parent).length > 1; i++) await new Promise((done) => setTimeout(done, 50));
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
