import { createHash } from 'node:crypto';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../src/schemas/plan';
import { importPlanText, type ImportResult } from '../../../src/lib/import/import-plan';
import { scoreImport } from '../../../src/lib/import/score';
import { splitFrontmatter } from '../../../src/lib/content/load';
import { parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, registries, seed, seeds } from './seeds';

function importSeed(file: string, text: string): ImportResult {
  return importPlanText(text, { ...registries, sourceFile: file, sha256: createHash('sha256').update(text).digest('hex') });
}

function messages(result: ImportResult): string[] {
  return result.report.map((l) => `${l.field}: ${l.message}`);
}

describe('importing the five seed texts against the curated plans', () => {
  it('has a curated plan for every seed, made from the same bytes', () => {
    expect(seeds).toHaveLength(5);
    for (const s of seeds) {
      expect(s.curated, `curated plan for ${s.file}`).toBeDefined();
      expect(createHash('sha256').update(s.text).digest('hex')).toBe(s.curated!.data.source.sha256);
    }
  });

  for (const s of seeds) {
    describe(s.file, () => {
      const result = importSeed(s.file, s.text);
      const curated = s.curated!.data;
      const score = scoreImport(result.plan, curated);

      it('finds every numbered reference (number and date) of basis and citations, nothing extra', () => {
        expect(score.basis.missing).toEqual([]);
        expect(score.basis.extra).toEqual([]);
        expect(score.citations.missing).toEqual([]);
        expect(score.citations.extra).toEqual([]);
        // In the order of first mention, like the curated plan.
        expect(result.plan.basis.map((r) => r.document)).toEqual(curated.basis.map((r) => r.document));
        expect(result.plan.citations.map((r) => r.document)).toEqual(curated.citations.map((r) => r.document));
      });

      it('finds every deadline date with its owner, nothing extra', () => {
        expect(score.deadlines.missing).toEqual([]);
        expect(score.deadlines.extra).toEqual([]);
        expect(score.deadlines.found).toBe(curated.deadlines.length);
      });

      it('finds the unit each deadline is sent to and its qualifier', () => {
        const key = (d: { date: string; owner: string; submitTo: string | null; qualifier: string | null }) => `${d.date} ${d.owner} → ${d.submitTo} (${d.qualifier})`;
        expect(result.plan.deadlines.map(key).sort()).toEqual(curated.deadlines.map(key).sort());
      });

      it('finds every target, nothing extra', () => {
        expect(score.targets.missing).toEqual([]);
        expect(score.targets.extra).toEqual([]);
      });

      it('reads the header, units, recipients and signer like the curated plan', () => {
        expect(result.plan.issuer).toBe(curated.issuer);
        expect(result.plan.year).toBe(curated.year);
        expect(result.plan.number).toBe(curated.number);
        expect(result.plan.symbol).toBe(curated.symbol);
        expect(result.plan.issuedOn).toBe(curated.issuedOn);
        expect(result.plan.place).toBe(curated.place);
        expect(result.plan.assignments.map((a) => a.unit)).toEqual(curated.assignments.map((a) => a.unit));
        expect(result.plan.recipients).toEqual(curated.recipients);
        expect(result.plan.signer).toEqual(curated.signer);
        expect(result.plan.status).toBe('dự thảo');
      });

      it('reports what it could not find: the blank date of issue, an absent or blank number', () => {
        const lines = messages(result);
        if (curated.issuedOn === null) expect(lines.some((l) => l.startsWith('issuedOn: không tìm thấy ngày ban hành'))).toBe(true);
        if (curated.number === null) expect(lines.some((l) => l.startsWith('number: không tìm thấy số văn bản'))).toBe(true);
        if (curated.signer.name === null) expect(lines).toContain('signer.name: không tìm thấy họ tên người ký (bản sao không ghi tên)');
        // Every inferred value is said to be inferred.
        if (result.details.header.place === null) expect(lines.some((l) => l.startsWith('place: không tìm thấy địa danh'))).toBe(true);
      });

      it('writes frontmatter that passes the plan schema and a body that compiles as MDX', async () => {
        const split = splitFrontmatter(result.file)!;
        const data = parseDocument(split.yaml, { version: '1.2', schema: 'core' }).toJS();
        const parsed = planSchema.safeParse(data);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        await expect(compile(split.body)).resolves.toBeDefined();
      });
    });
  }

  it('names the header fields seeds 003 and 004 leave blank', () => {
    for (const prefix of ['003', '004']) {
      const s = seed(prefix);
      const lines = messages(importSeed(s.file, s.text));
      expect(lines).toContain('issuedOn: không tìm thấy ngày ban hành: bản sao để trống ngày, tháng');
      expect(lines.find((l) => l.startsWith('number:'))).toMatch(/^number: không tìm thấy số văn bản: bản sao để trống số \("Số: \/KH-S(VHTTDL|TTTT)"\)$/);
    }
  });

  it('keeps the body from the opening paragraph to the closing sentence, without header, Nơi nhận or signature', () => {
    const s = seed('001');
    const { body } = importSeed(s.file, s.text);
    expect(body.startsWith('Thực hiện Kế hoạch số 114/KH-UBND ngày 10/4/2024 của UBND huyện')).toBe(true);
    expect(body.trimEnd().endsWith('của UBND xã Minh Tâm./.')).toBe(true);
    expect(body).not.toMatch(/Nơi nhận|Hoàng Ngọc Giang|^KẾ HOẠCH/m);
    expect(body).toContain('## III. TỔ CHỨC THỰC HIỆN');
    expect(body).toContain('### 1. Văn phòng - Thống kê xã');
    // Numbered items without content stay a list, as in the curated body.
    expect(body).toContain('\n\n1. Nhằm nâng cao chất lượng');
  });
});

