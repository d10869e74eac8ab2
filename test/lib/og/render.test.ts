import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { site } from '../../../src/site.config';
import { planCardJobs } from '../../../src/lib/og/plan-cards';
import { cardBatch, cardCacheKey, cardsRenderingElsewhere, renderCards, type CardJob } from '../../../src/lib/og/cards';
import { cardFontMeasure } from '../../../src/lib/og/fonts';
import { renderCardPng } from '../../../src/lib/og/render';
import { buildCardTree, CARD_SIZES } from '../../../src/lib/og/template';
import { extremeCard } from './fixtures';
import { readPngSize } from './png';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const content = loadContent(join(root, 'content'));
const catalog = buildCatalog({ plans: content.plans, agencies: content.agencies, documents: content.documents });
const jobs = planCardJobs(catalog, { site, siteUrl: site.portalUrl, base: '/' });
const cacheDir = mkdtempSync(join(tmpdir(), 'og-render-test-'));
const dirs: string[] = [];
afterAll(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('renderCards', () => {
  let cold: Awaited<ReturnType<typeof renderCards>>;

  it('renders every plan card cold, two at a time, as a PNG of the declared size under 200 KB', async () => {
    cold = await renderCards(jobs, { cacheDir, concurrency: 2 });
    expect(cold.hits).toBe(0);
    expect(cold.misses).toBe(jobs.length);
    expect(cold.workers).toBe(2);
    for (const job of jobs) {
      const png = readFileSync(cold.cards.get(job.id)!.file);
      expect(readPngSize(png), job.id).toEqual(CARD_SIZES[job.format]);
      expect(png.length, job.id).toBeLessThan(200 * 1024);
    }
  }, 120_000);

  it('serves every card from the cache when nothing changed', async () => {
    const warm = await renderCards(jobs, { cacheDir, concurrency: 2 });
    expect(warm.hits).toBe(jobs.length);
    expect(warm.misses).toBe(0);
    expect(warm.workers).toBe(0);
    for (const job of jobs) expect(warm.cards.get(job.id)!.file).toBe(cold.cards.get(job.id)!.file);
    expect(warm.ms).toBeLessThan(cold.ms);
  });

  it('re-renders only the card whose data changed', async () => {
    const changed = jobs.map((job, i) => (i === 0 ? { ...job, data: { ...job.data, title: `${job.data.title} (sửa đổi)` } } : job));
    const result = await renderCards(changed, { cacheDir, concurrency: 2 });
    expect(result.misses).toBe(1);
    expect(result.hits).toBe(jobs.length - 1);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.png'))).toHaveLength(jobs.length + 1);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('draws again a card whose cached file is empty (a torn write), and only that one', async () => {
    const torn = cold.cards.get(jobs[1]!.id)!.file;
    writeFileSync(torn, '');
    const result = await renderCards(jobs, { cacheDir, concurrency: 2 });
    expect(result.misses).toBe(1);
    expect(result.hits).toBe(jobs.length - 1);
    expect(readPngSize(readFileSync(torn))).toEqual(CARD_SIZES[jobs[1]!.format]);
  });

  it('draws the same bytes one at a time as in a parallel batch', async () => {
    const job = jobs.find((j) => j.format === 'landscape')!;
    const direct = await renderCardPng(buildCardTree(job.data, job.format, cardFontMeasure()), job.format);
    expect(readFileSync(cold.cards.get(job.id)!.file).equals(direct)).toBe(true);
  });

  it('keeps the densest card (longest texts in every slot) under 200 KB', async () => {
    const png = await renderCardPng(buildCardTree(extremeCard, 'square', cardFontMeasure()), 'square');
    expect(readPngSize(png)).toEqual(CARD_SIZES.square);
    expect(png.length).toBeLessThan(200 * 1024);
  });

  it('renders decomposed (NFD) text exactly like NFC', async () => {
    const job = jobs.find((j) => j.format === 'square')!;
    const nfd = { ...job, id: 'nfd', data: { ...job.data, title: job.data.title.normalize('NFD'), agencyName: job.data.agencyName.normalize('NFD') } };
    expect(nfd.data.title).not.toBe(job.data.title);
    const result = await renderCards([nfd], { cacheDir });
    expect(readFileSync(result.cards.get('nfd')!.file).equals(readFileSync(cold.cards.get(job.id)!.file))).toBe(true);
  });
});

describe('cardBatch', () => {
  afterAll(() => cardsRenderingElsewhere(undefined));

  it('waits for the cards another process renders, then finds them in the cache', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'og-elsewhere-'));
    dirs.push(elsewhere);
    const set = { jobs: jobs.slice(0, 2) };
    let rendered = false;
    cardsRenderingElsewhere(
      new Promise((resolve) => setTimeout(resolve, 50)).then(async () => {
        await renderCards(set.jobs, { cacheDir: elsewhere });
        rendered = true;
      }),
    );
    const batch = cardBatch('test cards', (s: { jobs: CardJob[] }) => s.jobs);
    const result = await batch.all(set, undefined, { cacheDir: elsewhere });
    expect(rendered).toBe(true);
    expect({ hits: result.hits, misses: result.misses }).toEqual({ hits: 2, misses: 0 });
    expect(result.cards.get(set.jobs[1]!.id)!.file).toBe(join(elsewhere, `${cardCacheKey(set.jobs[1]!.data, set.jobs[1]!.format)}.png`));
    // Once per catalog: the same batch again.
    expect(await batch.all(set, undefined, { cacheDir: elsewhere })).toBe(result);
  });

  it("draws the dev server's one card when the cache lacks it, and finds it there after", async () => {
    const own = mkdtempSync(join(tmpdir(), 'og-own-'));
    dirs.push(own);
    const batch = cardBatch('one card', (): CardJob[] => {
      throw new Error('the batch of every card was made');
    });
    const file = await batch.file(jobs[0]!, { cacheDir: own });
    expect(file).toBe(join(own, `${cardCacheKey(jobs[0]!.data, jobs[0]!.format)}.png`));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    const { ino, mtimeMs } = statSync(file);
    expect(await batch.file(jobs[0]!, { cacheDir: own })).toBe(file);
    expect(statSync(file)).toMatchObject({ ino, mtimeMs });
  });

  it('renders the cards itself when the other process failed, and fails where the cache cannot be written', async () => {
    const own = mkdtempSync(join(tmpdir(), 'og-own-'));
    dirs.push(own);
    cardsRenderingElsewhere(Promise.reject(new Error('tiến trình vẽ ảnh dừng')));
    const set = { jobs: jobs.slice(0, 1) };
    const result = await cardBatch('fallback cards', (s: { jobs: CardJob[] }) => s.jobs).all(set, undefined, { cacheDir: own });
    expect({ hits: result.hits, misses: result.misses }).toEqual({ hits: 0, misses: 1 });

    const notADir = join(own, 'not-a-folder');
    writeFileSync(notADir, '');
    const broken = cardBatch('broken cards', (s: { jobs: CardJob[] }) => s.jobs);
    await expect(broken.file(set.jobs[0]!, { cacheDir: join(notADir, 'og') })).rejects.toThrow(/ENOTDIR|EEXIST/);
    await expect(broken.all(set, undefined, { cacheDir: join(notADir, 'og') })).rejects.toThrow(/ENOTDIR|EEXIST/);
    const throwing = cardBatch('throwing cards', (): CardJob[] => {
      throw new Error('no card data');
    });
    await expect(throwing.all({}, undefined)).rejects.toThrow('no card data');
  });
});

describe('cardCacheKey', () => {
  it('depends on the data and the format, and on nothing random', () => {
    const a = jobs[0];
    expect(cardCacheKey(a!.data, 'landscape')).toBe(cardCacheKey(structuredClone(a!.data), 'landscape'));
    expect(cardCacheKey(a!.data, 'landscape')).not.toBe(cardCacheKey(a!.data, 'square'));
    const other = jobs.find((j) => j.data.title !== a!.data.title)!;
    expect(cardCacheKey(a!.data, 'landscape')).not.toBe(cardCacheKey(other.data, 'landscape'));
    expect(cardCacheKey(a!.data, 'landscape')).toMatch(/^[0-9a-f]{64}$/);
  });
});
