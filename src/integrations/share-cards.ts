import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadContentCached } from '../lib/content/load';
import { contentDir } from '../lib/content/dir';
import { catalogOf } from '../lib/catalog/build';
import { deploymentCardContext, startCatalogCards } from '../lib/og/plan-cards';
import { startReportCards } from '../lib/og/report-cards';

/**
 * Starts rendering the share cards (src/lib/og) when `astro build` starts, from the content
 * check's parse: a card depends on its plan or report and the site's address only, so the cards
 * render on libuv's threads while Astro bundles and renders the pages, and the image routes
 * (src/pages/og/) find them ready. Cards kept in the cache cost a stat. An error in a card fails
 * the build at its route.
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
        // Same folder and baseDir as the content check, so its parse and catalog are reused.
        const catalog = catalogOf(loadContentCached(resolve(root, options.contentDir ?? contentDir()), { baseDir: root }));
        // The context the image routes compute from import.meta.env.SITE and BASE_URL.
        const context = deploymentCardContext(config.site, config.base);
        startCatalogCards(catalog, context);
        startReportCards(catalog, context);
      },
    },
  };
}
