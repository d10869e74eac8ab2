/**
 * The search index in parts (src/lib/search/shards.ts) built with Pagefind from the seed plans:
 * which parts an edit re-indexes, what the site's bundle holds, and that the parts together give
 * the vocabulary and records of the whole catalog.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildCatalog, type PlanEntry } from '../../../src/lib/catalog/build';
import { planDate } from '../../../src/lib/catalog/plan-date';
import { PRUNE_LEDGER } from '../../../src/lib/build/prune-ledger';
import { adoptStagedSearchIndex, buildSearchParts, indexParts, stageSiteSearchIndex, writeSiteSearchIndex } from '../../../src/lib/search/pagefind-index';
import { MANIFEST_PATH, RUNTIME_FILES, type SearchManifest } from '../../../src/lib/search/shards';
import { VOCABULARY_PATH, storedRecordPath } from '../../../src/lib/search/client-config';
import { buildSearchRecord, searchRecordContext } from '../../../src/lib/search/record';
import { VocabularyCounter } from '../../../src/lib/search/vocabulary';
import { directoryRecords } from '../../../src/lib/search/directory';
import { seedCatalog, seedContent } from '../portal/seed-catalog';

const dir = mkdtempSync(join(tmpdir(), 'search-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cache = { index: join(dir, 'cache', 'pagefind'), records: join(dir, 'cache', 'search-records') };
const catalog = seedCatalog();
/**
 * The newest plan in a part of its own (with the others of its month: none) and a part per year,
 * so the seed content has every kind of part.
 */
const RECENT = 1;
// Every record left behind is pruned at once here (the allowance is record-cache.test.ts's).
const SIZES = { recentPlans: RECENT, partPlans: 1, staleRecords: 0 };
const yearOf = (plan: { data: Parameters<typeof planDate>[0] }) => Number(planDate(plan.data).slice(0, 4));
/** Years of the plans after the newest two, newest first: one part each. */
const years = [...new Set(catalog.plans.slice(RECENT).map(yearOf))].sort((a, b) => b - a);
const build = (c = catalog) => buildSearchParts(c, '/', cache, 'code-1', SIZES);
/** The part holding a plan of the seed catalog. */
const partOf = (slug: string) => (catalog.plans.findIndex((p) => p.slug === slug) < RECENT ? 'moi-nhat/' : `nam-${yearOf(catalog.planBySlug.get(slug)!)}/`);
const produced = (parts: { how: string; info: { path: string } }[]) => parts.filter((p) => p.how === 'produced').map((p) => p.info.path).sort();
const gzJson = (path: string) => JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));

/** The seed content with one plan's summary changed. */
function edited(slug: string) {
  const content = seedContent();
  return buildCatalog({ ...content, plans: content.plans.map((p) => (p.slug === slug ? { ...p, data: { ...p.data, summary: `${p.data.summary} Đã sửa.` } } : p)) });
}

describe('indexParts', () => {
  it('has the newest plans when there are more, the other plans by year (newest first), and the directory', () => {
    const parts = indexParts(catalog, RECENT, 1);
    expect(parts.map((p) => p.path)).toEqual(['moi-nhat/', ...years.map((y) => `nam-${y}/`), 'danh-ba/']);
    expect(parts[0]!.plans).toEqual(catalog.plans.slice(0, RECENT));
    // Every plan in exactly one part.
    expect(parts.flatMap((p) => p.plans ?? [])).toEqual(catalog.plans);
    const allYears = [...new Set(catalog.plans.map(yearOf))].sort((a, b) => b - a);
    expect(indexParts(catalog, catalog.plans.length, 1).map((p) => p.path)).toEqual([...allYears.map((y) => `nam-${y}/`), 'danh-ba/']);
    // Small years share a part.
    expect(indexParts(catalog, catalog.plans.length).map((p) => p.path)).toEqual([`nam-${allYears.at(-1)}-${allYears[0]}/`, 'danh-ba/']);
  });
});

