/**
 * The on-disk cache of content parsing: `.cache/content/` in the project (with every other build
 * cache under `.cache/`, kept between deploys). A record is keyed by a SHA-256 of the input bytes
 * and of the code that reads them (`pipelineFingerprint`), so an unchanged file is not parsed,
 * validated or rendered again, by `npm run check` or by the build, and a change to the file, the
 * schemas, the body pipeline or a dependency is a miss. Records of older code are removed when new
 * code first writes; records of old versions of a file stay until then. Deleting the folder only
 * costs time.
 */
import { createHash } from 'node:crypto';
import { buildCachePath, inputDigestsFile } from '../build/cache-dir';
import { inputDigests, type InputDigests } from '../build/input-digests';
import { removeOtherFilesSync, replaceFileSync } from '../build/link';
import { PRUNE_LEDGER, pruneWhenDue } from '../build/prune-ledger';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/**
 * The project root, found from this file (src/lib/content/cache.ts) rather than from the working
 * directory; inside Astro's bundled pages this module lives in a build chunk, so there the working
 * directory (where `astro build` runs) is the root. Without the sources the cache is off.
 */
const PROJECT_ROOT = [fileURLToPath(new URL('../../../', import.meta.url)), process.cwd()].find((dir) => existsSync(join(dir, 'src/lib/content/cache.ts'))) ?? process.cwd();

/** Where the records live, relative to the project root. */

/** Environment variable that turns the cache off (`KE_HOACH_CONTENT_CACHE=off`), e.g. to time a cold parse. */
export const CONTENT_CACHE_ENV = 'KE_HOACH_CONTENT_CACHE';

/** Source folders whose code decides what a record holds: the loaders, the schemas and the rules they call. */
const CODE_DIRS = ['src/lib/content', 'src/schemas', 'src/lib/vn', 'src/lib/documents'];

const fingerprints = new Map<string, string | null>();

/**
 * A hash of source files and folders of the project (paths relative to its root; a folder is every
 * .ts/.js/.mjs/.json file under it), or null when the sources are not where this module expects
 * them (then nothing is cached rather than risk a stale record). Computed once per process.
 * @example sourceFingerprint(['src/lib', 'package-lock.json'])
 */
export function sourceFingerprint(parts: readonly string[]): string | null {
  const id = parts.join('\0');
  const known = fingerprints.get(id);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  let fingerprint: string | null;
  try {
    for (const part of parts) {
      const abs = join(PROJECT_ROOT, part);
      if (!statSync(abs).isDirectory()) {
        hash.update(readFileSync(abs));
        continue;
      }
      for (const name of readdirSync(abs, { recursive: true }).map(String).sort()) {
        const file = join(abs, name);
        if (!/\.(ts|js|mjs|json)$/.test(name) || !statSync(file).isFile()) continue;
        hash.update(`${part}/${name}\0`).update(readFileSync(file)).update('\0');
      }
    }
    fingerprint = hash.digest('hex');
  } catch {
    fingerprint = null;
  }
  fingerprints.set(id, fingerprint);
  return fingerprint;
}

/** A hash of the code and dependencies that produce cached records (null: caching is off). */
export function pipelineFingerprint(): string | null {
  return sourceFingerprint([...CODE_DIRS, 'package-lock.json']);
}

/** Whether records are kept: the code fingerprint is known and the cache is not turned off (`KE_HOACH_CONTENT_CACHE=off`). */
export function contentCacheEnabled(): boolean {
  return process.env[CONTENT_CACHE_ENV] !== 'off' && pipelineFingerprint() !== null;
}

