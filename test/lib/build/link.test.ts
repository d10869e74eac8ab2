import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';

// rmSync passes through, except where a test makes it fail as a read-only folder would.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, rmSync: vi.fn(actual.rmSync) };
});
import { join } from 'node:path';
import { linkOrCopySync, linkOverSync, linkTree, moveFolderSync, removeOtherFilesSync, replaceFile, replaceFileSync, replaceWithLinkSync } from '../../../src/lib/build/link';
import { tempDir, writeFileIn } from '../../support/temp-dir';

describe('linkOrCopySync and replaceFile', () => {
  it('links a cached file into an out dir, and a replaced cache file leaves the published one as it was', async () => {
    const dir = tempDir('link-');
    const cached = join(dir, 'cache', 'page.html');
    const published = join(dir, 'dist', 'page.html');
    mkdirSync(join(dir, 'cache'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(cached, 'bản cũ');
    linkOrCopySync(cached, published);
    expect(statSync(published).ino).toBe(statSync(cached).ino);
    expect(statSync(cached).nlink).toBe(2);

    await replaceFile(cached, 'bản mới');
    expect(readFileSync(cached, 'utf8')).toBe('bản mới');
    expect(readFileSync(published, 'utf8'), 'the published site keeps its bytes').toBe('bản cũ');
    expect(statSync(published).nlink).toBe(1);
    expect(readdirSync(join(dir, 'cache')), 'no temporary file is left').toEqual(['page.html']);
  });

  it('replaceFile and replaceFileSync make the folder they write into, and write into one that exists', async () => {
    const dir = tempDir('link-');
    await replaceFile(join(dir, 'a', 'b', 'c.txt'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(join(dir, 'a', 'b', 'c.txt'))]).toEqual([1, 2, 3]);
    await replaceFile(join(dir, 'a', 'b', 'd.txt'), 'd');
    replaceFileSync(join(dir, 'x', 'y', 'z.txt'), 'z');
    replaceFileSync(join(dir, 'x', 'y', 'z.txt'), 'z2');
    expect(readFileSync(join(dir, 'x', 'y', 'z.txt'), 'utf8')).toBe('z2');
    expect(readdirSync(join(dir, 'a', 'b')).sort()).toEqual(['c.txt', 'd.txt']);
    expect(readdirSync(join(dir, 'x', 'y')), 'no temporary file is left').toEqual(['z.txt']);
  });

  it('replaceFile and replaceFileSync fail where a file stands in the folder’s place', async () => {
    const dir = tempDir('link-');
    writeFileSync(join(dir, 'a'), '');
    await expect(replaceFile(join(dir, 'a', 'b.txt'), 'b')).rejects.toThrow(/ENOTDIR/);
    expect(() => replaceFileSync(join(dir, 'a', 'b', 'c.txt'), 'c')).toThrow(/ENOTDIR/);
  });

  it('replaceWithLinkSync makes a file the same as another, in a new folder or over an old file a published link keeps', () => {
    const dir = tempDir('link-');
    writeFileSync(join(dir, 'page.html'), 'bản mới');
    writeFileSync(join(dir, 'old.html'), 'bản cũ');
    expect(replaceWithLinkSync(join(dir, 'old.html'), join(dir, 'cache', 'a', 'page.html'))).toBe(true);
    linkOrCopySync(join(dir, 'cache', 'a', 'page.html'), join(dir, 'published.html'));
    expect(replaceWithLinkSync(join(dir, 'page.html'), join(dir, 'cache', 'a', 'page.html'))).toBe(true);
    expect(statSync(join(dir, 'cache', 'a', 'page.html')).ino).toBe(statSync(join(dir, 'page.html')).ino);
    expect(readFileSync(join(dir, 'published.html'), 'utf8')).toBe('bản cũ');
    expect(readdirSync(join(dir, 'cache', 'a')), 'no temporary file is left').toEqual(['page.html']);
    expect(() => replaceWithLinkSync(join(dir, 'missing'), join(dir, 'cache', 'b.html'))).toThrow(/ENOENT/);
  });

  it('linkOverSync links where nothing is, replaces another file without writing into it, and leaves the same file be', () => {
    const dir = tempDir('link-');
    const source = join(dir, 'cache', 'card.png');
    const out = join(dir, 'dist', 'card.png');
    const published = join(dir, 'published.png');
    mkdirSync(join(dir, 'cache'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(source, 'thẻ mới');
    writeFileSync(out, 'thẻ cũ');
    linkOrCopySync(out, published);
    linkOverSync(source, out);
    expect(statSync(out).ino).toBe(statSync(source).ino);
    expect(readFileSync(published, 'utf8'), 'the old file keeps its bytes').toBe('thẻ cũ');
    linkOverSync(source, out);
    expect(statSync(source).nlink).toBe(2);
    linkOverSync(source, join(dir, 'dist', 'other.png'));
    expect(readFileSync(join(dir, 'dist', 'other.png'), 'utf8')).toBe('thẻ mới');
    expect(() => linkOverSync(join(dir, 'cache', 'gone.png'), join(dir, 'dist', 'gone.png'))).toThrow(/ENOENT/);
  });

  it('fails on a missing source rather than publishing nothing', async () => {
    const dir = tempDir('link-');
    expect(() => linkOrCopySync(join(dir, 'missing'), join(dir, 'out'))).toThrow(/ENOENT/);
  });
});

describe('linkTree', () => {
  it('links every file at its relative path, making folders, and leaves out what skip names', () => {
    const dir = tempDir('link-');
    const source = join(dir, 'part');
    mkdirSync(join(source, 'index'), { recursive: true });
    mkdirSync(join(source, 'fragment'), { recursive: true });
    writeFileSync(join(source, 'entry.json'), '{}');
    writeFileSync(join(source, 'index', 'a.pf_index'), 'A');
    writeFileSync(join(source, 'fragment', 'x.pf_fragment'), 'X');
    writeFileSync(join(source, 'phan.json'), '{}');
    const target = join(dir, 'out', 'nam-2024');
    const count = linkTree(source, target, (path) => path === 'fragment' || path === 'phan.json');
    expect(count).toBe(2);
    expect(readdirSync(target, { recursive: true }).map(String).sort()).toEqual(['entry.json', 'index', join('index', 'a.pf_index')]);
    expect(statSync(join(target, 'index', 'a.pf_index')).ino).toBe(statSync(join(source, 'index', 'a.pf_index')).ino);
  });
});

describe('moveFolderSync', () => {
  it('moves a folder of links into an out dir with one rename, making its parent', () => {
    const dir = tempDir('move-');
    writeFileIn(join(dir, 'cache', 'a.png'), 'PNG a');
    writeFileIn(join(dir, 'cache', 'b.png'), 'PNG b');
    linkTree(join(dir, 'cache'), join(dir, 'staging', 'og'));
    expect(moveFolderSync(join(dir, 'staging', 'og'), join(dir, 'out', 'site', 'og'))).toBe(true);
    expect(readdirSync(join(dir, 'out', 'site', 'og')).sort()).toEqual(['a.png', 'b.png']);
    expect(statSync(join(dir, 'out', 'site', 'og', 'a.png')).ino, 'still the cached file').toBe(statSync(join(dir, 'cache', 'a.png')).ino);
    expect(readdirSync(join(dir, 'staging'))).toEqual([]);
  });

  it('moves nothing and says so when the folder is missing or the destination holds files already', () => {
    const dir = tempDir('move-');
    expect(moveFolderSync(join(dir, 'missing'), join(dir, 'out', 'og'))).toBe(false);
    writeFileIn(join(dir, 'staging', 'og', 'a.png'), 'PNG a');
    writeFileIn(join(dir, 'out', 'og', 'kept.png'), 'PNG kept');
    expect(moveFolderSync(join(dir, 'staging', 'og'), join(dir, 'out', 'og'))).toBe(false);
    expect(readdirSync(join(dir, 'out', 'og'))).toEqual(['kept.png']);
    expect(readdirSync(join(dir, 'staging', 'og'))).toEqual(['a.png']);
  });
});

describe('removeOtherFilesSync', () => {
  it('removes every file under the folder but those kept and a writer\'s temporary file, and the links to them keep their bytes', () => {
    const cache = tempDir('cache-');
    const published = tempDir('published-');
    for (const name of ['ab/kept.bin', 'ab/old.bin', 'cd/old.bin', 'cd/new.bin.123-4.tmp', 'top.png']) writeFileIn(join(cache, name), name);
    linkOrCopySync(join(cache, 'ab/old.bin'), join(published, 'old.bin'));
    expect(removeOtherFilesSync(cache, new Set([join(cache, 'ab/kept.bin'), join(cache, 'top.png')]))).toBe(2);
    expect(readdirSync(cache, { recursive: true }).map(String).sort()).toEqual(['ab', 'ab/kept.bin', 'cd', 'cd/new.bin.123-4.tmp', 'top.png']);
    expect(readFileSync(join(published, 'old.bin'), 'utf8')).toBe('ab/old.bin');
  });

  it('leaves a file it cannot remove, as in a read-only cache, and goes on', () => {
    const cache = tempDir('cache-');
    for (const name of ['a.bin', 'b.bin']) writeFileIn(join(cache, name), name);
    vi.mocked(rmSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(removeOtherFilesSync(cache, new Set())).toBe(1);
    expect(readdirSync(cache)).toHaveLength(1);
  });
});
