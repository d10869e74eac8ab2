import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_DIR_ENV } from '../../../src/lib/build/cache-dir';
import { adoptedDigests } from '../../../src/lib/build/digest-cache';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { CONTENT_CACHE_ENV, contentCacheRoot } from '../../../src/lib/content/cache';
import { sha256Hex } from '../../../src/lib/opendata/checksums';
import { createOpenData, tableFilesKept, type PublishedKind } from '../../../src/lib/opendata/open-data';
import { tableNames } from '../../../src/lib/opendata/record-schemas';
import { tableFilesMadeElsewhere } from '../../../src/lib/opendata/made-elsewhere';
import { adoptStagedOpenDataFiles, makeTableFiles, publishCatalogFiles, publishOpenDataFiles, publishTableFiles, stageOpenDataFiles } from '../../../src/lib/opendata/publish';
import { tempDir, writeFileIn } from '../../support/temp-dir';
import { content, ctx } from './real-content';

// Each test starts from an empty build cache, so that what was rendered is this test's doing.
let previousCache: string | undefined;
beforeEach(() => {
  previousCache = process.env[CACHE_DIR_ENV];
  process.env[CACHE_DIR_ENV] = tempDir('build-cache-');
});
afterEach(() => {
  if (previousCache === undefined) delete process.env[CACHE_DIR_ENV];
  else process.env[CACHE_DIR_ENV] = previousCache;
});

/** The open data of a build: a catalog of its own, as each build has (createOpenData keeps one per catalog). */
const openDataOfBuild = (context = ctx) => createOpenData(buildCatalog(content), context);

/** Runs `run` with the content cache off (`KE_HOACH_CONTENT_CACHE=off`), as a read-only checkout would. */
async function withoutContentCache(run: () => Promise<void>): Promise<void> {
  const previous = process.env[CONTENT_CACHE_ENV];
  process.env[CONTENT_CACHE_ENV] = 'off';
  try {
    await run();
  } finally {
    if (previous === undefined) delete process.env[CONTENT_CACHE_ENV];
    else process.env[CONTENT_CACHE_ENV] = previous;
  }
}

/** Counts the renders of every file of `openData` published as `kind` (whole or in pieces). */
function countRenders(openData: Awaited<ReturnType<typeof openDataOfBuild>>, kind: PublishedKind = 'record'): { count: number } {
  const renders = { count: 0 };
  for (const entry of openData.allFiles()) {
    if (entry.asFile !== kind) continue;
    const { render, pieces } = entry;
    entry.render = () => {
      renders.count += 1;
      return render();
    };
    if (pieces)
      entry.pieces = () => {
        renders.count += 1;
        return pieces();
      };
  }
  return renders;
}

/** The tables' files, published as files: every table as JSON, CSV and Excel, and the site's calendar. */
const TABLE_FILES = [...tableNames.flatMap((name) => ['json', 'csv', 'xlsx'].map((format) => `api/v1/${name}.${format}`)), 'api/v1/deadlines.ics'].sort();

