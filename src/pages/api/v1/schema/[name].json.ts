import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPaths } from '../../../../lib/opendata/context';
import { serveOpenData } from '../../../../lib/opendata/from-astro';
import { schemaNames } from '../../../../lib/opendata/json-schema';

export const getStaticPaths = (() => schemaNames.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(apiPaths.schema(params.name!));
