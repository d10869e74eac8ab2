/**
 * /og/{slug}.png (1200×630) and /og/{slug}-vuong.png (1080×1080): each plan's share card, drawn by
 * the build's card process and read from the card cache (src/lib/og).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getCatalog } from '../../lib/catalog/from-collections';
import { catalogCardFile, catalogCardKeys, cardRouteParam, deploymentCardContext } from '../../lib/og/plan-cards';
import { CARD_FORMATS, type CardFormat } from '../../lib/og/template';

export const prerender = true;

const cardContext = (siteUrl: URL | string | undefined) => deploymentCardContext(siteUrl, import.meta.env.BASE_URL);

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const context = cardContext(import.meta.env.SITE);
  return catalog.plans.flatMap(({ slug }) => {
    const keys = catalogCardKeys(catalog, slug, context);
    return CARD_FORMATS.map((format) => ({ params: { slug: cardRouteParam(slug, format) }, props: { slug, format }, cacheKey: keys[format] }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; format: CardFormat }> = async ({ props, site: siteUrl }) => {
  const catalog = await getCatalog();
  const context = cardContext(siteUrl);
  const file = await catalogCardFile(catalog, props.slug, props.format, context, { batch: !import.meta.env.DEV });
  return new Response(await readFile(file), { headers: { 'Content-Type': 'image/png' } });
};
