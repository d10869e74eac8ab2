import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedContent } from '../../../src/lib/content/load';
import { buildCatalog, type Catalog } from '../../../src/lib/catalog/build';

let content: LoadedContent | undefined;
let catalog: Catalog | undefined;

/** The real content/ folder, loaded once per test file. */
export function seedContent(): LoadedContent {
  content ??= loadContent(fileURLToPath(new URL('../../../content', import.meta.url)));
  return content;
}

/** The catalog built from the real content, as the site build computes it. */
export function seedCatalog(): Catalog {
  catalog ??= buildCatalog(seedContent());
  return catalog;
}
