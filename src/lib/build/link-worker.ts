/**
 * The thread of a `LinkQueue` (link-queue.ts): makes each link it is sent, in order, with its
 * folder, and answers a flush with what failed since the last one. Node runs this file as it is,
 * its types stripped (Node ≥ 22.18, the `engines` of package.json), so it holds only syntax that
 * stripping erases, and imports with extensions.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { linkOrCopySync } from './link.ts';

/** What the queue sends: links to make (source, destination), or a flush to answer. */
export type LinkWorkerMessage = { links: [string, string][] } | { flush: number };
/** What the thread answers a flush with: one line per failed link. */
export interface LinkWorkerReply {
  flush: number;
  failures: string[];
}

const port = parentPort;
if (port) {
  const made = new Set<string>();
  let failures: string[] = [];
  port.on('message', (message: LinkWorkerMessage) => {
    if ('flush' in message) {
      port.postMessage({ flush: message.flush, failures } satisfies LinkWorkerReply);
      failures = [];
      return;
    }
    for (const [source, destination] of message.links) {
      try {
        const folder = dirname(destination);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        linkOrCopySync(source, destination);
      } catch (error) {
        failures.push(`${destination}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
}
