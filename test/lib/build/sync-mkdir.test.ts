import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, promises, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSyncRecursiveMkdir } from '../../../src/lib/build/sync-mkdir';
import { tempDir } from '../../support/temp-dir';

const original = promises.mkdir;
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  promises.mkdir = original;
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
  restore = useSyncRecursiveMkdir();
  const patched = tempDir('mkdir-');
  const after = [];
  for (const call of calls(patched)) after.push(await outcome(call()));
  const relative = (root: string) => (o: { value?: string; code?: string }) => ({ ...o, value: o.value?.slice(root.length) });
  return { before: before.map(relative(plain)), after: after.map(relative(patched)), patched };
}

describe('useSyncRecursiveMkdir', () => {
  it('answers every recursive call as Node does: the first folder made, undefined when none is, the same errors', async () => {
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

  it('is synchronous while patched: the folder is there before the promise is awaited', () => {
    const root = tempDir('mkdir-');
    restore = useSyncRecursiveMkdir();
    void promises.mkdir(join(root, 'now', 'here'), { recursive: true });
    expect(existsSync(join(root, 'now', 'here'))).toBe(true);
  });

  it('puts Node’s own mkdir back, and a second patch changes nothing', () => {
    restore = useSyncRecursiveMkdir();
    const patched = promises.mkdir;
    expect(patched).not.toBe(original);
    const again = useSyncRecursiveMkdir();
    expect(promises.mkdir).toBe(patched);
    again();
    expect(promises.mkdir, 'the second restore leaves the first patch').toBe(patched);
    restore();
    restore = undefined;
    expect(promises.mkdir).toBe(original);
  });
});
