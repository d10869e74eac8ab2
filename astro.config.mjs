// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentCheck from './src/integrations/content-check.ts';
import { checksums } from './src/integrations/checksums.ts';
import pagefindSearch from './src/integrations/pagefind.ts';

const base = process.env.BASE_PATH ?? '/';
// `npm run dev` starts the editor's local backend (decap-server) and proxies it onto the site's own
// origin, where /quan-tri/ looks for it.
const cmsBackend = process.env.CMS_LOCAL_BACKEND_TARGET;
const cmsBackendPath = `${base.replace(/\/?$/, '/')}quan-tri/api/v1`;

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ke-hoach-mo.example.gov.vn',
  base,
  trailingSlash: 'always',
  integrations: [contentCheck(), mdx(), checksums(), pagefindSearch()],
  build: { format: 'directory' },
  vite: cmsBackend ? { server: { proxy: { [cmsBackendPath]: { target: cmsBackend, rewrite: () => '/api/v1' } } } } : {},
});
