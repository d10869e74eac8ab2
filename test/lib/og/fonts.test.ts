import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadCardFonts, parseCardFonts } from '../../../src/lib/og/fonts';
import { createFontMeasure, fontForChar } from '../../../src/lib/og/measure';
import { FONT_FAMILY, FONT_SUBSETS, FONT_WEIGHTS } from '../../../src/lib/og/families';
import { renderTree } from '../../../src/lib/og/render';
import { CARD_SIZES, type CardNode } from '../../../src/lib/og/template';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
// No tone, huyền, sắc, ngã, hỏi, nặng.
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const lower = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
/** Every Vietnamese vowel with every tone, upper and lower case, and Đ đ: 146 letters. */
const VIETNAMESE_LETTERS = [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi')), 'Đ', 'đ'];

const fonts = loadCardFonts();
const parsed = parseCardFonts(fonts);

/** What a letter's cell holds: the size of its ink and a digest of the ink itself. */
interface Ink {
  width: number;
  height: number;
  mask: string;
}

const CELL = 150;
const COLUMNS = 8;
const ROWS = 4;
const FONT_SIZE = 80;

/**
 * Renders each letter black on white in its own cell of a landscape canvas and returns the box its
 * ink covers in each cell (pixels darker than mid-grey), or null for a cell with no ink.
 */
async function inkBoxes(letters: string[], weight: number, { fontSize = FONT_SIZE, fontList = fonts, family = FONT_FAMILY } = {}): Promise<(Ink | null)[]> {
  const { width, height } = CARD_SIZES.landscape;
  const boxes: (Ink | null)[] = [];
  for (let start = 0; start < letters.length; start += COLUMNS * ROWS) {
    const page = letters.slice(start, start + COLUMNS * ROWS);
    const tree: CardNode = {
      type: 'div',
      props: {
        style: { display: 'flex', flexWrap: 'wrap', alignContent: 'flex-start', width, height, backgroundColor: '#ffffff', color: '#000000', fontFamily: family, fontSize, fontWeight: weight },
        // Centred, so stacked marks above and descenders below stay inside the letter's own cell.
        children: page.map((letter) => ({ type: 'div', props: { style: { display: 'flex', alignItems: 'center', justifyContent: 'center', width: CELL, height: CELL }, children: letter } })),
      },
    };
    const rgba = await renderTree(tree, { width, height }, { fonts: fontList, output: 'raw' });
    expect(rgba.length).toBe(width * height * 4);
    page.forEach((_, i) => {
      const left = (i % COLUMNS) * CELL;
      const top = Math.floor(i / COLUMNS) * CELL;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let y = top; y < top + CELL; y++) {
        for (let x = left; x < left + CELL; x++) {
          if (rgba[(y * width + x) * 4]! >= 128) continue;
          [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
        }
      }
      if (minX === Infinity) return void boxes.push(null);
      // The ink itself, cropped: two letters drawn alike have the same mask.
      let mask = '';
      for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) mask += rgba[(y * width + x) * 4]! < 128 ? '1' : '0';
      boxes.push({ width: maxX - minX + 1, height: maxY - minY + 1, mask: createHash('sha1').update(mask).digest('hex') });
    });
  }
  return boxes;
}

/** Letters whose ink box is not the size of their own glyph in the card fonts (dropped, swapped or .notdef). */
function wrongGlyphs(letters: string[], boxes: (Ink | null)[], weight: number, fontSize = FONT_SIZE): string[] {
  const wrong: string[] = [];
  letters.forEach((letter, i) => {
    const drawn = boxes[i];
    if (!drawn) return void wrong.push(`${letter}: no glyph drawn`);
    const font = fontForChar(parsed.get(weight)!, letter)!;
    const box = font.charToGlyph(letter).getBoundingBox();
    const scale = fontSize / font.unitsPerEm;
    // Anti-aliased edges put each edge within a pixel of the outline, and the renderer may stack a
    // circumflex and a tone mark (ẫ, Ễ) with the font's mark positioning rather than the precomposed
    // outline, a few pixels off; a dropped, swapped or .notdef glyph is off by far more.
    if (Math.abs(drawn.width - (box.x2 - box.x1) * scale) > 10 || Math.abs(drawn.height - (box.y2 - box.y1) * scale) > 4) {
      wrong.push(`${letter}: drawn ${drawn.width}×${drawn.height}, glyph ${((box.x2 - box.x1) * scale).toFixed(1)}×${((box.y2 - box.y1) * scale).toFixed(1)}`);
    }
  });
  return wrong;
}

