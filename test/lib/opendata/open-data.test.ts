import { describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../../src/lib/content/load';
import { CONTENT_CACHE_ENV, contentCacheRoot, pipelineFingerprint, saveRecordPacks } from '../../../src/lib/content/cache';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { createOpenData, sharedOpenData } from '../../../src/lib/opendata/open-data';
import { tableNames } from '../../../src/lib/opendata/record-schemas';
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
    const again = createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    expect(again).not.toBe(openData);
    for (const file of openData.allFiles()) expect(again.file(file.path).body, file.path).toEqual(openData.file(file.path).body);
  });

  it('does not depend on the order the loader returns entries in', async () => {
    const content = loadContent(join(root, 'content'));
    const shuffled = buildCatalog({ plans: [...content.plans].reverse(), agencies: [...content.agencies].reverse(), documents: [...content.documents].reverse() });
    const again = createOpenData(shuffled, ctx);
    for (const file of openData.allFiles()) expect(again.file(file.path).body, file.path).toEqual(openData.file(file.path).body);
  });

  it("is shared with another copy of the module (a build's integrations beside the pages' bundle), by catalog and publish context", async () => {
    const mine = createOpenData(catalog, ctx);
    vi.resetModules();
    const copy = await import('../../../src/lib/opendata/open-data');
    expect(copy.createOpenData, 'a second copy of the module').not.toBe(createOpenData);
    expect(copy.createOpenData(catalog, ctx), 'each copy keeps its own').not.toBe(mine);
    expect(copy.sharedOpenData(catalog, ctx), "the first one made, with the keys and summaries it computed").toBe(mine);
    const elsewhere = { ...ctx, site: 'https://congbao.example.gov.vn' };
    const other = copy.sharedOpenData(catalog, elsewhere);
    expect(other, 'another publish context: its own').not.toBe(mine);
    expect(other.ctx).toEqual(elsewhere);
    expect(sharedOpenData(catalog, elsewhere), 'the one the other copy made').toBe(other);
    const fresh = buildCatalog(loadContent(join(root, 'content')));
    expect(copy.sharedOpenData(fresh, ctx), 'another catalog: its own').not.toBe(mine);
  });

  it('refuses a path it does not publish', () => {
    expect(() => openData.file('api/v1/khong-co.json')).toThrow(/khong-co/);
  });
});

/** Makes rendering `path` throw, whether whole or in pieces. */
function forbidRender(data: Awaited<ReturnType<typeof createOpenData>>, path: string): void {
  const entry = data.entry(path)!;
  const fail = (): never => {
    throw new Error(`${path} rendered`);
  };
  entry.render = fail;
  if (entry.pieces) entry.pieces = fail;
}

