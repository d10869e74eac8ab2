import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroConfig, AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dir';
import { cardsRenderingElsewhere } from '../lib/og/cards';
import { runChild } from './child';

/**
 * Renders the share cards (src/lib/og) from the start of `astro build`, in a process of its own
 * (share-cards-render.ts beside this file): a card depends on its plan or report and the site's
 * address only, so the cards render on the other core while Astro bundles and renders the pages.
 * The image routes (src/pages/og/) wait for that process, then find every card in the cache;
 * should it fail, they render the cards themselves. Cards kept in the cache cost a stat.
 */
export default function shareCards(options: { contentDir?: string } = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'ke-hoach-mo:share-cards',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': () => {
        if (!config) throw new Error('astro:config:done did not run');
        const root = fileURLToPath(config.root);
        // The address and base path the image routes read from import.meta.env.SITE and BASE_URL.
        const args = ['--base', config.base, '--content', resolve(root, options.contentDir ?? contentDir()), ...(config.site ? ['--site', config.site] : [])];
        cardsRenderingElsewhere(runChild(root, 'share-cards-render.ts', args, 'Vẽ ảnh chia sẻ'));
      },
    },
  };
}
