import { describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adoptedDigests, fileDigests, filesUnder, folderDigests, forgetAdoptedDigests } from '../../../src/lib/build/digest-cache';
import { sha256Hex } from '../../../src/lib/opendata/checksums';
import { tempDir } from '../../support/temp-dir';

describe('fileDigests', () => {
  it('reads only files whose inode, size or modification time changed since the recorded call', async () => {
    const dir = tempDir('digests-');
    const record = join(dir, 'cache', 'checksums.json');
    const first = join(dir, 'build-1');
    mkdirSync(join(first, 'plans'), { recursive: true });
    writeFileSync(join(first, 'plans.csv'), 'a,b\n');
    writeFileSync(join(first, 'plans', 'x.json'), '{"x":1}');
    const files = ['plans.csv', join('plans', 'x.json')];

    expect(await fileDigests(first, files, record)).toEqual({ digests: [sha256Hex('a,b\n'), sha256Hex('{"x":1}')], read: 2 });
    expect((await fileDigests(first, files, record)).read, 'nothing changed').toBe(0);

    // The next build's staging folder: one file linked from before (the same inode), one written anew
    // with the same size.
    const second = join(dir, 'build-2');
    mkdirSync(join(second, 'plans'), { recursive: true });
    linkSync(join(first, 'plans.csv'), join(second, 'plans.csv'));
    writeFileSync(join(second, 'plans', 'x.json'), '{"x":2}');
    expect(await fileDigests(second, files, record)).toEqual({ digests: [sha256Hex('a,b\n'), sha256Hex('{"x":2}')], read: 1 });
    // The file just read is recorded with its new digest.
    expect(await fileDigests(second, files, record)).toEqual({ digests: [sha256Hex('a,b\n'), sha256Hex('{"x":2}')], read: 0 });
  });

  it('reads everything when the record is missing or unreadable', async () => {
    const dir = tempDir('digests-');
    writeFileSync(join(dir, 'a.txt'), 'A');
    const record = join(dir, 'record.json');
    writeFileSync(record, '{not json');
    expect(await fileDigests(dir, ['a.txt'], record)).toEqual({ digests: [sha256Hex('A')], read: 1 });
  });

  it('takes the digests it is given as they are: those files are neither read nor recorded', async () => {
    const dir = tempDir('digests-');
    writeFileSync(join(dir, 'a.txt'), 'A');
    writeFileSync(join(dir, 'b.txt'), 'B');
    const record = join(dir, 'record.json');
    // 'gone.txt' does not exist: a given digest is not even checked against a stat.
    const known = new Map([['b.txt', 'given-b'], ['gone.txt', 'given-gone']]);
    expect(await fileDigests(dir, ['a.txt', 'b.txt', 'gone.txt'], record, known)).toEqual({ digests: [sha256Hex('A'), 'given-b', 'given-gone'], read: 1 });
    // Without them, b.txt is read: the record kept only a.txt.
    expect(await fileDigests(dir, ['a.txt', 'b.txt'], record)).toEqual({ digests: [sha256Hex('A'), sha256Hex('B')], read: 1 });
  });
});

describe("fileDigests seeded by another folder's record", () => {
  it("takes a digest from the seed record for a link to the very file it recorded, and reads a file with other bytes", async () => {
    const dir = tempDir('digests-seed-');
    // A cold build's out dir, hashed under api/v1 by the checksums (their record, by path under api/v1).
    const api = join(dir, 'dist', 'api', 'v1');
    mkdirSync(join(api, 'plans'), { recursive: true });
    writeFileSync(join(api, 'plans', 'a.json'), '{"a":1}');
    writeFileSync(join(api, 'plans', 'b.json'), '{"b":1}');
    const checksums = join(dir, 'cache', 'checksums.json');
    expect((await fileDigests(api, [join('plans', 'a.json'), join('plans', 'b.json')], checksums)).read).toBe(2);
    // The next build stages the records by their path under the out dir: a.json linked from the same
    // file, b.json written anew with other bytes of the same size.
    const staged = join(dir, 'staging');
    mkdirSync(join(staged, 'api', 'v1', 'plans'), { recursive: true });
    linkSync(join(api, 'plans', 'a.json'), join(staged, 'api', 'v1', 'plans', 'a.json'));
    writeFileSync(join(staged, 'api', 'v1', 'plans', 'b.json'), '{"b":2}');
    const paths = ['api/v1/plans/a.json', 'api/v1/plans/b.json'];
    const record = join(dir, 'cache', 'staged-checksums.json');
    const seed = { recordFile: checksums, under: 'api/v1/' };
    expect(await fileDigests(staged, paths, record, new Map(), seed)).toEqual({ digests: [sha256Hex('{"a":1}'), sha256Hex('{"b":2}')], read: 1 });
    // Without the seed, both are read; with it, and its own record now, none.
    expect((await fileDigests(staged, paths, join(dir, 'cache', 'other.json'))).read).toBe(2);
    expect((await fileDigests(staged, paths, record, new Map(), seed)).read).toBe(0);
    // A seed for another folder is not looked at.
    expect((await fileDigests(staged, paths, join(dir, 'cache', 'third.json'), new Map(), { recordFile: checksums, under: 'og/' })).read).toBe(2);
  });
});

