import { describe, expect, it } from 'vitest';
import { rowId } from '../../../src/lib/catalog/build';
import {
  achievedText,
  agencyRecord,
  deadlineReport,
  latestResult,
  periodLabel,
  planReports,
  reportList,
  reportListPages,
  reportPage,
  tallyHeadline,
  tallyResults,
} from '../../../src/lib/portal/reports';
import { fixtureAgency, fixtureCatalog, fixturePlan, fixtureReport } from './fixture-catalog';

const plan = fixturePlan('ke-hoach-a', {
  targets: [
    { text: '100% hồ sơ đúng hạn', value: 100, unit: '%' },
    { text: 'Tổ chức 4 cuộc đối thoại', value: 4, unit: 'cuộc' },
    { text: 'Niêm yết công khai thủ tục' },
  ],
  deadlines: [
    { date: '2024-06-10', task: 'Báo cáo 6 tháng', owner: 'co-quan-a' },
    { date: '2024-11-10', task: 'Báo cáo năm', owner: 'co-quan-a' },
  ],
});
const half = fixtureReport('bao-cao-6-thang', ['ke-hoach-a'], {
  issuedOn: '2024-06-05',
  period: { kind: '6 tháng', from: '2024-01-01', to: '2024-06-30' },
  results: [
    { plan: 'ke-hoach-a', target: 1, value: 97.5, unit: '%', status: 'đang thực hiện', evidence: 'Đạt 97,5%.' },
    { plan: 'ke-hoach-a', target: 2, value: 1, unit: 'cuộc', status: 'chưa đạt', evidence: 'Đã tổ chức 01 cuộc.' },
  ],
  fulfils: [{ plan: 'ke-hoach-a', deadline: 1, on: '2024-06-05' }],
});
const year = fixtureReport('bao-cao-nam', ['ke-hoach-a'], {
  number: '245',
  symbol: 'BC-UBND',
  issuedOn: '2024-11-08',
  results: [
    { plan: 'ke-hoach-a', target: 1, value: 100, unit: '%', status: 'đạt', evidence: '100% hồ sơ đúng hạn.' },
    { plan: 'ke-hoach-a', target: 2, value: 5, unit: 'cuộc', status: 'vượt', evidence: 'Tổ chức 05 cuộc.' },
  ],
  fulfils: [{ plan: 'ke-hoach-a', deadline: 2, on: '2024-11-08' }],
});
const draft = fixtureReport('bao-cao-du-thao', ['ke-hoach-a'], {
  status: 'dự thảo',
  period: { kind: 'năm', from: '2025-01-01', to: '2025-12-31' },
  results: [{ plan: 'ke-hoach-a', target: 3, outcome: 'Đã niêm yết', status: 'đạt', evidence: 'Đã niêm yết.' }],
  fulfils: [{ plan: 'ke-hoach-a', deadline: 2, on: '2025-01-05' }],
});
// Given oldest first on purpose: the catalog orders reports itself.
const catalog = fixtureCatalog({ plans: [plan], reports: [half, draft, year], agencies: [fixtureAgency('co-quan-a')] });

describe('report cross-links in the catalog', () => {
  it('orders reports newest period first and indexes results by target id, latest first', () => {
    expect(catalog.reports.map((r) => r.slug)).toEqual(['bao-cao-nam', 'bao-cao-6-thang']);
    expect(catalog.resultsByTarget.get(rowId('ke-hoach-a', 1))!.map((r) => r.report)).toEqual(['bao-cao-nam', 'bao-cao-6-thang']);
  });

  it('publishes only signed reports: a draft gives no result, fulfils no deadline and is listed nowhere', () => {
    expect(catalog.resultsByTarget.has(rowId('ke-hoach-a', 3))).toBe(false);
    expect(catalog.fulfilmentsByDeadline.get(rowId('ke-hoach-a', 2))!.map((f) => f.report)).toEqual(['bao-cao-nam']);
    expect(catalog.reportsByPlan.get('ke-hoach-a')).toEqual(['bao-cao-nam', 'bao-cao-6-thang']);
    expect(catalog.agencies.get('co-quan-a')!.reports).toEqual(['bao-cao-nam', 'bao-cao-6-thang']);
    expect(catalog.reportBySlug.has('bao-cao-du-thao')).toBe(false);
  });
});

