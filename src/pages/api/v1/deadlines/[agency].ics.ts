import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';
import { calendarAgencies } from '../../../../lib/opendata/records';

export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return calendarAgencies(openData.catalog).map((agency) => ({ params: { agency }, cacheKey: openData.file(apiPaths.agencyIcs(agency)).sha256 }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.agencyIcs(params.agency!));
