import { resolve } from 'node:path';
import { contentDir } from '../content/dir';
import { loadContentCached } from '../content/load';
import { catalogOf, type Catalog } from './build';

/**
 * The catalog of a content folder (relative to `root`; this build's folder by default), from the
 * parse and catalog every copy of the code in the process shares (`loadContentCached`,
 * `catalogOf`). The pages, the search index's process and the share cards' process all read the
 * content through here, with `root` as the base of the paths in messages.
 */
export function loadCatalog(root: string, dir: string = contentDir()): Catalog {
  return catalogOf(loadContentCached(resolve(root, dir), { baseDir: root }));
}
