/**
 * The thread of a `LinkQueue` (link-queue.ts): makes the links and writes the pages of each batch
 * it is sent, in order, with their folders, says when a batch is done (so that the queue sends the
 * next), and answers a flush with what failed since the last one. Node runs this file as it is, its types stripped
 * (Node ≥ 22.18, the `engines` of package.json), so it holds only syntax that stripping erases, and
 * imports with extensions.
 */
import { parentPort } from 'node:worker_threads';
import { placeAllSync, type Placement } from './link.ts';

/** What the queue sends: a batch of links to make (source, destination) and pages to write, or a flush to answer. */
export type LinkWorkerMessage = { links: Placement[] } | { flush: number };
/** What the thread answers: a batch done, or a flush with one line per failed link. */
export type LinkWorkerReply = { done: true } | { flush: number; failures: string[] };

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
    placeAllSync(message.links, made, failures);
    port.postMessage({ done: true } satisfies LinkWorkerReply);
  });
}
