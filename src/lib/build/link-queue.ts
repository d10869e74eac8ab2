/**
 * Hard links (or copies, src/lib/build/link.ts) and page writes made on a thread of their own, so
 * that the thread that asks for them goes on at once: a build's page loop restores nearly every page
 * from its cache (287,000 files in 87,000 folders after one edit at 50,000 plans), and making those
 * folders and links took 7.4 s of the 2-core machine's busiest thread (4.9 s of it making folders),
 * while the other core had time to spare. The pages it renders are written here too (`write`, with
 * the cache's copy of each, `keep`): their folders, writes and links were 1.8 s of that thread for
 * the 876 pages a plan deleted renders again at 5,000 plans, 2 ms a page (7 December 2026).
 *
 * Placements are sent in batches, as the thread asks for them (up to IN_FLIGHT at a time); `flush`
 * makes what the thread has not been sent, waits until every placement added so far is made, and
 * fails with each one that could not be. The thread starts with the first full batch and does not
 * keep the process alive. Pages waiting to be sent hold their bytes: past WAITING_BYTES of them,
 * this thread writes the oldest batch itself, so a page loop that outruns the thread does not hold
 * a site's worth of pages in memory.
 */
import { Worker } from 'node:worker_threads';
import { placeAllSync, type PageWrite, type Placement } from './link';
import type { LinkWorkerMessage, LinkWorkerReply } from './link-worker.ts';

/** Placements sent to the thread at a time: a message per batch, not per link. */
export const LINK_BATCH = 256;

/** Bytes of pages a batch holds at most: a batch of pages is sent once it holds this many. */
export const BATCH_BYTES = 4 * 1024 * 1024;

/** Bytes of pages waiting to be sent above which this thread writes the oldest waiting batch itself. */
export const WAITING_BYTES = 32 * 1024 * 1024;

/**
 * Batches the thread holds at once. Its requests for more are read when this thread's event loop
 * turns, which Astro's page loop lets it do every 20 ms (`turnEventLoop`): with two batches in
 * flight the thread could take only 512 links a turn, fewer than the page loop restores at 50,000
 * plans, and the build made most of them itself at the end (80 s one-edit rebuilds against 64–70 s).
 * Sixteen is 4,096 links a turn, and at most about 0.1 s of the thread's work left at the end.
 */
export const IN_FLIGHT = 16;

/** Failures listed in a flush's error, at most. */
const LISTED_FAILURES = 10;

export class LinkQueue {
  #worker: Worker | undefined;
  #batch: Placement[] = [];
  #batchBytes = 0;
  /** Batches not sent yet: the thread asks for them one by one, and a flush makes what is left here. */
  #waiting: { placements: Placement[]; bytes: number }[] = [];
  /** Bytes of the pages in `#waiting`. */
  #waitingBytes = 0;
  /** The page written last, while the cache's copy may still be asked for (`keep`): not in a batch yet. */
  #open: PageWrite | undefined;
  #inFlight = 0;
  /** What this thread failed to make since the last flush (the batches it made when the other thread was behind). */
  #failures: string[] = [];
  /** Folders made by this thread when it flushes. */
  #made = new Set<string>();
  #flushes = new Map<number, { resolve: (failures: string[]) => void; reject: (error: Error) => void }>();
  #flushed = 0;
  #failed: Error | undefined;

  /** Queues a link of `source` at `destination` (which must not exist), with its folder. */
  add(source: string, destination: string): void {
    this.#close();
    this.#push([source, destination]);
  }

  /**
   * Queues the writing of `bytes` at `file` (which must not exist), with its folder. The bytes are
   * the queue's from now on: the caller must not change them.
   */
  write(file: string, bytes: Uint8Array): void {
    this.#close();
    this.#open = { file, bytes };
  }

  /**
   * Makes `keep` the same file as the page just queued at `file` (`write`), once written: true, or
   * false when the last thing queued was not that page (the caller keeps its copy itself).
   */
  keep(file: string, keep: string): boolean {
    if (this.#open?.file !== file) return false;
    this.#open.keep = keep;
    this.#close();
    return true;
  }

  /** Puts the page written last into the batch. */
  #close(): void {
    const open = this.#open;
    if (!open) return;
    this.#open = undefined;
    this.#batchBytes += open.bytes.byteLength;
    this.#push(open);
  }

  #push(placement: Placement): void {
    this.#batch.push(placement);
    if (this.#batch.length < LINK_BATCH && this.#batchBytes < BATCH_BYTES) return;
    this.#wait();
    this.#feed();
    // The thread is behind: the oldest waiting batch is made here (its placements are other files than the thread's).
    while (this.#waitingBytes > WAITING_BYTES) placeAllSync(this.#nextWaiting()!, this.#made, this.#failures);
  }

  /** Moves the batch being filled to the waiting ones. */
  #wait(): void {
    if (this.#batch.length === 0) return;
    this.#waiting.push({ placements: this.#batch, bytes: this.#batchBytes });
    this.#waitingBytes += this.#batchBytes;
    this.#batch = [];
    this.#batchBytes = 0;
  }

  /** Takes the oldest waiting batch. */
  #nextWaiting(): Placement[] | undefined {
    const next = this.#waiting.shift();
    if (next) this.#waitingBytes -= next.bytes;
    return next?.placements;
  }

  /**
   * Resolves once every link and page added so far is made; rejects naming those that could not
   * be. The batches the thread has not been sent yet are made here meanwhile: after a page loop
   * that outran the thread, both make what is left.
   */
  async flush(): Promise<void> {
    this.#close();
    this.#wait();
    const failures = this.#failures;
    this.#failures = [];
    for (let batch = this.#nextWaiting(); batch; batch = this.#nextWaiting()) placeAllSync(batch, this.#made, failures);
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
      throw new Error(`Không đặt được ${failures.length} tệp vào thư mục build (trang vừa dựng hoặc lấy từ bộ nhớ đệm):\n${listed}${more}`);
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
      this.#post({ links: this.#nextWaiting()! });
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
