import { apiPaths } from '../../../lib/opendata/context';
import { serveOpenData } from '../../../lib/opendata/from-astro';

export const GET = () => serveOpenData(apiPaths.table('results', 'csv'));
