/**
 * Be Vietnam Pro for the share cards, read from @fontsource/be-vietnam-pro. The `.woff` files are
 * used because opentype.js, which measures the text for fitting, cannot read woff2. (The editor's
 * card preview renders with the `.woff2` files of the same faces, which takumi's WebAssembly build
 * reads: the PNGs are the same bytes, see test/lib/og/preview.test.ts.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CARD_FONT_FACES, type FontWeight } from './families';
import { createFontMeasure, parseFontFiles, type ParsedFonts } from './measure';
import type { Measure } from './fit-text';

/** One font file as the renderer registers it, plus where it came from. */
export interface CardFont {
  name: string;
  weight: FontWeight;
  style: 'normal';
  /** Absolute path of the .woff file (the `.woff2` of the same face is beside it). */
  path: string;
  /** Name the editor's card preview fetches the face under, without extension ("BVP-vi-700"). */
  file: string;
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
  loaded ??= CARD_FONT_FACES.map(({ subset, family, weight, file }) => {
    const path = resolveFontFile(`be-vietnam-pro-${subset}-${weight}-normal.woff`);
    return { name: family, weight, style: 'normal' as const, path, file, data: readFileSync(path) };
  });
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

/** Parsed fonts per weight, in fallback order (see measure.ts). */
export function parseCardFonts(fonts: CardFont[] = loadCardFonts()): ParsedFonts {
  return parseFontFiles(fonts);
}

/** The build's `measure`: the card fonts, parsed once per call. */
export function cardFontMeasure(): Measure {
  return createFontMeasure(parseCardFonts());
}
