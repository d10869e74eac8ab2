import { fileURLToPath } from 'node:url';
import { existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { adoptStagedCards, catalogCardFiles, pruneCardCache, pruneCardCacheWhenDue, publishCards, stageCatalogCards } from '../../../src/lib/og/publish';
import { PRUNE_LEDGER } from '../../../src/lib/build/prune-ledger';
import { site } from '../../../src/site.config';
import { tempDir, writeFileIn } from '../../support/temp-dir';
import { readPngSize } from './png';

const dir = fileURLToPath(new URL('../../fixtures/content/with-report/', import.meta.url));
const content = loadContent(dir, { baseDir: dir });
const context = { site, siteUrl: 'https://cong.example.gov.vn', base: '/ke-hoach-mo/' };

// The card cache, and the build cache that holds the staging folder, in temporary folders.
const env = ['OG_CACHE_DIR', 'KE_HOACH_CACHE_DIR'] as const;
let previous: (string | undefined)[] = [];
beforeEach(() => {
  previous = env.map((name) => process.env[name]);
  process.env.OG_CACHE_DIR = tempDir('og-cache-');
  process.env.KE_HOACH_CACHE_DIR = tempDir('build-cache-');
});
afterEach(() => {
  env.forEach((name, i) => {
    if (previous[i] === undefined) delete process.env[name];
    else process.env[name] = previous[i];
  });
});

describe('catalogCardFiles', () => {
  it('lists both cards of every plan and report at their public paths, drawing only what the cache lacks', { timeout: 60_000 }, async () => {
    const catalog = buildCatalog(content);
    const first = await catalogCardFiles(catalog, context);
    const plans = catalog.plans.flatMap(({ slug }) => [`og/${slug}.png`, `og/${slug}-vuong.png`]);
    const reports = catalog.reports.flatMap(({ slug }) => [`og/bao-cao/${slug}.png`, `og/bao-cao/${slug}-vuong.png`]);
    expect(reports.length).toBeGreaterThan(0);
    expect(first.cards.map((card) => card.path)).toEqual([...plans, ...reports]);
    expect(first.drawn).toBe(first.cards.length);
    for (const card of first.cards) {
      expect(card.file.startsWith(process.env.OG_CACHE_DIR!), card.file).toBe(true);
      expect(readPngSize(readFileSync(card.file))).toEqual(card.path.endsWith('-vuong.png') ? { width: 1080, height: 1080 } : { width: 1200, height: 630 });
    }
    // The next build's catalog finds every card in the cache.
    const again = await catalogCardFiles(buildCatalog(content), context);
    expect(again).toEqual({ cards: first.cards, drawn: 0 });
  });
});

describe('pruneCardCache', () => {
  it('removes from the cache the cards no plan or report has any more, keeping every card of the build', { timeout: 60_000 }, async () => {
    const first = await catalogCardFiles(buildCatalog(content), context);
    expect(pruneCardCache(first.cards)).toBe(0);
    const [plan, ...rest] = content.plans;
    const edited = { ...plan!, data: { ...plan!.data, title: `${plan!.data.title} (sửa)` } };
    const again = await catalogCardFiles(buildCatalog({ ...content, plans: [edited, ...rest] }), context);
    expect(again.drawn).toBe(2);
    expect(pruneCardCache(again.cards)).toBe(2);
    expect(readdirSync(process.env.OG_CACHE_DIR!).sort()).toEqual([...new Set(again.cards.map(({ file }) => basename(file)))].sort());
    expect(pruneCardCache(again.cards)).toBe(0);
  });
});

describe('pruneCardCacheWhenDue', () => {
  it('prunes a cache it has no ledger of, then only once the cards left behind are more than it allows', { timeout: 60_000 }, async () => {
    const cache = process.env.OG_CACHE_DIR!;
    const pngs = () => readdirSync(cache).filter((name) => name.endsWith('.png')).length;
    const first = await catalogCardFiles(buildCatalog(content), context);
    expect(pruneCardCacheWhenDue(first.cards, first.drawn, 2)).toBe(0);
    expect(readdirSync(cache)).toContain(PRUNE_LEDGER);
    const used = pngs();
    const edit = async (n: number) => {
      const [plan, ...rest] = content.plans;
      const edited = { ...plan!, data: { ...plan!.data, title: `${plan!.data.title} (sửa lần ${n})` } };
      return catalogCardFiles(buildCatalog({ ...content, plans: [edited, ...rest] }), context);
    };
    // One edit leaves its plan's two cards behind: allowed.
    const once = await edit(1);
    expect(pruneCardCacheWhenDue(once.cards, once.drawn, 2)).toBe(0);
    expect(pngs()).toBe(used + 2);
    // A second one makes four, more than allowed: the cache is pruned, this build's cards kept.
    const twice = await edit(2);
    expect(pruneCardCacheWhenDue(twice.cards, twice.drawn, 2)).toBe(4);
    expect(pngs()).toBe(used);
    expect(readdirSync(cache)).toContain(PRUNE_LEDGER);
  });
});

describe('publishCards', () => {
  it('links each card from the cache into the out dir, making its folders', () => {
    const cache = tempDir('cards-');
    const out = tempDir('out-');
    writeFileIn(join(cache, 'a.png'), 'PNG a');
    writeFileIn(join(cache, 'b.png'), 'PNG b');
    publishCards(out, [
      { path: 'og/ke-hoach-a.png', file: join(cache, 'a.png') },
      { path: 'og/bao-cao/bao-cao-b.png', file: join(cache, 'b.png') },
    ]);
    expect(statSync(join(out, 'og/ke-hoach-a.png')).ino).toBe(statSync(join(cache, 'a.png')).ino);
    expect(readFileSync(join(out, 'og/bao-cao/bao-cao-b.png'), 'utf8')).toBe('PNG b');
  });

  it('replaces a file an out dir kept from an earlier build without writing into it', () => {
    const cache = tempDir('cards-');
    const out = tempDir('out-');
    const published = tempDir('published-');
    writeFileIn(join(cache, 'new.png'), 'PNG new');
    writeFileIn(join(out, 'og/ke-hoach-a.png'), 'PNG old');
    // The old card is also a file of a site still being served.
    linkSync(join(out, 'og/ke-hoach-a.png'), join(published, 'ke-hoach-a.png'));
    publishCards(out, [{ path: 'og/ke-hoach-a.png', file: join(cache, 'new.png') }]);
    expect(readFileSync(join(out, 'og/ke-hoach-a.png'), 'utf8')).toBe('PNG new');
    expect(readFileSync(join(published, 'ke-hoach-a.png'), 'utf8')).toBe('PNG old');
    // The same card again changes nothing.
    publishCards(out, [{ path: 'og/ke-hoach-a.png', file: join(cache, 'new.png') }]);
    expect(statSync(join(out, 'og/ke-hoach-a.png')).ino).toBe(statSync(join(cache, 'new.png')).ino);
  });

  it('fails naming every card it could not place, after placing the others', () => {
    const cache = tempDir('cards-');
    const out = tempDir('out-');
    writeFileSync(join(cache, 'a.png'), 'PNG a');
    const cards = [
      { path: 'og/gone-1.png', file: join(cache, 'gone-1.png') },
      { path: 'og/ke-hoach-a.png', file: join(cache, 'a.png') },
      { path: 'og/gone-2.png', file: join(cache, 'gone-2.png') },
    ];
    expect(() => publishCards(out, cards)).toThrow(/Không đặt được 2 ảnh chia sẻ[\s\S]*og\/gone-1\.png[\s\S]*og\/gone-2\.png/);
    expect(existsSync(join(out, 'og/ke-hoach-a.png'))).toBe(true);
  });
});

describe('stageCatalogCards and adoptStagedCards', () => {
  it("stage every card as the out dir holds them, and move them in with one rename when the pages' catalog is the same", { timeout: 60_000 }, async () => {
    const staged = await stageCatalogCards(buildCatalog(content), context);
    expect(staged.dir).toBe(join(process.env.KE_HOACH_CACHE_DIR!, 'staging', 'og'));
    const { cards } = await catalogCardFiles(buildCatalog(content), context);
    expect(staged).toMatchObject({ folder: 'og', files: cards.length, missing: [] });
    const out = tempDir('out-');
    // The pages' catalog: the same content, read again.
    expect(adoptStagedCards(staged, buildCatalog(content), context, out)).toBe(true);
    for (const card of cards) expect(statSync(join(out, card.path)).ino, card.path).toBe(statSync(card.file).ino);
    expect(readdirSync(join(out, 'og'), { recursive: true }).filter((name) => String(name).endsWith('.png'))).toHaveLength(cards.length);
    expect(existsSync(staged.dir), 'the staging folder is gone').toBe(false);
  });

  it('refuses cards made from other content or for another address, removing them, so the build places its own', { timeout: 60_000 }, async () => {
    const [plan, ...rest] = content.plans;
    const edited = buildCatalog({ ...content, plans: [{ ...plan!, data: { ...plan!.data, title: `${plan!.data.title} (sửa)` } }, ...rest] });
    const staged = await stageCatalogCards(buildCatalog(content), context);
    const out = tempDir('out-');
    expect(adoptStagedCards(staged, edited, context, out)).toBe(false);
    expect(existsSync(join(out, 'og'))).toBe(false);
    expect(existsSync(staged.dir)).toBe(false);
    const again = await stageCatalogCards(buildCatalog(content), context);
    expect(adoptStagedCards(again, buildCatalog(content), { ...context, base: '/' }, out)).toBe(false);
    expect(existsSync(join(out, 'og'))).toBe(false);
  });

  it('moves nothing into an out dir that has og/ files already', { timeout: 60_000 }, async () => {
    const staged = await stageCatalogCards(buildCatalog(content), context);
    const out = tempDir('out-');
    writeFileIn(join(out, 'og', 'khac.png'), 'PNG');
    expect(adoptStagedCards(staged, buildCatalog(content), context, out)).toBe(false);
    expect(readdirSync(join(out, 'og'))).toEqual(['khac.png']);
  });
});
