import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../../src/lib/content/load';
import { CONTENT_CACHE_ENV, contentCacheRoot, pipelineFingerprint, saveRecordPacks } from '../../../src/lib/content/cache';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { catalog, ctx, openData, root } from './real-content';

describe('the open-data registry', () => {
  it('publishes each path once', () => {
    const paths = openData.allFiles().map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('has the endpoints DESIGN.md promises', () => {
    const paths = new Set(openData.allFiles().map((f) => f.path));
    for (const name of ['plans', 'targets', 'deadlines', 'citations', 'agencies', 'documents']) {
      expect(paths.has(`api/v1/${name}.json`), name).toBe(true);
      expect(paths.has(`api/v1/${name}.csv`), name).toBe(true);
    }
    for (const path of ['api/v1/deadlines.ics', 'api/v1/catalog.jsonld', 'api/v1/datapackage.json', 'feed.xml', 'feed.json']) expect(paths.has(path), path).toBe(true);
    for (const plan of catalog.plans) expect(paths.has(`api/v1/plans/${plan.slug}.json`)).toBe(true);
  });

  it('is deterministic: a fresh load of the same content renders byte-identical files', async () => {
    const again = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    expect(again).not.toBe(openData);
    for (const file of openData.allFiles()) expect(again.file(file.path).body, file.path).toEqual(openData.file(file.path).body);
  });

  it('does not depend on the order the loader returns entries in', async () => {
    const content = loadContent(join(root, 'content'));
    const shuffled = buildCatalog({ plans: [...content.plans].reverse(), agencies: [...content.agencies].reverse(), documents: [...content.documents].reverse() });
    const again = await createOpenData(shuffled, ctx);
    for (const file of openData.allFiles()) expect(again.file(file.path).body, file.path).toEqual(openData.file(file.path).body);
  });

  it('refuses a path it does not publish', () => {
    expect(() => openData.file('api/v1/khong-co.json')).toThrow(/khong-co/);
  });
});

describe('sizes and checksums kept between builds', () => {
  const keyed = () => openData.allFiles().filter((file) => file.key);

  it('sizes every keyed file of an unchanged catalog without rendering it, and the catalogs come out the same', async () => {
    // `openData` rendered every file, which keeps each keyed file's summary; a later build starts afresh.
    for (const file of openData.allFiles()) openData.file(file.path);
    const again = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx, { workbooks: false });
    expect(keyed().length).toBeGreaterThan(catalog.plans.length);
    for (const { path } of keyed()) {
      again.entry(path)!.render = () => {
        throw new Error(`${path} rendered`);
      };
    }
    await again.prepareSummaries();
    for (const { path } of keyed()) expect(again.summary(path), path).toEqual(openData.summary(path));
    for (const path of ['api/v1/catalog.jsonld', 'api/v1/datapackage.json']) expect(again.text(path), path).toBe(openData.text(path));
  });

  it('sizes them from one pack, saved as the process exits, without the records kept for each file', async () => {
    for (const file of openData.allFiles()) openData.file(file.path);
    saveRecordPacks();
    rmSync(join(contentCacheRoot(), pipelineFingerprint()!.slice(0, 16), 'open-data-summaries'), { recursive: true, force: true });
    const again = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx, { workbooks: false });
    for (const { path } of keyed()) {
      again.entry(path)!.render = () => {
        throw new Error(`${path} rendered`);
      };
    }
    await again.prepareSummaries();
    for (const { path } of keyed()) expect(again.summary(path), path).toEqual(openData.summary(path));
  });

  it('keys every file alike whether the content was parsed afresh or read from the content cache', async () => {
    const keys = (data: Awaited<ReturnType<typeof createOpenData>>) => data.allFiles().flatMap(({ path, key }) => (key ? [[path, key()]] : []));
    const previous = process.env[CONTENT_CACHE_ENV];
    process.env[CONTENT_CACHE_ENV] = 'off';
    let fresh;
    try {
      fresh = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx, { workbooks: false });
    } finally {
      if (previous === undefined) delete process.env[CONTENT_CACHE_ENV];
      else process.env[CONTENT_CACHE_ENV] = previous;
    }
    // Twice through the cache: the first read writes the records, the second reads them.
    loadContent(join(root, 'content'));
    const fromRecords = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx, { workbooks: false });
    expect(keys(fromRecords)).toEqual(keys(fresh));
  });

  it("keys each plan record with the publish context its links are written in: another address or base path, another key", async () => {
    const recordPaths = openData.catalog.plans.map(({ slug }) => `api/v1/plans/${slug}.json`);
    for (const other of [{ ...ctx, site: 'https://khac.example.gov.vn' }, { ...ctx, base: '/khac/' }]) {
      const elsewhere = await createOpenData(buildCatalog(loadContent(join(root, 'content'))), other, { workbooks: false });
      for (const path of recordPaths) {
        expect(elsewhere.entry(path)!.key!(), `${path} at ${JSON.stringify(other)}`).not.toBe(openData.entry(path)!.key!());
        expect(elsewhere.text(path), path).not.toBe(openData.text(path));
      }
    }
  });

  it('renders a file again when what it shows changed, and keys it apart', async () => {
    const content = loadContent(join(root, 'content'));
    const [first, ...rest] = content.plans;
    const edited = { ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } };
    const again = await createOpenData(buildCatalog({ ...content, plans: [edited, ...rest] }), ctx, { workbooks: false });
    for (const path of [`api/v1/plans/${first!.slug}.json`, 'api/v1/plans.csv']) {
      expect(again.entry(path)!.key!()).not.toBe(openData.entry(path)!.key!());
      expect(again.summary(path).sha256).not.toBe(openData.summary(path).sha256);
      expect(again.summary(path)).toEqual({ bytes: again.file(path).bytes, sha256: again.file(path).sha256 });
    }
    // A table whose rows the edit did not touch keeps its key, even when the edited plan has rows in it.
    expect(first!.data.deadlines.length + first!.data.targets.length + first!.data.basis.length).toBeGreaterThan(0);
    for (const name of ['documents', 'targets', 'deadlines', 'citations']) {
      expect(again.entry(`api/v1/${name}.csv`)!.key!(), name).toBe(openData.entry(`api/v1/${name}.csv`)!.key!());
    }
  });

  it('changes the key of every keyed file whose bytes change: a deadline edited, an agency renamed', async () => {
    const content = loadContent(join(root, 'content'));
    const plan = content.plans.find((entry) => entry.data.deadlines.length > 0)!;
    const owner = plan.data.deadlines[0]!.owner;
    const edits: [string, typeof content][] = [
      ['a deadline edited', { ...content, plans: content.plans.map((entry) => (entry === plan ? { ...entry, data: { ...entry.data, deadlines: entry.data.deadlines.map((d, i) => (i === 0 ? { ...d, task: `${d.task} (sửa)` } : d)) } } : entry)) }],
      ['an agency renamed', { ...content, agencies: content.agencies.map((agency) => (agency.id === owner ? { ...agency, data: { ...agency.data, name: `${agency.data.name} (tên mới)` } } : agency)) }],
    ];
    for (const [what, edited] of edits) {
      const again = await createOpenData(buildCatalog(edited), ctx, { workbooks: false });
      const changed = again.allFiles().filter(({ path, key, format }) => key && format !== 'XLSX' && openData.entry(path) && again.file(path).sha256 !== openData.file(path).sha256);
      expect(changed.map(({ path }) => path), what).toContain(`api/v1/deadlines/${owner}.ics`);
      for (const { path } of changed) expect(again.entry(path)!.key!(), `${path} after ${what}`).not.toBe(openData.entry(path)!.key!());
    }
  });
});
