/**
 * Putting cached output into a build's out dir without copying its bytes: a hard link to the cached
 * file, or a copy where the filesystem refuses links (the cache on another device, a filesystem
 * without them). A build reuses nearly every file of the last one (36,700 files, about 1 GB at
 * 5,000 plans), so linking saves writing that gigabyte on every build, and deleting the previous
 * site afterwards only removes names, since the cache still holds the files.
 *
 * The rule that makes sharing safe: a cached file is never written in place. The caches that are
 * linked from (Astro's page copies, src/integrations/linked-cache.ts; the search index parts,
 * src/lib/build/reuse-output.ts) replace a file by writing a new one and renaming it over the old
 * name, so a published page keeps its bytes until the next build publishes its own. Nothing may
 * edit files of a published out dir in place either: a deploy step that rewrites pages must write
 * copies (see the README, "Build cache").
 */
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

/** Errors after which a copy is made instead: another device, links not supported or not allowed, too many links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

function refusesLink(error: unknown): boolean {
  return NO_LINK.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Makes `destination` (which must not exist) the same file as `source`, or a copy of it. */
export function linkOrCopySync(source: string, destination: string): void {
  try {
    linkSync(source, destination);
  } catch (error) {
    if (!refusesLink(error)) throw error;
    copyFileSync(source, destination);
  }
}

/**
 * `linkOrCopySync`, except that a `destination` already there (an out dir kept from an earlier
 * build) is replaced, never written into, unless it is already `source`.
 */
