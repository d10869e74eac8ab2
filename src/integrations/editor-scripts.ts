import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildCachePath } from '../lib/build/cache-dir';
import { bundleScripts } from '../lib/build/script-bundle';
import { EDITOR_SCRIPTS, editorScriptsBundling } from '../lib/cms/editor-scripts';

/**
 * Bundles the staff editor's scripts (src/lib/cms/editor-scripts.ts) from the start of `astro build`,
 * beside Astro's own bundling, into the build cache's `editor-scripts/`: reused as long as every
 * file it was made from is unchanged (src/lib/build/script-bundle.ts), which saves about 2 s of
 * every build. The editor pages and /quan-tri/js/ wait for it.
 */
export default function editorScripts(): AstroIntegration {
  let root: string | undefined;
  return {
    name: 'ke-hoach-mo:editor-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        if (!root) throw new Error('astro:config:done did not run');
        const bundling = bundleScripts({ root, cacheDir: buildCachePath('editor-scripts', root), entries: EDITOR_SCRIPTS });
        editorScriptsBundling(
          bundling.then((result) => {
            const files = Object.keys(result.bundle.files).length;
            logger.info(result.built ? `Đã đóng gói mã của trình biên tập: ${files} tệp trong ${(result.ms / 1000).toFixed(1)} s.` : `Mã của trình biên tập không đổi: dùng lại ${files} tệp đã đóng gói (${Math.round(result.ms)} ms).`);
            return result;
          }),
        );
      },
    },
  };
}
