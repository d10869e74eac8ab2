/**
 * Files of a build's out dir prepared by another process: the build's content process links the
 * share cards and the plan records from their caches into a staging folder of the build cache, laid
 * out as the out dir will hold them, while Astro's process renders the pages; once the pages are
 * written, the build moves the folder into the out dir with one rename (src/lib/og/publish.ts,
 * src/lib/opendata/publish.ts). At 50,000 plans that is about 150,000 links no longer made on
 * Astro's thread after the pages.
 *
 * The two processes read the content each on its own, so the staged files stand for the build's
 * only when both read the same: each side computes a fingerprint of what decides the files (the
 * catalog, `catalogFingerprint`, and the publish context) and the folder is taken only when they
 * match. Otherwise the caller places its own files, as it would with no staging.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './cache-dir';
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
}

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
 * not have that folder yet: true when done. The staging folder is removed either way; on false the
 * caller places every file itself.
 */
export function adoptStagedSync(staged: StagedFiles, fingerprint: string, outDir: string): boolean {
  try {
    return staged.fingerprint === fingerprint && moveFolderSync(join(staged.dir, staged.folder), join(outDir, staged.folder));
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}
