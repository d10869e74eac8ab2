// End-to-end tests of `npm run import` and `npm run new`: drafts are written into temporary content
// trees that hold copies of the real registries (never into content/), then checked the way
// `npm run check` checks them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { formatProblems } from '../../src/lib/content/problems';
import { splitFrontmatter } from '../../src/lib/content/load';
import { runImport } from '../../scripts/import';
import { askAnswers, createPlan, type Prompts } from '../../scripts/new';
import { CONTENT, ROOT, registries, seeds } from '../lib/import/seeds';
import { samplePlanDocx } from '../support/docx-plan';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A content tree with copies of the real registries, minus the entries named in `without`. */
function contentTree(without: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoachmo-import-'));
  temps.push(dir);
  for (const folder of ['agencies', 'documents']) {
    mkdirSync(join(dir, folder));
    for (const f of readdirSync(join(CONTENT, folder))) {
      if (!without.includes(`${folder}/${f}`)) cpSync(join(CONTENT, folder, f), join(dir, folder, f));
    }
  }
  return dir;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, { cwd: ROOT, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function draftsIn(dir: string): string[] {
  return readdirSync(join(dir, 'plans'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('npm run import on the five seeds', () => {
  const dir = contentTree();

  it('writes a draft for each seed that passes npm run check with the real registries', async () => {
    for (const s of seeds) {
      const { code, out } = await run([s.path, '--content', dir]);
      expect(code, out).toBe(0);
      expect(out).toMatch(/^Bản nháp: .*\.mdx \(từ \d{3}_[0-9a-f]+\.txt\)$/m);
      expect(out).toMatch(/^Thời gian nhập: \d+ ms\.$/m);
    }
    const drafts = draftsIn(dir);
    expect(drafts).toHaveLength(5);
    const { problems, summary } = checkContent(dir);
    expect(formatProblems(problems)).toBe('');
    expect(summary).toMatch(/^Đã kiểm tra 5 kế hoạch/);
  });

  it('places each draft under plans/{year}/ with status "dự thảo"', () => {
    for (const file of draftsIn(dir)) {
      const text = readFileSync(file, 'utf8');
      const year = /\nyear: (\d{4})\n/.exec(text)![1];
      expect(file).toContain(join('plans', year!));
      expect(text).toContain('\nstatus: "dự thảo"\n');
    }
  });

  it('refuses to overwrite a draft without --force, and overwrites with it', async () => {
    const s = seeds[3]!;
    const again = await run([s.path, '--content', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Không ghi: tệp ".*\.mdx" đã có\. Thêm --force để ghi đè/);
    const forced = await run([s.path, '--content', dir, '--force']);
    expect(forced.code).toBe(0);
  });

  it('prints what the copy leaves out: seed 004 has no number and no date of issue', async () => {
    const out = join(dir, 'x', '004.mdx');
    const { out: report } = await run([seeds[4]!.path, '--content', dir, '--out', out]);
    expect(existsSync(out)).toBe(true);
    expect(report).toContain('  - issuedOn: không tìm thấy ngày ban hành: bản sao để trống ngày, tháng');
    expect(report).toContain('  - number: không tìm thấy số văn bản: bản sao để trống số ("Số: /KH-STTTT")');
  });
});

describe('npm run import when the registries lack a unit or a document', () => {
  it('drafts with proposed ids, reports them, and npm run check names each missing entry', async () => {
    const dir = contentTree(['agencies/van-phong-so-vhttdl-tay-ninh.yaml', 'agencies/thanh-tra-so-vhttdl-tay-ninh.yaml', 'documents/908-qd-ubnd.yaml']);
    const s = seeds.find((x) => x.file.startsWith('003'))!;
    const { code, out } = await run([s.path, '--content', dir]);
    expect(code).toBe(0);
    expect(out).toContain('đơn vị "Văn phòng" chưa có trong danh mục cơ quan: đề xuất mã "van-phong-so-vhttdl-tay-ninh" — tạo content/agencies/van-phong-so-vhttdl-tay-ninh.yaml');
    expect(out).toContain('đơn vị "Thanh tra Sở" chưa có trong danh mục cơ quan: đề xuất mã "thanh-tra-so-vhttdl-tay-ninh"');
    expect(out).toContain('văn bản "Quyết định số 908/QĐ-UBND" chưa có trong danh mục văn bản: tạo content/documents/908-qd-ubnd.yaml');
    const { problems } = checkContent(dir);
    const text = formatProblems(problems);
    expect(text).toMatch(/deadlines\[0\]\.owner: không có cơ quan này trong content\/agencies\//);
    expect(text).toMatch(/assignments\[1\]\.unit: không có cơ quan này trong content\/agencies\//);
    expect(text).toMatch(/citations\[3\]\.document: không có văn bản này trong content\/documents\//);
    // Nothing but the missing entries.
    expect(problems.every((p) => /không có (cơ quan|văn bản) này/.test(p.message))).toBe(true);
  });
});

describe('npm run import on a .docx made by the test', () => {
  it('imports header, basis and deadline end to end, and the draft passes npm run check', async () => {
    const dir = contentTree();
    const input = join(dir, 'ke-hoach-15.docx');
    writeFileSync(input, await samplePlanDocx());
    const { code, out } = await run([input, '--content', dir]);
    expect(code, out).toBe(0);
    const draft = join(dir, 'plans/2025/dan-van-chinh-quyen-2025-so-tttt-tay-ninh.mdx');
    expect(existsSync(draft)).toBe(true);
    const { problems, content } = checkContent(dir);
    expect(formatProblems(problems)).toBe('');
    const plan = content.plans[0]!.data;
    expect(plan).toMatchObject({
      title: 'Thực hiện công tác dân vận chính quyền năm 2025',
      number: '15',
      symbol: 'KH-STTTT',
      issuer: 'so-tttt-tay-ninh',
      place: 'Tây Ninh',
      issuedOn: '2025-03-10',
      year: 2025,
      status: 'dự thảo',
      recipients: ['UBND tỉnh', 'Lưu: VT'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
      source: { file: 'ke-hoach-15.docx' },
    });
    expect(plan.basis.map((r) => [r.number, r.date, r.document])).toEqual([['696/KH-UBND', '2025-03-06', '696-kh-ubnd']]);
    expect(plan.deadlines).toEqual([
      { date: '2025-11-15', task: 'Tổng hợp, báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)', owner: 'van-phong-so-tttt-tay-ninh', submitTo: 'ubnd-tinh-tay-ninh', qualifier: 'trước ngày' },
    ]);
    expect(content.plans[0]!.body).toContain('tỷ lệ hồ sơ trễ hạn &lt;5% &#123;mục tiêu&#125;.');
    await expect(compile(content.plans[0]!.body)).resolves.toBeDefined();
  });
});

describe('npm run import on awkward text', () => {
  it('drafts MDX-hostile text that compiles and passes npm run check', async () => {
    const dir = contentTree();
    const input = join(dir, 'ky-tu-dac-biet.txt');
    writeFileSync(
      input,
      [
        'KẾ HOẠCH',
        'Cải cách hành chính, giảm hồ sơ trễ hạn năm 2025',
        'Căn cứ Kế hoạch số 696/KH-UBND ngày 06/3/2025 của UBND tỉnh về việc thực hiện công tác dân vận chính quyền năm 2025;',
        'Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:',
        'I. CHỈ TIÊU',
        '1. Tỷ lệ hồ sơ trễ hạn <5%; {x} hồ sơ được số hóa; <Component /> không phải thẻ.',
        'II. TỔ CHỨC THỰC HIỆN',
        '1. Văn phòng Sở',
        'Báo cáo kết quả trước ngày 15/11/2025.',
        'Trên đây là Kế hoạch của Sở Văn hóa, Thể thao và Du lịch./.',
        'Nơi nhận:',
        '- Lưu: VT.',
        'GIÁM ĐỐC',
      ].join('\n'),
    );
    const { code } = await run([input, '--content', dir]);
    expect(code).toBe(0);
    const [draft] = draftsIn(dir);
    const body = splitFrontmatter(readFileSync(draft!, 'utf8'))!.body;
    await expect(compile(body)).resolves.toBeDefined();
    expect(body).toContain('1. Tỷ lệ hồ sơ trễ hạn &lt;5%; &#123;x&#125; hồ sơ được số hóa; &lt;Component /> không phải thẻ.');
    expect(formatProblems(checkContent(dir).problems)).toBe('');
  });

  it('drafts text with no header at all, reports what is missing, and check names the fields to fill', async () => {
    const dir = contentTree();
    const input = join(dir, 'khong-dau.txt');
    writeFileSync(input, ['I. NỘI DUNG', 'Tuyên truyền về công tác dân vận.', 'II. TỔ CHỨC THỰC HIỆN', '1. Văn phòng', 'Báo cáo trước ngày 15/12/2025.'].join('\n'));
    const { code, out } = await run([input, '--content', dir]);
    expect(code).toBe(0);
    expect(out).toContain('  - title: không tìm thấy tên (trích yếu) của kế hoạch');
    expect(out).toContain('  - issuer: không xác định được cơ quan ban hành: chạy lại với --agency <mã cơ quan>');
    expect(draftsIn(dir)).toHaveLength(1);
    const fields = checkContent(dir).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'issuer', 'place', 'summary', 'signer.title']));
  });

  it('explains usage errors and unreadable formats in Vietnamese', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('Thiếu tệp văn bản cần nhập.') });
    const dir = contentTree();
    const pdf = join(dir, 'ke-hoach.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect(await run([pdf, '--content', dir])).toMatchObject({ code: 1, err: expect.stringContaining('chỉ nhận .docx, .txt hoặc .md') });
    expect(await run([join(dir, 'khong-co.txt')])).toMatchObject({ code: 1, err: 'Không tìm thấy tệp "' + join(dir, 'khong-co.txt') + '".' });
  });
});

describe('npm run new', () => {
  /** Prompts that answer from a list, in order, and record the questions. */
  function scripted(answers: unknown[]): { prompts: Prompts; questions: string[] } {
    const questions: string[] = [];
    const next = async (config: { message: string; validate?: (v: never) => unknown }) => {
      questions.push(config.message);
      const answer = answers.shift();
      if (config.validate) expect(config.validate(answer as never)).toBe(true);
      return answer;
    };
    return { prompts: { input: next, number: next, select: next, checkbox: next } as unknown as Prompts, questions };
  }

  it('asks in Vietnamese and writes a draft that passes npm run check', async () => {
    const { prompts, questions } = scripted([
      'Thực hiện dân chủ ở cơ sở năm 2026',
      'so-tttt-tay-ninh',
      2026,
      '/KH-STTTT',
      '',
      ['Dân chủ ở cơ sở'],
      'Sở Thông tin và Truyền thông đề ra cách thực hiện dân chủ ở cơ sở trong năm 2026.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      '',
      '',
    ]);
    const answers = await askAnswers(registries.agencies, prompts);
    expect(questions[0]).toBe('Tên (trích yếu) kế hoạch, không có chữ "Kế hoạch":');
    expect(questions).toHaveLength(11);
    const dir = contentTree();
    const result = await createPlan(answers, { contentDir: dir });
    expect(result).toMatchObject({ written: true, slug: 'dan-chu-o-co-so-2026-so-tttt-tay-ninh' });
    expect(formatProblems(checkContent(dir).problems)).toBe('');
    expect((await createPlan(answers, { contentDir: dir })).written).toBe(false);
  });
});
