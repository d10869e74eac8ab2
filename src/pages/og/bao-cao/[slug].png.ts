/**
 * /og/bao-cao/{slug}.png (1200×630) and /og/bao-cao/{slug}-vuong.png (1080×1080): each results
 * report's share card ("Đạt 4/5 chỉ tiêu năm 2024"), drawn by the plan cards' template and cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getCatalog } from '../../../lib/catalog/from-collections';
import { reportCardData, reportCardFile, reportCardRouteParam } from '../../../lib/og/report-cards';
import { cardCacheKey } from '../../../lib/og/cards';
import { CARD_FORMATS, type CardFormat } from '../../../lib/og/template';
import { deploymentCardContext } from '../../../lib/og/plan-cards';

export const prerender = true;

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const context = deploymentCardContext(import.meta.env.SITE, import.meta.env.BASE_URL);
  return catalog.reports.flatMap(({ slug }) => {
    const data = reportCardData(catalog, slug, context);
    return CARD_FORMATS.map((format) => ({ params: { slug: reportCardRouteParam(slug, format) }, props: { slug, format }, cacheKey: cardCacheKey(data, format) }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; format: CardFormat }> = async ({ props, site: siteUrl }) => {
  const catalog = await getCatalog();
  const context = deploymentCardContext(siteUrl, import.meta.env.BASE_URL);
  const file = await reportCardFile(catalog, props.slug, props.format, context, { batch: !import.meta.env.DEV });
  return new Response(await readFile(file), { headers: { 'Content-Type': 'image/png' } });
};
