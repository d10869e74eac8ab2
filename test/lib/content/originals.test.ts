import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOriginals, findOriginals } from '../../../src/lib/content/originals';
import { originalFileView } from '../../../src/lib/portal/plan';
import { contentFileDigests } from '../../../src/lib/content/cache';
import { RACY_MS } from '../../../src/lib/build/input-digests';

// Counts the stat calls of the code under test (every call still goes to Node's own).
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, lstatSync: vi.fn(actual.lstatSync) };
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let root: string;

function setUp(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'originals-'));
  mkdirSync(join(root, 'originals'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'originals', name), text);
  return root;
}

function plan(slug: string, file: string, sha256: string, signed = false) {
  return { slug, file: `content/plans/2024/${slug}.mdx`, data: { source: { file, sha256, signed } } };
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('originals', () => {
  it('publishes a kept file whose sha256 matches, and skips a plan whose file is not kept', () => {
    const dir = setUp({ 'a.pdf': 'PDF bytes' });
    const found = findOriginals(dir, [plan('a', 'a.pdf', sha('PDF bytes'), true), plan('b', 'b.docx', sha('other'))]);
    expect([...found.keys()]).toEqual(['a']);
    expect(found.get('a')).toMatchObject({ ext: '.pdf', bytes: 9, signed: true });
    expect(originalFileView(found.get('a')!)).toEqual({
      path: 'ban-goc/a.pdf',
      fileName: 'a.pdf',
      description: 'Tệp PDF (.pdf), 9 byte',
      shortDescription: '.pdf, 9 byte',
      mediaType: 'application/pdf',
      signed: true,
    });
  });

  it('refuses a file that is not the one the plan names, naming the plan file and both hashes', () => {
    const dir = setUp({ 'a.txt': 'changed' });
    const [p] = checkOriginals(dir, [plan('a', 'a.txt', sha('original'))]);
    expect(p).toMatchObject({ file: 'content/plans/2024/a.mdx', field: 'source.sha256', found: sha('changed') });
    expect(p!.expected).toContain(sha('original'));
    expect(() => findOriginals(dir, [plan('a', 'a.txt', sha('original'))])).toThrow(/content\/plans\/2024\/a\.mdx › source\.sha256/);
  });

  it('refuses folders in the name, links, and types that are not documents', () => {
    const dir = setUp({ 'x.exe': 'MZ', 'real.txt': 'text' });
    symlinkSync(join(dir, 'originals', 'real.txt'), join(dir, 'originals', 'link.txt'));
    const problems = checkOriginals(dir, [plan('a', '../secret.txt', sha('')), plan('b', 'link.txt', sha('text')), plan('c', 'x.exe', sha('MZ'))]);
    expect(problems.map((p) => p.file)).toEqual(['content/plans/2024/a.mdx', 'content/plans/2024/b.mdx', 'content/plans/2024/c.mdx']);
    expect(problems[0]!.message).toMatch(/thư mục/);
    expect(problems[1]!.message).toMatch(/không phải một tệp thường/);
    expect(problems[2]!.message).toMatch(/loại tệp/);
  });

  it('reads a kept file once while it is unchanged, and again when its bytes change, even with its times put back', async () => {
    const dir = setUp({ 'a.pdf': 'Bản ký số, lần 1' });
    // Old enough for its digest to be recorded (src/lib/build/input-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
    const digests = contentFileDigests()!;
    const plans = [plan('a', 'a.pdf', sha('Bản ký số, lần 1'))];
    expect(checkOriginals(dir, plans)).toEqual([]);
    const reads = digests.reads;
    expect(findOriginals(dir, plans).get('a')?.bytes).toBe(Buffer.byteLength('Bản ký số, lần 1'));
    expect(checkOriginals(dir, plans)).toEqual([]);
    expect(digests.reads, 'the check and the pages after it read nothing').toBe(reads);

    const file = join(dir, 'originals', 'a.pdf');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'Bản ký số, lần 2');
    utimesSync(file, atime, mtime);
    expect(checkOriginals(dir, plans).map((p) => p.found)).toEqual([sha('Bản ký số, lần 2')]);
    expect(digests.reads).toBe(reads + 1);
  });

  it('asks the disk only about the files the originals folder holds', () => {
    const dir = setUp({ 'kept.pdf': 'PDF bytes', 'Kế hoạch.pdf': 'tên có dấu' });
    const plans = [
      ...Array.from({ length: 500 }, (_, i) => plan(`p${i}`, `p${i}.pdf`, sha('not kept'))),
      plan('kept', 'kept.pdf', sha('PDF bytes')),
      plan('nfc', 'Kế hoạch.pdf', sha('tên có dấu')),
      // The same name in the other Unicode form than the folder's: another name, as on the server's disk.
      plan('nfd', 'Kế hoạch.pdf'.normalize('NFD'), sha('tên có dấu')),
    ];
    const lstat = vi.mocked(fs.lstatSync);
    lstat.mockClear();
    expect(checkOriginals(dir, plans)).toEqual([]);
    expect(lstat.mock.calls.map(([path]) => String(path).split('/').pop())).toEqual(['kept.pdf', 'Kế hoạch.pdf']);
    expect([...findOriginals(dir, plans).keys()]).toEqual(['kept', 'nfc']);
  });

  it('finds nothing, asking nothing, when there is no originals folder', () => {
    root = mkdtempSync(join(tmpdir(), 'originals-'));
    const lstat = vi.mocked(fs.lstatSync);
    lstat.mockClear();
    expect(findOriginals(root, [plan('a', 'a.pdf', sha('x')), plan('c', 'c.docx', sha('y'))]).size).toBe(0);
    expect(checkOriginals(root, [plan('b', '../b.pdf', sha('x'))]).map((p) => p.field)).toEqual(['source.file']);
    expect(lstat).not.toHaveBeenCalled();
  });
});
