import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFilesAside } from '../../../src/lib/build/file-listing';
import { tempDir } from '../../support/temp-dir';

describe('listFilesAside', () => {
  it('lists every file under a folder, at any depth, by absolute path, and no folder', async () => {
    const root = tempDir('file-listing-');
    const files = ['index.html', 'ke-hoach/a/index.html', 'ke-hoach/a/og.png', 'api/v1/plans/a.json', 'tìm-kiếm/index.html'].map((rel) => join(root, rel));
    for (const file of files) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, 'x');
    }
    mkdirSync(join(root, 'trống'));
    expect([...((await listFilesAside(root)) ?? [])].sort()).toEqual([...files].sort());
  });

  it('gives no files for a folder that does not exist (a cold build)', async () => {
    expect((await listFilesAside(join(tempDir('file-listing-'), 'missing')))?.size).toBe(0);
  });
});