export function linkOverSync(source: string, destination: string): void {
  try {
    return linkOrCopySync(source, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (statSync(destination).ino === statSync(source).ino) return;
  if (!replaceWithLinkSync(source, destination)) replaceFileSync(destination, readFileSync(source));
}

/**
 * `place` (`linkOrCopySync` unless said) of each (source, destination), making each destination's
 * folder first unless `made` has it (and adding it); a link that fails is listed in `failures`, and
 * the next goes on.
 */
export function linkAllSync(
  links: readonly (readonly [string, string])[],
  made: Set<string>,
  failures: string[],
  place: (source: string, destination: string) => void = linkOrCopySync,
): void {
  for (const [source, destination] of links) placeSync(destination, made, failures, () => place(source, destination));
}

/**
 * A page to write into a build's out dir (which must not hold `file` yet), and where the build's
 * cache keeps its copy: `keep` is made the same file (a link renamed over the old copy, or a copy
 * where links are refused), as src/integrations/linked-cache.ts keeps every page it writes.
 */
export interface PageWrite {
  file: string;
  bytes: Uint8Array;
  keep?: string;
}

/** A link to make (source, destination), or a page to write. */
export type Placement = readonly [string, string] | PageWrite;

/** `linkAllSync` of the links and `writePageSync` of the pages, in order, with the same folders and failures. */
export function placeAllSync(placements: readonly Placement[], made: Set<string>, failures: string[]): void {
  for (const placement of placements) {
    if (Array.isArray(placement)) {
      const [source, destination] = placement as readonly [string, string];
      placeSync(destination, made, failures, () => linkOrCopySync(source, destination));
    } else {
      const page = placement as PageWrite;
      placeSync(page.file, made, failures, () => writePageSync(page));
    }
  }
}

/** Writes the page, then makes the cache's copy of it. */
export function writePageSync({ file, bytes, keep }: PageWrite): void {
  writeFileSync(file, bytes);
  if (keep !== undefined && !replaceWithLinkSync(file, keep)) replaceFileSync(keep, bytes);
}

/** Runs `place`, which makes `file`, after making its folder unless `made` has it (adding it); a failure is listed in `failures`. */
function placeSync(file: string, made: Set<string>, failures: string[], place: () => void): void {
  try {
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    place();
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Makes `file` the same file as `source`: a hard link made under a temporary name and renamed over
 * whatever `file` was, so a published link to the old file keeps its bytes, as with `replaceFile`.
 * False, changing nothing, where the filesystem refuses links (the caller writes a copy instead).
 */
export function replaceWithLinkSync(source: string, file: string): boolean {
  const temporary = temporaryName(file);
  try {
    inFolderSync(file, () => linkSync(source, temporary));
  } catch (error) {
    if (refusesLink(error)) return false;
    throw error;
  }
  renameSync(temporary, file);
  return true;
}

/**
 * Puts every file under `source` at the same relative path under `destination` with
 * `linkOrCopySync`, creating folders as needed; `skip(relativePath)` leaves a file or a whole folder
 * out. `destination` must not hold those files yet.
 */
export function linkTree(source: string, destination: string, skip: (relativePath: string) => boolean = () => false): number {
  let files = 0;
  // Relative paths are built as the walk goes down (`path.relative` for each of a search bundle's
  // 54,000 files cost more than the links).
  const walk = (rel: string) => {
    const from = rel === '' ? source : join(source, rel);
    mkdirSync(rel === '' ? destination : join(destination, rel), { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}${sep}${entry.name}`;
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        linkOrCopySync(join(from, entry.name), join(destination, path));
        files += 1;
      }
    }
  };
  walk('');
  return files;
}

/**
 * Writes `body` to `file` as a new file renamed over the old name, never into the old file, which a
 * published out dir may share (see above). A crash leaves the old file or the new one, never half.
 */
export async function replaceFile(file: string, body: string | Uint8Array): Promise<void> {
  const temporary = temporaryName(file);
  try {
    await writeFile(temporary, body);
  } catch (error) {
    if (!missingFolder(error)) throw error;
    makeFolderOf(file);
    await writeFile(temporary, body);
  }
  await rename(temporary, file);
}

/**
 * `replaceFile`, synchronously: the caches' records and the build stamp are written this way too. A
 * body in pieces (a whole table's file, up to 250 MB at 50,000 plans) is written piece by piece,
 * in order, never joined.
 */
export function replaceFileSync(file: string, body: string | Uint8Array | readonly Uint8Array[]): void {
  const temporary = temporaryName(file);
  inFolderSync(file, () => (typeof body === 'string' || body instanceof Uint8Array ? writeFileSync(temporary, body) : writePiecesSync(temporary, body)));
  renameSync(temporary, file);
}

/** Writes `pieces` one after another into a new `file` (a write may take part of a piece: the rest follows). */
function writePiecesSync(file: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const piece of pieces) for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
  } finally {
    closeSync(fd);
  }
}

/**
 * A write failed because its folder is not there yet. The writers here try first and make the
 * folder only then: nearly every write goes into a folder made before (a cold build at 5,000 plans
 * writes some 30,000 cache records into 256 folders a namespace), so a recursive mkdir before each
 * write was a call for nothing. The folder is made synchronously: the promise API's recursive mkdir
 * costs about four times as much (src/lib/build/sync-fs.ts).
 */
function missingFolder(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function makeFolderOf(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

/** Runs `write`, which makes a file beside `file`; when `file`'s folder is missing, makes it and runs `write` again. */
function inFolderSync(file: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!missingFolder(error)) throw error;
    makeFolderOf(file);
    write();
  }
}

let written = 0;
/** A name beside `file` no other writer uses: this process's id and a counter (two writes may overlap). */
function temporaryName(file: string): string {
  return `${file}.${process.pid}-${++written}.tmp`;
}


/** A file of a build's out dir that is a cached file: its path under the out dir and the file in the cache. */
export interface PublishedFile {
  path: string;
  file: string;
}

/**
 * Puts each file at its path under `outDir`: a hard link to the cached file (a copy where links are
 * refused), replacing a file already there unless it is that file (`linkOverSync`). Fails naming
 * every file it could not place (ten of them, then how many more), so a build never publishes a
 * site with files missing; `what` names the files in that message ("ảnh chia sẻ") and `unit`
 * counts the rest ("ảnh").
 */
export function publishFilesSync(outDir: string, files: readonly PublishedFile[], what: string, unit: string): void {
  const failures: string[] = [];
  linkAllSync(
    files.map(({ path, file }) => [file, join(outDir, path)]),
    new Set(),
    failures,
    linkOverSync,
  );
  if (failures.length > 0) {
    const more = failures.length > 10 ? `\n(và ${failures.length - 10} ${unit} khác)` : '';
    throw new Error(`Không đặt được ${failures.length} ${what} vào thư mục build:\n${failures.slice(0, 10).join('\n')}${more}`);
  }
}

/**
 * Moves the folder `from` to `to`, which must not exist yet (or be an empty folder): one rename,
 * however many files it holds, for a folder of links another process prepared
 * (src/lib/build/staging.ts). False, moving nothing, where it cannot: `from` missing, `to` already
 * holding files, or the two on different devices; the caller then places the files one by one.
 */
export function moveFolderSync(from: string, to: string): boolean {
  try {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    return true;
  } catch (error) {
    if (CANNOT_MOVE.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

const CANNOT_MOVE = new Set(['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EXDEV', 'ENOTDIR', 'EISDIR', 'EPERM', 'EACCES']);

/**
 * Removes every file under `dir` (its folders too) that `keep` does not list by full path, except a
 * writer's temporary file (`….tmp`, renamed into place when done): for a cache of files named by
 * their content's hash, which would otherwise keep every old version. A site published before keeps
 * the files it links. A file it cannot remove (a read-only cache) stays. Returns how many files it removed.
 */
export function removeOtherFilesSync(dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    const file = join(entry.parentPath, entry.name);
    if (keep.has(file)) continue;
    try {
      rmSync(file, { force: true });
      removed += 1;
    } catch {
      // A read-only cache keeps what it has: pruning saves disk, a build never fails for it.
    }
  }
  return removed;
}
