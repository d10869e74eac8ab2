import type { APIRoute, GetStaticPaths } from 'astro';
import { renderKey } from '../../../lib/build/cache-key';
import { API_ROOT } from '../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../lib/opendata/from-astro';

/**
 * Every file directly under api/v1/: the tables (.json, .csv, .xlsx), deadlines.ics, the DCAT
 * catalog and datapackage.json, all from the open-data registry. One route keyed by the whole
 * catalog (every plan's digest, the registries, the reports) and the publish context: an
 * incremental build with no content change copies them all instead of rendering them, and any
 * change renders them all again (each of them lists every plan).
 */
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  const catalogKey = renderKey(openData.catalog, openData.catalog.plans, openData.ctx);
  return openData
    .allFiles()
    .map((file) => file.path)
    .filter((path) => path.startsWith(API_ROOT) && !path.slice(API_ROOT.length).includes('/'))
    .map((path) => ({ params: { file: path.slice(API_ROOT.length) }, cacheKey: `${catalogKey}|${path}` }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(`${API_ROOT}${params.file}`);
