import { describe, expect, it } from 'vitest';
import { ImportReport, formatReport } from '../../../src/lib/import/report';

describe('ImportReport', () => {
  it('keeps one line per kind, field and message', () => {
    const report = new ImportReport();
    report.missing('issuedOn', 'không tìm thấy ngày ban hành');
    report.missing('issuedOn', 'không tìm thấy ngày ban hành');
    report.inferred('year', 'năm 2024 suy ra từ tên kế hoạch');
    expect(report.lines).toEqual([
      { kind: 'missing', field: 'issuedOn', message: 'không tìm thấy ngày ban hành' },
      { kind: 'inferred', field: 'year', message: 'năm 2024 suy ra từ tên kế hoạch' },
    ]);
    expect(report.has('missing', 'ngày ban hành')).toBe(true);
    expect(report.has('inferred', 'ngày ban hành')).toBe(false);
  });
});

describe('formatReport', () => {
  const summary = { basis: 1, citations: 4, targets: 5, deadlines: 2, assignments: 3, recipients: 5 };

  it('prints counts, then groups in the order a person should act on them, in Vietnamese', () => {
    const report = new ImportReport();
    report.review('summary', 'tóm tắt được ghép tự động');
    report.inferred('year', 'năm 2025 suy ra từ dòng ngày tháng');
    report.unknown('deadlines[0].owner', 'đơn vị "Trung tâm Văn hóa" chưa có trong danh mục cơ quan');
    report.missing('issuedOn', 'không tìm thấy ngày ban hành');
    expect(formatReport(report.lines, { draft: 'content/plans/2025/x.mdx', source: 'x.docx', summary })).toBe(
      [
        'Bản nháp: content/plans/2025/x.mdx (từ x.docx)',
        'Đã nhận diện: 1 căn cứ, 4 văn bản dẫn chiếu, 5 chỉ tiêu, 2 thời hạn, 3 đơn vị thực hiện, 5 nơi nhận.',
        '',
        'Không tìm thấy (đã để trống, cần điền từ bản gốc) (1):',
        '  - issuedOn: không tìm thấy ngày ban hành',
        '',
        'Chưa có trong danh mục (1):',
        '  - deadlines[0].owner: đơn vị "Trung tâm Văn hóa" chưa có trong danh mục cơ quan',
        '',
        'Suy ra, cần đối chiếu với bản gốc (1):',
        '  - year: năm 2025 suy ra từ dòng ngày tháng',
        '',
        'Cần rà soát (1):',
        '  - summary: tóm tắt được ghép tự động',
        '',
        'Bước tiếp theo: sửa bản nháp theo các mục trên, chạy "npm run check", xem trước bằng "npm run dev", rồi đổi status thành "ban hành".',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to flag', () => {
    expect(formatReport([], { draft: 'a.mdx', source: 'a.txt', summary })).toContain('Không có mục nào cần lưu ý');
  });
});
