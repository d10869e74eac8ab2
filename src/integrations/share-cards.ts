import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadCatalog } from '../lib/catalog/load';
import { contentDir } from '../lib/content/dir';
import { cardsRenderingElsewhere } from '../lib/og/cards';
import { deploymentCardContext } from '../lib/og/plan-cards';
import { adoptStagedCards, catalogCardFiles, pruneCardCacheWhenDue, publishCards } from '../lib/og/publish';
import type { StagedFiles } from '../lib/build/staging';
import { contentTask } from './child';

/**
 * Renders the share cards (src/lib/og) from the start of `astro build`, in the build's content
 * process (content-tasks.ts beside this file, which also makes the search index): a card depends
 * on its plan or report and the site's address only, so the cards render on the other core while
 * Astro bundles and renders the pages. That process also links every card into a staging folder
 * as the out dir will hold them and prunes the card cache. Once the pages are written, this waits
 * for it and moves that folder into the out dir with one rename, when the process read the same
 * content as the pages (src/lib/og/publish.ts). Otherwise (that process failed, or the content
 * changed between the two reads) it links every card of the pages' catalog from the card cache
 * itself, drawing any the cache lacks, then prunes the cache.
 * The image routes (src/pages/og/) serve the cards in `astro dev` only.
 */
export default function shareCards(options: { contentDir?: string } = {}): AstroIntegration {
  let cards: (() => Promise<{ staged: StagedFiles }>) | undefined;
  let staged: Promise<StagedFiles | undefined> | undefined;
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
        const task = cards();
        cardsRenderingElsewhere(task);
        staged = task.then(
          (value) => value.staged,
          () => undefined,
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!config) throw new Error('astro:config:setup did not run');
        const waiting = performance.now();
        const catalog = loadCatalog(fileURLToPath(config.root), options.contentDir ?? contentDir());
        const context = deploymentCardContext(config.site, config.base);
        const outDir = fileURLToPath(dir);
        const ready = await staged;
        staged = undefined;
        const log = (count: number, notes: string[]) =>
          logger.info(`Đã đặt ${count} ảnh chia sẻ vào og/${notes.filter(Boolean).map((note) => ` (${note})`).join('')} (${Math.round(performance.now() - waiting)} ms)`);
        const pruneNote = (pruned: number) => (pruned > 0 ? `xoá ${pruned} ảnh cũ khỏi bộ nhớ đệm` : '');
        if (ready && adoptStagedCards(ready, catalog, context, outDir)) {
          log(ready.files, ['chuẩn bị sẵn bên tiến trình nội dung', pruneNote(ready.pruned)]);
          return;
        }
        const { cards: files, drawn } = await catalogCardFiles(catalog, context);
        publishCards(outDir, files);
        log(files.length, [drawn > 0 ? `${drawn} ảnh vẽ tại đây` : '', pruneNote(pruneCardCacheWhenDue(files, drawn))]);
      },
    },
  };
}
