/**
 * Hard links (or copies, src/lib/build/link.ts) made on a thread of their own, so that the thread
 * that asks for them goes on at once: a build's page loop restores nearly every page from its cache
 * (287,000 files in 87,000 folders after one edit at 50,000 plans), and making those folders and
 * links took 7.4 s of the 2-core machine's busiest thread (4.9 s of it making folders), while the
 * other core had time to spare.
 *
 * Links are sent in batches, as the thread asks for them (up to IN_FLIGHT at a time); `flush`
 * makes what the thread has not been sent, waits until every link added so far is made, and fails
 * with each one that could not be. The thread starts with the first full batch and does not keep
 * the process alive.
 */
import { Worker } from 'node:worker_threads';
import { linkAllSync } from './link';
import type { LinkWorkerMessage, LinkWorkerReply } from './link-worker.ts';

/** Links sent to the thread at a time: a message per batch, not per link. */
export const LINK_BATCH = 256;

/**
 * Batches the thread holds at once. Its requests for more are read when this thread's event loop
 * turns, which Astro's page loop lets it do every 20 ms (`turnEventLoop`): with two batches in
 * flight the thread could take only 512 links a turn, fewer than the page loop restores at 50,000
 * plans, and the build made most of them itself at the end (80 s one-edit rebuilds against 64–70 s).
 * Sixteen is 4,096 links a turn, and at most about 0.1 s of the thread's work left at the end.
 */
const IN_FLIGHT = 16;

/** Failures listed in a flush's error, at most. */
const LISTED_FAILURES = 10;

export class LinkQueue {
  #worker: Worker | undefined;
  #batch: [string, string][] = [];
  /** Batches not sent yet: the thread asks for them one by one, and a flush makes what is left here. */
  #waiting: [string, string][][] = [];
  #inFlight = 0;
  /** Folders made by this thread when it flushes. */
  #made = new Set<string>();
  #flushes = new Map<number, { resolve: (failures: string[]) => void; reject: (error: Error) => void }>();
  #flushed = 0;
  #failed: Error | undefined;

  /** Queues a link of `source` at `destination` (which must not exist), with its folder. */
  add(source: string, destination: string): void {
    this.#batch.push([source, destination]);
    if (this.#batch.length >= LINK_BATCH) {
      this.#waiting.push(this.#batch);
      this.#batch = [];
      this.#feed();
    }
  }

  /**
   * Resolves once every link added so far is made; rejects naming those that could not be. The
   * batches the thread has not been sent yet are made here meanwhile: after a page loop that
   * outran the thread, both make what is left.
   */
  async flush(): Promise<void> {
    if (this.#batch.length > 0) this.#waiting.push(this.#batch);
    this.#batch = [];
    const failures: string[] = [];
    for (let batch = this.#waiting.shift(); batch; batch = this.#waiting.shift()) linkAllSync(batch, this.#made, failures);
    if (this.#worker) {
      const id = ++this.#flushed;
      const theirs = await new Promise<string[]>((resolve, reject) => {
        if (this.#failed) return reject(this.#failed);
        this.#flushes.set(id, { resolve, reject });
        this.#post({ flush: id });
      });
      failures.unshift(...theirs);
    }
    if (failures.length > 0) {
      const listed = failures.slice(0, LISTED_FAILURES).join('\n');
      const more = failures.length > LISTED_FAILURES ? `\n(và ${failures.length - LISTED_FAILURES} tệp khác)` : '';
      throw new Error(`Không đặt được ${failures.length} tệp lấy từ bộ nhớ đệm vào thư mục build:\n${listed}${more}`);
    }
  }

  /** Flushes, then stops the thread. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      const worker = this.#worker;
      this.#worker = undefined;
      this.#inFlight = 0;
      this.#made.clear();
      await worker?.terminate();
    }
  }

  /** Sends waiting batches while the thread holds fewer than IN_FLIGHT. */
  #feed(): void {
    while (this.#inFlight < IN_FLIGHT && this.#waiting.length > 0) {
      this.#inFlight += 1;
      this.#post({ links: this.#waiting.shift()! });
    }
  }

  #post(message: LinkWorkerMessage): void {
    if (!this.#worker) {
      // A new thread: what a stopped one failed was reported by the flush that met it.
      this.#failed = undefined;
      const worker = new Worker(new URL('./link-worker.ts', import.meta.url));
      worker.unref();
      worker.on('message', (reply: LinkWorkerReply) => {
        if ('done' in reply) {
          this.#inFlight -= 1;
          this.#feed();
          return;
        }
        this.#flushes.get(reply.flush)?.resolve(reply.failures);
        this.#flushes.delete(reply.flush);
      });
      // A thread that dies fails every flush waiting and every later one: links may be missing.
      const fail = (error: Error) => {
        this.#failed ??= error;
        for (const { reject } of this.#flushes.values()) reject(error);
        this.#flushes.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.#worker === worker) fail(new Error(`Luồng tạo liên kết dừng (mã ${code})`));
      });
      this.#worker = worker;
    }
    this.#worker.postMessage(message);
  }
}