describe('importing text that is not a seed', () => {
  const options = { ...registries, sourceFile: 'x.txt', sha256: '0'.repeat(64) };

  it('still drafts text with no header at all, and reports every missing header value', () => {
    const text = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nâng cao hiệu quả công tác dân vận.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Văn phòng',
      'Báo cáo kết quả trước ngày 15/12/2025.',
    ].join('\n');
    const result = importPlanText(text, options);
    expect(result.body).toContain('## I. MỤC ĐÍCH, YÊU CẦU');
    expect(result.plan.title).toBeNull();
    expect(result.plan.issuer).toBeNull();
    expect(result.plan.deadlines).toEqual([
      { date: '2025-12-15', task: 'Báo cáo kết quả', owner: 'van-phong', submitTo: null, qualifier: 'trước ngày' },
    ]);
    const lines = messages(result);
    expect(lines).toEqual(
      expect.arrayContaining([
        'title: không tìm thấy tên (trích yếu) của kế hoạch',
        'issuer: không xác định được cơ quan ban hành: văn bản không có dòng tên cơ quan ở đầu và không câu nào nêu đủ tên cơ quan ban hành. Chạy lại với --agency <mã cơ quan>',
        'issuedOn: không tìm thấy ngày ban hành (không có dòng "…, ngày … tháng … năm …")',
        'number: không tìm thấy số văn bản (không có dòng "Số: …"): number và symbol để trống',
        'basis: không tìm thấy văn bản căn cứ có số hiệu trong đoạn mở đầu "Thực hiện …/Căn cứ …"',
        'recipients: không tìm thấy "Nơi nhận"',
        'signer.title: không tìm thấy chức vụ người ký',
      ]),
    );
    expect(lines.some((l) => /đơn vị "Văn phòng" chưa có trong danh mục cơ quan: đề xuất mã "van-phong"/.test(l))).toBe(true);
    expect(result.plan.year).toBe(2025);
  });

  it('uses --agency as the issuer and reads relative unit names from it', () => {
    const text = ['III. TỔ CHỨC THỰC HIỆN', '1. Văn phòng', 'Báo cáo trước ngày 15/12/2025.'].join('\n');
    const result = importPlanText(text, { ...options, agency: 'so-vhttdl-tay-ninh' });
    expect(result.plan.issuer).toBe('so-vhttdl-tay-ninh');
    expect(result.plan.place).toBe('Tây Ninh');
    expect(result.plan.deadlines[0]!.owner).toBe('van-phong-so-vhttdl-tay-ninh');
  });

  it('escapes MDX-hostile characters so the draft compiles and keeps the text', async () => {
    const text = [
      'KẾ HOẠCH',
      'Giảm tỷ lệ hồ sơ trễ hạn năm 2025',
      'Căn cứ Kế hoạch số 696/KH-UBND ngày 06/3/2025 của UBND tỉnh về việc thực hiện công tác dân vận chính quyền năm 2025;',
      'Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:',
      'I. CHỈ TIÊU',
      '1. Tỷ lệ hồ sơ trễ hạn <5% và {x} không quá 2 ngày; mã <b>mẫu</b> `code` *sao*.',
      '2. 100% hồ sơ được giải quyết đúng hạn.',
    ].join('\n');
    const result = importPlanText(text, options);
    expect(result.body).toContain('&lt;5% và &#123;x&#125;');
    await expect(compile(result.body)).resolves.toBeDefined();
    const split = splitFrontmatter(result.file)!;
    expect(split.body.trim()).toBe(result.body.trim());
    expect(result.plan.targets.map((t) => t.value)).toEqual([5, 100]);
  });

  it('reads a two-column district plan: issuer over two lines, chỉ tiêu a)/b), Nơi nhận beside the signature', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/import/ubnd-huyen-hai-cot.txt'), 'utf8');
    const { plan, report } = importPlanText(text, options);
    expect(plan).toMatchObject({
      title: 'Thực hiện công tác cải cách hành chính năm 2024',
      number: '245',
      symbol: 'KH-UBND',
      issuer: 'ubnd-huyen-hon-quan',
      place: 'Hớn Quản',
      issuedOn: '2024-04-02',
      year: 2024,
      recipients: ['UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT'],
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    });
    expect(plan.basis.map((r) => r.number)).toEqual(['77/QĐ-UBND', '302/KH-UBND']);
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual([
      [100, '%'],
      [90, '%'],
    ]);
    expect(plan.deadlines.map((d) => [d.date, d.owner, d.submitTo, d.qualifier])).toEqual([
      ['2024-06-15', 'phong-noi-vu-huyen-hon-quan', 'ubnd-tinh-binh-phuoc', 'trước ngày'],
      ['2024-12-05', 'cac-xa-thi-tran-huyen-hon-quan', 'phong-noi-vu-huyen-hon-quan', 'chậm nhất ngày'],
    ]);
    // Bình Phước's UBND tỉnh is not in the registry: proposed, never Tây Ninh's.
    expect(report.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'đơn vị "UBND tỉnh" chưa có trong danh mục cơ quan: đề xuất mã "ubnd-tinh-binh-phuoc" — tạo content/agencies/ubnd-tinh-binh-phuoc.yaml (dùng ở deadlines[0].submitTo)',
      ]),
    );
  });

  it('reads a Party plan: Party number, lower-case title, T/M authority; reports an impossible date and an undated Party document', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/import/ban-dan-van-dang.txt'), 'utf8');
    const { plan, report } = importPlanText(text, options);
    expect(plan).toMatchObject({
      title: 'Thực hiện công tác dân vận năm 2024',
      number: '100',
      symbol: 'KH/BDVTU',
      issuer: 'ban-dan-van-tinh-uy-tay-ninh',
      issuedOn: '2024-01-16',
      recipients: ['Ban Dân vận Trung ương', 'Lưu VP'],
      signer: { authority: 'T/M BAN DÂN VẬN', title: 'TRƯỞNG BAN', name: 'Nguyễn Thị Hoa' },
    });
    expect(plan.basis.map((r) => [r.number, r.date, r.document])).toEqual([['12-HD/BDVTW', '2023-12-05', '12-hd-bdvtw-2023']]);
    expect(plan.citations.map((r) => [r.number, r.date, r.document])).toEqual([['114-KL/TW', null, '114-kl-tw-2015']]);
    expect(plan.deadlines.map((d) => d.date)).toEqual(['2024-11-15']);
    const lines = report.map((l) => `${l.field}: ${l.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'deadlines: "30/02/2024" trong nhiệm vụ của "Các phòng chuyên môn thuộc Ban" không phải ngày có thật: chưa đưa vào thời hạn — kiểm tra bản gốc',
        'citations[0].date: không tìm thấy ngày ban hành của Kết luận số 114-KL/TW',
        'citations[0].document: Kết luận số 114-KL/TW không kèm ngày: mã "114-kl-tw-2015" lấy theo danh mục văn bản (cùng số/ký hiệu) — kiểm tra đúng văn bản',
        'basis[0].document: văn bản "Hướng dẫn số 12-HD/BDVTW" chưa có trong danh mục văn bản: tạo content/documents/12-hd-bdvtw-2023.yaml',
      ]),
    );
  });
});
