// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentCheck from './src/integrations/content-check.ts';
import { checksums } from './src/integrations/checksums.ts';
import pagefindSearch from './src/integrations/pagefind.ts';
import siteIdentity from './src/integrations/site-identity.ts';
import { site } from './src/site.config.ts';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  // The portal's public address; a deployment build refuses the example one (src/lib/site-identity.ts).
  site: process.env.SITE_URL ?? site.portalUrl,
  base,
  trailingSlash: 'always',
  integrations: [siteIdentity(), contentCheck(), mdx(), checksums(), pagefindSearch()],
  build: { format: 'directory' },
  // Client scripts (src/scripts/) always ship as files, never inlined into the page, so a
  // Content-Security-Policy without 'unsafe-inline' allows them; other assets keep Vite's default.
  vite: { build: { assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined) } },
});
