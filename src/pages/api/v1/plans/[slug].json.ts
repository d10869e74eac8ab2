import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../lib/catalog/from-collections';
import { apiPaths } from '../../../../lib/opendata/context';
import { serveOpenData } from '../../../../lib/opendata/from-astro';

export const getStaticPaths = (async () => (await getCatalog()).plans.map((plan) => ({ params: { slug: plan.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.plan(params.slug!));
