import { describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileDigests } from '../../../src/lib/build/digest-cache';
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
});
