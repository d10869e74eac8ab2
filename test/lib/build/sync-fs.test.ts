import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, promises, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { TURN_MS, useSyncPageWrites } from '../../../src/lib/build/sync-fs';
import { tempDir } from '../../support/temp-dir';

const original = promises.mkdir;
const originalWriteFile = promises.writeFile;
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  promises.mkdir = original;
  promises.writeFile = originalWriteFile;
});

/** What a call gives: its value, or the code of its error. */
async function outcome(call: Promise<string | undefined | void>): Promise<{ value?: string; code?: string }> {
  try {
    return { value: (await call) ?? undefined };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code };
  }
}

/** The same calls, one after the other in a fresh folder each time, through Node's mkdir and through the patched one. */
async function bothWays(calls: (root: string) => (() => Promise<string | undefined | void>)[]) {
  const plain = tempDir('mkdir-');
  const before = [];
  for (const call of calls(plain)) before.push(await outcome(call()));
  restore = useSyncPageWrites();
  const patched = tempDir('mkdir-');
  const after = [];
  for (const call of calls(patched)) after.push(await outcome(call()));
  const relative = (root: string) => (o: { value?: string; code?: string }) => ({ ...o, value: o.value?.slice(root.length) });
  return { before: before.map(relative(plain)), after: after.map(relative(patched)), patched };
}

