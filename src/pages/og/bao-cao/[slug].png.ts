/**
 * /og/bao-cao/{slug}.png (1200×630) and /og/bao-cao/{slug}-vuong.png (1080×1080): each results
 * report's share card ("Đạt 4/5 chỉ tiêu năm 2024"), drawn by the plan cards' template and cache.
 * A build publishes them as files after the pages (src/integrations/share-cards.ts), so this route
 * has no pages in a build: it serves `astro dev`, drawing the card asked for.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getCatalog } from '../../../lib/catalog/from-collections';
import { reportCardFile, reportCardRouteParam } from '../../../lib/og/report-cards';
import { CARD_FORMATS, type CardFormat } from '../../../lib/og/template';
import { deploymentCardContext } from '../../../lib/og/plan-cards';

export const prerender = true;

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const catalog = await getCatalog();
  return catalog.reports.flatMap(({ slug }) => CARD_FORMATS.map((format) => ({ params: { slug: reportCardRouteParam(slug, format) }, props: { slug, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; format: CardFormat }> = async ({ props, site: siteUrl }) => {
  const catalog = await getCatalog();
  const file = await reportCardFile(catalog, props.slug, props.format, deploymentCardContext(siteUrl, import.meta.env.BASE_URL));
  return new Response(await readFile(file), { headers: { 'Content-Type': 'image/png' } });
};
