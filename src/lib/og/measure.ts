/**
 * Text measurement for fitText from the card's font files (opentype.js), with no Node API: the
 * build measures with it, and so does the editor's card preview in the browser, so both fit the
 * same lines.
 */
import opentype from 'opentype.js';
import { FONT_WEIGHTS } from './families';
import type { Measure } from './fit-text';

/** Parsed fonts per weight, in fallback order. */
export type ParsedFonts = Map<number, opentype.Font[]>;

/** Parses `.woff` (or `.ttf`) files, given in fallback order within each weight. */
export function parseFontFiles(files: readonly { weight: number; data: Uint8Array }[]): ParsedFonts {
  const parsed: ParsedFonts = new Map();
  for (const { weight, data } of files) {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const list = parsed.get(weight) ?? [];
    list.push(opentype.parse(buffer));
    parsed.set(weight, list);
  }
  return parsed;
}

/**
 * The font (among the subsets of one weight) that has a glyph for `char`, as the renderer's per-glyph
 * fallback picks it, or undefined when none has (the glyph would be .notdef).
 */
export function fontForChar(fonts: opentype.Font[], char: string): opentype.Font | undefined {
  return fonts.find((font) => font.charToGlyphIndex(char) > 0);
}

/**
 * A `measure` for fitText built from the same files the renderer draws with: advance widths of each
 * character in the subset that covers it, plus kerning between neighbours in the same subset.
 */
export function createFontMeasure(parsed: ParsedFonts): Measure {
  const cache = new Map<string, number>();
  return (text, fontSize, weight) => {
    const fonts = parsed.get(weight) ?? parsed.get(FONT_WEIGHTS[0])!;
    const key = `${weight}\u0000${text}`;
    let units = cache.get(key);
    if (units === undefined) {
      units = 0;
      let previous: { font: opentype.Font; glyph: opentype.Glyph } | undefined;
      for (const char of text.normalize('NFC')) {
        const font = fontForChar(fonts, char) ?? fonts[0]!;
        const glyph = font.charToGlyph(char);
        const scale = 1000 / font.unitsPerEm;
        if (previous && previous.font === font) units += font.getKerningValue(previous.glyph, glyph) * scale;
        units += (glyph.advanceWidth ?? 0) * scale;
        previous = { font, glyph };
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(key, units);
    }
    return (units * fontSize) / 1000;
  };
}
