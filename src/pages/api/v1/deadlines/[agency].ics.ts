import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../../lib/catalog/from-collections';
import { apiPaths } from '../../../../lib/opendata/context';
import { serveOpenData } from '../../../../lib/opendata/from-astro';
import { calendarAgencies } from '../../../../lib/opendata/records';

export const getStaticPaths = (async () => calendarAgencies(await getCatalog()).map((agency) => ({ params: { agency } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.agencyIcs(params.agency!));
