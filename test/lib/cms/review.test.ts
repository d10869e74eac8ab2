import { describe, expect, it } from 'vitest';
import { fieldLabel, reviewMarks } from '../../../src/lib/cms/review';
import { importReportView } from '../../../src/lib/cms/import-view';
import { planLabels } from '../../../src/lib/cms/labels';

describe('reviewMarks', () => {
  it('places each report line at the form field it is about, in the form’s words', () => {
    expect(
      reviewMarks(
        [
          { field: 'deadlines[1].owner', message: 'suy ra' },
          { field: 'issuedOn', message: 'không tìm thấy' },
          { field: '', message: 'đã bỏ dòng 185' },
        ],
        planLabels,
      ),
    ).toEqual([
      { field: 'deadlines', where: 'mục 2 › Đơn vị thực hiện', message: 'suy ra' },
      { field: 'issuedOn', where: '', message: 'không tìm thấy' },
      { field: '', where: '', message: 'đã bỏ dòng 185' },
    ]);
  });

  it('names nested fields by their labels', () => {
    expect(fieldLabel('signer.name', planLabels)).toBe('Người ký › Họ và tên');
    expect(fieldLabel('citations[3].document', planLabels)).toBe('Văn bản dẫn chiếu khác › mục 4 › Văn bản trong danh mục');
  });
});

describe('importReportView', () => {
  it('shows the draft’s facts, naming the agency, and the report grouped as npm run import prints it', () => {
    const view = importReportView(
      {
        plan: { docType: 'Kế hoạch', title: 'Thực hiện X', number: null, symbol: 'KH-UBND', issuer: 'ubnd-x', issuedOn: null, year: 2025 } as never,
        report: [
          { kind: 'review', field: 'summary', message: 'tóm tắt tự động' },
          { kind: 'missing', field: 'issuedOn', message: 'không tìm thấy ngày' },
        ],
        summary: { basis: 1, citations: 0, targets: 2, deadlines: 1, assignments: 1, recipients: 3 },
      },
      [{ id: 'ubnd-x', name: 'UBND xã X' } as never],
    );
    expect(view.facts).toEqual([
      ['Số, ký hiệu', '…/KH-UBND'],
      ['Cơ quan ban hành', 'UBND xã X'],
      ['Ngày ban hành', 'chưa đọc được (cần điền)'],
      ['Năm', '2025'],
    ]);
    expect(view.groups.map((g) => [g.heading, g.lines])).toEqual([
      ['Không tìm thấy (đã để trống, cần điền từ bản gốc)', ['Ngày ban hành: không tìm thấy ngày']],
      ['Cần rà soát', ['Tóm tắt: tóm tắt tự động']],
    ]);
  });
});
