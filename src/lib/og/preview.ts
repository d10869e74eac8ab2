/**
 * The share cards of a plan being edited, drawn in the editor (no server): the same card data,
 * template, font files and measure as the build, rendered by takumi's WebAssembly build instead of
 * its native one. The PNGs are the bytes the build publishes (test/lib/og/preview.test.ts), so
 * staff see, and can download, the image a share will show before the plan is published.
 *
 * Nothing here touches Node or the DOM: the caller fetches the files (the editor from
 * `/quan-tri/anh-chia-se/`, the test from node_modules).
 */
import init, { Renderer } from '@takumi-rs/wasm';
import type { CardData } from './card-data';
import { CARD_FONT_FACES } from './families';
import { createFontMeasure, parseFontFiles } from './measure';
import { buildCardTree, CARD_SIZES, takumiTree, type CardFormat } from './template';

/** The files a preview needs, by name (see CARD_PREVIEW_FILES). */
export type CardPreviewFiles = (name: string) => Promise<Uint8Array>;

/** File names: the renderer, and each face as `.woff` (measured by opentype.js) and `.woff2` (drawn by takumi's WebAssembly build, which reads no `.woff`). */
export const CARD_PREVIEW_WASM = 'takumi.wasm';
export const CARD_PREVIEW_FILES: readonly string[] = [CARD_PREVIEW_WASM, ...CARD_FONT_FACES.flatMap(({ file }) => [`${file}.woff`, `${file}.woff2`])];

export type CardPreview = (data: CardData, format: CardFormat) => Promise<Uint8Array<ArrayBuffer>>;

/** Loads the renderer and fonts once; the function it gives renders one card as PNG bytes. */
export async function createCardPreview(files: CardPreviewFiles): Promise<CardPreview> {
  const [wasm, woff, woff2] = await Promise.all([
    files(CARD_PREVIEW_WASM),
    Promise.all(CARD_FONT_FACES.map(({ file }) => files(`${file}.woff`))),
    Promise.all(CARD_FONT_FACES.map(({ file }) => files(`${file}.woff2`))),
  ]);
  await init({ module_or_path: wasm });
  const renderer = new Renderer();
  // Registered in the build's order and under its family names: the fallback per glyph is the same.
  CARD_FONT_FACES.forEach(({ family, weight }, i) => renderer.registerFont({ name: family, weight, style: 'normal', data: woff2[i]! }));
  const measure = createFontMeasure(parseFontFiles(CARD_FONT_FACES.map(({ weight }, i) => ({ weight, data: woff[i]! }))));
  return async (data, format) => {
    const { node, css } = await takumiTree(buildCardTree(data, format, measure));
    return renderer.render(node, { ...CARD_SIZES[format], format: 'png', css });
  };
}
