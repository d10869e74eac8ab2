/**
 * The open-data files published as files of the out dir, not as Astro's pages: every plan's record
 * (`api/v1/plans/{slug}.json`, the registry's files marked `asFile`), linked from the content cache
 * once the pages are written (src/integrations/open-data-files.ts).
 *
 * They were endpoints: 50,000 pages at 50,000 plans, and 417 s of a cold build's page render on
 * Astro's one page thread (8.3 ms a record), where rendering a record takes 0.35–1.7 ms. A record
 * is a function of its key (the plan, the registries it names, the publish context) and the code, so
 * its bytes are kept under that key (the key its size and checksum already had, for the DCAT
 * catalog, which renders a record it cannot size and so keeps its bytes too), and publishing it is
 * a link, as for the share cards (src/lib/og/publish.ts).
 */
import { join } from 'node:path';
import { publishFilesSync, replaceFileSync, type PublishedFile } from '../build/link';
import type { OpenData } from './types';

/**
 * Puts every file of `openData` marked `asFile` at its path under `outDir`: a link to its bytes in
 * the content cache, rendered there first when missing; written as a new file when there is no cache.
 * Fails naming the files it could not place. Then removes the kept bytes no file of this build is
 * (an edited plan's old record, every record of older code: 14 KB a record, 700 MB a set at 50,000
 * plans); a site published before keeps its files, which are links. Returns how many files it
 * placed, how many it rendered and how many kept files it removed.
 */
export function publishOpenDataFiles(openData: OpenData, outDir: string): { files: number; rendered: number; pruned: number } {
  const linked: PublishedFile[] = [];
  let files = 0;
  let rendered = 0;
  for (const { path, asFile } of openData.allFiles()) {
    if (!asFile) continue;
    files += 1;
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
  const pruned = openData.pruneKeptFiles(new Set(linked.map(({ file }) => file)));
  return { files, rendered, pruned };
}
