import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadCatalog } from '../lib/catalog/load';
import { contentDir } from '../lib/content/dir';
import { publishContextOf } from '../lib/opendata/context';
import { createOpenData } from '../lib/opendata/open-data';
import { publishOpenDataFiles } from '../lib/opendata/publish';

/**
 * Publishes every plan's record (`api/v1/plans/{slug}.json`) once Astro has written the pages, from
 * the catalog and publish context the pages were made from: a link to the record's bytes in the
 * content cache, rendered there first when missing (src/lib/opendata/publish.ts). It comes before
 * the checksums integration, whose api/v1/SHA256SUMS lists them. The route
 * src/pages/api/v1/plans/[slug].json.ts serves them in `astro dev` only.
 */
export default function openDataFiles(options: { contentDir?: string } = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'ke-hoach-mo:open-data-files',
    hooks: {
      'astro:config:setup': ({ config: setup }) => {
        config = setup;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!config) throw new Error('astro:config:setup did not run');
        const started = performance.now();
        const catalog = loadCatalog(fileURLToPath(config.root), options.contentDir ?? contentDir());
        const openData = await createOpenData(catalog, publishContextOf(config.site, config.base), { workbooks: false });
        const { files, rendered, pruned } = publishOpenDataFiles(openData, fileURLToPath(dir));
        const ms = Math.round(performance.now() - started);
        const notes = [rendered > 0 ? `${rendered} tệp dựng tại đây` : '', pruned > 0 ? `xoá ${pruned} tệp cũ khỏi bộ nhớ đệm` : ''].filter(Boolean);
        logger.info(`Đã đặt ${files} tệp kế hoạch vào api/v1/plans/${notes.map((note) => ` (${note})`).join('')} (${ms} ms)`);
      },
    },
  };
}