describe('card fonts', () => {
  it('give each @fontsource subset its own family name, all listed in the font-family', () => {
    const names = new Set(fonts.map((f) => f.name));
    expect(names.size).toBe(FONT_SUBSETS.length);
    for (const name of names) expect(FONT_FAMILY.split(', ')).toContain(name);
    for (const font of fonts) expect(font.path).toMatch(/\.woff$/);
    expect(fonts).toHaveLength(FONT_SUBSETS.length * FONT_WEIGHTS.length);
  });

  it('the test string really is every vowel × tone, upper and lower, plus Đ đ, each one code point', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(146);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(146);
    for (const c of VIETNAMESE_LETTERS) expect([...c]).toHaveLength(1);
    for (const sample of ['ặ', 'ỗ', 'ẫ', 'ẳ', 'Ự', 'Ữ', 'Ủ', 'ự', 'Đ']) expect(VIETNAMESE_LETTERS).toContain(sample);
  });

  it.each(FONT_WEIGHTS)('have a glyph (not .notdef) for every Vietnamese letter at weight %i', (weight) => {
    const missing = VIETNAMESE_LETTERS.filter((c) => !fontForChar(parsed.get(weight)!, c));
    expect(missing).toEqual([]);
  });

  it.each(FONT_WEIGHTS)('the renderer draws the right glyph for every Vietnamese letter at weight %i', async (weight) => {
    // The drawn ink has the size of this letter's own glyph: a dropped or swapped glyph ("Ủ" drawn
    // as "Ư", "ự" as nothing or as a .notdef box) does not.
    const inks = await inkBoxes(VIETNAMESE_LETTERS, weight);
    expect(wrongGlyphs(VIETNAMESE_LETTERS, inks, weight)).toEqual([]);
    // And no tone mark is lost where the size alone cannot tell (ì and i have the same box).
    const mask = new Map(VIETNAMESE_LETTERS.map((letter, i) => [letter, inks[i]?.mask]));
    const sameAsBase = VIETNAMESE_LETTERS.filter((letter) => {
      const base = letter.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
      return base !== letter && mask.get(letter) === mask.get(base);
    });
    expect(sameAsBase).toEqual([]);
  });

  it('the check above catches fonts without the Vietnamese letters (the Latin subset alone)', async () => {
    const latinOnly = fonts.filter((f) => f.name === 'BVP-latin');
    // Letters whose parts (horn, breve, Đ) the Latin file lacks; the renderer composes others, such
    // as Ủ from U and a hook above, from the Latin file's combining marks, which is right.
    const letters = ['ự', 'ặ', 'Đ', 'ơ'];
    const boxes = await inkBoxes(letters, 800, { fontList: latinOnly, family: 'BVP-latin' });
    expect(wrongGlyphs(letters, boxes, 800)).toHaveLength(letters.length);
  });

  it('measure agrees with the fonts: wider for bolder text, proportional to size, NFD same as NFC', () => {
    const measure = createFontMeasure(parsed);
    const text = 'Ủy ban nhân dân tỉnh Tây Ninh';
    expect(measure(text, 40, 800)).toBeGreaterThan(measure(text, 40, 400));
    expect(measure(text, 80, 700)).toBeCloseTo(2 * measure(text, 40, 700), 6);
    expect(measure(text.normalize('NFD'), 40, 700)).toBe(measure(text, 40, 700));
  });
});
