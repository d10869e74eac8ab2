// @ts-check
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import { checksums } from './src/integrations/checksums.ts';
import pagefindSearch from './src/integrations/pagefind.ts';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ke-hoach-mo.example.gov.vn',
  base,
  trailingSlash: 'always',
  integrations: [contentCheck(), checksums(), pagefindSearch()],
  // Stylesheets and scripts stay files: an inlined <style> or <script> would need 'unsafe-inline'
  // in the Content-Security-Policy (src/lib/security/csp.ts). Vite's assetsInlineLimit is also the
  // limit under which Astro inlines a page's script.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
