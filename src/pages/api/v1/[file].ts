import type { APIRoute, GetStaticPaths } from 'astro';
import { renderKey } from '../../../lib/build/cache-key';
import { API_ROOT } from '../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../lib/opendata/from-astro';

/**
 * The DCAT catalog and datapackage.json (api/v1/catalog.jsonld, api/v1/datapackage.json), keyed by
 * the whole catalog (every plan's digest, the registries, the reports) and the publish context, so
 * any content change renders them again. The tables' files beside them (`asFile: 'table'`: every
 * table as .json, .csv and .xlsx, and deadlines.ics) are published as files after the pages
 * (src/integrations/open-data-files.ts); this route serves them in `astro dev` only, keyed by their rows.
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
