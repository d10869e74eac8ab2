import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../lib/catalog/from-collections';
import { feedArchivePath, feedPages } from '../../../lib/opendata/feeds';
import { serveOpenData } from '../../../lib/opendata/from-astro';

/** /feed/luu-tru/{n}.json: archive page n of the JSON Feed (reached by next_url), oldest plans on page 1. */
export const getStaticPaths = (async () => feedPages(await getCatalog()).archives.map(({ page }) => ({ params: { page: String(page) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(feedArchivePath(Number(params.page), 'json'));
