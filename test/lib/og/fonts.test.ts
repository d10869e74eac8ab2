import { describe, expect, it } from 'vitest';
import { createFontMeasure, fontForChar, loadCardFonts, parseCardFonts } from '../../../src/lib/og/fonts';
import { FONT_FAMILY, FONT_SUBSETS, FONT_WEIGHTS } from '../../../src/lib/og/families';
import { renderCardSvg } from '../../../src/lib/og/render';
import type { CardNode } from '../../../src/lib/og/template';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
// No tone, huyền, sắc, ngã, hỏi, nặng.
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const lower = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
/** Every Vietnamese vowel with every tone, upper and lower case, and Đ đ: 146 letters. */
const VIETNAMESE_LETTERS = [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi')), 'Đ', 'đ'];

const fonts = loadCardFonts();
const parsed = parseCardFonts(fonts);

/** Renders each letter in its own box, so satori emits one path per box that has a glyph. */
async function renderLetters(letters: string[], weight: number, fontSize = 100): Promise<(string | null)[]> {
  const cell = 150;
  const columns = 8;
  const tree: CardNode = {
    type: 'div',
    props: {
      style: { display: 'flex', flexWrap: 'wrap', width: 1200, height: 630, fontFamily: FONT_FAMILY, fontSize, fontWeight: weight },
      children: letters.map((letter) => ({ type: 'div', props: { style: { display: 'flex', width: cell, height: cell }, children: letter } })),
    },
  };
  // One landscape canvas holds 8 × 4 cells; render in pages.
  const paths: (string | null)[] = [];
  for (let start = 0; start < letters.length; start += columns * 4) {
    const page = letters.slice(start, start + columns * 4);
    const svg = await renderCardSvg({ ...tree, props: { ...tree.props, children: (tree.props.children as CardNode[]).slice(start, start + page.length) } }, 'landscape', fonts);
    // Each cell opens with its clip mask; its glyph path (if any) follows before the next mask.
    const cells = svg.split(/<mask id="satori_om-id-\d+">/).slice(1);
    expect(cells).toHaveLength(page.length);
    for (const cellSvg of cells) paths.push(/<path[^>]* d="([^"]+)"/.exec(cellSvg)?.[1] ?? null);
  }
  return paths;
}

/** Width and height of the outline drawn by a satori path (absolute M/L/Q coordinates). */
function pathSize(d: string): { width: number; height: number } {
  const numbers = d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
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

  it.each(FONT_WEIGHTS)('satori draws the right glyph for every Vietnamese letter at weight %i', async (weight) => {
    const fontSize = 100;
    const paths = await renderLetters(VIETNAMESE_LETTERS, weight, fontSize);
    const wrong: string[] = [];
    VIETNAMESE_LETTERS.forEach((letter, i) => {
      const d = paths[i];
      if (!d) return void wrong.push(`${letter}: no glyph drawn`);
      // The drawn outline has the size of this letter's own glyph: a dropped or swapped glyph
      // ("Ủ" drawn as "Ư", "ự" as nothing) does not.
      const font = fontForChar(parsed.get(weight)!, letter)!;
      const box = font.charToGlyph(letter).getBoundingBox();
      const scale = fontSize / font.unitsPerEm;
      const drawn = pathSize(d);
      if (Math.abs(drawn.width - (box.x2 - box.x1) * scale) > 1.5 || Math.abs(drawn.height - (box.y2 - box.y1) * scale) > 1.5) {
        wrong.push(`${letter}: drawn ${drawn.width.toFixed(1)}×${drawn.height.toFixed(1)}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('the check above catches the shared-family trap it guards against', async () => {
    // Same fonts, one family name for all subsets: satori then loses Vietnamese glyphs.
    const shared = fonts.map((f) => ({ ...f, name: 'BVP' }));
    const tree: CardNode = {
      type: 'div',
      props: {
        style: { display: 'flex', width: 1200, height: 630, fontFamily: 'BVP', fontSize: 100, fontWeight: 800 },
        children: ['ự', 'Ủ'].map((c) => ({ type: 'div', props: { style: { display: 'flex', width: 150, height: 150 }, children: c } })),
      },
    };
    const sharedSvg = await renderCardSvg(tree, 'landscape', shared);
    const good = await renderLetters(['ự', 'Ủ'], 800);
    const bad = sharedSvg.split(/<mask id="satori_om-id-\d+">/).slice(1).map((s) => /<path[^>]* d="([^"]+)"/.exec(s)?.[1] ?? null);
    expect(bad.map((d) => d && pathSize(d))).not.toEqual(good.map((d) => d && pathSize(d)));
  });

  it('measure agrees with the fonts: wider for bolder text, proportional to size, NFD same as NFC', () => {
    const measure = createFontMeasure(parsed);
    const text = 'Ủy ban nhân dân tỉnh Tây Ninh';
    expect(measure(text, 40, 800)).toBeGreaterThan(measure(text, 40, 400));
    expect(measure(text, 80, 700)).toBeCloseTo(2 * measure(text, 40, 700), 6);
    expect(measure(text.normalize('NFD'), 40, 700)).toBe(measure(text, 40, 700));
  });
});
