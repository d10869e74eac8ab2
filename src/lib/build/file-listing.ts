/**
 * The files under a folder, listed on a thread of its own while the caller's goes on.
 *
 * Astro's incremental build asks, for each page whose key is unchanged, whether its cache holds a
 * copy (src/integrations/linked-cache.ts). One `existsSync` per page was 3.0 s of Astro's thread in
 * a one-edit rebuild at 50,000 plans (85,591 pages; CPU profile of 5 December 2026), while the other
 * core had time to spare. The cache's folder is listed once instead, on another thread, from the
 * start of the build; the page loop, which begins half a minute later at that scale, then looks a
 * path up in memory.
 */
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';

/**
 * Resolves to the absolute paths of the files under `root` (none if it does not exist), or to
 * undefined when the thread failed: then the caller asks the file system itself.
 * @example (await listFilesAside('.cache/astro/dist'))?.has('/srv/site/.cache/astro/dist/index.html')
 */
export function listFilesAside(root: string): Promise<ReadonlySet<string> | undefined> {
  return new Promise((done) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./file-listing-worker.ts', import.meta.url), { workerData: resolve(root) });
    } catch {
      done(undefined);
      return;
    }
    worker.unref();
    worker.once('message', (files: string[]) => done(new Set(files)));
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}
