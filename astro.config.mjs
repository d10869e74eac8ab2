// @ts-check
import { defineConfig } from 'astro/config';
import batchedOutput from './src/integrations/batched-output.ts';
import contentCheck from './src/integrations/content-check.ts';
import contentStore from './src/integrations/content-store.ts';
import editorScripts from './src/integrations/editor-scripts.ts';
import linkedCache from './src/integrations/linked-cache.ts';
import openDataFiles from './src/integrations/open-data-files.ts';
import { checksums } from './src/integrations/checksums.ts';
import pagefindSearch from './src/integrations/pagefind.ts';
import shareCards from './src/integrations/share-cards.ts';
import { buildCachePath } from './src/lib/build/cache-dir.ts';
import siteIdentity from './src/integrations/site-identity.ts';
import { site } from './src/site.config.ts';

const base = process.env.BASE_PATH ?? '/';
// `npm run dev` starts the editor's local backend (decap-server) and proxies it onto the site's own
// origin, where /quan-tri/ looks for it.
const cmsBackend = process.env.CMS_LOCAL_BACKEND_TARGET;
const cmsBackendPath = `${base.replace(/\/?$/, '/')}quan-tri/api/v1`;

export default defineConfig({
  // The portal's public address; a deployment build refuses the example one (src/lib/site-identity.ts).
  site: process.env.SITE_URL ?? site.portalUrl,
  base,
  trailingSlash: 'always',
  // The content check comes after the integrations whose tasks it starts (src/integrations/child.ts);
  // the plan records are placed before the checksums, which list them.
  integrations: [batchedOutput(), contentStore(), linkedCache(), siteIdentity(), editorScripts(), shareCards(), openDataFiles(), checksums(), pagefindSearch(), contentCheck()],
  // Stylesheets and scripts stay files: an inlined <style> or <script> would need 'unsafe-inline'
  // in the Content-Security-Policy (src/lib/security/csp.ts). Vite's assetsInlineLimit is also the
  // limit under which Astro inlines a page's script.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    ...(cmsBackend ? { server: { proxy: { [cmsBackendPath]: { target: cmsBackend, rewrite: () => '/api/v1' } } } } : {}),
  },
  // The content store, the incremental-build manifest and the copies of rendered pages: one folder
  // (with the share cards and the search index beside it) that a deployment keeps between builds.
  cacheDir: buildCachePath('astro'),
  experimental: { incrementalBuild: true },
});
