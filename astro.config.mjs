// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ke-hoach-mo.example.gov.vn',
  base,
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
});
