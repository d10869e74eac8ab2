/**
 * /og/{slug}.png (1200×630) and /og/{slug}-vuong.png (1080×1080): each plan's share card (src/lib/og).
 * A build publishes them as files after the pages (src/integrations/share-cards.ts, linked from the
 * card cache), so this route has no pages in a build: it serves `astro dev`, drawing the card asked for.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getCatalog } from '../../lib/catalog/from-collections';
import { catalogCardFile, cardRouteParam, deploymentCardContext } from '../../lib/og/plan-cards';
import { CARD_FORMATS, type CardFormat } from '../../lib/og/template';

export const prerender = true;

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const catalog = await getCatalog();
  return catalog.plans.flatMap(({ slug }) => CARD_FORMATS.map((format) => ({ params: { slug: cardRouteParam(slug, format) }, props: { slug, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; format: CardFormat }> = async ({ props, site: siteUrl }) => {
  const catalog = await getCatalog();
  const file = await catalogCardFile(catalog, props.slug, props.format, deploymentCardContext(siteUrl, import.meta.env.BASE_URL));
  return new Response(await readFile(file), { headers: { 'Content-Type': 'image/png' } });
};
