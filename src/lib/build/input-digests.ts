/**
 * sha256 of a build's input files (the content folder, the project's code) without reading the ones
 * that did not change since they were last hashed. Every build hashes the whole content folder twice before it renders
 * anything: `npm run build`, to know whether anything changed (src/lib/build/unchanged.ts), and the
 * content loader, to find each file's parse in the content cache (src/lib/content/load.ts). That is
 * 66 MB read and hashed for each at 5,000 plans, 660 MB at 50,000.
 *
 * A file whose inode, size, modification time and change time are those recorded with its digest has
 * that digest: the stat cache `git status` keeps, with git's guard against "racy" files. Content is
 * edited in place (an editor's save, `git checkout`), and a file changed twice within one tick of the
 * filesystem's clock could keep its times; so a digest is only recorded for a file whose times are
 * at least `RACY_MS` in the past when it is hashed. A later write then moves its change time, which
 * no program can set back, away from the recorded one. (src/lib/build/digest-cache.ts does the same for
 * the out dir, whose files are never written in place.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readFilesRecord } from './digest-cache';
import { replaceFileSync } from './link';

const VERSION = 1;
/** A file changed less than this long before it is hashed is hashed again next time. */
export const RACY_MS = 2000;

/** What the record keeps of a file: inode, size, modification and change times (ms, fractional) and sha256. */
type Recorded = [ino: number, size: number, mtimeMs: number, ctimeMs: number, sha256: string];

/** What the record compares of a file's stat. */
export type FileTimes = Pick<Stats, 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>;

export interface InputDigests {
  /**
   * The sha256 (hex) of the file at the absolute `path`, and its bytes when they had to be read
   * (its record did not match). `stat` is the file's stat when the caller has just taken it.
   */
  of(path: string, stat?: FileTimes): { sha256: string; bytes?: Buffer };
  /** Writes the record if anything was added or changed (whole, then renamed), without files that no longer exist. */
  save(): void;
  /** Files read and hashed by `of` since the record was loaded. */
  readonly reads: number;
}

/** One record per file and process, shared by every copy of this module (Astro loads it several times). */
const open = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.input-digests')] ??= new Map()) as Map<string, InputDigests>;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface InputDigestsOptions {
  /** `RACY_MS` unless a test says otherwise. */
  racyMs?: number;
  /** A new reader of the record, not the one this process already holds (a test's "next run"). */
  fresh?: boolean;
}

/**
 * The digests kept in `recordFile` (read once per process).
 * @example inputDigests('.cache/input-digests.json').of('/srv/site/content/plans/2024/a.mdx')
 */
export function inputDigests(recordFile: string, { racyMs = RACY_MS, fresh = false }: InputDigestsOptions = {}): InputDigests {
  const known = open.get(recordFile);
  if (known && !fresh) return known;
  const files = readFilesRecord<Recorded>(recordFile, VERSION);
  const seen = new Set<string>();
  let changed = false;
  let reads = 0;

  const remember = (path: string, stat: FileTimes, digest: string) => {
    if (Math.max(stat.mtimeMs, stat.ctimeMs) > Date.now() - racyMs) {
      // Too recent to trust its times next time: hashed again then.
      if (files.delete(path)) changed = true;
      return;
    }
    files.set(path, [stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs, digest]);
    changed = true;
  };

  const digests: InputDigests = {
    of(path, taken) {
      seen.add(path);
      const stat = taken ?? statSync(path);
      const entry = files.get(path);
      if (entry && entry[0] === stat.ino && entry[1] === stat.size && entry[2] === stat.mtimeMs && entry[3] === stat.ctimeMs) return { sha256: entry[4] };
      const bytes = readFileSync(path);
      reads += 1;
      const digest = sha256(bytes);
      // With the times of the stat taken before the read: a later write moves the file's times.
      remember(path, stat, digest);
      return { sha256: digest, bytes };
    },
    save() {
      if (!changed) return;
      // Files of other folders (the site's content and a test's fixtures share the record) stay;
      // files that no longer exist go, so the record does not grow with every deleted folder.
      for (const path of files.keys()) if (!seen.has(path) && !existsSync(path)) files.delete(path);
      try {
        replaceFileSync(recordFile, JSON.stringify({ version: VERSION, files: Object.fromEntries(files) }));
        changed = false;
      } catch {
        // A read-only cache: the next run hashes again.
      }
    },
    get reads() {
      return reads;
    },
  };
  if (!fresh) open.set(recordFile, digests);
  return digests;
}
