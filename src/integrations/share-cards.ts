import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dir';
import { cardsRenderingElsewhere } from '../lib/og/cards';
import { contentTask } from './child';

/**
 * Renders the share cards (src/lib/og) from the start of `astro build`, in the build's content
 * process (content-tasks.ts beside this file, which also makes the search index): a card depends
 * on its plan or report and the site's address only, so the cards render on the other core while
 * Astro bundles and renders the pages.
 * The image routes (src/pages/og/) wait for that process, then find their own card in the cache
 * (a stat each); should it fail, they render the cards themselves.
 */
export default function shareCards(options: { contentDir?: string } = {}): AstroIntegration {
  let cards: (() => Promise<unknown>) | undefined;
  return {
    name: 'ke-hoach-mo:share-cards',
    hooks: {
      // Registered at setup, so that a build's content check can start the content process (child.ts).
      'astro:config:setup': ({ config }) => {
        cards = contentTask(config, options.contentDir ?? contentDir(), 'cards', 'Vẽ ảnh chia sẻ');
      },
      'astro:build:start': () => {
        if (!cards) throw new Error('astro:config:setup did not run');
        cardsRenderingElsewhere(cards());
      },
    },
  };
}
