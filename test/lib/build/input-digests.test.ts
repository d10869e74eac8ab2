import { describe, expect, it } from 'vitest';
import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputDigests } from '../../../src/lib/build/input-digests';
import { sha256Hex } from '../../../src/lib/opendata/checksums';
import { tempDir } from '../../support/temp-dir';

/**
 * Waits until the clock is past `file`'s times by more than the filesystem's tick, so that a run with
 * no racy window (`nextRun`) counts the file as old: its times are fractional milliseconds, and a file
 * written in the current millisecond is still "in the future" of Date.now().
 */
function pastTimesOf(file: string): void {
  const { mtimeMs, ctimeMs } = statSync(file);
  while (Date.now() < Math.max(mtimeMs, ctimeMs) + 25) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/** A folder with one plan file, and the record beside it. */
function folder() {
  const dir = tempDir('input-digests-');
  const file = join(dir, 'a.mdx');
  writeFileSync(file, '---\ntitle: "Kế hoạch A"\n---\n');
  pastTimesOf(file);
  return { dir, file, record: join(dir, 'cache', 'input-digests.json') };
}

/** The next run: a new reader of the record (no racy window, so a file just written counts as old). */
const nextRun = (record: string) => inputDigests(record, { racyMs: 0, fresh: true });

describe('inputDigests', () => {
  it('reads a file once, then answers from its record while the file is unchanged', () => {
    const { file, record } = folder();
    const first = nextRun(record);
    const read = first.of(file);
    expect(read).toEqual({ sha256: sha256Hex('---\ntitle: "Kế hoạch A"\n---\n'), bytes: readFileSync(file) });
    first.save();
    const second = nextRun(record);
    expect(second.of(file)).toEqual({ sha256: read.sha256 });
    expect(second.reads).toBe(0);
  });

  it('reads a file again when it was edited in place with the same size and its modification time put back', () => {
    const { file, record } = folder();
    const first = nextRun(record);
    const before = first.of(file).sha256;
    first.save();
    const { atime, mtime } = statSync(file);
    writeFileSync(file, '---\ntitle: "Kế hoạch B"\n---\n');
    utimesSync(file, atime, mtime);
    pastTimesOf(file);
    const after = nextRun(record).of(file);
    expect(after.sha256).not.toBe(before);
    expect(after.sha256).toBe(sha256Hex('---\ntitle: "Kế hoạch B"\n---\n'));
  });

  it('reads a file again when another file was renamed over it', () => {
    const { dir, file, record } = folder();
    const first = nextRun(record);
    first.of(file);
    first.save();
    writeFileSync(join(dir, 'new.mdx'), '---\ntitle: "Kế hoạch C"\n---\n');
    renameSync(join(dir, 'new.mdx'), file);
    pastTimesOf(file);
    expect(nextRun(record).of(file).bytes?.toString()).toContain('Kế hoạch C');
  });

  it("answers from the stat its caller took, and reads the file when that stat is not the record's", () => {
    const { file, record } = folder();
    const first = nextRun(record);
    const stat = statSync(file);
    first.of(file, stat);
    first.save();
    expect(nextRun(record).of(file, stat)).toEqual({ sha256: sha256Hex('---\ntitle: "Kế hoạch A"\n---\n') });
    const moved = nextRun(record);
    expect(moved.of(file, { ...stat, mtimeMs: stat.mtimeMs + 1 }).bytes?.toString()).toContain('Kế hoạch A');
    expect(moved.reads).toBe(1);
  });

  it('does not record a file changed within the racy window, so the next run reads it again', () => {
    const { file, record } = folder();
    const first = inputDigests(record, { fresh: true });
    first.of(file);
    first.save();
    const second = inputDigests(record, { fresh: true });
    second.of(file);
    expect(second.reads).toBe(1);
  });
});

describe('the record', () => {
  it('keeps the files of other folders and forgets files that no longer exist', () => {
    const one = folder();
    const other = folder();
    const record = one.record;
    const first = nextRun(record);
    first.of(one.file);
    first.of(other.file);
    first.save();
    rmSync(other.file);
    const second = nextRun(record);
    writeFileSync(join(one.dir, 'b.mdx'), 'B');
    pastTimesOf(join(one.dir, 'b.mdx'));
    second.of(join(one.dir, 'b.mdx'));
    second.save();
    const kept = Object.keys((JSON.parse(readFileSync(record, 'utf8')) as { files: Record<string, unknown> }).files).sort();
    expect(kept).toEqual([one.file, join(one.dir, 'b.mdx')].sort());
  });
});