describe('sizes and checksums kept between builds', () => {
  const keyed = () => openData.allFiles().filter((file) => file.key);

  it('sizes every keyed file of an unchanged catalog without rendering it, and the catalogs come out the same', async () => {
    // `openData` rendered every file, which keeps each keyed file's summary; a later build starts afresh.
    for (const file of openData.allFiles()) openData.file(file.path);
    const again = createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    expect(keyed().length).toBeGreaterThan(catalog.plans.length);
    for (const { path } of keyed()) forbidRender(again, path);
    await again.prepareSummaries();
    for (const { path } of keyed()) expect(again.summary(path), path).toEqual(openData.summary(path));
    for (const path of ['api/v1/catalog.jsonld', 'api/v1/datapackage.json']) expect(again.text(path), path).toBe(openData.text(path));
  });

  it('sizes them from one pack, saved as the process exits, without the records kept for each file', async () => {
    for (const file of openData.allFiles()) openData.file(file.path);
    saveRecordPacks();
    rmSync(join(contentCacheRoot(), pipelineFingerprint()!.slice(0, 16), 'open-data-summaries'), { recursive: true, force: true });
    const again = createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    // The tables' summaries are kept on their own only (the content process makes those files).
    const packed = keyed().filter(({ asFile }) => asFile !== 'table');
    expect(keyed().length - packed.length, 'every table in three formats, and deadlines.ics').toBe(tableNames.length * 3 + 1);
    for (const { path } of packed) forbidRender(again, path);
    await again.prepareSummaries();
    for (const { path } of keyed()) expect(again.summary(path), path).toEqual(openData.summary(path));
  });

  it('keys every file alike whether the content was parsed afresh or read from the content cache', async () => {
    const keys = (data: Awaited<ReturnType<typeof createOpenData>>) => data.allFiles().flatMap(({ path, key }) => (key ? [[path, key()]] : []));
    const previous = process.env[CONTENT_CACHE_ENV];
    process.env[CONTENT_CACHE_ENV] = 'off';
    let fresh;
    try {
      fresh = createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    } finally {
      if (previous === undefined) delete process.env[CONTENT_CACHE_ENV];
      else process.env[CONTENT_CACHE_ENV] = previous;
    }
    // Twice through the cache: the first read writes the records, the second reads them.
    loadContent(join(root, 'content'));
    const fromRecords = createOpenData(buildCatalog(loadContent(join(root, 'content'))), ctx);
    expect(keys(fromRecords)).toEqual(keys(fresh));
  });

  it("keys each plan record with the publish context its links are written in: another address or base path, another key", async () => {
    const recordPaths = openData.catalog.plans.map(({ slug }) => `api/v1/plans/${slug}.json`);
    for (const other of [{ ...ctx, site: 'https://khac.example.gov.vn' }, { ...ctx, base: '/khac/' }]) {
      const elsewhere = createOpenData(buildCatalog(loadContent(join(root, 'content'))), other);
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
    const again = createOpenData(buildCatalog({ ...content, plans: [edited, ...rest] }), ctx);
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

  it('changes the key of every keyed file whose bytes change: an edit of each field that links a plan to an agency or a document, an agency or document renamed, a plan removed', async () => {
    const content = loadContent(join(root, 'content'));
    type Data = (typeof content.plans)[number]['data'];
    const plan = content.plans.find((entry) => entry.data.deadlines.length > 0 && entry.data.assignments.length > 0 && entry.data.basis.length > 0)!;
    const owner = plan.data.deadlines[0]!.owner;
    const otherAgency = content.agencies.find((agency) => agency.id !== owner && agency.id !== plan.data.issuer && !plan.data.assignments.some((a) => a.unit === agency.id))!.id;
    const cited = new Set([...plan.data.basis, ...plan.data.citations].map((reference) => reference.document));
    const otherDocument = content.documents.find((doc) => !cited.has(doc.id))!.id;
    const editPlan = (change: (data: Data) => Partial<Data>): typeof content => ({
      ...content,
      plans: content.plans.map((entry) => (entry === plan ? { ...entry, data: { ...entry.data, ...change(entry.data) } } : entry)),
    });
    const swapFirst = <T,>(list: T[], change: (item: T) => T): T[] => list.map((item, i) => (i === 0 ? change(item) : item));
    const edits: [string, typeof content, string[]][] = [
      ['a deadline edited', editPlan((data) => ({ deadlines: swapFirst(data.deadlines, (d) => ({ ...d, task: `${d.task} (sửa)` })) })), [`api/v1/deadlines/${owner}.ics`]],
      ['a deadline given to another agency', editPlan((data) => ({ deadlines: swapFirst(data.deadlines, (d) => ({ ...d, owner: otherAgency })) })), ['api/v1/agencies.json', `api/v1/deadlines/${owner}.ics`]],
      ['a task assigned to another agency', editPlan((data) => ({ assignments: data.assignments.map((a) => ({ ...a, unit: otherAgency })) })), ['api/v1/agencies.json']],
      ['the plan issued by another agency', editPlan(() => ({ issuer: otherAgency })), ['api/v1/agencies.json']],
      ['another document as basis', editPlan((data) => ({ basis: swapFirst(data.basis, (r) => ({ ...r, document: otherDocument })) })), ['api/v1/documents.json']],
      ['a basis cited instead', editPlan((data) => ({ basis: data.basis.slice(1), citations: [data.basis[0]!, ...data.citations] })), ['api/v1/documents.json']],
      ['the plan removed', { ...content, plans: content.plans.filter((entry) => entry !== plan) }, ['api/v1/agencies.json', 'api/v1/documents.json']],
      ['an agency renamed', { ...content, agencies: content.agencies.map((agency) => (agency.id === owner ? { ...agency, data: { ...agency.data, name: `${agency.data.name} (tên mới)` } } : agency)) }, ['api/v1/agencies.json', `api/v1/deadlines/${owner}.ics`]],
      ['a document retitled', { ...content, documents: content.documents.map((doc) => (doc.id === otherDocument ? { ...doc, data: { ...doc.data, title: `${doc.data.title ?? ''} (sửa)` } } : doc)) }, ['api/v1/documents.json']],
    ];
    for (const [what, edited, expected] of edits) {
      const again = createOpenData(buildCatalog(edited), ctx);
      const changed = again.allFiles().filter(({ path, key, format }) => key && format !== 'XLSX' && openData.entry(path) && again.file(path).sha256 !== openData.file(path).sha256);
      expect(changed.map(({ path }) => path), what).toEqual(expect.arrayContaining(expected));
      for (const { path } of changed) expect(again.entry(path)!.key!(), `${path} after ${what}`).not.toBe(openData.entry(path)!.key!());
    }
  });

  it("keys the agencies' and documents' tables by what their rows read: a plan's summary or a target edited leaves them", async () => {
    const content = loadContent(join(root, 'content'));
    const plans = content.plans.map((entry, i) =>
      i === 0 ? { ...entry, data: { ...entry.data, summary: `${entry.data.summary} (sửa)`, targets: entry.data.targets.map((t) => ({ ...t, text: `${t.text} (sửa)` })) } } : entry,
    );
    const again = createOpenData(buildCatalog({ ...content, plans }), ctx);
    for (const path of ['api/v1/agencies.json', 'api/v1/agencies.csv', 'api/v1/documents.json', 'api/v1/documents.csv']) {
      expect(again.entry(path)!.key!(), path).toBe(openData.entry(path)!.key!());
      expect(again.file(path).sha256, path).toBe(openData.file(path).sha256);
    }
  });
});
