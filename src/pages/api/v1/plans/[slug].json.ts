import type { APIRoute, GetStaticPaths } from 'astro';
import { renderKey } from '../../../../lib/build/cache-key';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';

// A plan's record shows the plan and the registries it names (agencies, documents), addressed in
// the publish context: keyed by those, so an unchanged record is copied without being rendered.
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return openData.catalog.plans.map((plan) => ({ params: { slug: plan.slug }, cacheKey: renderKey(openData.catalog, plan, openData.ctx) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.plan(params.slug!));
