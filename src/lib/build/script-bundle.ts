/**
 * Browser scripts bundled once per content of their inputs, not in every build. Astro bundles a
 * page's `<script>` with Vite's client build on every `astro build`; for the staff editor's two
 * scripts (the importer carries pdf.js, mammoth and the editor's previews: 2.5 MB of JavaScript)
 * that took about 2 s of every build, also after an edit that only touched one plan.
 *
 * `bundleScripts` builds the entries with Vite (the same bundler and version as Astro's) into the
 * build cache, and records every file the bundle was made from (each module Vite read, by path and
 * sha256) beside the settings it was made with (the bundler's options, the lockfile, tsconfig.json,
 * package.json). The next call re-hashes those files: when every one is the same, the bundle is
 * reused as it is; when any differs (an edited script, an upgraded package), it is built again. A
 * new import can only come from a changed file, so the recorded files are all there is to check.
 * Output names carry a hash of their bytes, and the chunks load each other by relative URL, so the
 * bundle does not depend on the site's base path.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { replaceFileSync } from './link';

const MANIFEST = 'manifest.json';
const MANIFEST_VERSION = 1;

/** One entry's output: its script and the stylesheets its imports pulled in, as file names of the bundle. */
export interface BundledEntry {
  script: string;
  styles: string[];
}

/** What `bundleScripts` keeps in the cache, and returns. */
export interface ScriptBundle {
  version: number;
  /** Hash of the bundler's options and the project files that steer it (see `bundleSettings`). */
  settings: string;
  /** Every file the bundle was made from: path relative to the project root → sha256. */
  inputs: Record<string, string>;
  /** The folder of the bundle's files, under the cache folder. */
  folder: string;
  /** Each output file's name → sha256 of its bytes. */
  files: Record<string, string>;
  entries: Record<string, BundledEntry>;
}

export interface BundleOptions {
  /** Project root: entries and recorded inputs are relative to it. */
  root: string;
  /** Folder the bundles are kept in (a part of the build cache). */
  cacheDir: string;
  /** Entry name → script path relative to the root. */
  entries: Record<string, string>;
}

export interface BundleResult {
  bundle: ScriptBundle;
  /** The absolute folder of the bundle's files. */
  dir: string;
  /** False when the kept bundle was reused. */
  built: boolean;
  ms: number;
}

function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

function fileSha256(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The version of an installed package, as the project resolves it. */
function packageVersion(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'none';
  }
}

/** Files of the project that steer the bundler without being modules of the bundle. */
const STEERING_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];

/** The Vite options of a bundle (output into `outDir`). */
function viteOptions(options: BundleOptions, outDir: string) {
  return {
    configFile: false as const,
    envDir: false as const,
    root: options.root,
    // Relative: chunks and preloads address each other from where they are, whatever the site's base.
    base: './',
    mode: 'production',
    publicDir: false as const,
    logLevel: 'warn' as const,
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      assetsInlineLimit: 0,
      // The importer's pdf.js is 1.6 MB on its own, loaded only when a PDF is opened.
      chunkSizeWarningLimit: 2048,
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(options.entries).map(([name, file]) => [name, resolve(options.root, file)])),
        output: { entryFileNames: '[name].[hash].js', chunkFileNames: '[name].[hash].js', assetFileNames: '[name].[hash][extname]' },
      },
    },
  };
}

/**
 * The settings key of a bundle: the bundler's options and versions and the project files that steer
 * it. A bundle made under other settings is never reused.
 */
export function bundleSettings(options: BundleOptions): string {
  const steering = STEERING_FILES.map((file) => [file, fileSha256(join(options.root, file)) ?? null]);
  const versions = ['vite', 'rolldown'].map((name) => [name, packageVersion(options.root, name)]);
  return sha256(JSON.stringify([MANIFEST_VERSION, viteOptions(options, ''), versions, steering, process.version.split('.')[0]]));
}

