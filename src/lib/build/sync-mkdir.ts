/**
 * Recursive `fs.promises.mkdir`, done synchronously while Astro writes the pages.
 *
 * Astro writes each page it renders after `await fs.promises.mkdir(folder, { recursive: true })`
 * (astro/dist/core/build/generate.js), one page after the other. Node does a recursive mkdir of the
 * promise API as a chain of thread-pool round trips, one or two per path component, and that costs
 * about four times the CPU of the synchronous call. Measured with Node 24 on the 2-core build machine
 * (4 December 2026, 30,000 folders two levels deep, one call each, awaited in turn as Astro does):
 * making them took 7.6 s with `fs.promises.mkdir` against 2.0 s with `mkdirSync`, and asking again
 * for folders that exist 1.8 s against 0.2 s. A cold build at 5,000 plans writes 31,000 files; a
 * profile of one put 7.4 s in Astro's mkdir calls.
 *
 * The replacement gives what the original gives (the first folder made, or undefined; the same
 * error, as a rejection) and hands every other call (not recursive) to the original. It is the
 * same `mkdir`, done without the thread pool: each call blocks the event loop for the tens of
 * microseconds it takes.
 */
import { mkdirSync, promises, type MakeDirectoryOptions, type Mode, type PathLike } from 'node:fs';

type PromiseMkdir = typeof promises.mkdir;

const ORIGINAL = Symbol.for('ke-hoach-mo:sync-mkdir.original');
type Patched = PromiseMkdir & { [ORIGINAL]?: PromiseMkdir };

function isRecursive(options: Mode | MakeDirectoryOptions | null | undefined): options is MakeDirectoryOptions & { recursive: true } {
  return typeof options === 'object' && options !== null && options.recursive === true;
}

/**
 * Makes `fs.promises.mkdir(path, { recursive: true })` synchronous until the returned function is
 * called. Calling it again while patched changes nothing (and its restore is the first one's).
 */
export function useSyncRecursiveMkdir(): () => void {
  const current = promises.mkdir as Patched;
  if (current[ORIGINAL]) return () => {};
  const original = current;
  const mkdir = function mkdir(path: PathLike, options?: Mode | MakeDirectoryOptions | null): Promise<string | undefined> {
    if (!isRecursive(options)) return original(path, options as Mode) as Promise<undefined>;
    try {
      return Promise.resolve(mkdirSync(path, options));
    } catch (error) {
      return Promise.reject(error);
    }
  } as Patched;
  mkdir[ORIGINAL] = original;
  promises.mkdir = mkdir;
  return () => {
    if (promises.mkdir === mkdir) promises.mkdir = original;
  };
}