describe('indexParts of busy years', () => {
  /** The part of a plan when every year is split into its twelve months (splitPlans 0). */
  const month = (plan: PlanEntry) => `nam-${yearOf(plan)}-thang-${Number(planDate(plan.data).slice(5, 7))}/`;

  it('splits each year of more than splitPlans plans into parts by months, every plan in the part of its month', () => {
    const parts = indexParts(catalog, RECENT, 1, 0);
    expect(parts.map((p) => p.path)).toEqual(['moi-nhat/', ...[...new Set(catalog.plans.slice(RECENT).map(month))], 'danh-ba/']);
    expect(parts.flatMap((p) => p.plans ?? [])).toEqual(catalog.plans);
    for (const part of parts.slice(1, -1)) for (const plan of part.plans!) expect(month(plan)).toBe(part.path);
  });

  it('re-indexes only the month part holding an edited plan, and lists the parts in the manifest with their year', async () => {
    const split = { index: join(dir, 'split', 'pagefind'), records: join(dir, 'split', 'search-records') };
    const sizes = { ...SIZES, splitPlans: 0 };
    const cold = await buildSearchParts(catalog, '/', split, 'code-1', sizes);
    const oldest = catalog.plans.at(-1)!;
    const path = month(oldest);
    expect(cold.parts.map((p) => p.info.path)).toContain(path);
    const after = await buildSearchParts(edited(oldest.slug), '/', split, 'code-1', sizes);
    expect([produced(after.parts), after.built]).toEqual([[path], 1]);
    const manifest = writeSiteSearchIndex(after, join(dir, 'split', 'site'));
    const info = manifest.years.find((p) => p.path === path)!;
    expect(info.years).toEqual([oldest.data.year]);
    expect(manifest.years.reduce((n, p) => n + p.records, RECENT)).toBe(catalog.plans.length);
  });
});

describe('buildSearchParts', () => {
  it('indexes every part into an empty cache, then reuses every one', async () => {
    const cold = await build();
    expect([cold.indexed, cold.built]).toEqual([years.length + 2, catalog.plans.length]);
    expect(cold.parts.every((p) => p.how === 'produced')).toBe(true);
    const warm = await build();
    expect([warm.indexed, warm.built]).toEqual([0, 0]);
    // The directory's size is reported whether or not its part was indexed.
    expect(warm.directory).toBe(cold.directory);
    expect(cold.directory).toBe(catalog.agencies.size + catalog.documents.size);
    expect(warm.parts.map((p) => p.path)).toEqual(cold.parts.map((p) => p.path));
  });

  it('re-indexes only the part holding an edited plan, building that one record', async () => {
    const oldest = catalog.plans.at(-1)!;
    const afterOld = await build(edited(oldest.slug));
    expect(produced(afterOld.parts)).toEqual([partOf(oldest.slug)]);
    expect(afterOld.built).toBe(1);
    const newest = catalog.plans[0]!;
    const afterNew = await build(edited(newest.slug));
    // The oldest plan's part goes back to the content as it is.
    expect(produced(afterNew.parts)).toEqual([partOf(newest.slug), partOf(oldest.slug)].sort());
    expect(afterNew.built).toBe(2);
    expect(produced((await build()).parts)).toEqual([partOf(newest.slug)]);
  });

  it('re-indexes only the newest plans’ part when a plan of their month is added or deleted', async () => {
    const content = seedContent();
    const [newest] = catalog.plans;
    const added = { ...content.plans.find((p) => p.slug === newest!.slug)!, slug: `${newest!.slug}-ban-moi` };
    const more = await build(buildCatalog({ ...content, plans: [...content.plans, added] }));
    expect(produced(more.parts)).toEqual(['moi-nhat/']);
    expect(more.built).toBe(1);
    expect(produced((await build()).parts)).toEqual(['moi-nhat/']);
  });

  it('moves a plan from the newest plans’ part to its year when the month they start from moves', async () => {
    const content = seedContent();
    const [newest] = catalog.plans;
    const base = content.plans.find((p) => p.slug === newest!.slug)!;
    // A plan of a later year: the newest plans are now its month's; the newest plan before goes to its year.
    const later = { ...base, slug: `${newest!.slug}-nam-sau`, data: { ...base.data, year: base.data.year + 1 } };
    const more = await build(buildCatalog({ ...content, plans: [...content.plans, later] }));
    expect(produced(more.parts)).toEqual(['moi-nhat/', `nam-${yearOf(newest!)}/`].sort());
    expect(more.built).toBe(1);
    await build();
  });

  it('calls whileIndexing once, while Pagefind writes the first part it indexes, or at the end when none is', async () => {
    const oldest = catalog.plans.at(-1)!;
    const part = join(cache.index, partOf(oldest.slug).slice(0, -1));
    const seen: string[][] = [];
    const edit = edited(oldest.slug);
    const parts = await buildSearchParts(edit, '/', cache, 'code-1', { ...SIZES, whileIndexing: () => seen.push(readdirSync(part)) });
    expect(produced(parts.parts)).toEqual([partOf(oldest.slug)]);
    // Called before the new bundle was kept beside the old one.
    expect(seen).toHaveLength(1);
    expect(readdirSync(part).filter((name) => !seen[0]!.includes(name))).toHaveLength(1);
    let calls = 0;
    const again = await buildSearchParts(edit, '/', cache, 'code-1', { ...SIZES, whileIndexing: () => calls++ });
    expect([again.indexed, calls]).toEqual([0, 1]);
    await build();
  });

  it('drops the cache of a year left without plans, and the records of plans gone', async () => {
    const content = seedContent();
    const oldestYear = years.at(-1)!;
    const gone = catalog.plans.slice(RECENT).filter((p) => yearOf(p) === oldestYear);
    const fewer = buildCatalog({ ...content, plans: content.plans.filter((p) => !gone.some((g) => g.slug === p.slug)) });
    // Each record is a file and its stored result (`….gz`) beside it.
    const records = () => readdirSync(cache.records, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json') && e.name !== PRUNE_LEDGER).length;
    expect(records()).toBe(catalog.plans.length);
    await build(fewer);
    expect(existsSync(join(cache.index, `nam-${oldestYear}`))).toBe(false);
    expect(records()).toBe(catalog.plans.length - gone.length);
    expect(produced((await build()).parts)).toContain(`nam-${oldestYear}/`);
    expect(records()).toBe(catalog.plans.length);
  });
});

describe('writeSiteSearchIndex', () => {
  it('writes each part, one runtime, the manifest and the whole vocabulary, and no file the page never loads', async () => {
    const parts = await build();
    const out = join(dir, 'site', 'pagefind');
    const manifest = writeSiteSearchIndex(parts, out);
    expect(JSON.parse(readFileSync(join(out, MANIFEST_PATH), 'utf8'))).toEqual(manifest);
    expect(manifest.plans).toBe(catalog.plans.length);
    expect(manifest.years.map((p) => p.path)).toEqual(years.map((y) => `nam-${y}/`));
    expect(manifest.years.reduce((n, p) => n + p.records, RECENT)).toBe(catalog.plans.length);
    expect(manifest.recent).toMatchObject({ path: 'moi-nhat/', records: RECENT });
    expect(manifest.directory.records).toBe(catalog.agencies.size + catalog.documents.size);
    for (const year of manifest.years) expect(year.years.length).toBeGreaterThan(0);

    expect(readdirSync(out).sort()).toEqual([...RUNTIME_FILES, MANIFEST_PATH, VOCABULARY_PATH, 'danh-ba', 'moi-nhat', ...years.map((y) => `nam-${y}`)].sort());
    for (const info of [...manifest.years, manifest.recent!, manifest.directory]) {
      const files = readdirSync(join(out, info.path));
      expect(files).not.toContain('fragment');
      expect(files.filter((f) => /^pagefind(-ui|-component-ui|-worker|-highlight|-modular-ui)?\.(js|css)$/.test(f) || f.startsWith('wasm.'))).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'index', 'ket-qua']));
      // The no-match id names the part's no-match record; every other stored record is a result.
      expect(gzJson(join(out, info.path, storedRecordPath(info.noMatch)))).toMatchObject({ noMatch: true });
      expect(readdirSync(join(out, info.path, 'ket-qua'))).toHaveLength(info.records + 1);
    }

    const counter = new VocabularyCounter();
    const ctx = searchRecordContext(catalog, '/');
    for (const plan of catalog.plans) counter.add(buildSearchRecord(plan, ctx).terms.keys());
    for (const record of directoryRecords(catalog, '/')) counter.add(record.terms.keys());
    expect(gzJson(join(out, VOCABULARY_PATH))).toEqual(counter.result());
  });

  it('refuses parts without the directory', () => {
    expect(() => writeSiteSearchIndex({ parts: [], plans: 0 }, join(dir, 'none'))).toThrow(/directory/);
  });
});

