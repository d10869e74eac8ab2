import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dir';
import { adoptStagedSearchIndex, writeSiteSearchIndex, type SiteSearchIndex } from '../lib/search/pagefind-index';
import { contentTask } from './child';

/**
 * Builds the full-text search index of an `astro build`: one record per plan, agency and cited
 * document, made from the content (see src/lib/search/record.ts), written to `<outDir>/pagefind/`,
 * which the site serves under its base path. Content problems already failed the build in
 * content-check.
 *
 * The records depend on the content and code only, not on the rendered pages, so the index is
 * built from the start of the build (from before the content check) by the build's content process
 * (content-tasks.ts beside this file, which also renders the share cards), on the other core while
 * Astro checks, bundles and renders on this one. It keeps the index's parts in the build cache
 * (src/lib/search/pagefind-index.ts) and writes the bundle into a staging folder; `astro:build:done`
 * only waits for it and moves that folder into the out dir (or, should there be none, writes the
 * bundle from the kept parts). An error in the index fails the build there.
 */
export default function pagefindSearch(options: { contentDir?: string } = {}): AstroIntegration {
  let startIndex: (() => Promise<SiteSearchIndex>) | undefined;
  let index: Promise<SiteSearchIndex> | undefined;

  const buildIndex = () => {
    if (!startIndex) throw new Error('astro:config:setup did not run');
    return startIndex();
  };

  return {
    name: 'ke-hoach-mo:pagefind',
    hooks: {
      // Registered at setup, so that a build's content check can start the content process (child.ts).
      'astro:config:setup': ({ config }) => {
        startIndex = contentTask<SiteSearchIndex>(config, options.contentDir ?? contentDir(), 'search', 'Lập chỉ mục tìm kiếm');
      },
      'astro:build:start': () => {
        index = buildIndex();
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        index.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waiting = performance.now();
        const built = await (index ?? buildIndex());
        index = undefined;
        const { plans, directory, parts, indexed, ms } = built;
        const outputPath = fileURLToPath(new URL('pagefind/', dir));
        if (!adoptStagedSearchIndex(built, fileURLToPath(dir))) writeSiteSearchIndex(built, outputPath);
        const verb =
          indexed === 0
            ? `Dùng lại chỉ mục tìm kiếm (${parts.length} phần)`
            : `Đã lập chỉ mục tìm kiếm trong ${(ms / 1000).toFixed(1)} s, song song với các trang (${indexed}/${parts.length} phần lập lại, ${built.built} bản ghi kế hoạch làm mới)`;
        // The last "(N ms)" is what the build waited for here, after the pages: npm run bench reads it.
        logger.info(`${verb}: ${plans} kế hoạch, ${directory} cơ quan và văn bản vào ${outputPath} (${Math.round(performance.now() - waiting)} ms)`);
      },
    },
  };
}
