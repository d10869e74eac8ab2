/**
 * Astro's page writes, done synchronously while it builds.
 *
 * Astro writes each page it renders with `await fs.promises.mkdir(folder, { recursive: true })` and
 * `await fs.promises.writeFile(file, body)` (astro/dist/core/build/generate.js), one page after the
 * other. Node does both through the thread pool: a recursive mkdir is a chain of round trips, one or
 * two per path component, and a write is an open, a write and a close, each a round trip. On the
 * 2-core build machine that costs two to four times the CPU of the synchronous calls. Measured with
 * Node 24 (4 December 2026, one call at a time, awaited in turn as Astro does):
 *
 * | 30,000 folders two levels deep | `fs.promises` | synchronous |
 * |---|---|---|
 * | made | 7.6 s | 2.0 s |
 * | asked for again | 1.8 s | 0.2 s |
 * | 20,000 pages of 30 KB written | 4.4–6.1 s | 1.5–3.2 s |
 *
 * A cold build at 5,000 plans writes 31,000 files. Profiles of one (4 December 2026) put 7.4 s in
 * Astro's mkdir calls and 8.9 s in its writes' opens, writes and closes; once synchronous, 2.5 s and
 * 4.4 s. Rebuilds that render few pages barely change.
 *
 * The replacements give what the originals give (the first folder made, or undefined; the same
 * errors, as rejections) and hand every call they do not cover to the original: a mkdir that is not
 * recursive, a write to a file handle, of a stream or an iterable, or with an abort signal. Each
 * call blocks the event loop for the time it takes, which is the time the build waited for it anyway.
 *
 * A page loop whose every await is already settled never lets the event loop turn: a route of
 * 50,000 pages with no other I/O would run as one chain of microtasks. V8 posts part of its garbage
 * collection to the event loop (incremental marking steps, freeing array buffers' memory, the
 * memory reducer), so a write settles through `setImmediate` once `TURN_MS` have passed since the
 * last turn. In a scratch script (4 December 2026), 60,000 Astro-like page renders (a Request,
 * a streamed Response, its bytes) peaked at 155–166 MB resident without turns and 108–112 MB with
 * a turn after each; a turn costs a few microseconds, so one every `TURN_MS` is free.
 */
import { mkdirSync, promises, writeFileSync, type MakeDirectoryOptions, type Mode, type PathLike, type WriteFileOptions } from 'node:fs';
import { dirname } from 'node:path';
import { pathOf } from './out-dir-listing';

type PromiseMkdir = typeof promises.mkdir;
type PromiseWriteFile = typeof promises.writeFile;

/** Marks the replacements, so that a second call sees them in place. */
const SYNC = Symbol.for('ke-hoach-mo:sync-fs');
type Patched<T> = T & { [SYNC]?: true };

function isRecursive(options: Mode | MakeDirectoryOptions | null | undefined): options is MakeDirectoryOptions & { recursive: true } {
  return typeof options === 'object' && options !== null && options.recursive === true;
}

/** A path, and data and options `writeFileSync` takes as the promise API would: anything else goes to Node's own. */
function writableSync(file: unknown, data: unknown, options: unknown): boolean {
  const path = typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file);
  const bytes = typeof data === 'string' || ArrayBuffer.isView(data);
  const plain = options === undefined || options === null || typeof options === 'string' || (typeof options === 'object' && !('signal' in options) && !('flush' in options));
  return path && bytes && plain;
}

/** The longest a run of synchronous writes keeps the event loop from turning, in milliseconds. */
export const TURN_MS = 20;

let turnedAt = 0;

/**
 * Settles now, or after the event loop's next turn when `TURN_MS` have passed since the last one:
 * for any synchronous step of Astro's page loop (the writes here, the restores of
 * src/integrations/linked-cache.ts).
 */
export function turnEventLoop(): Promise<void> {
  const now = performance.now();
  if (now - turnedAt < TURN_MS) return Promise.resolve();
  return new Promise((resolve) =>
    setImmediate(() => {
      turnedAt = performance.now();
      resolve();
    }),
  );
}

