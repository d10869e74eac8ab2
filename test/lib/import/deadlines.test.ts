import { describe, expect, it } from 'vitest';
import type { KnownAgency } from '../../../src/lib/import/agencies';
import { findUnitScopes } from '../../../src/lib/import/assignments';
import { deadlineDates, extractDeadlines, findSubmitTo, tasksOfSentence } from '../../../src/lib/import/deadlines';
import { buildOutline, splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { registries } from './seeds';

// A small registry: one Sở and its units, in one province.
const agencies: KnownAgency[] = [
  { id: 'ubnd-tinh-x', name: 'Ủy ban nhân dân tỉnh X', shortName: 'UBND tỉnh', level: 'tỉnh', parent: null, province: 'X' },
  { id: 'so-noi-vu-x', name: 'Sở Nội vụ tỉnh X', shortName: 'Sở Nội vụ', level: 'sở', parent: 'ubnd-tinh-x', province: 'X' },
  { id: 'so-vh-x', name: 'Sở Văn hóa tỉnh X', shortName: 'Sở VH', level: 'sở', parent: 'ubnd-tinh-x', province: 'X' },
  { id: 'van-phong-so-vh-x', name: 'Văn phòng Sở Văn hóa tỉnh X', shortName: 'Văn phòng Sở', level: 'phòng', parent: 'so-vh-x', province: 'X' },
  { id: 'thanh-tra-so-vh-x', name: 'Thanh tra Sở Văn hóa tỉnh X', shortName: 'Thanh tra Sở', level: 'phòng', parent: 'so-vh-x', province: 'X' },
];
const context = { issuer: 'so-vh-x', province: 'X' };

function deadlinesOf(lines: string[], registry: readonly KnownAgency[] = agencies, ctx = context) {
  const outline = buildOutline(splitParts(repairText(lines.join('\n'), { layout: 'paragraphs' }).blocks).body);
  return extractDeadlines(findUnitScopes(outline, registry, ctx), registry, ctx).map(({ date, owner, submitTo, qualifier, task }) => ({ date, owner, submitTo, qualifier, task }));
}

describe('deadlineDates', () => {
  it('reads "trước ngày", "chậm nhất ngày" and dates written in words', () => {
    const d = deadlineDates('Báo cáo 6 tháng trước ngày 10 tháng 6 năm 2024, báo cáo năm chậm nhất ngày 20/11/2024.');
    expect(d.map((x) => [x.iso, x.qualifier])).toEqual([
      ['2024-06-10', 'trước ngày'],
      ['2024-11-20', 'chậm nhất ngày'],
    ]);
  });

  it('skips the date of a cited document and a starting date', () => {
    const d = deadlineDates('Chấm điểm theo Quyết định số 908/QĐ-UBND ngày 14/4/2023 của Chủ tịch UBND tỉnh, áp dụng từ ngày 01/7/2023, gửi về Sở trước ngày 15/11/2025.');
    expect(d.map((x) => x.iso)).toEqual(['2025-11-15']);
  });

  it('takes a bare date only where the sentence is about reporting or sending', () => {
    expect(deadlineDates('Hội nghị tổ chức ngày 05/3/2025 tại hội trường.')).toEqual([]);
    expect(deadlineDates('Gửi báo cáo về Văn phòng Sở ngày 05/3/2025.').map((x) => [x.iso, x.qualifier])).toEqual([['2025-03-05', 'ngày']]);
  });
});

describe('tasksOfSentence', () => {
  it('names each date of "06 tháng (trước ngày …), 01 năm (trước ngày …)" after the common task', () => {
    const s = 'Tổng hợp báo cáo kết quả thực hiện Kế hoạch này định kỳ 06 tháng (trước ngày 10/5/2024), 01 năm (trước ngày 10/11/2024) và báo cáo chuyên đề.';
    expect(tasksOfSentence(s, deadlineDates(s))).toEqual([
      'Tổng hợp báo cáo kết quả thực hiện Kế hoạch này định kỳ 06 tháng',
      'Tổng hợp báo cáo kết quả thực hiện Kế hoạch này định kỳ 01 năm',
    ]);
  });
  it('drops "Thời hạn" from the task name', () => {
    const s = 'Thời hạn báo cáo 6 tháng trước ngày 05 tháng 6 năm 2024 và báo cáo năm trước ngày 15 tháng 11 năm 2024.';
    expect(tasksOfSentence(s, deadlineDates(s))).toEqual(['Báo cáo 6 tháng', 'Báo cáo năm']);
  });
});

describe('findSubmitTo', () => {
  it('finds the unit after "gửi về" / "về", ignoring "(qua …)"', () => {
    const s = 'Tham mưu báo cáo về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11/2025.';
    expect(findSubmitTo(s, s.indexOf('trước'), agencies, context)?.match.id).toBe('ubnd-tinh-x');
    const t = 'Tổng hợp gửi về Văn phòng Sở tổng hợp trước ngày 10/11/2025.';
    expect(findSubmitTo(t, t.indexOf('trước'), agencies, context)?.match.id).toBe('van-phong-so-vh-x');
  });
  it('ignores "về" followed by something that is not a unit', () => {
    const s = 'Tuyên truyền về công tác dân vận trước ngày 15/11/2025.';
    expect(findSubmitTo(s, s.length, agencies, context)).toBeNull();
  });
});

describe('extractDeadlines', () => {
  it('gives each deadline the unit of its numbered item, with qualifier and addressee', () => {
    expect(
      deadlinesOf([
        'IV. TỔ CHỨC THỰC HIỆN',
        '1. Văn phòng Sở',
        '- Tham mưu báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11/2025.',
        '2. Thanh tra Sở',
        'Gửi hồ sơ về Văn phòng Sở chậm nhất ngày 10/11/2025.',
      ]),
    ).toEqual([
      { date: '2025-11-15', owner: 'van-phong-so-vh-x', submitTo: 'ubnd-tinh-x', qualifier: 'trước ngày', task: 'Tham mưu báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)' },
      { date: '2025-11-10', owner: 'thanh-tra-so-vh-x', submitTo: 'van-phong-so-vh-x', qualifier: 'chậm nhất ngày', task: 'Gửi hồ sơ về Văn phòng Sở' },
    ]);
  });

  it('gives a sentence that names two units one deadline for each', () => {
    const found = deadlinesOf(['IV. TỔ CHỨC THỰC HIỆN', '1. Các đơn vị', 'Văn phòng Sở và Thanh tra Sở báo cáo kết quả về Sở Nội vụ trước ngày 25 tháng 10 năm 2024.']);
    expect(found.map((d) => [d.date, d.owner, d.submitTo, d.qualifier])).toEqual([
      ['2024-10-25', 'van-phong-so-vh-x', 'so-noi-vu-x', 'trước ngày'],
      ['2024-10-25', 'thanh-tra-so-vh-x', 'so-noi-vu-x', 'trước ngày'],
    ]);
    expect(found[0]!.task).toBe('Báo cáo kết quả về Sở Nội vụ');
  });

  it('gives a heading that names two units one deadline for each', () => {
    const found = deadlinesOf(['IV. TỔ CHỨC THỰC HIỆN', '1. Văn phòng Sở và Thanh tra Sở', 'Báo cáo trước ngày 01/12/2025.']);
    expect(found.map((d) => d.owner)).toEqual(['van-phong-so-vh-x', 'thanh-tra-so-vh-x']);
  });

  it('takes "gửi về" from an earlier sentence of the same paragraph', () => {
    const found = deadlinesOf([
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Thanh tra Sở',
      'Triển khai kế hoạch và gửi về Văn phòng Sở tổng hợp, báo cáo Ban Giám đốc. Thời hạn báo cáo 6 tháng trước ngày 05 tháng 6 năm 2024.',
    ]);
    expect(found).toEqual([{ date: '2024-06-05', owner: 'thanh-tra-so-vh-x', submitTo: 'van-phong-so-vh-x', qualifier: 'trước ngày', task: 'Báo cáo 6 tháng' }]);
  });

  it('reads the owner of a unit the registry does not have as a proposed id', () => {
    const found = deadlinesOf(['III. TỔ CHỨC THỰC HIỆN', '1. Phòng Văn hóa và Thông tin', 'Báo cáo trước ngày 10/11/2024.'], registries.agencies, { issuer: 'ubnd-huyen-hon-quan', province: 'Bình Phước' });
    expect(found[0]!.owner).toBe('phong-van-hoa-va-thong-tin-huyen-hon-quan');
  });

  it('finds nothing outside TỔ CHỨC THỰC HIỆN', () => {
    expect(deadlinesOf(['II. NỘI DUNG', '1. Văn phòng Sở', 'Báo cáo trước ngày 10/11/2024.'])).toEqual([]);
  });
});
