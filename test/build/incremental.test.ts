/**
 * A stale cache never publishes stale output: in a copy of the project, a sequence of edits (a plan
 * edited, added, renamed, deleted; an agency renamed; a template changed; the content folder
 * moved) is built incrementally, keeping the build cache between steps, and after each step every
 * file of the output must equal, byte for byte, a cold build's of the same content and code (an
 * empty cache folder through KE_HOACH_CACHE_DIR).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { astroBuild, root, withBuildLock } from '../support/build';
import { DEFAULT_SEED, writeCorpus } from '../../scripts/bench/corpus';

const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

let work: string;
let project: string;
let content: string;
let step = 0;

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two output folders (missing on either side, or other bytes). */
function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = files(b);
  const all = [...new Set([...left, ...right])].sort();
  const inA = new Set(left);
  const inB = new Set(right);
  return all.filter((file) => !inA.has(file) || !inB.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
}

/** Pages Astro rendered (not copied from the cache) in a build log. */
function rendered(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /[├└]─ \//.test(line) && !/\((restored|cached)\)/.test(line))
    .map((line) => /[├└]─ (\/[^\s[]+)/.exec(line)![1]!);
}

/** Builds the copy incrementally and cold, and returns the incremental build's log. */
async function buildBoth({ cold: withCold = true } = {}): Promise<{ log: string; incremental: string; cold: string }> {
  step++;
  const incremental = join(work, `incremental-${step}`);
  const cold = join(work, `cold-${step}`);
  const env = { KE_HOACH_CONTENT_DIR: content, OG_CACHE_DIR: '', KE_HOACH_CACHE_DIR: join(work, 'cache') };
  const { log } = await withBuildLock(() => astroBuild(incremental, env, { cwd: project }));
  if (!withCold) return { log, incremental, cold: incremental };
  await withBuildLock(() => astroBuild(cold, { ...env, KE_HOACH_CACHE_DIR: join(work, `cold-cache-${step}`) }, { cwd: project }));
  rmSync(join(work, `cold-cache-${step}`), { recursive: true, force: true });
  return { log, incremental, cold };
}

function plan(relativePath: string): string {
  return join(content, 'plans', relativePath);
}

/** The incremental output has files, and every one equals the cold build's. */
function check(name: string, { incremental, cold }: { incremental: string; cold: string }): void {
  expect(files(incremental).length, name).toBeGreaterThan(50);
  expect(differences(incremental, cold), `${name}: files that differ from a cold build`).toEqual([]);
}

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(file, after);
}