describe('useSyncPageWrites', () => {
  it('answers every recursive mkdir as Node does: the first folder made, undefined when none is, the same errors', async () => {
    const { before, after, patched } = await bothWays((root) => {
      writeFileSync(join(root, 'file'), '');
      return [
        () => promises.mkdir(join(root, 'a', 'b', 'c'), { recursive: true }),
        () => promises.mkdir(join(root, 'a', 'b', 'c'), { recursive: true }),
        () => promises.mkdir(join(root, 'a', 'b', 'd'), { recursive: true, mode: 0o700 }),
        () => promises.mkdir(join(root, 'file', 'x'), { recursive: true }),
        () => promises.mkdir(join(root, 'file'), { recursive: true }),
        () => promises.mkdir(join(root, 'e')),
        () => promises.mkdir(join(root, 'e')),
        () => promises.mkdir(join(root, 'f', 'g')),
      ];
    });
    expect(before).toEqual([
      { value: '/a' },
      { value: undefined },
      { value: '/a/b/d' },
      { code: 'ENOTDIR' },
      { code: 'EEXIST' },
      { value: undefined },
      { code: 'EEXIST' },
      { code: 'ENOENT' },
    ]);
    expect(after).toEqual(before);
    expect(statSync(join(patched, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(statSync(join(patched, 'a', 'b', 'd')).mode & 0o777).toBe(0o700);
  });

  it('writes files as Node does: text, bytes, encodings, modes and flags, a URL, and the same errors', async () => {
    const written = (root: string) => ['a.html', 'b.bin', 'c.txt', 'd.txt', 'e.txt', 'f.txt'].map((name) => (existsSync(join(root, name)) ? [...readFileSync(join(root, name))] : null));
    let plainRoot = '';
    const { before, after, patched } = await bothWays((root) => {
      plainRoot ||= root;
      mkdirSync(join(root, 'folder'));
      return [
        () => promises.writeFile(join(root, 'a.html'), '<h1>Kế hoạch</h1>'),
        () => promises.writeFile(join(root, 'b.bin'), new Uint8Array([0, 1, 2, 255])),
        () => promises.writeFile(join(root, 'c.txt'), 'xin chào', 'latin1'),
        () => promises.writeFile(join(root, 'd.txt'), 'một', { encoding: 'utf8', mode: 0o600 }),
        () => promises.writeFile(join(root, 'd.txt'), ' hai', { flag: 'a' }),
        () => promises.writeFile(pathToFileURL(join(root, 'e.txt')), 'url'),
        () => promises.writeFile(join(root, 'e.txt'), 'lần hai', { flag: 'wx' }),
        () => promises.writeFile(join(root, 'missing', 'f.txt'), 'f'),
        () => promises.writeFile(join(root, 'folder'), 'f'),
      ];
    });
    expect(before).toEqual([{}, {}, {}, {}, {}, {}, { code: 'EEXIST' }, { code: 'ENOENT' }, { code: 'EISDIR' }]);
    expect(after).toEqual(before);
    expect(written(patched)).toEqual(written(plainRoot));
    expect(readFileSync(join(patched, 'd.txt'), 'utf8')).toBe('một hai');
    expect(statSync(join(patched, 'd.txt')).mode & 0o777).toBe(0o600);
  });

  it('is synchronous while patched, and leaves streams, iterables and file handles to Node', async () => {
    const root = tempDir('mkdir-');
    restore = useSyncPageWrites();
    void promises.mkdir(join(root, 'now', 'here'), { recursive: true });
    expect(existsSync(join(root, 'now', 'here'))).toBe(true);
    void promises.writeFile(join(root, 'now', 'page.html'), 'ngay');
    expect(readFileSync(join(root, 'now', 'page.html'), 'utf8')).toBe('ngay');
    await promises.writeFile(join(root, 'parts.txt'), (async function* () {
      yield 'một ';
      yield 'hai';
    })());
    expect(readFileSync(join(root, 'parts.txt'), 'utf8')).toBe('một hai');
    const handle = await promises.open(join(root, 'handle.txt'), 'w');
    await promises.writeFile(handle, 'tay cầm');
    await handle.close();
    expect(readFileSync(join(root, 'handle.txt'), 'utf8')).toBe('tay cầm');
  });

  it('lets the event loop turn during a run of writes: no stretch without a turn longer than a few TURN_MS', async () => {
    const root = tempDir('turns-');
    restore = useSyncPageWrites();
    const turns: number[] = [];
    let writes = 0;
    const started = performance.now();
    const tick = () => {
      turns.push(performance.now());
      if (performance.now() - started < 300) setImmediate(tick);
    };
    setImmediate(tick);
    // As Astro's page loop: each write awaited in turn, nothing else that waits on I/O.
    while (performance.now() - started < 300) await promises.writeFile(join(root, `page-${writes++ % 50}.html`), 'trang');
    expect(writes).toBeGreaterThan(20);
    const gaps = turns.map((at, i) => at - (turns[i - 1] ?? started));
    expect(turns.length).toBeGreaterThan(3);
    expect(Math.max(...gaps), 'longest stretch without a turn, ms').toBeLessThan(TURN_MS * 5);
  });

  it('tells `written` of every folder made and file written, once done, and of nothing that failed', async () => {
    const dir = tempDir('sync-fs-');
    const seen: unknown[] = [];
    restore = useSyncPageWrites((path) => seen.push(path));
    const page = pathToFileURL(join(dir, 'a', 'index.html'));
    await promises.mkdir(join(dir, 'a'), { recursive: true });
    await promises.writeFile(page, '<h1>A</h1>');
    await promises.mkdir(join(dir, 'b'));
    async function* chunks() {
      yield 'x';
    }
    await promises.writeFile(join(dir, 'b', 'stream.txt'), chunks());
    await expect(promises.writeFile(join(dir, 'missing', 'x.html'), 'x')).rejects.toThrow();
    expect(seen).toEqual([join(dir, 'a'), page, join(dir, 'b'), join(dir, 'b', 'stream.txt')]);
  });

  it('hands the folders and plain writes its taker takes to it, and writes the others, their folder first', async () => {
    const dir = tempDir('sync-fs-');
    const taken = join(dir, 'out');
    const inside = (path: string) => path.startsWith(`${taken}/`);
    const files: [string, string][] = [];
    const seen: unknown[] = [];
    restore = useSyncPageWrites((path) => seen.push(path), {
      folder: inside,
      file: (path, bytes) => inside(path) && files.push([path, Buffer.from(bytes).toString('utf8')]) > 0,
    });
    expect(await promises.mkdir(join(taken, 'a'), { recursive: true }), 'a folder taken answers as one already there').toBeUndefined();
    expect(existsSync(join(taken, 'a')), 'and is not made now').toBe(false);
    await promises.writeFile(pathToFileURL(join(taken, 'a', 'index.html')), '<h1>Kế hoạch</h1>');
    await promises.writeFile(join(taken, 'a', 'data.json'), new TextEncoder().encode('{"a":1}'));
    expect(files).toEqual([
      [join(taken, 'a', 'index.html'), '<h1>Kế hoạch</h1>'],
      [join(taken, 'a', 'data.json'), '{"a":1}'],
    ]);
    expect(existsSync(join(taken, 'a', 'index.html'))).toBe(false);
    // A write with a flag is not a plain one: written here, into the folder it needs.
    await promises.writeFile(join(taken, 'a', 'log.txt'), 'một', { flag: 'a' });
    expect(readFileSync(join(taken, 'a', 'log.txt'), 'utf8')).toBe('một');
    // Outside what it takes: as before.
    await promises.mkdir(join(dir, 'other'), { recursive: true });
    await promises.writeFile(join(dir, 'other', 'x.html'), 'x');
    expect(readFileSync(join(dir, 'other', 'x.html'), 'utf8')).toBe('x');
    expect(seen, '`written` hears of every folder and file, handed off or not').toEqual([
      join(taken, 'a'),
      pathToFileURL(join(taken, 'a', 'index.html')),
      join(taken, 'a', 'data.json'),
      join(taken, 'a', 'log.txt'),
      join(dir, 'other'),
      join(dir, 'other', 'x.html'),
    ]);
  });

  it('puts Node’s own functions back, and a second patch changes nothing', () => {
    restore = useSyncPageWrites();
    const patched = [promises.mkdir, promises.writeFile];
    expect(patched).not.toEqual([original, originalWriteFile]);
    const again = useSyncPageWrites();
    expect([promises.mkdir, promises.writeFile]).toEqual(patched);
    again();
    expect([promises.mkdir, promises.writeFile], 'the second restore leaves the first patch').toEqual(patched);
    restore();
    restore = undefined;
    expect(promises.mkdir).toBe(original);
    expect(promises.writeFile).toBe(originalWriteFile);
  });
});
