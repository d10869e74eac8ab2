import type { AstroIntegration } from 'astro';
import { routeKeysAhead, routeKeysCounts, type RouteKeysAhead } from '../lib/build/route-keys';
import { contentDir } from '../lib/content/dir';
import { contentTask } from './child';

/**
 * Has the build's content process (content-tasks.ts beside this file) compute the cache keys of
 * the routes with most pages while it waits for Pagefind, and offers them to those routes
 * (src/lib/build/route-keys.ts), which take them when that process read the same content and
 * compute their own otherwise.
 */
export default function routeKeys(options: { contentDir?: string } = {}): AstroIntegration {
  let keys: (() => Promise<RouteKeysAhead>) | undefined;
  return {
    name: 'ke-hoach-mo:route-keys',
    hooks: {
      // Registered at setup, so that a build's content check can start the content process (child.ts).
      'astro:config:setup': ({ config }) => {
        keys = contentTask<RouteKeysAhead>(config, options.contentDir ?? contentDir(), 'keys', 'Tính khoá của các trang');
      },
      'astro:build:start': () => {
        if (!keys) throw new Error('astro:config:setup did not run');
        routeKeysAhead(keys());
      },
      'astro:build:done': ({ logger }) => {
        const { taken, computed } = routeKeysCounts();
        routeKeysAhead(undefined);
        if (taken + computed > 0) logger.info(`Khoá của các trang: ${taken} nhóm do tiến trình nội dung tính sẵn, ${computed} nhóm tính tại đây`);
      },
    },
  };
}
