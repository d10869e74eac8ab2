import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentLoader } from '../../../src/lib/content/loader';
import { astroBuild, root, withBuildLock } from '../../support/build';

const VALID = join(root, 'test/fixtures/content/valid');

/** The valid fixture's plan with another body. */
function planWithBody(body: string): string {
  const text = readFileSync(join(VALID, 'plans/2024/ke-hoach-mau.mdx'), 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  return `${text.slice(0, end)}\n${body}\n`;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile());
}

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
  filePath?: string;
}

/** Runs a loader the way Astro's content layer does, against a Map for a store; returns the entries and how many were (re)written. */
async function runLoader(kind: 'plan' | 'agency' | 'document', dir: string, entries = new Map<string, StoredEntry>()) {
  let writes = 0;
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => {
      writes++;
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    store,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16),
  };
  await contentLoader(kind, { dir }).load(context as never);
  return { entries, writes };
}

describe('contentLoader: one stamp per collection', () => {
  const dir = 'test/fixtures/content/valid';

  it('stores one entry per collection (its folder and file count), never the data, body or HTML; no absolute path', async () => {
    const { entries } = await runLoader('plan', dir);
    expect([...entries.values()]).toEqual([{ id: 'plans', data: { folder: `${dir}/plans`, files: 1 }, digest: expect.any(String) }]);
    expect(JSON.stringify([...entries.values()])).not.toContain(root);
    const agencies = await runLoader('agency', dir);
    expect([...agencies.entries.values()]).toEqual([{ id: 'agencies', data: { folder: `${dir}/agencies`, files: 2 }, digest: expect.any(String) }]);
  });

  it('an edit to a file changes the stamp, so Astro (and `astro dev`) sees it; an added or removed file too', async () => {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const work = mkdtempSync(join(root, 'tmp', 'loader-stamp-'));
    try {
      cpSync(VALID, work, { recursive: true });
      const rel = relative(root, work);
      const first = await runLoader('plan', rel);
      writeFileSync(join(work, 'plans/2024/ke-hoach-mau.mdx'), planWithBody('Nội dung đã sửa.'));
      const edited = await runLoader('plan', rel, new Map(first.entries));
      expect(edited.writes).toBe(1);
      expect(edited.entries.get('plans')!.digest).not.toBe(first.entries.get('plans')!.digest);
      writeFileSync(join(work, 'plans/2024/ke-hoach-them.mdx'), planWithBody('Một kế hoạch nữa.'));
      const added = await runLoader('plan', rel, new Map(edited.entries));
      expect(added.writes).toBe(1);
      expect(added.entries.get('plans')!.data).toEqual({ folder: `${rel}/plans`, files: 2 });
      expect(added.entries.get('plans')!.digest).not.toBe(edited.entries.get('plans')!.digest);
      // The stamp is a function of the files: removing the added one gives the edited folder's back.
      rmSync(join(work, 'plans/2024/ke-hoach-them.mdx'));
      const removed = await runLoader('plan', rel, new Map(added.entries));
      expect(removed.writes).toBe(1);
      expect(removed.entries.get('plans')).toEqual(edited.entries.get('plans'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('same content, same stamp: a second run writes nothing, a fresh store gets the same entry', async () => {
    const first = await runLoader('plan', dir);
    const again = await runLoader('plan', dir, first.entries);
    expect(again.writes).toBe(0);
    const fresh = await runLoader('plan', dir);
    expect(fresh.entries).toEqual(first.entries);
  });

  it('a store of a stamp per file, kept from an earlier build, keeps only the collection entry', async () => {
    const entries = new Map<string, StoredEntry>([['ke-hoach-mau', { id: 'ke-hoach-mau', data: { file: `${dir}/plans/2024/ke-hoach-mau.mdx` }, digest: 'x' }]]);
    const { entries: after } = await runLoader('plan', dir, entries);
    expect([...after.keys()]).toEqual(['plans']);
  });
});

describe('contentLoader: the build itself refuses unsafe bodies (the content check bypassed)', () => {
  let work = '';
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs nothing, publishes nothing, and says why in Vietnamese', async () => {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    work = mkdtempSync(join(root, 'tmp', 'unsafe-build-'));
    const marker = join(work, 'pwned');
    const content = join(work, 'content');
    for (const registry of ['agencies', 'documents']) cpSync(join(VALID, registry), join(content, registry), { recursive: true });
    mkdirSync(join(content, 'plans/2024'), { recursive: true });
    writeFileSync(
      join(content, 'plans/2024/ghi-tep.mdx'),
      planWithBody(`import { writeFileSync } from 'node:fs'\nexport const x = writeFileSync(${JSON.stringify(marker)}, 'x')\n\nChào {writeFileSync(${JSON.stringify(marker)}, 'y')}.`),
    );
    writeFileSync(join(content, 'plans/2024/lo-thu-muc.mdx'), planWithBody('Xin <span title={process.env.HOME}>chào</span>.'));
    // The site's own config without the content-check integration: only the loader stands in the way.
    const config = join(work, 'astro.config.mjs');
    writeFileSync(
      config,
      `import config from ${JSON.stringify(join(root, 'astro.config.mjs'))};\n` +
        `export default { ...config, integrations: config.integrations.filter((i) => i.name !== 'ke-hoach-mo:content-check') };\n`,
    );
    const outDir = join(work, 'dist');
    const env = { KE_HOACH_CONTENT_DIR: relative(root, content) };
    const error = await withBuildLock(() => astroBuild(outDir, env, { args: ['--config', relative(root, config)] })).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('Nội dung có lỗi, không thể xuất bản');
    const plans = relative(root, join(content, 'plans/2024'));
    expect(error?.message).toContain(`${plans}/ghi-tep.mdx\n  › nội dung: dòng 53: không được dùng import/export trong nội dung kế hoạch`);
    expect(error?.message).toContain(`${plans}/ghi-tep.mdx`);
    expect(error?.message).toContain('dòng 56: biểu thức JavaScript {…} không được phép trong nội dung');
    expect(error?.message).toContain(`${plans}/lo-thu-muc.mdx\n  › nội dung: dòng 53: giá trị của thuộc tính title là biểu thức JavaScript, không được phép`);
    expect(existsSync(marker)).toBe(false);
    const published = filesUnder(outDir).filter((path) => readFileSync(path, 'utf8').includes(homedir()) || /writeFileSync/.test(readFileSync(path, 'utf8')));
    expect(published).toEqual([]);
  }, 300_000);
});
