import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { site } from '../../../src/site.config';
import { planCardJobs } from '../../../src/lib/og/plan-cards';
import { cardFontMeasure } from '../../../src/lib/og/fonts';
import { renderCardPng } from '../../../src/lib/og/render';
import { buildCardTree } from '../../../src/lib/og/template';
import { CARD_PREVIEW_FILES, createCardPreview } from '../../../src/lib/og/preview';
import { cardPreviewAssetPath, cardPreviewAssetType } from '../../../src/lib/cms/assets';
import { seedCatalog } from '../portal/seed-catalog';
import { extremeCard } from './fixtures';

const files = async (name: string) => new Uint8Array(readFileSync(cardPreviewAssetPath(name)));

describe('createCardPreview (the editor’s share cards, WebAssembly)', () => {
  it('draws every seed plan card, both formats, and the densest fixture, in the same PNG bytes as the build', async () => {
    const preview = await createCardPreview(files);
    const catalog = seedCatalog();
    const jobs = planCardJobs(catalog, { site, siteUrl: site.portalUrl, base: '/' });
    const measure = cardFontMeasure();
    for (const job of [...jobs, { id: 'extreme', data: extremeCard, format: 'square' as const }]) {
      const built = await renderCardPng(buildCardTree(job.data, job.format, measure), job.format);
      expect(Buffer.compare(Buffer.from(await preview(job.data, job.format)), built), job.id).toBe(0);
    }
  }, 120_000);

  it('serves each file it asks for from node_modules, with its content type', () => {
    // The file's own signature, against the type it is served with.
    const SIGNATURES: Record<string, string> = { 'application/wasm': '\0asm', 'font/woff': 'wOFF', 'font/woff2': 'wOF2' };
    expect(CARD_PREVIEW_FILES).toHaveLength(1 + 2 * 9);
    for (const name of CARD_PREVIEW_FILES) {
      const bytes = readFileSync(cardPreviewAssetPath(name));
      expect(bytes.subarray(0, 4).toString('latin1'), name).toBe(SIGNATURES[cardPreviewAssetType(name)]);
    }
    expect(() => cardPreviewAssetPath('../../package.json')).toThrow(/not a card preview asset/);
  });
});