describe('stageSiteSearchIndex and adoptStagedSearchIndex', () => {
  /** Every file under `root`, by relative path, with its bytes. */
  const tree = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(root, file), readFileSync(file).toString('base64')]);

  it('stage the bundle writeSiteSearchIndex writes, and move it into the out dir with one rename', async () => {
    const parts = await build();
    const written = join(dir, 'written', 'pagefind');
    writeSiteSearchIndex(parts, written);
    const staged = stageSiteSearchIndex(parts, join(dir, 'staging', 'pagefind'));
    // As the build's content process reports it, through JSON.
    const reported = JSON.parse(JSON.stringify(staged)) as typeof staged;
    const out = join(dir, 'out-staged');
    expect(adoptStagedSearchIndex(reported, out)).toBe(true);
    expect(tree(join(out, 'pagefind'))).toEqual(tree(written));
    expect(staged.staged.files).toBe(tree(written).length);
    expect(existsSync(staged.staged.dir), 'the staging folder is gone').toBe(false);
  });

  it('move nothing when none was staged or when it was staged for other parts', async () => {
    const parts = await build();
    expect(adoptStagedSearchIndex(parts, join(dir, 'out-none'))).toBe(false);
    const staged = stageSiteSearchIndex(parts, join(dir, 'staging', 'pagefind'));
    const fewer = { ...staged, plans: staged.plans - 1 };
    expect(adoptStagedSearchIndex(fewer, join(dir, 'out-other'))).toBe(false);
    expect(existsSync(join(dir, 'out-other', 'pagefind'))).toBe(false);
    expect(existsSync(staged.staged.dir)).toBe(false);
  });
});

export type { SearchManifest };