describe('what the pages show', () => {
  it('puts the latest result beside each target, linked to its row on the report page', () => {
    const view = planReports(catalog, 'ke-hoach-a');
    expect(view.targets.map((t) => t && `${t.statusLabel} ${t.achieved}`)).toEqual(['Đạt 100%', 'Vượt 5 cuộc', null]);
    expect(view.targets[0]!.path).toBe('bao-cao/bao-cao-nam/#ket-qua-1');
    expect(view.targets[0]!.report.number).toBe('245/BC-UBND');
    expect(latestResult(catalog, 'ke-hoach-a', 2)).toBeNull();
  });

  it('says "Đã báo cáo ngày …" for each fulfilled deadline, by its position in the plan', () => {
    const view = planReports(catalog, 'ke-hoach-a');
    expect([...view.deadlines].map(([i, d]) => [i, d.text, d.report.slug])).toEqual([
      [0, 'Đã báo cáo ngày 05/6/2024', 'bao-cao-6-thang'],
      [1, 'Đã báo cáo ngày 08/11/2024', 'bao-cao-nam'],
    ]);
    expect(deadlineReport(catalog, 'ke-hoach-b', 0)).toBeNull();
  });

  it('words periods, values and the headline the Vietnamese way', () => {
    expect(periodLabel({ kind: '6 tháng', from: '2024-01-01', to: '2024-06-30' })).toBe('6 tháng đầu năm 2024');
    expect(periodLabel({ kind: '6 tháng', from: '2024-07-01', to: '2024-12-31' })).toBe('6 tháng cuối năm 2024');
    expect(periodLabel({ kind: 'quý', from: '2024-04-01', to: '2024-06-30' })).toBe('quý II năm 2024');
    expect(periodLabel({ kind: 'năm', from: '2024-01-01', to: '2024-12-31' })).toBe('năm 2024');
    expect(periodLabel({ kind: 'khoảng', from: '2024-03-01', to: '2024-09-30' })).toBe('từ 01/3/2024 đến 30/9/2024');
    expect(achievedText({ value: 97.5, unit: '%', outcome: null })).toBe('97,5%');
    expect(achievedText({ value: null, unit: null, outcome: 'Đã niêm yết' })).toBe('Đã niêm yết');
    expect(tallyHeadline(tallyResults(year.data.results), 'năm 2024')).toBe('Đạt 2/2 chỉ tiêu năm 2024');
    expect(tallyHeadline(tallyResults(half.data.results), '6 tháng đầu năm 2024')).toBe('Đạt 0/2 chỉ tiêu 6 tháng đầu năm 2024');
  });

  it('builds the report page: promise and result side by side, fulfilled deadlines with both dates', () => {
    const page = reportPage(catalog, 'bao-cao-6-thang');
    expect(page.headline).toBe('Đạt 0/2 chỉ tiêu 6 tháng đầu năm 2024');
    expect(page.results.map((r) => [r.id, r.target, r.promised, r.statusLabel, r.achieved])).toEqual([
      ['ket-qua-1', '100% hồ sơ đúng hạn', '100%', 'Đang thực hiện', '97,5%'],
      ['ket-qua-2', 'Tổ chức 4 cuộc đối thoại', '4 cuộc', 'Chưa đạt', '1 cuộc'],
    ]);
    expect(page.fulfils).toEqual([
      { task: 'Báo cáo 6 tháng', due: '10/6/2024', dueIso: '2024-06-10', on: '05/6/2024', onIso: '2024-06-05', planTitle: 'Kế hoạch Kế hoạch ke-hoach-a', planPath: 'ke-hoach/ke-hoach-a/#thoi-han' },
    ]);
    expect(reportList(catalog).map((r) => r.slug)).toEqual(['bao-cao-nam', 'bao-cao-6-thang']);
  });

  it("sums an agency's record across its plans from the latest results", () => {
    const record = agencyRecord(catalog, 'co-quan-a');
    expect(record.totals).toEqual({ plans: 1, targets: 3, reported: 2, met: 2, deadlines: 2, fulfilled: 2 });
    expect(record.reportCount).toBe(2);
  });

  it('pages the report list so /bao-cao/ stays the same size however many reports there are', () => {
    const many = fixtureCatalog({
      plans: [plan],
      reports: Array.from({ length: 7 }, (_, i) => fixtureReport(`bao-cao-${i + 1}`, ['ke-hoach-a'], { issuedOn: `2024-12-${String(i + 1).padStart(2, '0')}` })),
    });
    const pages = reportListPages(many, 3);
    expect(pages.map((p) => p.items.map((r) => r.slug))).toEqual([
      ['bao-cao-7', 'bao-cao-6', 'bao-cao-5'],
      ['bao-cao-4', 'bao-cao-3', 'bao-cao-2'],
      ['bao-cao-1'],
    ]);
    expect(reportListPages(fixtureCatalog({ plans: [plan] }))).toMatchObject([{ page: 1, pageCount: 1, items: [], total: 0 }]);
  });

  it('is empty, not wrong, without reports', () => {
    const bare = fixtureCatalog({ plans: [plan] });
    expect(planReports(bare, 'ke-hoach-a')).toEqual({ targets: [null, null, null], deadlines: new Map(), reports: [] });
    expect(reportList(bare)).toEqual([]);
    expect(agencyRecord(bare, 'co-quan-a').totals).toEqual({ plans: 1, targets: 3, reported: 0, met: 0, deadlines: 2, fulfilled: 0 });
  });
});
