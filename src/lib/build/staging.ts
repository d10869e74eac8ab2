/**
 * Files of a build's out dir prepared by another process: the build's content process links the
 * share cards, the plan records and the search index's bundle from their caches into staging
 * folders of the build cache, laid out as the out dir will hold them, while Astro's process renders
 * the pages; once the pages are written, the build moves each folder into the out dir with one
 * rename (src/lib/og/publish.ts, src/lib/opendata/publish.ts, src/lib/search/pagefind-index.ts).
 * At 50,000 plans that is about 200,000 links no longer made on Astro's thread after the pages, and
 * the plan records' checksums come hashed (`stageDigests`).
 *
 * The two processes read the content each on its own, so the staged files stand for the build's
 * only when both read the same: each side computes a fingerprint of what decides the files (the
 * catalog, `catalogFingerprint`, and the publish context) and the folder is taken only when they
 * match. Otherwise the caller places its own files, as it would with no staging.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './cache-dir';
import { adoptedDigests, fileDigests, type DigestSeed } from './digest-cache';
import { moveFolderSync, publishFilesSync, type PublishedFile } from './link';

/** What a process staged: where, for which inputs, and which of the files it could not stage. */
export interface StagedFiles {
  /** The staging folder; its `folder` is the out dir's. */
  dir: string;
  /** The out dir's folder the files are in, e.g. "og" or "api/v1/plans". */
  folder: string;
  /** What decides the files (the caller's fingerprint of its catalog and context). */
  fingerprint: string;
  /** Files staged. */
  files: number;
  /** Paths (under the out dir) of files the stager did not have, for the build to place itself. */
  missing: string[];
  /** Old files the stager removed from its cache. */
  pruned: number;
  /**
   * A JSON file in `dir`, beside `folder`, with the sha256 (hex) of every staged file by its path
   * under the out dir, when the stager computed them (`stageDigests`).
   */
  digests?: string;
}

/** The name of `StagedFiles.digests` in the staging folder. */
const DIGESTS_FILE = 'sha256.json';

/** The staging folder of `name` in the build cache (`.cache/staging/<name>`), beside the caches the files are linked from. */
export function stagingDir(name: string): string {
  return join(buildCacheDir(), 'staging', name);
}

/**
 * Links `files` (every one under `folder`) into a fresh `dir` as the out dir will hold them
 * (`publishFilesSync`, which fails naming any it could not place). `what` and `unit` name them in
 * that error, as there.
 */
export function stageFilesSync(dir: string, folder: string, files: readonly PublishedFile[], what: string, unit: string): void {
  const outside = files.find(({ path }) => !path.startsWith(`${folder}/`));
  if (outside) throw new Error(`${outside.path} không nằm trong ${folder}/`);
  rmSync(dir, { recursive: true, force: true });
  publishFilesSync(dir, files, what, unit);
}

/**
 * Moves the staged folder into `outDir` when it was staged for `fingerprint` and the out dir does
 * not have that folder yet: true when done, and the stager's digests of its files, if any
 * (`stageDigests`), are registered for the out dir (`adoptedDigests`, src/lib/build/digest-cache.ts).
 * The staging folder is removed either way; on false the caller places every file itself.
 */
export function adoptStagedSync(staged: StagedFiles, fingerprint: string, outDir: string): boolean {
  try {
    // Read before the move, so that digests are only ever taken with the files they were computed from.
    const digests = staged.digests === undefined ? undefined : readDigests(staged.digests);
    const moved = staged.fingerprint === fingerprint && moveFolderSync(join(staged.dir, staged.folder), join(outDir, staged.folder));
    if (moved && digests) {
      const known = adoptedDigests(outDir);
      for (const [path, sha256] of digests) known.set(path, sha256);
    }
    return moved;
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}

/**
 * Computes the sha256 of every staged file (`paths`, under the out dir, as staged in `staged.dir`)
 * for the build's api/v1/SHA256SUMS, in the process that staged them, while Astro's renders the
 * pages: after the pages, hashing the 48,500 plan records of 50,000 plans (a stat each against the
 * digest record, `fileDigests`) took about 3 s of the build's tail. `recordFile` keeps them between
 * builds: a staged file is a link to a cache file, so one linked from the same cache file as last
 * time is not read again. A file that record lacks is looked up in `seed` (`fileDigests`): after a
 * cold build, which stages nothing, the checksums' own record of the out dir holds the same links, so
 * the first rebuild does not read the 48,500 records (680 MB at 50,000 plans) again. The digests are
 * written beside the folder (`StagedFiles.digests`).
 */
export async function stageDigests(staged: StagedFiles, paths: readonly string[], recordFile: string, seed?: DigestSeed): Promise<StagedFiles> {
  // Nothing staged (a cold build's records): no folder either.
  if (paths.length === 0) return staged;
  const { digests } = await fileDigests(staged.dir, paths, recordFile, new Map(), seed);
  const file = join(staged.dir, DIGESTS_FILE);
  writeFileSync(file, JSON.stringify(paths.map((path, i) => [path, digests[i]!])));
  return { ...staged, digests: file };
}

function readDigests(file: string): Array<[string, string]> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Array<[string, string]>;
  } catch {
    // Missing or torn: the checksums read the files themselves.
    return undefined;
  }
}