describe('filesUnder', () => {
  it('lists every file by relative path, folders left out, and takes known files without a stat', () => {
    const dir = tempDir('files-under-');
    mkdirSync(join(dir, 'plans', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'plans.csv'), 'a');
    writeFileSync(join(dir, 'plans', 'x.json'), 'x');
    writeFileSync(join(dir, 'plans', 'deep', 'y.json'), 'y');
    expect(filesUnder(dir).sort()).toEqual(['plans.csv', join('plans', 'deep', 'y.json'), join('plans', 'x.json')].sort());
    // A known path is listed as a file as it is: 'empty' is a folder, yet taken as a file here.
    const asked: string[] = [];
    const known = (path: string) => {
      asked.push(path);
      return path === 'empty' || path === join('plans', 'x.json');
    };
    expect(filesUnder(dir, known).sort()).toEqual(['empty', 'plans.csv', join('plans', 'deep', 'y.json'), join('plans', 'x.json')].sort());
    expect(asked.sort()).toEqual(['empty', 'plans', 'plans.csv', join('plans', 'deep'), join('plans', 'deep', 'y.json'), join('plans', 'x.json')].sort());
  });
});

describe('folderDigests', () => {
  it("takes an adopted file's digest as given, hashes the others, and leaves out what it is told", async () => {
    const out = tempDir('folder-digests-');
    mkdirSync(join(out, 'api', 'v1', 'plans'), { recursive: true });
    writeFileSync(join(out, 'api', 'v1', 'plans.csv'), 'a,b\n');
    writeFileSync(join(out, 'api', 'v1', 'plans', 'x.json'), '{"x":1}');
    writeFileSync(join(out, 'api', 'v1', 'plans', 'y.json'), '{"y":1}');
    writeFileSync(join(out, 'api', 'v1', 'SHA256SUMS'), 'old');
    writeFileSync(join(out, 'elsewhere.txt'), 'not under the folder');
    forgetAdoptedDigests();
    // As adoptStagedSync registers a staged folder: by path under the out dir. A given digest is
    // taken as it is, so a made-up one shows that the file was not read.
    adoptedDigests(out).set('api/v1/plans/x.json', 'given-x');
    adoptedDigests(out).set('og/x.png', 'given-card');
    const record = join(tempDir('folder-digests-record-'), 'checksums.json');
    const { entries, read, given } = await folderDigests(out, 'api/v1', record, ['SHA256SUMS']);
    const byPath = Object.fromEntries(entries.map(({ path, sha256 }) => [path, sha256]));
    expect(byPath).toEqual({ 'plans.csv': sha256Hex('a,b\n'), 'plans/x.json': 'given-x', 'plans/y.json': sha256Hex('{"y":1}') });
    expect({ read, given }).toEqual({ read: 2, given: 1 });
    // Forgotten when the next build starts: then the file is read.
    forgetAdoptedDigests();
    expect(adoptedDigests(out).size).toBe(0);
    const again = await folderDigests(out, 'api/v1', record, ['SHA256SUMS']);
    expect(Object.fromEntries(again.entries.map(({ path, sha256 }) => [path, sha256]))['plans/x.json']).toBe(sha256Hex('{"x":1}'));
    expect({ read: again.read, given: again.given }).toEqual({ read: 1, given: 0 });
  });
});
