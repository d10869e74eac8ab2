/**
 * "Nothing changed since the last build": `npm run build` hashes everything a build reads (the
 * content folder, the project's code and assets, the packages' lockfile, the build's environment
 * and arguments, the Node version) and compares it with the stamp the last successful build left in
 * the build cache. When the inputs are the same and the published folder is exactly as that build
 * left it (every file's path, size and modification time), the build is skipped: its output would
 * be the same bytes. Any difference, a missing stamp or `--force` runs the build.
 */
import { spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputDigests } from './input-digests';
import { replaceFileSync } from './link';

/** Files and folders of the project that a build reads, relative to its root. */
export const PROJECT_INPUTS = ['src', 'public', 'scripts/build.ts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'] as const;

/**
 * Environment variables a build may read: the project's own (KE_HOACH_*, SITE_URL, BASE_PATH,
 * OG_CACHE_DIR), those Vite and Astro expose to the code (PUBLIC_*, VITE_*, ASTRO_*), and those
 * that change how Node runs or formats (NODE_ENV, NODE_OPTIONS, TZ).
 */
export const BUILD_ENV = /^(KE_HOACH_\w+|SITE_URL|BASE_PATH|OG_CACHE_DIR|PUBLIC_\w+|VITE_\w+|ASTRO_\w+|NODE_ENV|NODE_OPTIONS|TZ)$/;

const STAMP_VERSION = 2;

/** What the last successful build left: the key of its inputs and the listing of its output. */
export interface BuildStamp {
  version: number;
  key: string;
  /** Absolute path of the published folder. */
  outDir: string;
  listing: string;
}

/** Every file under `path` (a file or a folder), sorted, as absolute paths; none when it does not exist. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
    // A link counts by what it points to; a link to a folder or to nothing is not a file to hash.
    .filter(({ entry, path }) => entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile() === true))
    .map(({ path }) => path)
    .sort();
}

function hashFiles(hash: Hash, label: string, base: string, files: string[], digests?: InputDigests): void {
  for (const file of files) {
    hash.update(`${label}:${relative(base, file).split(sep).join('/')}:${digests ? digests.of(file).sha256 : createHash('sha256').update(readFileSync(file)).digest('hex')}\n`);
  }
}

/**
 * sha256 of a build's inputs: the content folder's files (paths and bytes), the project inputs,
 * the build variables of `env`, the arguments passed to `astro build` and the Node version. With
 * `digests` (src/lib/build/input-digests.ts), files unchanged since they were last hashed are not read.
 */
export function buildInputsKey(root: string, options: { contentDir: string; env: Record<string, string | undefined>; args: readonly string[]; digests?: InputDigests }): string {
  const hash = createHash('sha256');
  hash.update(`stamp ${STAMP_VERSION}\nnode ${process.version}\nargs ${JSON.stringify(options.args)}\n`);
  const env = Object.entries(options.env)
    .filter(([name, value]) => BUILD_ENV.test(name) && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  hash.update(`env ${JSON.stringify(env)}\n`);
  const content = resolve(root, options.contentDir);
  hashFiles(hash, 'content', content, filesUnder(content), options.digests);
  // Vite reads PUBLIC_* variables from .env files too (.env, .env.local, .env.production…).
  const envFiles = readdirSync(root).filter((name) => name.startsWith('.env'));
  for (const input of [...PROJECT_INPUTS, ...envFiles]) {
    // The content folder may sit inside one of them (a test fixture under src/ would): hashed once.
    hashFiles(hash, 'project', root, filesUnder(join(root, input)).filter((file) => !file.startsWith(content + sep)), options.digests);
  }
  options.digests?.save();
  return hash.digest('hex');
}

/** sha256 of every file's path, size and modification time under `dir`; undefined when it is missing. */
export function outputListing(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    const stat = statSync(file);
    hash.update(`${relative(dir, file).split(sep).join('/')}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The stamp in `file`, or undefined when there is none or it cannot be read. */
export function readStamp(file: string): BuildStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as BuildStamp;
    return stamp.version === STAMP_VERSION ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the stamp of a build that just published `outDir` (written whole, then renamed), unless
 * `still` says, once the folder is listed, that the stamp no longer applies.
 */
export function writeStamp(file: string, key: string, outDir: string, still: () => boolean = () => true): void {
  const listing = outputListing(resolve(outDir));
  if (listing === undefined || !still()) return;
  const stamp: BuildStamp = { version: STAMP_VERSION, key, outDir: resolve(outDir), listing };
  replaceFileSync(file, JSON.stringify(stamp));
}

/** True when the stamp is of the same inputs and `outDir` is exactly what that build published. */
export function isUnchanged(stamp: BuildStamp | undefined, key: string, outDir: string): boolean {
  return stamp !== undefined && stamp.key === key && stamp.outDir === resolve(outDir) && stamp.listing === outputListing(resolve(outDir));
}

/** A folder's identity: its device and inode. A folder renamed into its place is another. */
export function folderId(dir: string): string | undefined {
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : undefined;
}

/** The file that names the process writing the stamp, while it does. */
const writerFile = (stampFile: string): string => `${stampFile}.writing`;

/**
 * `writeStamp`, but only while `outDir` is still the folder the build published (`folder`),
 * checked before and after listing it: a later build that published meanwhile writes its own.
 */
export function writeStampIfStill(file: string, key: string, outDir: string, folder: string): void {
  try {
    const still = () => folderId(outDir) === folder;
    if (still()) writeStamp(file, key, outDir, still);
  } finally {
    rmSync(writerFile(file), { force: true });
  }
}

/**
 * Writes the stamp of a build that just published `outDir` from a process of its own, so the build
 * ends when its site is live: listing the published files takes a second at 5,000 plans and ten at
 * 50,000. Until it is written, `${file}.writing` names that process, and the next build waits for it
 * (`waitForStampWriter`). The previous stamp is removed first, so a build that starts without
 * waiting finds none, and builds.
 */
export function writeStampLater(file: string, key: string, outDir: string): void {
  const folder = folderId(outDir);
  if (folder === undefined) return;
  rmSync(file, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  const code = `const { writeStampIfStill } = await import(${JSON.stringify(import.meta.url)}); writeStampIfStill(...${JSON.stringify([file, key, outDir, folder])});`;
  // Run where tsx is installed: the project root, three folders up from src/lib/build/.
  const cwd = fileURLToPath(new URL('../../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd, detached: true, stdio: 'ignore' });
  if (child.pid === undefined) return;
  writeFileSync(writerFile(file), String(child.pid));
  child.unref();
}

/** Waits (up to `timeoutMs`) for the process that writes the last build's stamp, if one is running. */
export async function waitForStampWriter(file: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    let pid: number;
    try {
      pid = Number(readFileSync(writerFile(file), 'utf8'));
    } catch {
      return;
    }
    try {
      process.kill(pid, 0);
    } catch {
      // That process ended without removing its file.
      rmSync(writerFile(file), { force: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