/** The promise of what `run` returns, or of what it throws. */
function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Who takes some page writes off this thread (src/lib/build/link-queue.ts, for the page loop's
 * writes into the out dir): a folder it will make itself with the files written into it, and the
 * files it writes. A folder it takes is not made now, and a recursive mkdir of it answers undefined
 * (as for a folder already there); a file it takes is written later, by the time it says (its flush).
 */
export interface PageHandOff {
  /** True when the folder at the absolute `path` is made with the files written into it. */
  folder(path: string): boolean;
  /** True when it takes the writing of `bytes` at the absolute `path` (the bytes are its own from then on). */
  file(path: string, bytes: Uint8Array): boolean;
}

/** The bytes a plain write (no mode or flag; text in the default or a named encoding) puts in the file, or undefined. */
function plainBytes(data: unknown, options: unknown): Uint8Array | undefined {
  const encoding = typeof options === 'string' ? options : ((options as { encoding?: BufferEncoding } | null | undefined)?.encoding ?? 'utf8');
  const keys = options !== null && typeof options === 'object' ? Object.keys(options) : [];
  if (keys.some((key) => key !== 'encoding')) return undefined;
  if (typeof data === 'string') return Buffer.from(data, encoding as BufferEncoding);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

/**
 * Makes `fs.promises.mkdir(path, { recursive: true })` and `fs.promises.writeFile(path, text or
 * bytes)` synchronous until the returned function is called, or hands them to `handOff`. Calling it
 * again while patched changes nothing (and its restore is the first one's). A build that fails
 * before it restores them leaves them in place, which changes what the process's later calls cost,
 * not what they do. `written` is told of every folder made and file written through them
 * (src/lib/build/out-dir-listing.ts), handed off or not.
 */
export function useSyncPageWrites(written?: (path: unknown) => void, handOff?: PageHandOff): () => void {
  if ((promises.mkdir as Patched<PromiseMkdir>)[SYNC]) return () => {};
  const made = <T>(path: unknown) => (result: T): T => {
    written?.(path);
    return result;
  };
  const originalMkdir = promises.mkdir;
  const originalWriteFile = promises.writeFile;
  const mkdir = function mkdir(path: PathLike, options?: Mode | MakeDirectoryOptions | null): Promise<string | undefined> {
    if (!isRecursive(options)) return (originalMkdir(path, options as Mode) as Promise<undefined>).then(made(path));
    const at = handOff && pathOf(path);
    if (at && handOff!.folder(at)) return Promise.resolve(undefined).then(made(path));
    return settled(() => mkdirSync(path, options)).then(made(path));
  } as Patched<PromiseMkdir>;
  const writeFile = function writeFile(file: Parameters<PromiseWriteFile>[0], data: Parameters<PromiseWriteFile>[1], options?: Parameters<PromiseWriteFile>[2]): Promise<void> {
    if (!writableSync(file, data, options)) return originalWriteFile(file, data, options).then(made(file));
    const at = handOff && pathOf(file);
    const bytes = at && plainBytes(data, options);
    if (at && bytes && handOff!.file(at, bytes)) return Promise.resolve().then(made(file)).then(turnEventLoop);
    return settled(() => {
      // A folder handed off is made with its files: one written here needs it now.
      if (at && handOff!.folder(dirname(at))) mkdirSync(dirname(at), { recursive: true });
      writeFileSync(file as PathLike, data as string | NodeJS.ArrayBufferView, options as WriteFileOptions);
    })
      .then(made(file))
      .then(turnEventLoop);
  } as Patched<PromiseWriteFile>;
  turnedAt = performance.now();
  mkdir[SYNC] = true;
  writeFile[SYNC] = true;
  promises.mkdir = mkdir;
  promises.writeFile = writeFile;
  return () => {
    if (promises.mkdir === mkdir) promises.mkdir = originalMkdir;
    if (promises.writeFile === writeFile) promises.writeFile = originalWriteFile;
  };
}
