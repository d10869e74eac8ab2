import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRUNE_LEDGER, prunePolicy, pruneWhenDue, STALE_FILES_MIN, staleFilesAllowed } from '../../../src/lib/build/prune-ledger';
import { tempDir } from '../../support/temp-dir';

const ledger = (dir: string) => JSON.parse(readFileSync(join(dir, PRUNE_LEDGER), 'utf8')) as { stamp: string; files: number };

describe('staleFilesAllowed', () => {
  it('allows a tenth of the files used, and at least STALE_FILES_MIN', () => {
    expect(staleFilesAllowed(50_000)).toBe(5000);
    expect(staleFilesAllowed(5)).toBe(STALE_FILES_MIN);
  });
});

describe('prunePolicy', () => {
  it('is due without a ledger, writes none while it has nothing to count from, and counts from what a prune kept', () => {
    const dir = tempDir('prune-ledger-');
    const first = prunePolicy(dir, 'a', 10, 2);
    expect(first.due(0)).toBe(true);
    first.close(10);
    expect(readdirSync(dir)).toEqual([]);
    const second = prunePolicy(dir, 'a', 10, 2);
    expect(second.due(4)).toBe(true);
    second.pruned(7, 4);
    expect(second.due(4)).toBe(false);
    second.close(7);
    // 7 kept, then 3 more written after the prune.
    expect(ledger(dir)).toEqual({ stamp: 'a', files: 10 });
  });

  it('counts every file written until the files beyond those used are more than allowed', () => {
    const dir = tempDir('prune-ledger-');
    writeFileSync(join(dir, PRUNE_LEDGER), JSON.stringify({ stamp: 'a', files: 10 }));
    const within = prunePolicy(dir, 'a', 10, 2);
    expect([within.due(0), within.due(2), within.due(3)]).toEqual([false, false, true]);
    within.close(2);
    expect(ledger(dir).files).toBe(12);
    // A plan deleted leaves its files behind too: 12 files for 9 used.
    expect(prunePolicy(dir, 'a', 9, 2).due(0)).toBe(true);
    expect(prunePolicy(dir, 'a', 10, 2).due(0)).toBe(false);
  });

  it('is due for another stamp, and for a ledger it cannot read', () => {
    const dir = tempDir('prune-ledger-');
    writeFileSync(join(dir, PRUNE_LEDGER), JSON.stringify({ stamp: 'a', files: 10 }));
    expect(prunePolicy(dir, 'b', 10, 1000).due(0)).toBe(true);
    writeFileSync(join(dir, PRUNE_LEDGER), '{"stamp":"a","files":');
    expect(prunePolicy(dir, 'a', 10, 1000).due(0)).toBe(true);
  });
});

describe('pruneWhenDue', () => {
  it('prunes only when due, then counts the files used; else adds what the build wrote', () => {
    const dir = tempDir('prune-ledger-');
    let prunes = 0;
    const prune = () => (prunes++, 7);
    // No ledger: pruned, and the count is the files used.
    expect(pruneWhenDue(dir, 'a', 10, 3, prune, 2)).toBe(7);
    expect([prunes, ledger(dir).files]).toEqual([1, 10]);
    // Two written: within the allowance, nothing pruned, counted.
    expect(pruneWhenDue(dir, 'a', 10, 2, prune, 2)).toBe(0);
    expect([prunes, ledger(dir).files]).toEqual([1, 12]);
    // One more: three left behind, pruned.
    expect(pruneWhenDue(dir, 'a', 10, 1, prune, 2)).toBe(7);
    expect([prunes, ledger(dir).files]).toEqual([2, 10]);
  });
});

