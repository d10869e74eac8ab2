/**
 * When to prune a cache of files named by the key of what they hold (the search records, the share
 * cards). An edit leaves its plan's old files behind; finding them means listing the whole cache
 * (100,000 search records and 97,000 cards at 50,000 plans: 4.4 s and 1.3–1.8 s of the build's
 * content process after one edit), which most builds need not do. A ledger beside the files,
 * `<dir>/ledger.json`, counts the files the cache may hold: the ones a prune kept, plus every file
 * written since. A build prunes when that count is more than the files it uses by over
 * `staleFilesAllowed` of them, or when the count is unknown (no ledger, or one written for another
 * `stamp`: a base path or code that names every file anew).
 *
 * The count is an upper bound of what builds wrote: a file written over one of the same key is
 * counted again, so a cache is pruned early rather than late. Files written outside a build (cards
 * the dev server draws into the same cache) are not counted; they go at the next prune. Pruning
 * only saves disk: a file no entry has is never read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from './link';

/** The ledger's name in the cache's folder; a prune keeps it. */
export const PRUNE_LEDGER = 'ledger.json';

/** The least `staleFilesAllowed` gives. */
export const STALE_FILES_MIN = 500;

/**
 * Files left behind that a build lets stay before it prunes: a tenth of the files it uses, and at
 * least STALE_FILES_MIN (about 70 MB of search records, or 330 MB of cards, at 50,000 plans).
 * @example staleFilesAllowed(50_000) // 5000
 */
export function staleFilesAllowed(used: number): number {
  return Math.max(STALE_FILES_MIN, Math.ceil(used / 10));
}

interface Ledger {
  stamp: string;
  files: number;
}

function readLedger(dir: string): Ledger | undefined {
  try {
    const ledger = JSON.parse(readFileSync(join(dir, PRUNE_LEDGER), 'utf8')) as Ledger;
    return typeof ledger.files === 'number' && typeof ledger.stamp === 'string' ? ledger : undefined;
  } catch {
    return undefined;
  }
}

/** One build's pruning of the cache in `dir`, which uses `used` files of it. */
export interface PrunePolicy {
  /** Whether to prune now, `written` being the files this build has written so far. False once pruned. */
  due(written: number): boolean;
  /** Tells the policy the cache was pruned, keeping `kept` files, when this build had written `written`. */
  pruned(kept: number, written: number): void;
  /** Writes the ledger, `written` being every file this build wrote. */
  close(written: number): void;
}

/**
 * The pruning of one build's cache in `dir`: files for `stamp` (what names them beside their
 * content), `used` of them by this build, up to `allowed` more left behind before a prune.
 */
export function prunePolicy(dir: string, stamp: string, used: number, allowed = staleFilesAllowed(used)): PrunePolicy {
  const ledger = readLedger(dir);
  const known = ledger?.stamp === stamp ? ledger.files : undefined;
  let kept: number | undefined;
  let writtenBefore = 0;
  return {
    due: (written) => kept === undefined && (known === undefined || known + written - used > allowed),
    pruned(files, written) {
      kept = files;
      writtenBefore = written;
    },
    close(written) {
      // Neither pruned nor counted before: nothing to count from (the next build prunes).
      if ((kept === undefined && known === undefined) || !existsSync(dir)) return;
      const files = kept !== undefined ? kept + written - writtenBefore : known! + written;
      replaceFileSync(join(dir, PRUNE_LEDGER), JSON.stringify({ stamp, files } satisfies Ledger));
    },
  };
}

/**
 * Prunes the cache in `dir` with `prune` (which returns how many files it removed) when due, for a
 * build that uses `used` files of it and writes `written` of them itself (the others are there
 * already, or are after the prune); writes the ledger either way. Returns how many were removed.
 */
export function pruneWhenDue(dir: string, stamp: string, used: number, written: number, prune: () => number, allowed?: number): number {
  const policy = prunePolicy(dir, stamp, used, allowed);
  let removed = 0;
  if (policy.due(written)) {
    removed = prune();
    // Left: the used files there, then the build's own writes.
    policy.pruned(used - written, 0);
  }
  policy.close(written);
  return removed;
}
