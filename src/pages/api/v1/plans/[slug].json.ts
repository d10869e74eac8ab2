import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';

// Keyed by the file's sha256: an incremental build copies an unchanged record instead of writing it.
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return openData.catalog.plans.map((plan) => ({ params: { slug: plan.slug }, cacheKey: openData.file(apiPaths.plan(plan.slug)).sha256 }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.plan(params.slug!));
