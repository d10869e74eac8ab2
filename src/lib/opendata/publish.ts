/**
 * The open-data files published as files of the out dir, not as Astro's pages: every plan's record
 * (`api/v1/plans/{slug}.json`, the registry's files marked `asFile: 'record'`) and every table's
 * files (`asFile: 'table'`), linked from the content cache once the pages are written
 * (src/integrations/open-data-files.ts).
 *
 * They were endpoints: 50,000 pages at 50,000 plans, and 417 s of a cold build's page render on
 * Astro's one page thread (8.3 ms a record), where rendering a record takes 0.35–1.7 ms. A record
 * is a function of its key (the plan, the registries it names, the publish context) and the code, so
 * its bytes are kept under that key (the key its size and checksum already had, for the DCAT
 * catalog, which renders a record it cannot size and so keeps its bytes too), and publishing it is
 * a link, as for the share cards (src/lib/og/publish.ts).
 */
import { join } from 'node:path';
import { buildCacheDir, checksumsRecordFile } from '../build/cache-dir';
import { adoptedDigests } from '../build/digest-cache';
import { contextFingerprint } from '../build/cache-key';
import { publishFilesSync, replaceFileSync, type PublishedFile } from '../build/link';
import { adoptStagedSync, stageDigests, stageFilesSync, stagingDir, type StagedFiles } from '../build/staging';
import { tableFilesFromElsewhere } from './made-elsewhere';
import type { OpenData, PublishedKind } from './types';
import { API_ROOT } from './context';

/** What placing files marked `asFile` did: files placed, rendered on the way, and kept files removed from the cache. */
export interface PlacedFiles {
  files: number;
  rendered: number;
  pruned: number;
}

/** The folder of the out dir every plan record is in. */
const RECORD_FOLDER = 'api/v1/plans';

/**
 * Puts every plan's record (the files marked `asFile: 'record'`, or, given `only`, those of these
 * paths) at its path under `outDir` (`placeKeptFiles`). Then, having placed them all, removes the
 * kept bytes no record of this build is (an edited plan's old record, every record of older code:
 * 14 KB a record, 700 MB a set at 50,000 plans); a site published before keeps its files, which are
 * links. Returns how many files it placed, how many it rendered and how many kept files it removed.
 */
export function publishOpenDataFiles(openData: OpenData, outDir: string, { only }: { only?: readonly string[] } = {}): PlacedFiles {
  const paths = only ?? pathsMarked(openData, 'record');
  const { files, rendered, kept } = placeKeptFiles(openData, outDir, paths);
  const pruned = only ? 0 : openData.pruneKeptFiles('record', kept);
  return { files, rendered, pruned };
}

/**
 * Puts every table's file (the files marked `asFile: 'table'`: each table as JSON, CSV and Excel,
 * and the site's calendar) at its path under `outDir` (`placeKeptFiles`), once the build's content
 * process is done making them (`makeTableFiles`); gives api/v1/SHA256SUMS their sha256 (known from
 * their summaries: `adoptedDigests`), and removes the kept bytes of the table files no file of this
 * build is. They were pages: each file (up to 250 MB at 50,000 plans) was joined in memory, handed
 * to Astro as a response, read back and written, 51–65 s of a plan added at 50,000 plans.
 */
export async function publishTableFiles(openData: OpenData, outDir: string): Promise<PlacedFiles> {
  // Not while the build's content process may still be writing them into the cache.
  await tableFilesFromElsewhere();
  const paths = pathsMarked(openData, 'table');
  const { files, rendered, kept } = placeKeptFiles(openData, outDir, paths);
  const digests = adoptedDigests(outDir);
  for (const path of paths) digests.set(path, openData.summary(path).sha256);
  return { files, rendered, pruned: openData.pruneKeptFiles('table', kept) };
}

/**
 * Writes the DCAT catalog and datapackage.json (`metadataFiles`) into `outDir`, after the tables'
 * files: they print every file's size and checksum, which the tables' are once the build's content
 * process has made them (`prepareSummaries`). As pages, they were rendered early in Astro's page
 * loop, which then stood waiting for that process. Returns how many it wrote.
 */
export async function publishCatalogFiles(openData: OpenData, outDir: string): Promise<number> {
  await openData.prepareSummaries();
  for (const { path } of openData.metadataFiles) replaceFileSync(join(outDir, path), openData.file(path).body);
  return openData.metadataFiles.length;
}

/** The paths of the registry's files published as `kind` (`asFile`). */
function pathsMarked(openData: OpenData, kind: PublishedKind): string[] {
  return openData.allFiles().flatMap(({ path, asFile }) => (asFile === kind ? [path] : []));
}

