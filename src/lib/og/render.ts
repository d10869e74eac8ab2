/**
 * Renderer: element tree → SVG (satori) → PNG (resvg) → finishPng. The same calls run in-process
 * (tests, one-off renders) and in the worker pool (pool.ts: satori and resvg in the worker, with
 * the `RESVG_OPTIONS` it is sent; finishPng back on the calling thread), so both paths give
 * identical bytes.
 */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { loadCardFonts, type CardFont } from './fonts';
import { finishPng } from './png';
import { CARD_SIZES, type CardFormat, type CardNode } from './template';

/** resvg settings shared by the in-process renderer and the workers. */
export const RESVG_OPTIONS = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false } };

type SatoriFont = Pick<CardFont, 'name' | 'weight' | 'style' | 'data'>;
// satori caches parsed fonts per options.fonts array, so the same array must be passed every time.
const satoriFontLists = new WeakMap<CardFont[], SatoriFont[]>();
function satoriFonts(fonts: CardFont[]): SatoriFont[] {
  let list = satoriFontLists.get(fonts);
  if (!list) {
    list = fonts.map(({ name, weight, style, data }) => ({ name, weight, style, data }));
    satoriFontLists.set(fonts, list);
  }
  return list;
}

/** SVG of a card tree; text is converted to paths, so the SVG needs no fonts to display. */
export async function renderCardSvg(tree: CardNode, format: CardFormat, fonts: CardFont[] = loadCardFonts()): Promise<string> {
  const { width, height } = CARD_SIZES[format];
  // satori's types expect React elements; the plain-object tree is what JSX would produce.
  return satori(tree as unknown as Parameters<typeof satori>[0], { width, height, fonts: satoriFonts(fonts) });
}

export function svgToPng(svg: string): Buffer {
  return Buffer.from(new Resvg(svg, RESVG_OPTIONS).render().asPng());
}

/** PNG of a card tree, rendered on the calling thread (the pool gives the same bytes). */
export async function renderCardPng(tree: CardNode, format: CardFormat, fonts?: CardFont[]): Promise<Buffer> {
  return finishPng(svgToPng(await renderCardSvg(tree, format, fonts)));
}
