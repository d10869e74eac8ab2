import type { APIRoute, GetStaticPaths } from 'astro';
import { renderKey } from '../../../../lib/build/cache-key';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';
import { calendarAgencies } from '../../../../lib/opendata/records';

// An agency's calendar shows its deadline rows (each with its plan's title and number: the plan's
// digest joins the key), the registries' names and the publish context: keyed by those, so an
// unchanged calendar is copied without being written (hashing each written calendar cost 2.7 s
// of an unchanged 1,000-plan rebuild).
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  const { catalog, ctx } = openData;
  return calendarAgencies(catalog).map((agency) => ({ params: { agency }, cacheKey: renderKey(catalog, agency, catalog.agencies.get(agency)!.deadlines, ctx) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.agencyIcs(params.agency!));
