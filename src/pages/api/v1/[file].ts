import type { APIRoute, GetStaticPaths } from 'astro';
import { API_ROOT } from '../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../lib/opendata/from-astro';

/**
 * Every file directly under api/v1/ from the open-data registry: every table as .json, .csv and
 * .xlsx, deadlines.ics, the DCAT catalog and datapackage.json. A build publishes them as files after
 * the pages (src/integrations/open-data-files.ts: the tables' files made by the build's content
 * process while the pages render, then the catalogs, which size them), so this route has no pages
 * in a build: it serves `astro dev`, rendering the file asked for.
 */
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const openData = await getOpenData();
  return openData
    .allFiles()
    .filter(({ path }) => path.startsWith(API_ROOT) && !path.slice(API_ROOT.length).includes('/'))
    .map(({ path }) => ({ params: { file: path.slice(API_ROOT.length) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(`${API_ROOT}${params.file}`);
