/** The real content tree, loaded once per test file with the plain-Node loader (no astro:content under vitest). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import type { PublishContext } from '../../../src/lib/opendata/context';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const content = loadContent(join(root, 'content'));
export const catalog = buildCatalog(content);
/** A sub-path deployment, so every URL proves it goes through the base. */
export const ctx: PublishContext = { site: 'https://cong.example.gov.vn', base: '/ke-hoach-mo/' };
export const openData = createOpenData(catalog, ctx);
export const PREFIX = 'https://cong.example.gov.vn/ke-hoach-mo/';
