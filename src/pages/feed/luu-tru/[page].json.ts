import type { APIRoute, GetStaticPaths } from 'astro';
import { feedArchivePath, feedPages } from '../../../lib/opendata/feeds';
import { getOpenData, serveOpenData } from '../../../lib/opendata/from-astro';

/** /feed/luu-tru/{n}.json: archive page n of the JSON Feed (reached by next_url), oldest plans on page 1. */
// Keyed by the archive page's entries and neighbours (open-data.ts): a full archive page never
// changes when plans are added, so it is copied, not written again.
export const getStaticPaths = (async () => {
  const openData = await getOpenData();
  return feedPages(openData.catalog).archives.map(({ page }) => ({ params: { page: String(page) }, cacheKey: openData.entry(feedArchivePath(page!, 'json'))!.key!() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => serveOpenData(feedArchivePath(Number(params.page), 'json'));