/** The key of a record: the pipeline fingerprint and every input part, hashed. */
export function cacheKey(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256').update(pipelineFingerprint() ?? '');
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

/**
 * The digests of content files kept between runs (src/lib/build/input-digests.ts; the record
 * `npm run build` also keeps), or none when the cache is off: then every file is read.
 */
export function contentFileDigests(): InputDigests | undefined {
  return contentCacheEnabled() ? inputDigests(inputDigestsFile(PROJECT_ROOT)) : undefined;
}

/** The content cache's folder: `content/` in the build cache (`.cache/`, or KE_HOACH_CACHE_DIR). */
export function contentCacheRoot(): string {
  return buildCachePath('content', PROJECT_ROOT);
}

/** Records live under a folder named after the code that wrote them: `.cache/content/{fingerprint}/{namespace}/…`. */
function generationDir(): string {
  return join(contentCacheRoot(), pipelineFingerprint()!.slice(0, 16));
}

function recordPath(namespace: string, key: string): string {
  return join(generationDir(), namespace, key.slice(0, 2), `${key}.bin`);
}

let pruned = false;

/** Records written by other code can never be read again (their keys differ): remove them, once per process. */
function pruneOtherGenerations(): void {
  if (pruned) return;
  pruned = true;
  const parent = contentCacheRoot();
  const current = generationDir();
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    if (join(parent, name) !== current) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** The record stored for `key`, if any (undefined also when the cache is off or the file is torn). */
export function cachedRecord<T>(namespace: string, key: string): T | undefined {
  if (!contentCacheEnabled()) return undefined;
  try {
    return deserialize(readFileSync(recordPath(namespace, key))) as T;
  } catch {
    // No record yet, or a torn or foreign file: the caller computes it and writes it.
    return undefined;
  }
}

/**
 * The record for `key`, or the result of `compute` (stored for next time). Records are stored with
 * the structured-clone serializer, so `undefined` array items (a failed field) survive the trip.
 * @example cached('bodies', cacheKey(body), () => processBody(body))
 */
export function cached<T>(namespace: string, key: string, compute: () => T): T {
  if (!contentCacheEnabled()) return compute();
  const found = cachedRecord<T>(namespace, key);
  if (found !== undefined) return found;
  const value = compute();
  storeRecord(namespace, key, value);
  return value;
}

/**
 * Stores `value` as the record for `key`, replacing any record there: for a record rewritten by
 * every build (what the last build computed, read back by the next one), where `cached` writes
 * only records that are missing.
 */
export function storeRecord(namespace: string, key: string, value: unknown): void {
  if (contentCacheEnabled()) storeRecordFile(namespace, key, serialize(value));
}

function storeRecordFile(namespace: string, key: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  if (!contentCacheEnabled()) return;
  try {
    pruneOtherGenerations();
    // Written whole, then renamed, so a concurrent reader never sees half a record.
    replaceFileSync(recordPath(namespace, key), bytes);
  } catch {
    // A read-only checkout still works, uncached.
  }
}

/**
 * The bytes stored for `key` by `storeBytes`, as they are (no structured clone to undo: a part of a
 * published file, read whole), or undefined.
 */
export function cachedBytes(namespace: string, key: string): Buffer | undefined {
  if (!contentCacheEnabled()) return undefined;
  try {
    return readFileSync(recordPath(namespace, key));
  } catch {
    return undefined;
  }
}

/** Stores `bytes` (whole, or in pieces written in order) as they are for `key` (read back by `cachedBytes`), replacing any record there. */
export function storeBytes(namespace: string, key: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  storeRecordFile(namespace, key, bytes);
}

/**
 * The file holding the bytes `storeBytes` stored for `key`, or undefined: for a published file that
 * is linked from here (src/lib/build/link.ts). Such a file is only ever replaced, never written in
 * place, so a link keeps its bytes.
 */
export function cachedBytesFile(namespace: string, key: string): string | undefined {
  const at = bytesFileAt(namespace, key);
  return at?.kept ? at.file : undefined;
}

/**
 * Where `storeBytes` keeps the bytes of `key`, or would, and whether they are there now; undefined
 * with the cache off. For a process that links the files the cache has and leaves the others to
 * whoever renders them (src/lib/opendata/publish.ts).
 */
export function bytesFileAt(namespace: string, key: string): { file: string; kept: boolean } | undefined {
  if (!contentCacheEnabled()) return undefined;
  const file = recordPath(namespace, key);
  return { file, kept: existsSync(file) };
}

/**
 * Whether `namespace` holds any bytes `storeBytes` stored (for this code of the content pipeline):
 * a file in one of its folders (`recordPath`: by the key's first two characters), which a prune may
 * have emptied; false with the cache off.
 */
export function holdsBytes(namespace: string): boolean {
  if (!contentCacheEnabled()) return false;
  const root = join(generationDir(), namespace);
  const entries = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return entries(root).some((folder) => entries(join(root, folder)).length > 0);
}

/**
 * Removes every file `storeBytes` stored in `namespace` but those in `keep` (paths from
 * `cachedBytesFile`): for bytes only the current content needs, which would otherwise pile up with
 * every edit and every change of the code. Given `written`, the files of `keep` this build is still
 * to write (the others are there), only when the files left behind may be more than a tenth of
 * those kept (src/lib/build/prune-ledger.ts), since finding them lists the whole namespace. Returns
 * how many it removed.
 */
export function pruneBytes(namespace: string, keep: ReadonlySet<string>, written?: number): number {
  if (!contentCacheEnabled()) return 0;
  const root = join(generationDir(), namespace);
  if (!existsSync(root)) {
    if (written === undefined) return 0;
    // A cold build: nothing to prune, and a ledger to start from (its files are all still to be written).
    mkdirSync(root, { recursive: true });
  }
  // The ledger stays, whoever prunes; the set is made only for a prune.
  const prune = () => removeOtherFilesSync(root, new Set([...keep, join(root, PRUNE_LEDGER)]));
  return written === undefined ? prune() : pruneWhenDue(root, namespace, keep.size, written, prune);
}

/** Removes the record for `key`, if there is one: for records only the last build needs. */
export function removeRecord(namespace: string, key: string): void {
  if (!contentCacheEnabled()) return;
  try {
    rmSync(recordPath(namespace, key), { force: true });
  } catch {
    // A read-only cache keeps what it has: the record is only never read again.
  }
}

/** Many small records read together, kept as one record (`recordPack`). */
export interface RecordPack<T> {
  /** The value kept for `entry` by this process or by the last one that saved the pack. */
  get(entry: string): T | undefined;
  /** Keeps `value` for `entry`; the pack is saved when the process exits. */
  set(entry: string, value: T): void;
  /** Writes the pack now, if anything was added since it was read or saved. */
  save(): void;
}

/** One pack per namespace and key in the process, shared by every copy of this module (a build bundles one into its pages). */
const packs = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.record-packs')] ??= new Map()) as Map<string, RecordPack<unknown>>;

/**
 * Small records that are read together, kept in one record under `key`: a build reads the kept
 * summary of every plan's record (50,000 of them, 5 s as one file each), and a pack is one read.
 * A process adds what it computed and saves the pack when it exits, once, if it added anything:
 * what it used, with the entries of the pack it read unless those outnumber what it used twice
 * over (then most of them are of files gone or changed, and are dropped). Values must survive
 * the structured-clone serializer.
 */
export function recordPack<T>(namespace: string, key: string): RecordPack<T> {
  const id = `${namespace}\0${key}`;
  const known = packs.get(id);
  if (known) return known as RecordPack<T>;
  let kept: Map<string, T> | undefined;
  const used = new Map<string, T>();
  let added = false;
  const read = () => (kept ??= cachedRecord<Map<string, T>>(namespace, key) ?? new Map());
  const pack: RecordPack<T> = {
    get(entry) {
      const value = used.get(entry) ?? read().get(entry);
      if (value !== undefined) used.set(entry, value);
      return value;
    },
    set(entry, value) {
      used.set(entry, value);
      const before = read().get(entry);
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(value)) added = true;
    },
    save() {
      if (!added) return;
      added = false;
      const old = read();
      kept = old.size > 2 * used.size ? new Map(used) : new Map([...old, ...used]);
      storeRecord(namespace, key, kept);
    },
  };
  // One listener for every pack of the process, shared like the registry.
  if (packs.size === 0) process.once('exit', saveRecordPacks);
  packs.set(id, pack as RecordPack<unknown>);
  return pack;
}

/** Saves every pack of the process now (`RecordPack.save`), as its exit would. */
export function saveRecordPacks(): void {
  for (const pack of packs.values()) pack.save();
}
