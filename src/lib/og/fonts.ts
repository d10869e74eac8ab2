/**
 * Be Vietnam Pro for the share cards, read from @fontsource/be-vietnam-pro. The `.woff` files are
 * used because opentype.js, which measures the text for fitting, cannot read woff2.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { FONT_SUBSETS, FONT_WEIGHTS, type FontWeight } from './families';
import type { Measure } from './fit-text';

/** One font file as the renderer registers it, plus where it came from. */
export interface CardFont {
  name: string;
  weight: FontWeight;
  style: 'normal';
  /** Absolute path of the .woff file (workers read the file themselves). */
  path: string;
  data: Buffer;
}

// Resolving from this module works in source, in Vitest and inside Astro's build chunks; the
// working directory is the fallback for bundles that lose the module's location.
function resolveFontFile(file: string): string {
  const specifier = `@fontsource/be-vietnam-pro/files/${file}`;
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return createRequire(join(process.cwd(), 'package.json')).resolve(specifier);
  }
}

let loaded: CardFont[] | undefined;

/** Every subset × weight the cards use, in FONT_SUBSETS order (which is the fallback order). */
export function loadCardFonts(): CardFont[] {
  loaded ??= FONT_WEIGHTS.flatMap((weight) =>
    FONT_SUBSETS.map(({ subset, family }) => {
      const path = resolveFontFile(`be-vietnam-pro-${subset}-${weight}-normal.woff`);
      return { name: family, weight, style: 'normal' as const, path, data: readFileSync(path) };
    }),
  );
  return loaded;
}

let fontsDigest: string | undefined;

/** sha256 over every font file, part of the image cache key: a font update re-renders every card. */
export function cardFontsHash(): string {
  if (!fontsDigest) {
    const hash = createHash('sha256');
    for (const font of loadCardFonts()) hash.update(`${font.name}:${font.weight}:`).update(font.data);
    fontsDigest = hash.digest('hex');
  }
  return fontsDigest;
}

/** Parsed fonts per weight, in fallback order. */
export type ParsedFonts = Map<number, opentype.Font[]>;

export function parseCardFonts(fonts: CardFont[] = loadCardFonts()): ParsedFonts {
  const parsed: ParsedFonts = new Map();
  for (const font of fonts) {
    const buffer = font.data.buffer.slice(font.data.byteOffset, font.data.byteOffset + font.data.byteLength) as ArrayBuffer;
    const list = parsed.get(font.weight) ?? [];
    list.push(opentype.parse(buffer));
    parsed.set(font.weight, list);
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
export function createFontMeasure(parsed: ParsedFonts = parseCardFonts()): Measure {
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