describe('publishOpenDataFiles', () => {
  it("places every plan's record at its public path with the bytes its render has, and renders each once", async () => {
    const openData = await openDataOfBuild();
    const renders = countRenders(openData);
    const out = tempDir('out-');
    const result = publishOpenDataFiles(openData, out);
    expect(result).toEqual({ files: content.plans.length, rendered: content.plans.length, pruned: 0 });
    expect(renders.count).toBe(content.plans.length);
    for (const { slug } of content.plans) {
      const path = `api/v1/plans/${slug}.json`;
      expect(readFileSync(join(out, path), 'utf8'), path).toBe(openData.text(path));
    }
    // Only the plan records are placed here; the tables' files have their own step (below).
    expect(statSync(join(out, 'api/v1'), { throwIfNoEntry: false })?.isDirectory()).toBe(true);
    expect(statSync(join(out, 'api/v1/plans.json'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it("links the next build's records from the cache without rendering them, replacing what an out dir kept", async () => {
    const first = tempDir('out-');
    publishOpenDataFiles(await openDataOfBuild(), first);
    const again = await openDataOfBuild();
    const renders = countRenders(again);
    const out = tempDir('out-');
    const [{ slug }] = content.plans;
    const path = `api/v1/plans/${slug}.json`;
    writeFileIn(join(out, path), '{"cũ": true}');
    expect(publishOpenDataFiles(again, out)).toEqual({ files: content.plans.length, rendered: 0, pruned: 0 });
    expect(renders.count).toBe(0);
    for (const plan of content.plans) {
      const path = `api/v1/plans/${plan.slug}.json`;
      expect(statSync(join(out, path)).ino, path).toBe(statSync(join(first, path)).ino);
    }
    expect(readFileSync(join(out, path), 'utf8')).toBe(again.text(path));
  });

  it('does not render again a record the DCAT catalog sized in the same build', async () => {
    // A context of its own: the sizes the other tests kept stay in this process's pack for theirs.
    const openData = await openDataOfBuild({ ...ctx, base: '/kich-thuoc/' });
    const renders = countRenders(openData);
    for (const { slug } of content.plans) openData.summary(`api/v1/plans/${slug}.json`);
    expect(renders.count).toBe(content.plans.length);
    expect(publishOpenDataFiles(openData, tempDir('out-'))).toEqual({ files: content.plans.length, rendered: 0, pruned: 0 });
    expect(renders.count).toBe(content.plans.length);
  });

  it('removes the kept bytes of a record no plan has any more, and a site published before keeps its file', async () => {
    const before = await openDataOfBuild();
    const published = tempDir('out-');
    publishOpenDataFiles(before, published);
    const [first, ...rest] = content.plans;
    const path = `api/v1/plans/${first!.slug}.json`;
    const edited = { ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } };
    const after = createOpenData(buildCatalog({ ...content, plans: [edited, ...rest] }), ctx);
    const out = tempDir('out-');
    expect(publishOpenDataFiles(after, out)).toEqual({ files: content.plans.length, rendered: 1, pruned: 1 });
    // The cache holds one file per record of the last build (counted before rendering the old one again below).
    const kept = readdirSync(contentCacheRoot(), { recursive: true }).map(String).filter((name) => name.includes('open-data-files') && name.endsWith('.bin'));
    expect(kept.length).toBe(content.plans.length);
    expect(readFileSync(join(out, path), 'utf8')).toBe(after.text(path));
    expect(readFileSync(join(published, path), 'utf8')).toBe(before.text(path));
    expect(before.text(path)).not.toBe(after.text(path));
  });

  it('writes each record into the out dir when there is no cache to keep it in', async () => {
    await withoutContentCache(async () => {
      const openData = await openDataOfBuild();
      const out = tempDir('out-');
      expect(publishOpenDataFiles(openData, out)).toEqual({ files: content.plans.length, rendered: content.plans.length, pruned: 0 });
      for (const { slug } of content.plans) {
        const path = `api/v1/plans/${slug}.json`;
        expect(readFileSync(join(out, path), 'utf8'), path).toBe(openData.text(path));
        expect(statSync(join(out, path)).nlink, path).toBe(1);
      }
    });
  });

  it('publishes only the files the registry marks so', async () => {
    const openData = await openDataOfBuild();
    const marked = (kind: PublishedKind) => openData.allFiles().filter((file) => file.asFile === kind).map((file) => file.path);
    expect(marked('record')).toEqual(openData.catalog.plans.map(({ slug }) => `api/v1/plans/${slug}.json`));
    expect(marked('table').sort()).toEqual(TABLE_FILES);
    expect(() => openData.keptFile('api/v1/catalog.jsonld')).toThrow(/api\/v1\/catalog\.jsonld/);
  });
});

describe('publishTableFiles', () => {
  /** The out dir's file at `path` is the registry's render of it, byte for byte. */
  const expectPublished = (out: string, openData: Awaited<ReturnType<typeof openDataOfBuild>>, path: string) =>
    expect(readFileSync(join(out, path)).equals(Buffer.from(openData.file(path).body)), path).toBe(true);

  it("places every whole table's file with the bytes of its render, rendering each once, and gives SHA256SUMS their digests", async () => {
    const openData = await openDataOfBuild();
    const renders = countRenders(openData, 'table');
    const out = tempDir('out-');
    expect(await publishTableFiles(openData, out)).toEqual({ files: TABLE_FILES.length, rendered: TABLE_FILES.length, pruned: 0 });
    expect(renders.count).toBe(TABLE_FILES.length);
    // Their pieces join into the bytes a page of them had: `render`, the catalogs' size and checksum.
    for (const path of TABLE_FILES) {
      expectPublished(out, openData, path);
      const bytes = readFileSync(join(out, path));
      expect(openData.summary(path), path).toEqual({ bytes: bytes.length, sha256: sha256Hex(bytes) });
      expect(adoptedDigests(out).get(path), path).toBe(sha256Hex(bytes));
    }
    expect(readFileSync(join(out, 'api/v1/citations.json'), 'utf8')).toContain('"items": [');
    // Nothing else is placed: the catalogs stay pages.
    expect(readdirSync(join(out, 'api/v1')).sort()).toEqual(TABLE_FILES.map((path) => path.slice('api/v1/'.length)));
  });

  it("links the next build's files from the cache without rendering them, and one the DCAT catalog sized is not rendered again", async () => {
    const first = tempDir('out-');
    await publishTableFiles(await openDataOfBuild(), first);
    const again = await openDataOfBuild();
    const renders = countRenders(again, 'table');
    const out = tempDir('out-');
    writeFileIn(join(out, 'api/v1/plans.csv'), 'cũ\n');
    expect(await publishTableFiles(again, out)).toEqual({ files: TABLE_FILES.length, rendered: 0, pruned: 0 });
    expect(renders.count).toBe(0);
    for (const path of TABLE_FILES) expect(statSync(join(out, path)).ino, path).toBe(statSync(join(first, path)).ino);

    const elsewhere = await openDataOfBuild({ ...ctx, base: '/kich-thuoc/' });
    const sized = countRenders(elsewhere, 'table');
    for (const path of TABLE_FILES) elsewhere.summary(path);
    expect(sized.count).toBe(TABLE_FILES.length);
    expect(await publishTableFiles(elsewhere, tempDir('out-'))).toEqual({ files: TABLE_FILES.length, rendered: 0, pruned: TABLE_FILES.length });
    expect(sized.count).toBe(TABLE_FILES.length);
  });

  it("renders after an edit only the files whose rows changed, removes their old bytes, and a site published before keeps its files", async () => {
    const before = await openDataOfBuild();
    const published = tempDir('out-');
    await publishTableFiles(before, published);
    const [first, ...rest] = content.plans;
    const edited = { ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } };
    const after = createOpenData(buildCatalog({ ...content, plans: [edited, ...rest] }), ctx);
    const renders = countRenders(after, 'table');
    const out = tempDir('out-');
    // A plan's summary is a column of plans.* only.
    expect(await publishTableFiles(after, out)).toEqual({ files: TABLE_FILES.length, rendered: 3, pruned: 3 });
    expect(renders.count).toBe(3);
    for (const path of TABLE_FILES) expectPublished(out, after, path);
    expect(readFileSync(join(out, 'api/v1/plans.json'), 'utf8')).toContain('(sửa)');
    expect(readFileSync(join(published, 'api/v1/plans.json'), 'utf8')).not.toContain('(sửa)');
    const kept = readdirSync(contentCacheRoot(), { recursive: true }).map(String).filter((name) => name.includes('open-data-table-files') && name.endsWith('.bin'));
    expect(kept.length, 'the cache holds the files of the last build').toBe(TABLE_FILES.length);
  });

  it('writes each file into the out dir when there is no cache to keep it in', async () => {
    await withoutContentCache(async () => {
      const openData = await openDataOfBuild();
      const out = tempDir('out-');
      expect(await publishTableFiles(openData, out)).toEqual({ files: TABLE_FILES.length, rendered: TABLE_FILES.length, pruned: 0 });
      for (const path of TABLE_FILES) {
        expectPublished(out, openData, path);
        expect(statSync(join(out, path)).nlink, path).toBe(1);
      }
    });
  });
});

describe('makeTableFiles, in the content process', () => {
  /** Content with its first plan's summary edited: a column of plans.* only. */
  const edited = () => {
    const [first, ...rest] = content.plans;
    return buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } }, ...rest] });
  };

  it("makes the files whose rows changed, which Astro's process then sizes and publishes without making them", async () => {
    expect(tableFilesKept(), 'a cold build: no table file kept').toBe(false);
    await publishTableFiles(await openDataOfBuild(), tempDir('out-'));
    expect(tableFilesKept()).toBe(true);
    // The content process's catalog of the edited content.
    const contentProcess = createOpenData(edited(), ctx);
    expect(await makeTableFiles(contentProcess)).toEqual({ files: TABLE_FILES.length, rendered: 3 });
    // Astro's catalog of the same content: the catalogs size every file, then the files are placed.
    const pages = createOpenData(edited(), ctx);
    const renders = countRenders(pages, 'table');
    await pages.prepareSummaries();
    for (const path of TABLE_FILES) pages.summary(path);
    const out = tempDir('out-');
    expect(await publishTableFiles(pages, out)).toEqual({ files: TABLE_FILES.length, rendered: 0, pruned: 3 });
    expect(renders.count).toBe(0);
    expect(readFileSync(join(out, 'api/v1/plans.csv'), 'utf8')).toContain('(sửa)');
    for (const path of TABLE_FILES) expect(pages.summary(path), path).toEqual({ bytes: statSync(join(out, path)).size, sha256: sha256Hex(readFileSync(join(out, path))) });
  });

  it('has the pages that size every file, the publishing and the catalogs wait for it while it works', async () => {
    const openData = await openDataOfBuild();
    const work = Promise.withResolvers<void>();
    tableFilesMadeElsewhere(work.promise);
    try {
      const out = tempDir('out-');
      const settled = { summaries: false, published: false, catalogs: false };
      const summaries = openData.prepareSummaries().then(() => (settled.summaries = true));
      const published = publishTableFiles(openData, out).then(() => (settled.published = true));
      const catalogs = publishCatalogFiles(openData, out).then(() => (settled.catalogs = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toEqual({ summaries: false, published: false, catalogs: false });
      // Failing only means this process makes them: all go on.
      work.reject(new Error('tiến trình nội dung dừng'));
      await Promise.all([summaries, published, catalogs]);
      expect(settled).toEqual({ summaries: true, published: true, catalogs: true });
    } finally {
      tableFilesMadeElsewhere(undefined);
    }
  });
});

