/**
 * The thread of `listFilesAside` (file-listing.ts): lists the files under the folder it is given
 * and posts their absolute paths, or none when the folder cannot be read. Node runs this file as it
 * is, its types stripped, like link-worker.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

let files: string[] = [];
try {
  for (const entry of readdirSync(workerData as string, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
} catch {
  // No such folder (a cold build's cache): no files.
  files = [];
}
parentPort?.postMessage(files);
