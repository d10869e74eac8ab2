/**
 * sha256 of many files of an out dir, reading only those that changed: a file whose inode, size
 * and modification time are those recorded by the last build has the digest recorded then (the
 * stat cache `git status` keeps for the same reason). Pages taken from the build cache are links to
 * its files (src/lib/build/link.ts), so after one edit nearly every file is the same inode as before
 * and is not read again. Nothing in a build writes a file in place, so a file with other bytes has
 * another inode or another modification time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import pLimit from 'p-limit';
import { replaceFile } from './link';
import { sha256Hex } from '../opendata/checksums';

/** Reads in flight: libuv reads while this thread hashes. */
const READS_IN_FLIGHT = 32;
const VERSION = 1;

/** What the record keeps of a file: inode, size, modification time (ms, fractional) and sha256. */
type Recorded = [ino: number, size: number, mtimeMs: number, sha256: string];

/**
 * The files of a digest record (`{ version, files }`, this module's and src/lib/build/input-digests.ts's),
 * by path; empty when the file is missing, unreadable or of another version.
 */
export function readFilesRecord<T>(file: string, version: number): Map<string, T> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; files: Record<string, T> };
    return data.version === version ? new Map(Object.entries(data.files)) : new Map();
  } catch {
    return new Map();
  }
}

/** Another folder's digest record to take a file's digest from (`fileDigests`): its file, and the prefix of the paths it covers. */
export interface DigestSeed {
  recordFile: string;
  under: string;
}

/**
 * The sha256 (hex) of each file under `dir`, by relative path, in the order given (the record is kept
 * by relative path, since each build writes into a new staging folder). `recordFile` keeps what the
 * next call needs (written whole, then renamed, and holding only these files). `read` counts the
 * files that were read. A file `known` has a digest for (by relative path) takes it: neither read
 * nor stated, nor kept in the record (src/lib/build/staging.ts computed it in another process).
 * A file the record lacks is looked up in `seed`'s record too, when given: another folder's record
 * (`seed.recordFile`, kept by path under that folder) where this file's path lies under `seed.under`;
 * its digest is taken only for the same inode, size and modification time, so for the same bytes.
 */
export async function fileDigests(
  dir: string,
  files: readonly string[],
  recordFile: string,
  known: ReadonlyMap<string, string> = new Map(),
  seed?: DigestSeed,
): Promise<{ digests: string[]; read: number }> {
  const recorded = readFilesRecord<Recorded>(recordFile, VERSION);
  let seeded: Map<string, Recorded> | undefined;
  const seedOf = (file: string): Recorded | undefined => {
    if (!seed || !file.startsWith(seed.under)) return undefined;
    seeded ??= readFilesRecord<Recorded>(seed.recordFile, VERSION);
    return seeded.get(file.slice(seed.under.length).split('/').join(sep));
  };
  const next: Record<string, Recorded> = {};
  const digests: string[] = new Array(files.length);
  // Stated one after the other on this thread: nearly every file is unchanged after an edit, and a
  // promise and a trip to libuv's threads for each stat cost 1.9 s for the 48,709 files under api/v1
  // at 50,000 plans, where synchronous stats take a fraction of that. Only changed files are read.
  const changed: number[] = [];
  files.forEach((file, i) => {
    const given = known.get(file);
    if (given !== undefined) {
      digests[i] = given;
      return;
    }
    const { ino, size, mtimeMs } = statSync(join(dir, file));
    const kept = recorded.get(file) ?? seedOf(file);
    if (kept && kept[0] === ino && kept[1] === size && kept[2] === mtimeMs) digests[i] = kept[3];
    else changed.push(i);
    next[file] = [ino, size, mtimeMs, digests[i] ?? ''];
  });
  const limit = pLimit(READS_IN_FLIGHT);
  await Promise.all(
    changed.map((i) =>
      limit(async () => {
        const file = files[i]!;
        digests[i] = sha256Hex(await readFile(join(dir, file)));
        next[file]![3] = digests[i];
      }),
    ),
  );
  await replaceFile(recordFile, JSON.stringify({ version: VERSION, files: next }));
  return { digests, read: changed.length };
}

/**
 * Every file under `root`, by path relative to it, in the listing's order. A path `isKnownFile`
 * accepts is taken as a file without a stat (a file another step placed there); any other entry is
 * stated to tell files from folders. One recursive listing of names: a listing with file types,
 * and `path.relative` to turn each entry back into a relative path, took 0.5–1 s for the 48,709
 * files of api/v1 at 50,000 plans, against 0.06–0.13 s for the names alone.
 */
export function filesUnder(root: string, isKnownFile: (path: string) => boolean = () => false): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => isKnownFile(path) || statSync(join(root, path)).isFile());
}

/**
 * The sha256 of files adopted into out dirs this build (src/lib/build/staging.ts: a staged folder
 * moved in with the digests its stager computed), by out dir and path under it, so that
 * `folderDigests` neither reads nor stats them. Shared by every copy of this module in the process;
 * `forgetAdoptedDigests` empties it when a build starts, so that a build never takes another's.
 */
const adopted = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.adopted-digests')] ??= new Map()) as Map<string, Map<string, string>>;

/** The sha256 of the files adopted into `outDir` since the build started, by path under it with `/` (to add to, or read). */
export function adoptedDigests(outDir: string): Map<string, string> {
  const dir = resolve(outDir);
  let known = adopted.get(dir);
  if (!known) adopted.set(dir, (known = new Map()));
  return known;
}

/** Forgets every adopted file's digest: called when a build starts. */
export function forgetAdoptedDigests(): void {
  adopted.clear();
}

/**
 * The sha256 of every file under `outDir/folder` but those `leaveOut` names, by path under the folder
 * with `/`, in the listing's order: an adopted file's digest as given (`adoptedDigests`), any other's from
 * `fileDigests` and `recordFile`. `read` counts the files read, `given` those adopted.
 * @example folderDigests('dist', 'api/v1', '.cache/checksums.json', ['SHA256SUMS'])
 */
export async function folderDigests(
  outDir: string,
  folder: string,
  recordFile: string,
  leaveOut: readonly string[] = [],
): Promise<{ entries: { path: string; sha256: string }[]; read: number; given: number }> {
  const root = join(outDir, folder);
  const known = new Map<string, string>();
  for (const [path, sha256] of adoptedDigests(outDir)) if (path.startsWith(`${folder}/`)) known.set(path.slice(folder.length + 1).split('/').join(sep), sha256);
  const skipped = new Set(leaveOut.map((path) => path.split('/').join(sep)));
  const files = filesUnder(root, (path) => known.has(path)).filter((path) => !skipped.has(path));
  const { digests, read } = await fileDigests(root, files, recordFile, known);
  const entries = files.map((file, i) => ({ path: file.split(sep).join('/'), sha256: digests[i]! }));
  return { entries, read, given: files.filter((file) => known.has(file)).length };
}