beforeAll(() => {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  work = mkdtempSync(join(root, 'tmp', 'incremental-'));
  project = join(work, 'project');
  mkdirSync(project);
  for (const name of PROJECT_FILES) cpSync(join(root, name), join(project, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  content = join(work, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('equals a cold build byte for byte after every step of an edit sequence, and reuses what did not change', { timeout: 900_000 }, async () => {
    // The copy has its own .astro/ and cache; each build still takes the lock so that builds take turns on the two cores.
    {

      // The first build fills the cache (it is a cold build itself).
      const first = await buildBoth({ cold: false });
      expect(rendered(first.log).length, 'an empty cache renders everything').toBeGreaterThan(50);
      expect(rendered(first.log).at(-1), 'the page that waits for the content process comes last').toBe('/du-lieu-mo/index.html');

      const editedPage = join('ke-hoach', 'dan-chu-co-so-2024-so-tttt-tay-ninh', 'index.html');
      const publishedBefore = readFileSync(join(first.incremental, editedPage), 'utf8');
      // A plan edited: its title and its text.
      edit(plan('2024/dan-chu-co-so-2024-so-tttt-tay-ninh.mdx'), (text) =>
        text.replace('title: "Thực hiện dân chủ ở cơ sở năm 2024"', 'title: "Thực hiện dân chủ ở cơ sở năm 2024 (đã sửa)"').replace(/\n*$/, '\n\nĐoạn bổ sung sau khi sửa.\n'),
      );
      const edited = await buildBoth();
      check('plan edited', edited);
      const redone = rendered(edited.log);
      expect(redone, 'the edited plan is rendered again').toContain('/ke-hoach/dan-chu-co-so-2024-so-tttt-tay-ninh/index.html');
      // Plans that list it among their related plans print its title and are rendered again too.
      const planPages = files(edited.incremental).filter((file) => /^ke-hoach\/[^/]+\/index\.html$/.test(file) && !/^ke-hoach\/trang\//.test(file));
      expect(redone.filter((page) => planPages.includes(page.slice(1))).length, 'unrelated plan pages come from the cache').toBeLessThan(planPages.length);
      // Cards are drawn by the build's content process, which stages them as links, and moved into
      // the site after the pages (src/integrations/share-cards.ts): its two cards only, and Astro's
      // process neither draws nor looks for any.
      const drawn = [...edited.log.matchAll(/\[og\] \d+ share cards: \d+ from cache, (\d+) rendered/g)].map((match) => Number(match[1]));
      expect(drawn, 'only its cards are drawn again').toEqual([2]);
      expect(redone.filter((page) => page.startsWith('/og/')), 'cards are not pages').toEqual([]);
      const cards = files(edited.incremental).filter((file) => file.startsWith('og/'));
      expect(edited.log, "every card is placed, none drawn by Astro's process").toContain(`Đã đặt ${cards.length} ảnh chia sẻ vào og/ (`);
      // The content process read the same content as the pages: its staged folder of cards moved in whole.
      expect(edited.log).toContain(`Đã đặt ${cards.length} ảnh chia sẻ vào og/ (chuẩn bị sẵn bên tiến trình nội dung)`);
      expect(edited.log).not.toContain('ảnh vẽ tại đây');
      // The edited plan's old cards stay in the card cache until the cards left behind are more than
      // a tenth of them (src/lib/build/prune-ledger.ts): the cache is not listed in every build.
      expect(edited.log, "the edited plan's old cards stay in the card cache for now").not.toContain('ảnh cũ khỏi bộ nhớ đệm');
      // A card in the site is the card cache's file, linked.
      const cardCache = join(work, 'cache', 'og');
      const editedCard = statSync(join(edited.incremental, 'og', 'dan-chu-co-so-2024-so-tttt-tay-ninh.png')).ino;
      expect(readdirSync(cardCache).some((name) => statSync(join(cardCache, name)).ino === editedCard), 'the edited card is linked from the card cache').toBe(true);
      // Plan records are files too (src/integrations/open-data-files.ts): none is a page, every one
      // is placed, and the edited plan's was rendered once, by the DCAT catalog that sizes it.
      expect(redone.filter((page) => page.startsWith('/api/v1/plans/')), 'plan records are not pages').toEqual([]);
      const records = files(edited.incremental).filter((file) => file.startsWith('api/v1/plans/'));
      // Staged by the content process from the cache and moved in; the edited plan's it lacked is placed after.
      const recordsLine = edited.log.split('\n').find((line) => line.includes('tệp kế hoạch vào api/v1/plans/')) ?? '';
      expect(recordsLine).toContain(`Đã đặt ${records.length} tệp kế hoạch vào api/v1/plans/ (chuẩn bị sẵn bên tiến trình nội dung)`);
      expect(recordsLine).not.toContain('tệp dựng tại đây');
      expect(recordsLine, "the edited plan's old record stays in the cache for now, as its cards do").not.toContain('tệp cũ khỏi bộ nhớ đệm');
      // The tables' files are files too: the content process made those whose rows changed (the
      // plans' table, in three formats), and nothing was made again after the pages.
      expect(redone.filter((page) => /^\/api\/v1\/[^/]+$/.test(page.replace(/\/$/, ''))), 'the tables and catalogs are not pages').toEqual([]);
      const tablesLine = edited.log.split('\n').find((line) => line.includes('tệp bảng dữ liệu vào api/v1/')) ?? '';
      expect(tablesLine).toMatch(/Đã đặt 25 tệp bảng dữ liệu vào api\/v1\/ \(\d+ tệp dựng bên tiến trình nội dung\)/);
      expect(tablesLine).not.toContain('tệp dựng tại đây');
      // Pages from the cache are links to its files (src/integrations/linked-cache.ts), and a page
      // rendered again replaces its cached copy: the site published before keeps its own bytes.
      const restored = /[├└]─ \/(\S+) \(restored\)/.exec(edited.log)![1]!;
      expect(statSync(join(edited.incremental, restored)).ino, `${restored} is the cached file`).toBe(statSync(join(work, 'cache', 'astro', 'dist', restored)).ino);
      expect(readFileSync(join(first.incremental, editedPage), 'utf8'), 'the earlier output is untouched').toBe(publishedBefore);
      expect(readFileSync(join(edited.incremental, editedPage), 'utf8')).toContain('(đã sửa)');

      // A plan added (a copy of another, with its own title).
      const source = readFileSync(plan('2024/dan-van-chinh-quyen-2024-ubnd-xa-minh-tam.mdx'), 'utf8');
      writeFileSync(plan('2024/ban-sao-them-moi-2024.mdx'), source.replace(/^title: "([^"]*)"/m, 'title: "$1 (bản thêm mới)"'));
      check('plan added', await buildBoth());

      // A plan renamed (its file name is its slug).
      renameSync(plan('2024/ban-sao-them-moi-2024.mdx'), plan('2024/ban-sao-doi-ten-2024.mdx'));
      check('plan renamed', await buildBoth());

      // A plan deleted.
      rmSync(plan('2024/ban-sao-doi-ten-2024.mdx'));
      check('plan deleted', await buildBoth());

      // An agency renamed: every page that prints its name changes.
      edit(join(content, 'agencies', 'so-tttt-tay-ninh.yaml'), (text) =>
        text.replace('name: "Sở Thông tin và Truyền thông tỉnh Tây Ninh"', 'name: "Sở Khoa học và Công nghệ tỉnh Tây Ninh"').replace('shortName: "Sở TTTT"', 'shortName: "Sở KHCN"'),
      );
      const renamedAgency = await buildBoth();
      check('agency renamed', renamedAgency);
      expect(readFileSync(join(renamedAgency.incremental, 'ke-hoach', 'dan-chu-co-so-2024-so-tttt-tay-ninh', 'index.html'), 'utf8')).toContain('Sở Khoa học và Công nghệ tỉnh Tây Ninh');

      // A template changed: the page shell every route uses.
      edit(join(project, 'src', 'layouts', 'Base.astro'), (text) => text.replace('</main>', '<p class="template-step">Mẫu trang đã đổi.</p></main>'));
      const template = await buildBoth();
      check('template changed', template);
      expect(readFileSync(join(template.incremental, 'ke-hoach', 'dan-chu-co-so-2024-so-tttt-tay-ninh', 'index.html'), 'utf8')).toContain('Mẫu trang đã đổi.');

      // The content folder moved: the content store names files that are gone, and is reset.
      const moved = join(work, 'content-moved');
      renameSync(content, moved);
      content = moved;
      const afterMove = join(work, 'incremental-moved');
      const { log } = await withBuildLock(() => astroBuild(afterMove, { KE_HOACH_CONTENT_DIR: content, OG_CACHE_DIR: '', KE_HOACH_CACHE_DIR: join(work, 'cache') }, { cwd: project }));
      expect(log).toContain('Kho nội dung');
      expect(differences(afterMove, template.cold), 'content moved: files that differ from a cold build').toEqual([]);
      expect(existsSync(join(work, 'cache', 'astro', 'incremental-build.json'))).toBe(true);
    }
  });

  it('equals a cold build after edits that move paginated lists and feed archive pages (a generated province)', { timeout: 900_000 }, async () => {
    // The bench's corpus, small: enough plans for feed archive pages and agencies' long lists.
    content = join(work, 'corpus');
    writeCorpus(content, { plans: 160, seed: DEFAULT_SEED });
    const first = await buildBoth({ cold: false });
    const archives = files(first.incremental).filter((file) => /^feed\/luu-tru\/\d+\.xml$/.test(file));
    expect(archives.length, 'feed archive pages').toBeGreaterThan(1);
    expect(files(first.incremental).filter((file) => /^co-quan\/[^/]+\/[^/]+\/trang\/2\/index\.html$/.test(file)).length, "agencies' long lists").toBeGreaterThan(0);

    // The oldest year's first plan edited: it is on the first feed archive page.
    const oldestYear = readdirSync(join(content, 'plans')).sort()[0]!;
    const oldest = join(content, 'plans', oldestYear, readdirSync(join(content, 'plans', oldestYear)).sort()[0]!);
    edit(oldest, (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1 (đã sửa)"'));
    const edited = await buildBoth();
    check('oldest plan edited', edited);
    const redoneArchives = rendered(edited.log).filter((page) => /^\/feed\/luu-tru\/\d+\.xml$/.test(page));
    expect(redoneArchives, 'only the archive page that holds it is written again').toEqual(['/feed/luu-tru/1.xml']);

    // It deleted: every later entry moves up one place, on the archive pages and in the lists.
    rmSync(oldest);
    check('oldest plan deleted', await buildBoth());
  });
});
