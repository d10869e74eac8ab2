import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AstroConfig, AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { loadContentCached } from '../lib/content/load';
import { contentDir } from '../lib/content/dir';
import { buildCatalog } from '../lib/catalog/build';
import { buildSearchRecord, searchRecordContext, type SearchRecord } from '../lib/search/record';
import { searchTextPath } from '../lib/search/client-config';
import { buildCachePath } from '../lib/build/cache-dir';
import { outputKey, reuseOutput } from '../lib/build/reuse-output';

/** Language of the index; the search page is `lang="vi"`, so Pagefind loads this index. */
export const SEARCH_LANGUAGE = 'vi';

export interface IndexStats {
  /** Records indexed. */
  records: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/** Throws with every message when a Pagefind response carries errors. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}

/**
 * Indexes the records with Pagefind's Node API and writes the bundle to `outputPath`
 * (`<outDir>/pagefind`), then each plan's text beside it (gzip, fixed mtime so the same content
 * gives the same bytes). Any error Pagefind reports fails the call; the service is always closed.
 */
export async function writePagefindIndex(records: readonly SearchRecord[], outputPath: string): Promise<IndexStats> {
  try {
    const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }));
    if (!index) throw new Error('Pagefind createIndex: no index returned');
    for (const record of records) check(`addHTMLFile ${record.url}`, await index.addHTMLFile({ url: record.url, content: record.html }));
    check('writeFiles', await index.writeFiles({ outputPath }));
  } finally {
    await pagefind.close();
  }
  for (const record of records) {
    const file = join(outputPath, searchTextPath(record.slug));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, gzipSync(record.text, { level: 9 }));
  }
  return { records: records.length, outputPath };
}

/** The search records of every plan in a content folder, as the site build indexes them. */
export function searchRecordsFromContent(contentDir: string, base: string, baseDir?: string): SearchRecord[] {
  // Same folder and baseDir as the content check of this build, so its parse is reused.
  const content = loadContentCached(contentDir, { baseDir });
  const catalog = buildCatalog(content);
  const ctx = searchRecordContext(catalog, base);
  return catalog.plans.map((plan) => buildSearchRecord(plan, ctx));
}

/**
 * Builds the full-text search index after `astro build`: one record per plan, made from the
 * content (see src/lib/search/record.ts), written to `<outDir>/pagefind/`, which the site serves
 * under its base path. Content problems already failed the build in content-check.
 */
export default function pagefindSearch(options: { contentDir?: string } = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'ke-hoach-mo:pagefind',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!config) throw new Error('astro:config:done did not run');
        const root = fileURLToPath(config.root);
        const started = performance.now();
        const records = searchRecordsFromContent(resolve(root, options.contentDir ?? contentDir()), config.base, root);
        const outputPath = fileURLToPath(new URL('pagefind/', dir));
        // Same records, same packages (the lockfile) and same indexing code: the index kept from the last build is copied.
        const lockfile = join(root, 'package-lock.json');
        const key = outputKey(JSON.stringify(records), existsSync(lockfile) ? readFileSync(lockfile) : '', readFileSync(fileURLToPath(import.meta.url)));
        const how = await reuseOutput(buildCachePath('pagefind', root), key, outputPath, (path) => writePagefindIndex(records, path));
        const verb = how === 'reused' ? 'Dùng lại chỉ mục tìm kiếm' : 'Đã lập chỉ mục tìm kiếm';
        logger.info(`${verb} ${records.length} kế hoạch vào ${outputPath} (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
