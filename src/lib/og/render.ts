/**
 * Renderer: element tree → SVG (satori) → PNG (resvg). The same two calls run in-process (tests,
 * one-off renders) and inside the worker pool (pool.ts), which imports nothing from here but the
 * `RENDER_OPTIONS` it is sent, so both paths draw identical images.
 */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { loadCardFonts, type CardFont } from './fonts';
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

/** PNG of a card tree, rendered on the calling thread. */
export async function renderCardPng(tree: CardNode, format: CardFormat, fonts?: CardFont[]): Promise<Buffer> {
  return svgToPng(await renderCardSvg(tree, format, fonts));
}
