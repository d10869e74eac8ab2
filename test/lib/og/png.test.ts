import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { finishPng, PNG_SHRINK_THRESHOLD, shrinkOpaquePng } from '../../../src/lib/og/png';
import { renderCardPng, renderCardSvg, svgToPng } from '../../../src/lib/og/render';
import { createFontMeasure } from '../../../src/lib/og/fonts';
import { buildCardTree } from '../../../src/lib/og/template';
import { extremeCard } from './fixtures';
import { decodePng, readPngSize } from './png';

describe('shrinkOpaquePng', () => {
  it('makes the densest square card much smaller with the very same pixels', async () => {
    const svg = await renderCardSvg(buildCardTree(extremeCard, 'square', createFontMeasure()), 'square');
    const original = svgToPng(svg);
    // The fixture is dense enough to need it: resvg alone comes close to the 200 KB budget.
    expect(original.length).toBeGreaterThan(PNG_SHRINK_THRESHOLD);
    const shrunk = await shrinkOpaquePng(original);
    expect(shrunk.length).toBeLessThan(original.length * 0.85);
    expect(shrunk.length).toBeLessThan(200 * 1024);
    expect(shrunk[25]).toBe(2); // IHDR colour type: RGB
    expect(readPngSize(shrunk)).toEqual({ width: 1080, height: 1080 });
    expect(decodePng(shrunk).rgba.equals(decodePng(original).rgba)).toBe(true);
    expect(await renderCardPng(buildCardTree(extremeCard, 'square', createFontMeasure()), 'square')).toEqual(shrunk);
  });

  it('leaves a PNG with transparent pixels alone', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="20" fill="#9b1c1c"/></svg>';
    const png = Buffer.from(new Resvg(svg).render().asPng());
    expect(await shrinkOpaquePng(png)).toBe(png);
  });

  it('is skipped for cards under the threshold, and for anything that is not a PNG', async () => {
    const small = Buffer.from(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#fff"/></svg>').render().asPng());
    expect(await finishPng(small)).toBe(small);
    const junk = Buffer.from('not a png at all, not a png at all, not a png');
    expect(await shrinkOpaquePng(junk)).toBe(junk);
  });
});
