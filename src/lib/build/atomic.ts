/**
 * Atomic publishing: a build writes into a fresh sibling folder of the out dir, and only a
 * finished build replaces the out dir. A build that fails, at any step, leaves the previous site
 * exactly as it was and no partial folder behind.
 */
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

/**
 * Runs `build(stagingDir)` and, when it resolves, moves the staging folder into place as `outDir`
 * (two renames on the same filesystem; the old site is removed afterwards). When it rejects, the
 * staging folder is removed and the error is rethrown; `outDir` is never touched.
 */
export async function publishAtomically<T>(outDir: string, build: (stagingDir: string) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  for (const dir of leftovers(target)) rmSync(dir, { recursive: true, force: true });
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
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  return result;
}
