import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';
import { schemaNames } from '../../../../lib/opendata/json-schema';

export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return schemaNames.map((name) => ({ params: { name }, cacheKey: openData.file(apiPaths.schema(name)).sha256 }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.schema(params.name!));
