import type { APIRoute, GetStaticPaths } from 'astro';
import { renderKey } from '../../../lib/build/cache-key';
import { API_ROOT } from '../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../lib/opendata/from-astro';

/**
 * Every file directly under api/v1/ from the open-data registry: the smaller tables (.json, .csv,
 * .xlsx), the DCAT catalog and datapackage.json. A table is keyed by its rows (open-data.ts), so an
 * edit that leaves them as they were does not write them again; the others by the whole catalog
 * (every plan's digest, the registries, the reports) and the publish context, so any content change
 * renders them again. The whole tables' files (`asFile: 'table'`: plans, targets, deadlines and
 * citations, and deadlines.ics) are published as files after the pages
 * (src/integrations/open-data-files.ts); this route serves them in `astro dev` only.
 */
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  const catalogKey = renderKey(openData.catalog, openData.catalog.plans, openData.ctx);
  return openData
    .allFiles()
    .filter(({ path, asFile }) => path.startsWith(API_ROOT) && !path.slice(API_ROOT.length).includes('/') && (import.meta.env.DEV || !asFile))
    .map(({ path, key }) => ({ params: { file: path.slice(API_ROOT.length) }, cacheKey: `${path}|${key ? key() : catalogKey}` }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(`${API_ROOT}${params.file}`);