/** The kept bundle when it was made under `settings` from files that are all unchanged; else undefined. */
export function keptBundle(options: BundleOptions, settings: string): ScriptBundle | undefined {
  let bundle: ScriptBundle;
  try {
    bundle = JSON.parse(readFileSync(join(options.cacheDir, MANIFEST), 'utf8')) as ScriptBundle;
  } catch {
    return undefined;
  }
  if (bundle.version !== MANIFEST_VERSION || bundle.settings !== settings) return undefined;
  for (const [file, digest] of Object.entries(bundle.inputs)) if (fileSha256(resolve(options.root, file)) !== digest) return undefined;
  const dir = join(options.cacheDir, bundle.folder);
  for (const [file, digest] of Object.entries(bundle.files)) if (fileSha256(join(dir, file)) !== digest) return undefined;
  return bundle;
}

/** A module id of Vite's output as a project file (relative path), or undefined for virtual modules. */
function inputFile(root: string, id: string): string | undefined {
  if (id.startsWith('\0')) return undefined;
  const path = id.replace(/[?#].*$/, '');
  if (!isAbsolute(path) || !existsSync(path)) return undefined;
  return relative(root, path).split(sep).join('/');
}

interface OutputChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  name: string;
  moduleIds: string[];
  viteMetadata?: { importedCss: Set<string> };
}
interface OutputAsset {
  type: 'asset';
  fileName: string;
  originalFileNames?: string[];
}

/**
 * The bundle of `options.entries`: the kept one when its inputs are unchanged, else a new one built
 * with Vite into the cache (replacing the old).
 */
export async function bundleScripts(options: BundleOptions): Promise<BundleResult> {
  const started = performance.now();
  const settings = bundleSettings(options);
  const kept = keptBundle(options, settings);
  if (kept) return { bundle: kept, dir: join(options.cacheDir, kept.folder), built: false, ms: performance.now() - started };

  mkdirSync(options.cacheDir, { recursive: true });
  const building = join(options.cacheDir, `building-${process.pid}`);
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build(viteOptions(options, building));
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((one) => ('output' in one ? one.output : [])) as (OutputChunk | OutputAsset)[];

  const inputs = new Set<string>();
  const entries: Record<string, BundledEntry> = {};
  for (const output of outputs) {
    const ids = output.type === 'chunk' ? output.moduleIds : (output.originalFileNames ?? []).map((file) => resolve(options.root, file));
    for (const id of ids) {
      const file = inputFile(options.root, id);
      if (file !== undefined) inputs.add(file);
    }
    if (output.type === 'chunk' && output.isEntry) entries[output.name] = { script: output.fileName, styles: [...(output.viteMetadata?.importedCss ?? [])].sort() };
  }
  for (const name of Object.keys(options.entries)) if (!entries[name]) throw new Error(`script bundle: no output for the entry "${name}"`);

  const files: Record<string, string> = {};
  for (const file of readdirSync(building, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    files[relative(building, path).split(sep).join('/')] = fileSha256(path)!;
  }
  // Named by its files; one left by an earlier build (altered, or else the kept bundle would have
  // been reused) is replaced.
  const folder = `bundle-${sha256(JSON.stringify(Object.entries(files).sort())).slice(0, 16)}`;
  const dir = join(options.cacheDir, folder);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  const sortedInputs = Object.fromEntries([...inputs].sort().map((file) => [file, fileSha256(resolve(options.root, file))!]));
  const bundle: ScriptBundle = { version: MANIFEST_VERSION, settings, inputs: sortedInputs, folder, files, entries };
  replaceFileSync(join(options.cacheDir, MANIFEST), JSON.stringify(bundle, null, 1));
  // Older bundles: their files were served by copy, never linked, so they can go.
  for (const name of readdirSync(options.cacheDir)) if (name.startsWith('bundle-') && name !== folder) rmSync(join(options.cacheDir, name), { recursive: true, force: true });
  return { bundle, dir, built: true, ms: performance.now() - started };
}
