import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadCatalog } from '../lib/catalog/load';
import { contentDir } from '../lib/content/dir';
import { cardsRenderingElsewhere } from '../lib/og/cards';
import { deploymentCardContext } from '../lib/og/plan-cards';
import { catalogCardFiles, pruneCardCache, publishCards } from '../lib/og/publish';
import { contentTask } from './child';

/**
 * Renders the share cards (src/lib/og) from the start of `astro build`, in the build's content
 * process (content-tasks.ts beside this file, which also makes the search index): a card depends
 * on its plan or report and the site's address only, so the cards render on the other core while
 * Astro bundles and renders the pages. Once the pages are written, it waits for that process and
 * links every card from the card cache into the out dir (src/lib/og/publish.ts), from the catalog
 * the pages were made from: a card missing from the cache (that process failed) is drawn here. Then
 * the cards no plan or report has any more leave the cache.
 * The image routes (src/pages/og/) serve the cards in `astro dev` only.
 */
export default function shareCards(options: { contentDir?: string } = {}): AstroIntegration {
  let cards: (() => Promise<unknown>) | undefined;
  let config: AstroConfig | undefined;
  return {
    name: 'ke-hoach-mo:share-cards',
    hooks: {
      // Registered at setup, so that a build's content check can start the content process (child.ts).
      'astro:config:setup': ({ config: setup }) => {
        config = setup;
        cards = contentTask(setup, options.contentDir ?? contentDir(), 'cards', 'Vẽ ảnh chia sẻ');
      },
      'astro:build:start': () => {
        if (!cards) throw new Error('astro:config:setup did not run');
        cardsRenderingElsewhere(cards());
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!config) throw new Error('astro:config:setup did not run');
        const waiting = performance.now();
        const catalog = loadCatalog(fileURLToPath(config.root), options.contentDir ?? contentDir());
        const { cards: files, drawn } = await catalogCardFiles(catalog, deploymentCardContext(config.site, config.base));
        publishCards(fileURLToPath(dir), files);
        const pruned = pruneCardCache(files);
        const ms = Math.round(performance.now() - waiting);
        const notes = [drawn > 0 ? `${drawn} ảnh vẽ tại đây` : '', pruned > 0 ? `xoá ${pruned} ảnh cũ khỏi bộ nhớ đệm` : ''].filter(Boolean);
        logger.info(`Đã đặt ${files.length} ảnh chia sẻ vào og/${notes.map((note) => ` (${note})`).join('')} (${ms} ms)`);
      },
    },
  };
}
