/**
 * /api/v1/plans/{slug}.json: each plan's record (src/lib/opendata/records.ts). A build publishes them
 * as files after the pages (src/integrations/open-data-files.ts, linked from the content cache), so
 * this route has no pages in a build: it serves `astro dev`, rendering the record asked for.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenData, serveOpenData } from '../../../../lib/opendata/from-astro';
import { apiPaths } from '../../../../lib/opendata/context';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const openData = await getOpenData();
  return openData.catalog.plans.map((plan) => ({ params: { slug: plan.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.plan(params.slug!));