describe('publishCatalogFiles', () => {
  it('writes the DCAT catalog and datapackage.json after the tables, with the sizes and checksums of the files published', async () => {
    const openData = await openDataOfBuild();
    const out = tempDir('out-');
    await publishTableFiles(openData, out);
    expect(await publishCatalogFiles(openData, out)).toBe(2);
    for (const path of ['api/v1/catalog.jsonld', 'api/v1/datapackage.json']) expect(readFileSync(join(out, path), 'utf8'), path).toBe(openData.text(path));
    const plans = JSON.parse(readFileSync(join(out, 'api/v1/datapackage.json'), 'utf8')).resources.find((resource: { path: string }) => resource.path.endsWith('plans.csv'));
    const csv = readFileSync(join(out, 'api/v1/plans.csv'));
    expect([plans.bytes, plans.hash]).toEqual([csv.length, `sha256:${sha256Hex(csv)}`]);
  });
});

describe('stageOpenDataFiles and adoptStagedOpenDataFiles', () => {
  const recordPath = (slug: string) => `api/v1/plans/${slug}.json`;

  it('stage the records the cache holds as links, and move them in with one rename for the same content', async () => {
    publishOpenDataFiles(await openDataOfBuild(), tempDir('out-'));
    // The content process's own catalog: nothing rendered there.
    const stager = await openDataOfBuild();
    const renders = countRenders(stager);
    const staged = await stageOpenDataFiles(stager);
    expect(staged).toMatchObject({ dir: join(process.env[CACHE_DIR_ENV]!, 'staging', 'plans'), folder: 'api/v1/plans', files: content.plans.length, missing: [], pruned: 0 });
    expect(renders.count).toBe(0);
    // The pages' catalog: the same content, read again.
    const pages = await openDataOfBuild();
    const out = tempDir('out-');
    expect(adoptStagedOpenDataFiles(staged, pages, out)).toEqual({ files: content.plans.length, rendered: 0, pruned: 0 });
    for (const { slug } of content.plans) expect(readFileSync(join(out, recordPath(slug)), 'utf8'), slug).toBe(pages.text(recordPath(slug)));
    expect(existsSync(staged.dir), 'the staging folder is gone').toBe(false);
    // Hashed where they were staged, for api/v1/SHA256SUMS: each the digest of the bytes moved in.
    const digests = adoptedDigests(out);
    expect([...digests.keys()].sort()).toEqual(content.plans.map(({ slug }) => recordPath(slug)).sort());
    for (const [path, sha256] of digests) expect(sha256, path).toBe(sha256Hex(readFileSync(join(out, path))));
  });

  it("list an edited plan's record as missing, prune its old bytes, and place it after the move", async () => {
    publishOpenDataFiles(await openDataOfBuild(), tempDir('out-'));
    const [first, ...rest] = content.plans;
    const edited = () => buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } }, ...rest] });
    const staged = await stageOpenDataFiles(createOpenData(edited(), ctx));
    expect(staged).toMatchObject({ files: content.plans.length - 1, missing: [recordPath(first!.slug)], pruned: 1 });
    const pages = createOpenData(edited(), ctx);
    const out = tempDir('out-');
    expect(adoptStagedOpenDataFiles(staged, pages, out)).toEqual({ files: content.plans.length, rendered: 1, pruned: 1 });
    expect(readFileSync(join(out, recordPath(first!.slug)), 'utf8')).toContain('(sửa)');
  });

  it("leave an edit's old bytes in the cache while the bytes left behind are few, counted in the cache's ledger", async () => {
    publishOpenDataFiles(await openDataOfBuild(), tempDir('out-'));
    // The first staging has no ledger to count from: it prunes (nothing), and writes one.
    expect(await stageOpenDataFiles(await openDataOfBuild())).toMatchObject({ missing: [], pruned: 0 });
    const [first, ...rest] = content.plans;
    const edited = createOpenData(buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } }, ...rest] }), ctx);
    const before = edited.keptFileAt(recordPath(first!.slug))!;
    const old = (await openDataOfBuild()).keptFileAt(recordPath(first!.slug))!;
    expect([before.kept, old.kept]).toEqual([false, true]);
    expect(await stageOpenDataFiles(edited)).toMatchObject({ missing: [recordPath(first!.slug)], pruned: 0 });
    expect(existsSync(old.file)).toBe(true);
  });

  it('move nothing for other content or another publish context, nor when no record was kept', async () => {
    publishOpenDataFiles(await openDataOfBuild(), tempDir('out-'));
    const out = tempDir('out-');
    const staged = await stageOpenDataFiles(await openDataOfBuild());
    expect(adoptStagedOpenDataFiles(staged, await openDataOfBuild({ ...ctx, base: '/khac/' }), out)).toBeUndefined();
    expect(existsSync(join(out, 'api/v1/plans'))).toBe(false);
    expect(adoptedDigests(out).size, 'no digest taken for files not moved').toBe(0);
    expect(existsSync(staged.dir)).toBe(false);
    const [first, ...rest] = content.plans;
    const other = createOpenData(buildCatalog({ ...content, plans: [{ ...first!, body: `${first!.body ?? ''}\nĐoạn mới.` }, ...rest] }), ctx);
    expect(adoptStagedOpenDataFiles(await stageOpenDataFiles(await openDataOfBuild()), other, out)).toBeUndefined();
    // A cold build: the cache holds no record yet, so every one is missing and nothing moves.
    process.env[CACHE_DIR_ENV] = tempDir('build-cache-');
    const coldData = await openDataOfBuild();
    const cold = await stageOpenDataFiles(coldData);
    expect(cold).toMatchObject({ files: 0, missing: coldData.catalog.plans.map(({ slug }) => recordPath(slug)), pruned: 0 });
    expect(adoptStagedOpenDataFiles(cold, await openDataOfBuild(), out)).toBeUndefined();
  });
});
