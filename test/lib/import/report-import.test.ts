import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent, splitFrontmatter } from '../../../src/lib/content/load';
import { parse } from 'yaml';
import { reportSchema } from '../../../src/schemas/report';
import { registriesFrom } from '../../../src/lib/import/registries';
import { citedPlans, importReportText, isResultsReport, periodFromTitle, reportDraftPath } from '../../../src/lib/import/report-import';
import { matchResults, readValueIn, statedStatus } from '../../../src/lib/import/report-results';

const contentDir = fileURLToPath(new URL('../../fixtures/content/with-report/', import.meta.url));
const content = loadContent(contentDir, { baseDir: contentDir });
const text = readFileSync(fileURLToPath(new URL('../../fixtures/import/reports/bao-cao-nam-mau.txt', import.meta.url)), 'utf8');
const options = { plans: content.plans, ...registriesFrom(content), sourceFile: 'bao-cao-nam-mau.txt', sha256: 'a'.repeat(64) };

describe('recognising a report', () => {
  it('tells a BÁO CÁO from a KẾ HOẠCH by its heading or its BC number', () => {
    expect(isResultsReport(text)).toBe(true);
    expect(isResultsReport('SỞ A\nSố: 12/KH-SA\nKẾ HOẠCH\nThực hiện … báo cáo kết quả 6 tháng')).toBe(false);
    expect(isResultsReport('UBND XÃ B\nSố:   /BC-UBND\nKết quả …')).toBe(true);
  });

  it('reads the period from the title', () => {
    expect(periodFromTitle('Kết quả 6 tháng đầu năm 2024')).toEqual({ kind: '6 tháng', from: '2024-01-01', to: '2024-06-30' });
    expect(periodFromTitle('Kết quả quý III năm 2025')).toEqual({ kind: 'quý', from: '2025-07-01', to: '2025-09-30' });
    expect(periodFromTitle('Kết quả thực hiện năm 2024')).toEqual({ kind: 'năm', from: '2024-01-01', to: '2024-12-31' });
    expect(periodFromTitle('Kết quả giai đoạn 2021 - 2025')).toBeNull();
  });

  it('finds the plan by the số/ký hiệu the report cites', () => {
    expect(citedPlans(text, content.plans).map((p) => p.slug)).toEqual(['ke-hoach-mau']);
  });
});

describe('matching result sentences to targets', () => {
  it('reads figures in the target unit and the status the sentence states', () => {
    expect(readValueIn('Đã tổ chức 05 cuộc đối thoại.', 'cuộc')).toBe(5);
    expect(readValueIn('đạt 97,5% kế hoạch', '%')).toBe(97.5);
    expect(readValueIn('Tổ chức 5 cuộc họp', 'lượt')).toBeNull();
    expect(statedStatus('Tỷ lệ đạt 97,5%.')).toBeNull();
    expect(statedStatus('chưa đạt chỉ tiêu')).toBe('chưa đạt');
    expect(statedStatus('vượt chỉ tiêu đề ra')).toBe('vượt');
    expect(statedStatus('đạt chỉ tiêu kế hoạch')).toBe('đạt');
  });

  it('works a status out from the figures when the sentence states none, and says so', () => {
    const match = matchResults(['Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5%.'], [{ text: '100% hồ sơ được giải quyết đúng hạn', value: 100, unit: '%', indicator: null }]);
    expect(match.results).toEqual([
      { target: 0, sentence: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5%.', value: 97.5, unit: '%', outcome: null, status: 'chưa đạt', statusInferred: true },
    ]);
  });
});

describe('importReportText', () => {
  const result = importReportText(text, options);
  const parts = splitFrontmatter(result.file)!;
  const data = parse(parts.yaml, { version: '1.2', schema: 'core' });

  it('drafts a report on the cited plan with one result per matched target', () => {
    expect(data).toMatchObject({
      title: 'Kết quả thực hiện công tác dân vận chính quyền năm 2024',
      number: '245',
      symbol: 'BC-UBND',
      issuer: 'ubnd-tinh-mau',
      place: 'Mẫu',
      issuedOn: '2024-11-08',
      year: 2024,
      status: 'dự thảo',
      plans: ['ke-hoach-mau'],
      period: { kind: 'năm', from: '2024-01-01', to: '2024-12-31' },
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
    });
    expect(data.results.map((r: any) => [r.target, r.value, r.unit, r.status])).toEqual([
      [1, 100, '%', 'đạt'],
      [2, 5, 'cuộc', 'vượt'],
    ]);
    expect(reportDraftPath(result)).toBe('content/reports/2024/bao-cao-ket-qua-thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2024.mdx');
  });

  it('reports the target it could not match and the result sentence left over', () => {
    const lines = result.report.map((l) => `${l.kind} ${l.field}: ${l.message}`);
    expect(lines).toContain('missing results: không tìm thấy kết quả của chỉ tiêu 3 ("Niêm yết công khai thủ tục hành chính tại trụ sở")');
    expect(lines).toContain('review results: câu có vẻ là kết quả nhưng không khớp chỉ tiêu nào của kế hoạch: Tỷ lệ phản ánh, kiến nghị được trả lời đạt 92%.');
    expect(result.matched).toEqual({ targets: 3, results: 2 });
  });

  it('keeps the body from the title to "Nơi nhận", headings as their own paragraphs', () => {
    expect(parts.body).toContain('II. PHƯƠNG HƯỚNG\n\nTiếp tục');
    expect(parts.body).not.toContain('Nơi nhận');
    expect(parts.body).not.toContain('CHỦ TỊCH');
  });

  it('passes the report schema once a person writes the summary', () => {
    expect(reportSchema.safeParse({ ...data, summary: 'Tóm tắt.' }).success).toBe(true);
  });

  it('never guesses a plan the text does not cite', () => {
    const bare = importReportText(text.replace('Kế hoạch số 859/KH-UBND', 'Kế hoạch số 1/KH-UBND'), options);
    expect(bare.report.some((l) => l.field === 'plans' && l.kind === 'missing')).toBe(true);
    expect(parse(splitFrontmatter(bare.file)!.yaml).results).toEqual([]);
  });
});
