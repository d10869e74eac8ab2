import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_RECORDS, contentSourceDigest, loadContent, loadContentCached, parseFromEnd, sourceDigest, splitFrontmatter } from '../../../src/lib/content/load';
import { contentTree, FIXTURE_PLAN, removeContentTrees } from '../../support/content-tree';
import { formatProblem } from '../../../src/lib/content/problems';
import { validateContent } from '../../../src/lib/content/validate';
import { CONTENT_CACHE_ENV, contentFileDigests, removeRecord } from '../../../src/lib/content/cache';
import { RACY_MS } from '../../../src/lib/build/input-digests';

const FIXTURES = fileURLToPath(new URL('../../fixtures/content/', import.meta.url));
const PLAN = 'plans/2024/ke-hoach-mau.mdx';

/** Loads a fixture tree; `file` paths come out relative to the tree ("plans/2024/…"). */
function load(name: string) {
  const dir = join(FIXTURES, name);
  return loadContent(dir, { baseDir: dir });
}

const tmpRoots: string[] = [];
/** A throwaway content tree for cases that need odd files (wrong extensions, no frontmatter). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-load-'));
  tmpRoots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterAll(() => tmpRoots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('loadContent on a valid tree', () => {
  const content = load('valid');

  it('returns every entry, typed by its schema, with no problem', () => {
    expect(content.problems).toEqual([]);
    expect(content.plans.map((p) => [p.slug, p.file])).toEqual([['ke-hoach-mau', PLAN]]);
    expect(content.agencies.map((a) => a.id)).toEqual(['so-mau', 'ubnd-tinh-mau']);
    expect(content.documents.map((d) => [d.id, d.data.aliases])).toEqual([
      ['11-qdi-tw-2019', ['11-QĐ/TW']],
      ['33-ct-ttg', []],
    ]);
  });

  it('applies schema defaults and keeps quoted dates as strings', () => {
    const plan = content.plans[0]!.data;
    expect(plan.deadlines.map((d) => d.date)).toEqual(['2024-06-10', '2024-11-10']);
    expect(plan.basis[0]!.title).toBeNull();
    expect(content.documents[0]!.data.basis).toEqual([]);
  });

  it('splits off the MDX body and knows the file line it starts on', () => {
    const { body, bodyLine } = content.plans[0]!;
    const fileLines = readFileSync(join(FIXTURES, 'valid', PLAN), 'utf8').split('\n');
    const firstText = body.split('\n').findIndex((l) => l.trim() !== '');
    expect(body.split('\n')[firstText]).toBe('## I. MỤC ĐÍCH, YÊU CẦU');
    expect(fileLines[bodyLine - 1 + firstText]).toBe('## I. MỤC ĐÍCH, YÊU CẦU');
  });
});

describe('loadContent reports each broken file without throwing', () => {
  it('an impossible date (2024-02-30)', () => {
    const { problems, plans, sources } = load('impossible-date');
    expect(problems).toEqual([
      { file: PLAN, field: 'deadlines[1].date', message: 'ngày không tồn tại trong lịch', found: '"2024-02-30"', expected: 'một ngày có thật dạng YYYY-MM-DD' },
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      `${PLAN} › deadlines[1].date: ngày không tồn tại trong lịch (tìm thấy "2024-02-30"; cần một ngày có thật dạng YYYY-MM-DD)`,
    );
    expect(plans).toEqual([]);
    // The good fields stay available to cross-checks; the bad deadline is left out.
    expect(sources[0]!.fields.issuer).toBe('ubnd-tinh-mau');
    expect((sources[0]!.fields.deadlines as unknown[]).map((d) => d !== undefined)).toEqual([true, false]);
  });

  it('a 29 February outside a leap year (2023-02-29)', () => {
    expect(load('leap-day').problems).toEqual([
      {
        file: PLAN,
        field: 'issuedOn',
        message: 'ngày không tồn tại trong lịch',
        found: '"2023-02-29"',
        expected: 'một ngày có thật dạng YYYY-MM-DD, hoặc null nếu không rõ',
      },
    ]);
  });

  it('an unquoted date, which Astro would turn into a Date', () => {
    const { problems, plans } = load('unquoted-date');
    expect(problems).toEqual([
      {
        file: PLAN,
        field: 'deadlines[0].date',
        message: 'ngày phải đặt trong dấu nháy: Astro đọc ngày không có nháy thành kiểu ngày và lặng lẽ đổi ngày không có thật sang ngày khác',
        found: '2024-06-10 (không có dấu nháy)',
        expected: '"2024-06-10"',
      },
    ]);
    // YAML 1.2 core keeps it a string, so the rest of the plan still loads.
    expect(plans[0]!.data.deadlines[0]!.date).toBe('2024-06-10');
  });

  it('a deadline written the Vietnamese way (10/11/2024), with the ISO form to use', () => {
    expect(load('non-iso-deadline').problems).toEqual([
      {
        file: PLAN,
        field: 'deadlines[1].date',
        message: 'ngày phải viết theo dạng YYYY-MM-DD, ví dụ "2024-03-25"',
        found: '"10/11/2024"',
        expected: 'một ngày có thật dạng YYYY-MM-DD, ở đây là "2024-11-10"',
      },
    ]);
  });

  it('a missing required field', () => {
    const { problems, sources } = load('missing-field');
    expect(problems).toEqual([{ file: PLAN, field: 'title', message: 'thiếu trường bắt buộc', expected: 'một chuỗi văn bản' }]);
    expect(sources[0]!.valid).toBe(false);
  });

  it('a malformed ký hiệu', () => {
    expect(load('malformed-number').problems).toEqual([
      {
        file: PLAN,
        field: 'symbol',
        message: 'ký hiệu không đúng dạng Nghị định 30/2020, ví dụ "KH-UBND" hoặc "KH/BDVTU-BCSĐUBND"',
        found: '"KH_UBND"',
      },
    ]);
  });

  it('a misspelled field name, which zod alone would drop silently', () => {
    const { problems, plans } = load('unknown-key');
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['sumary', 'trường không có trong lược đồ (có thể gõ sai tên trường)'],
      ['deadlines[0].ower', 'trường không có trong lược đồ (có thể gõ sai tên trường)'],
    ]);
    expect(problems[1]!.expected).toBe('một trong các trường: date, task, owner, submitTo, qualifier');
    expect(plans).toHaveLength(1);
  });

  it('broken YAML, pointing at the line in the file', () => {
    const { problems, sources } = load('yaml-syntax');
    expect(problems).toEqual([{ file: PLAN, field: '', message: 'dòng 7, cột 12: thiếu ký tự đóng (dấu nháy hoặc ngoặc)' }]);
    const line7 = readFileSync(join(FIXTURES, 'yaml-syntax', PLAN), 'utf8').split('\n')[6];
    expect(line7).toBe('place: "Mẫu');
    expect(sources[0]!.body).toContain('## I. MỤC ĐÍCH, YÊU CẦU');
  });

  it('problems in several files at once', () => {
    expect(load('many-problems').problems.map((p) => `${p.file} › ${p.field}`)).toEqual([
      `${PLAN} › title`,
      `${PLAN} › deadlines[1].date`,
      'agencies/so-mau.yaml › level',
      'documents/33-ct-ttg.yaml › date',
    ]);
  });

  it('files it cannot use: no frontmatter, wrong extensions, YAML that is not a mapping, a missing folder', () => {
    const root = tree({
      'plans/2024/khong-frontmatter.mdx': '# Kế hoạch\n',
      'plans/2024/sai-duoi.md': '---\ntitle: "x"\n---\n',
      'agencies/so-a.yml': 'name: "Sở A"\n',
      'documents/danh-sach.yaml': '- "33/CT-TTg"\n',
    });
    const { problems, sources } = loadContent(root, { baseDir: root });
    expect(problems.map(formatProblem)).toEqual([
      'plans/2024/sai-duoi.md: tệp không được nạp: đuôi tệp phải là .mdx (chữ thường) (cần đổi tên thành sai-duoi.mdx)',
      'agencies/so-a.yml: tệp không được nạp: đuôi tệp phải là .yaml (chữ thường) (cần đổi tên thành so-a.yaml)',
      'plans/2024/khong-frontmatter.mdx: thiếu phần frontmatter: tệp phải bắt đầu bằng một dòng "---", các trường, rồi một dòng "---" (tìm thấy "# Kế hoạch")',
      'documents/danh-sach.yaml: nội dung YAML phải là các cặp "trường: giá trị" (tìm thấy danh sách 1 phần tử; cần một nhóm trường)',
    ]);
    expect(sources.map((s) => s.id)).toEqual(['khong-frontmatter', 'danh-sach']);
    expect(loadContent(join(root, 'khong-co'), { baseDir: root }).problems.map(formatProblem)).toEqual(['khong-co: không tìm thấy thư mục nội dung']);
  });

  it('an empty frontmatter lists every required field', () => {
    const root = tree({ 'plans/2024/trong.mdx': '---\n---\nNội dung.\n' });
    const missing = loadContent(root, { baseDir: root }).problems.filter((p) => p.message === 'thiếu trường bắt buộc');
    expect(missing.map((p) => p.field)).toEqual(['title', 'issuer', 'place', 'year', 'topics', 'summary', 'signer', 'source']);
  });
});

describe('splitFrontmatter', () => {
  it('handles CRLF and a byte-order mark', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: "x"\r\n---\r\nBody\r\n')).toEqual({ yaml: 'title: "x"', body: 'Body\n', bodyLine: 4 });
  });
  it('returns undefined without a closing line', () => {
    expect(splitFrontmatter('---\ntitle: "x"\n')).toBeUndefined();
  });
});

describe('loadContentCached', () => {
  it('parses a folder once while nothing changes, and again after an edit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-cache-'));
    try {
      cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
      const first = loadContentCached(dir);
      expect(loadContentCached(dir)).toBe(first);
      const agency = join(dir, 'agencies', readdirSync(join(dir, 'agencies'))[0]!);
      writeFileSync(agency, readFileSync(agency, 'utf8').replace(/^name: .*$/m, 'name: "Tên đã sửa"'));
      utimesSync(agency, new Date(), new Date(Date.now() + 5_000));
      const second = loadContentCached(dir);
      expect(second).not.toBe(first);
      expect(second.agencies.some((a) => a.data.name === 'Tên đã sửa')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a frozen parse for the rest of the process, as a build publishes what it checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-cache-'));
    try {
      cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
      const agency = join(dir, 'agencies', readdirSync(join(dir, 'agencies'))[0]!);
      const edit = (name: string, seconds: number) => {
        writeFileSync(agency, readFileSync(agency, 'utf8').replace(/^name: .*$/m, `name: "${name}"`));
        utimesSync(agency, new Date(), new Date(Date.now() + seconds * 1000));
      };
      const names = (content: ReturnType<typeof loadContentCached>) => content.agencies.map((a) => a.data.name);
      const checked = loadContentCached(dir, { freeze: true });
      edit('Tên sửa trong lúc build', 5);
      expect(loadContentCached(dir)).toBe(checked);
      expect(loadContentCached(dir, { freeze: true })).toBe(checked);
      expect(names(checked)).not.toContain('Tên sửa trong lúc build');
      // Another base folder is another parse, looked at afresh.
      expect(names(loadContentCached(dir, { baseDir: dir }))).toContain('Tên sửa trong lúc build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sourceDigest', () => {
  afterAll(removeContentTrees);
  const plan = (dir: string) => loadContent(dir, { baseDir: dir }).plans.find((p) => p.file === FIXTURE_PLAN)!;

  it('is the same for the same file, differs when its bytes or path differ, and is gone once data or body is replaced', () => {
    const valid = join(FIXTURES, 'valid');
    const first = plan(valid);
    expect(sourceDigest(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(sourceDigest(plan(valid))).toBe(sourceDigest(first));
    const edited = contentTree({ edit: { [FIXTURE_PLAN]: [[/\n$/, '\nĐoạn bổ sung.\n']] } });
    expect(sourceDigest(plan(edited))).not.toBe(sourceDigest(first));
    const moved = contentTree({ rename: { [FIXTURE_PLAN]: 'plans/2025/ke-hoach-mau.mdx' } });
    expect(sourceDigest(loadContent(moved, { baseDir: moved }).plans.find((p) => p.slug === first.slug)!)).not.toBe(sourceDigest(first));
    // An entry changed after reading no longer stands for its file: callers hash it themselves.
    const changed = plan(valid);
    changed.body = `${changed.body}\nĐoạn bổ sung.`;
    expect(sourceDigest(changed)).toBeUndefined();
    const replaced = plan(valid);
    replaced.data = { ...replaced.data, title: 'Tên khác' };
    expect(sourceDigest(replaced)).toBeUndefined();
    expect(sourceDigest({ ...first })).toBeUndefined();
  });

  it("gives a file's source the same digest, until its fields or body are replaced", () => {
    const valid = join(FIXTURES, 'valid');
    const source = () => loadContent(valid, { baseDir: valid }).sources.find((s) => s.file === FIXTURE_PLAN)!;
    const first = source();
    expect(contentSourceDigest(first)).toBe(sourceDigest(plan(valid)));
    const edited = source();
    edited.fields = { ...edited.fields, title: 'Tên khác' };
    expect(contentSourceDigest(edited)).toBeUndefined();
    const rebodied = source();
    rebodied.body = 'Nội dung khác.';
    expect(contentSourceDigest(rebodied)).toBeUndefined();
  });
});

describe('a parse kept in the content cache', () => {
  afterAll(removeContentTrees);
  const planIn = (dir: string) => loadContent(dir, { baseDir: dir }).plans.find((p) => p.file === FIXTURE_PLAN)!;

  it("reads a plan's body from its own record when first asked for: the body of the bytes that were parsed", () => {
    const dir = contentTree({});
    const body = planIn(dir).body;
    const kept = planIn(dir);
    const digest = sourceDigest(kept);
    expect(Object.getOwnPropertyDescriptor(kept, 'body')?.get, 'not read with the parse').toBeTypeOf('function');
    expect(sourceDigest(kept), 'the digest does not read it').toBe(digest);
    writeFileSync(join(dir, FIXTURE_PLAN), `${readFileSync(join(dir, FIXTURE_PLAN), 'utf8')}\nĐoạn thêm sau khi đọc.\n`);
    expect(kept.body).toBe(body);
    expect(kept.body).not.toContain('Đoạn thêm sau khi đọc.');
    expect(loadContent(dir, { baseDir: dir }).sources.find((s) => s.file === FIXTURE_PLAN)!.body).toContain('Đoạn thêm sau khi đọc.');
    // An entry given another body no longer stands for its file.
    kept.body = 'Nội dung khác.';
    expect(kept.body).toBe('Nội dung khác.');
    expect(sourceDigest(kept)).toBeUndefined();
  });

  it('reads the body from the file should its record be gone, and refuses a file changed since it was parsed', () => {
    const dir = contentTree({ edit: { [FIXTURE_PLAN]: [[/\n$/, '\nĐoạn riêng của phép thử bản ghi bị xoá.\n']] } });
    const body = planIn(dir).body;
    const kept = planIn(dir);
    const later = planIn(dir);
    removeRecord(BODY_RECORDS, sourceDigest(kept)!);
    expect(kept.body).toBe(body);
    writeFileSync(join(dir, FIXTURE_PLAN), 'Tệp đã bị sửa.');
    expect(() => later.body).toThrow(`${FIXTURE_PLAN}: tệp đã thay đổi sau khi được kiểm tra trong lần build này`);
  });

  it('is checked for a blank body without reading it', () => {
    const dir = contentTree({ edit: { [FIXTURE_PLAN]: [[/\n---\n[\s\S]*$/, '\n---\n\n  \n']] } });
    planIn(dir);
    const content = loadContent(dir, { baseDir: dir });
    const source = content.sources.find((s) => s.file === FIXTURE_PLAN)!;
    const read = Object.getOwnPropertyDescriptor(source, 'body')!.get!;
    Object.defineProperty(source, 'body', { get: () => expect.unreachable('the body was read'), configurable: true });
    expect(validateContent(content).map(formatProblem)).toEqual([`${FIXTURE_PLAN} › nội dung: nội dung trống (cần toàn văn kế hoạch sau dòng "---" thứ hai)`]);
    expect(read()).toBe('\n  \n');
  });
});

describe('files unchanged since their digest was recorded', () => {
  afterAll(removeContentTrees);

  it('are not read again; an in-place edit of the same size, its modification time put back, is', async () => {
    const dir = contentTree({});
    // Old enough for their digests to be recorded (src/lib/build/input-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
    const digests = contentFileDigests()!;
    const title = () => loadContent(dir, { baseDir: dir }).plans.find((p) => p.file === FIXTURE_PLAN)!.data.title;
    const before = title();
    const reads = digests.reads;
    expect(title()).toBe(before);
    expect(digests.reads, 'nothing read the second time').toBe(reads);

    const file = join(dir, FIXTURE_PLAN);
    const text = readFileSync(file, 'utf8');
    const { atime, mtime } = statSync(file);
    const edited = text.replace(before, [...before].reverse().join(''));
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, atime, mtime);
    expect(title()).toBe([...before].reverse().join(''));
    expect(digests.reads).toBe(reads + 1);
  });
});

describe('parseFromEnd: a cold parse shared by two processes', () => {
  afterAll(removeContentTrees);
  const fixturePlan = readFileSync(join(FIXTURES, 'valid', PLAN), 'utf8');
  // Plans of this test alone (a run's own title), so no parse of them is kept from another test or run.
  const run = randomUUID();
  const plan = (n: number) => fixturePlan.replace(/^title: .*$/m, `title: "Kế hoạch ${n} của lần chạy ${run}"`);
  const plansFile = (n: number) => `plans/2025/ke-hoach-${String(n).padStart(2, '0')}.mdx`;
  const write = (dir: string, numbers: number[]) => numbers.forEach((n) => writeFileSync(join(dir, plansFile(n)), plan(n)));
  const bodyIsRead = (content: ReturnType<typeof loadContent>, n: number) =>
    Object.getOwnPropertyDescriptor(content.sources.find((source) => source.file === plansFile(n))!, 'body')!.get === undefined;

  it('parses from the last file back to the first one whose parse is kept, and the next load takes those parses', () => {
    // The other process has parsed the first files. The tree holds plans only: the fixture's
    // registries, which sort after the plans, are kept from other tests.
    const dir = tree({ [plansFile(1)]: plan(1), [plansFile(2)]: plan(2), [plansFile(3)]: plan(3) });
    loadContent(dir, { baseDir: dir });
    write(dir, [4, 5, 6, 7]);
    // Another bad file at the end: it is parsed too, and its problem reported by the load.
    writeFileSync(join(dir, plansFile(8)), plan(8).replace(/^issuedOn: .*$/m, 'issuedOn: "2025-02-30"'));

    expect(parseFromEnd(dir, { baseDir: dir })).toBe(5);
    const content = loadContent(dir, { baseDir: dir });
    // Kept parses read their bodies when asked; the parses made ahead hold them already.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => bodyIsRead(content, n))).toEqual([false, false, false, true, true, true, true, true]);
    // The same content as a load that parsed nothing ahead.
    const again = loadContent(dir, { baseDir: dir });
    expect(content.plans.map((p) => [p.file, p.data, p.body])).toEqual(again.plans.map((p) => [p.file, p.data, p.body]));
    expect(content.problems.map(formatProblem)).toEqual(again.problems.map(formatProblem));
    expect(content.problems.map(formatProblem).join('\n')).toContain(plansFile(8));
    expect(parseFromEnd(dir, { baseDir: dir }), 'every parse is kept now').toBe(0);
  });

  it('parses nothing ahead when the content cache is off', () => {
    const dir = contentTree({});
    const was = process.env[CONTENT_CACHE_ENV];
    process.env[CONTENT_CACHE_ENV] = 'off';
    try {
      expect(parseFromEnd(dir, { baseDir: dir })).toBe(0);
    } finally {
      if (was === undefined) delete process.env[CONTENT_CACHE_ENV];
      else process.env[CONTENT_CACHE_ENV] = was;
    }
  });
});
