import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dir';
import { resetStaleContentStore } from '../lib/build/content-store';

/**
 * Drops Astro's content store before it is read when it was built from another content folder
 * (src/lib/build/content-store.ts). Must come before any integration that reads collections.
 */
export default function contentStore(options: { dir?: string } = {}): AstroIntegration {
  return {
    name: 'ke-hoach-mo:content-store',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const dir = resolve(root, options.dir ?? contentDir());
        // build and sync keep the store in cacheDir, dev in .astro/.
        const stores = [join(fileURLToPath(config.cacheDir), 'data-store.json'), join(root, '.astro', 'data-store.json')];
        for (const store of stores) {
          if (resetStaleContentStore(store, dir) === 'reset') logger.info(`Kho nội dung ${store} được lập từ thư mục nội dung khác: xoá để đọc lại từ ${dir}`);
        }
      },
    },
  };
}
