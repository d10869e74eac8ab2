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
import { agencySchema } from '../../src/schemas/agency';
import { parse as parseYaml } from 'yaml';
import { makePdf, makeScannedPdf } from '../support/pdf';
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
        'Tây Ninh, ngày 10 tháng 3 năm 2025',
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
    expect(out).toContain('  - issuer: không xác định được cơ quan ban hành: văn bản không có dòng tên cơ quan ở đầu và không câu nào nêu đủ tên cơ quan ban hành. Chạy lại với --agency <mã cơ quan>');
    expect(draftsIn(dir)).toHaveLength(1);
    const fields = checkContent(dir).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'issuer', 'place', 'summary', 'signer.title']));
  });

  it('imports a PDF with a text layer and proposes the registry entry of an issuer the registry lacks', async () => {
    const dir = contentTree();
    const text = readFileSync(join(ROOT, 'test/fixtures/import/corpus/quang-nam-2119-kh-ubnd-2024.txt'), 'utf8');
    const pdf = join(dir, 'ke-hoach.pdf');
    writeFileSync(pdf, await makePdf({ lines: text.split('\n'), fontSize: 9 }));
    const { code, out } = await run([pdf, '--content', dir]);
    expect(code).toBe(0);
    expect(out).toContain('Cơ quan ban hành mới (đề xuất)');
    const entry = agencySchema.parse(parseYaml(readFileSync(join(dir, 'agencies', 'ubnd-tinh-quang-nam.yaml'), 'utf8')));
    expect(entry).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Quảng Nam', shortName: 'UBND tỉnh Quảng Nam', level: 'tỉnh', province: 'Quảng Nam', parent: null });
    const [draft] = draftsIn(dir);
    expect(readFileSync(draft!, 'utf8')).toContain('issuer: "ubnd-tinh-quang-nam"');
    expect(checkContent(dir).problems.filter((p) => p.field === 'issuer')).toEqual([]);
  });

  it('explains usage errors and unreadable formats in Vietnamese', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('Thiếu tệp văn bản cần nhập.') });
    const dir = contentTree();
    const pdf = join(dir, 'ke-hoach.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect(await run([pdf, '--content', dir])).toMatchObject({ code: 1, err: expect.stringContaining('tệp PDF hỏng hoặc không đúng định dạng PDF') });
    const odt = join(dir, 'ke-hoach.odt');
    writeFileSync(odt, 'x');
    expect(await run([odt, '--content', dir])).toMatchObject({ code: 1, err: expect.stringContaining('chỉ nhận .docx, .pdf (có lớp chữ), .txt hoặc .md') });
    const scan = join(dir, 'ban-quet.pdf');
    writeFileSync(scan, await makeScannedPdf());
    expect(await run([scan, '--content', dir])).toMatchObject({ code: 1, err: expect.stringContaining('chưa hỗ trợ nhận dạng chữ (OCR)') });
    expect(await run([join(dir, 'khong-co.txt')])).toMatchObject({ code: 1, err: 'Không tìm thấy tệp "' + join(dir, 'khong-co.txt') + '".' });
  });

  it('writes no draft for an empty file, a binary file renamed .txt or a corrupt .docx, and names the file', async () => {
    const dir = contentTree();
    const inputs: Array<[string, Uint8Array | string, RegExp]> = [
      ['trong.txt', '', /^không đọc được tệp "trong\.txt": tệp rỗng$/],
      ['anh.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /^không đọc được tệp "anh\.txt": không phải tệp văn bản/],
      ['hong.docx', 'PK\u0003\u0004 không phải docx', /^không đọc được tệp "hong\.docx": không phải tệp \.docx hợp lệ/],
    ];
    for (const [name, bytes, message] of inputs) {
      const input = join(dir, name);
      writeFileSync(input, bytes);
      const out = join(dir, 'plans', `${name}.mdx`);
      const result = await run([input, '--content', dir, '--out', out]);
      expect(result, name).toMatchObject({ code: 1, out: '' });
      expect(result.err, name).toMatch(message);
      expect(existsSync(out), name).toBe(false);
    }
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

describe('npm run import with a results report (BÁO CÁO)', () => {
  it('drafts content/reports/{year}/{slug}.mdx against the cited plan, and the draft passes the check once its summary is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoachmo-report-'));
    temps.push(dir);
    cpSync(join(ROOT, 'test/fixtures/content/with-report'), dir, { recursive: true });
    rmSync(join(dir, 'reports'), { recursive: true, force: true });
    const { code, out } = await run(['test/fixtures/import/reports/bao-cao-nam-mau.txt', '--content', dir]);
    expect(code).toBe(0);
    expect(out).toContain('Đã khớp kết quả với 2/3 chỉ tiêu của kế hoạch.');
    expect(out).toContain('không tìm thấy kết quả của chỉ tiêu 3');
    const draft = join(dir, 'reports/2024/bao-cao-ket-qua-thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2024.mdx');
    expect(existsSync(draft)).toBe(true);
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('summary: null', 'summary: "Tóm tắt do người biên tập viết."'));
    const check = checkContent(dir, { baseDir: dir });
    expect(formatProblems(check.problems)).toBe('');
    await compile(splitFrontmatter(readFileSync(draft, 'utf8'))!.body);
  });
});
