/**
 * Hard links (or copies, src/lib/build/link.ts) made on a thread of their own, so that the thread
 * that asks for them goes on at once: a build's page loop restores nearly every page from its cache
 * (287,000 files in 87,000 folders after one edit at 50,000 plans), and making those folders and
 * links took 7.4 s of the 2-core machine's busiest thread (4.9 s of it making folders), while the
 * other core had time to spare.
 *
 * Links are sent in batches and made in order; `flush` waits until every link added so far is made,
 * and fails with each one that could not be. The thread starts with the first link and does not keep
 * the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { LinkWorkerMessage, LinkWorkerReply } from './link-worker.ts';

/** Links sent to the thread at a time: a message per batch, not per link. */
export const LINK_BATCH = 256;

/** Failures listed in a flush's error, at most. */
const LISTED_FAILURES = 10;

export class LinkQueue {
  #worker: Worker | undefined;
  #batch: [string, string][] = [];
  #flushes = new Map<number, { resolve: (failures: string[]) => void; reject: (error: Error) => void }>();
  #flushed = 0;
  #failed: Error | undefined;

  /** Queues a link of `source` at `destination` (which must not exist), with its folder. */
  add(source: string, destination: string): void {
    this.#batch.push([source, destination]);
    if (this.#batch.length >= LINK_BATCH) this.#send();
  }

  /** Resolves once every link added so far is made; rejects naming those that could not be. */
  async flush(): Promise<void> {
    if (!this.#worker && this.#batch.length === 0) return;
    this.#send();
    const id = ++this.#flushed;
    const failures = await new Promise<string[]>((resolve, reject) => {
      if (this.#failed) return reject(this.#failed);
      this.#flushes.set(id, { resolve, reject });
      this.#post({ flush: id });
    });
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
      await worker?.terminate();
    }
  }

  #send(): void {
    if (this.#batch.length === 0) return;
    this.#post({ links: this.#batch });
    this.#batch = [];
  }

  #post(message: LinkWorkerMessage): void {
    if (!this.#worker) {
      // A new thread: what a stopped one failed was reported by the flush that met it.
      this.#failed = undefined;
      const worker = new Worker(new URL('./link-worker.ts', import.meta.url));
      worker.unref();
      worker.on('message', ({ flush, failures }: LinkWorkerReply) => {
        this.#flushes.get(flush)?.resolve(failures);
        this.#flushes.delete(flush);
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
