import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';

// Keyed by the record's inputs (open-data.ts), so an unchanged record is copied without being rendered.
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return openData.catalog.plans.map((plan) => ({ params: { slug: plan.slug }, cacheKey: openData.entry(apiPaths.plan(plan.slug))!.key!() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.plan(params.slug!));
