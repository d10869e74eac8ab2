import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';
import { calendarAgencies } from '../../../../lib/opendata/records';

// Keyed by the calendar's inputs (open-data.ts), so an unchanged calendar is copied without being
// written (hashing each written calendar cost 2.7 s of an unchanged 1,000-plan rebuild).
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return calendarAgencies(openData.catalog).map((agency) => ({ params: { agency }, cacheKey: openData.entry(apiPaths.agencyIcs(agency))!.key!() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.agencyIcs(params.agency!));