/** What the content process's `makeTableFiles` did: the tables' files, those it made, and whether it left them all to Astro's process (a cold build). */
export interface TablesMade {
  files: number;
  rendered: number;
  cold?: true;
}

/**
 * In the build's content process, from the second build on (`tableFilesKept`): makes each table's
 * file the content cache lacks (its rows changed), while Astro's process bundles and renders
 * the pages; there the catalogs that size every file wait for this (`tableFilesFromElsewhere`), then
 * read the sizes kept here, and `publishTableFiles` links the files. That took 30–60 s of Astro's
 * one page thread for a plan added at 50,000 plans. One file at a time, letting the process's other
 * tasks run between files. Returns how many files there are and how many it made.
 */
export async function makeTableFiles(openData: OpenData): Promise<TablesMade> {
  const paths = pathsMarked(openData, 'table');
  let rendered = 0;
  for (const path of paths) {
    if (openData.keptFileAt(path)?.kept !== false) continue;
    openData.keptFile(path);
    rendered += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { files: paths.length, rendered };
}

/**
 * Puts each file of `paths` (marked `asFile`) at its path under `outDir`: a link to its bytes in the
 * content cache, rendered there first when missing; written as a new file when there is no cache.
 * Fails naming the files it could not place. Returns how many it placed and rendered, and the
 * content-cache files it linked.
 */
function placeKeptFiles(openData: OpenData, outDir: string, paths: readonly string[]): { files: number; rendered: number; kept: Set<string> } {
  const linked: PublishedFile[] = [];
  let rendered = 0;
  for (const path of paths) {
    const kept = openData.keptFile(path);
    if ('body' in kept) {
      replaceFileSync(join(outDir, path), kept.body);
      rendered += 1;
      continue;
    }
    if (kept.rendered) rendered += 1;
    linked.push({ path, file: kept.file });
  }
  publishFilesSync(outDir, linked, 'tệp dữ liệu mở', 'tệp');
  return { files: paths.length, rendered, kept: new Set(linked.map(({ file }) => file)) };
}

/**
 * In the build's content process: links every file marked `asFile` whose bytes the content cache
 * holds into a staging folder, as the out dir will have them, with their sha256 for
 * api/v1/SHA256SUMS (`stageDigests`, kept between builds in `digestRecord`), and lists the others
 * as missing (a cold build's, an edited plan's: Astro's process renders them for the DCAT catalog,
 * after this looked); then removes the kept bytes that no file of the catalog has, when due
 * (`pruneBytes`). Never renders.
 * The build's open-data-files integration moves the folder into the out dir with one rename
 * (`adoptStagedOpenDataFiles`) and places the missing files itself.
 */
export async function stageOpenDataFiles(
  openData: OpenData,
  dir: string = stagingDir('plans'),
  digestRecord: string = join(buildCacheDir(), 'staged-checksums.json'),
): Promise<StagedFiles> {
  const staged: PublishedFile[] = [];
  const missing: string[] = [];
  const keep = new Set<string>();
  for (const path of pathsMarked(openData, 'record')) {
    const at = openData.keptFileAt(path);
    if (at) keep.add(at.file);
    if (at?.kept) staged.push({ path, file: at.file });
    else missing.push(path);
  }
  stageFilesSync(dir, RECORD_FOLDER, staged, 'tệp dữ liệu mở', 'tệp');
  // The missing files are rendered by Astro's process after this, into the kept bytes.
  const pruned = keep.size > 0 ? openData.pruneKeptFiles('record', keep, missing.length) : 0;
  const files = { dir, folder: RECORD_FOLDER, fingerprint: contextFingerprint(openData.catalog, openData.ctx), files: staged.length, missing, pruned };
  // The checksums' record of api/v1 (src/integrations/checksums.ts) seeds the first rebuild after a cold build.
  return stageDigests(files, staged.map(({ path }) => path), digestRecord, { recordFile: checksumsRecordFile(), under: API_ROOT });
}

/**
 * Moves the staged files into `outDir` when they were staged from the same catalog and publish
 * context (`contextFingerprint`, `adoptStagedSync`), then places the files the stager lacked
 * (`publishOpenDataFiles` with `only`), and returns the counts as `publishOpenDataFiles` does.
 * Undefined when it moved nothing (a cold build stages no file): the caller then places every file.
 */
export function adoptStagedOpenDataFiles(staged: StagedFiles, openData: OpenData, outDir: string): PlacedFiles | undefined {
  if (!adoptStagedSync(staged, contextFingerprint(openData.catalog, openData.ctx), outDir)) return undefined;
  const placed = publishOpenDataFiles(openData, outDir, { only: staged.missing });
  return { files: staged.files + placed.files, rendered: placed.rendered, pruned: staged.pruned };
}
