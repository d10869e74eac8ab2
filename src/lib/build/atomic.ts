/**
 * Atomic publishing: a build writes into a fresh sibling folder of the out dir, and only a
 * finished build replaces the out dir. A build that fails, at any step, leaves the previous site
 * exactly as it was and no partial folder behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Folders a crashed run may have left beside the out dir: "dist.building-123", "dist.previous-123". */
function leftovers(outDir: string): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const prefix = `${basename(outDir)}.`;
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix) && /\.(building|previous)-\d+$/.test(name))
    .map((name) => join(parent, name));
}

/** Removes a folder; a leftover that cannot be removed now (another run removing it too) is removed next time. */
function removeLeftover(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Not part of any output: the next build tries again.
  }
}

/**
 * Removes `dir` in a process of its own that outlives this one: the new site is already in place,
 * so nothing needs to wait for the old one's files to go (tens of thousands at provincial scale).
 * Should it not finish, the next build's clean-up removes the folder.
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'try { require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 }) } catch {}', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => removeLeftover(dir));
  child.unref();
}

export interface PublishOptions {
  /**
   * 'wait' (the default) removes the previous site before returning; 'background' returns once the
   * new site is in place and removes the previous one in a detached process (`npm run build`).
   */
  removePrevious?: 'wait' | 'background';
}

/**
 * Runs `build(stagingDir)` and, when it resolves, moves the staging folder into place as `outDir`
 * (two renames on the same filesystem; the old site is removed afterwards, see `PublishOptions`).
 * When it rejects, the staging folder is removed and the error is rethrown; `outDir` is never touched.
 */
export async function publishAtomically<T>(outDir: string, build: (stagingDir: string) => Promise<T>, options: PublishOptions = {}): Promise<T> {
  const target = resolve(outDir);
  for (const dir of leftovers(target)) removeLeftover(dir);
  const staging = `${target}.building-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  let result: T;
  try {
    result = await build(staging);
    if (!existsSync(staging)) throw new Error(`the build wrote nothing to ${staging}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) {
    if (options.removePrevious === 'background') removeInBackground(previous);
    else rmSync(previous, { recursive: true, force: true });
  }
  return result;
}
