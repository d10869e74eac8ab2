import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { formatProblem } from '../../../src/lib/content/problems';

const FIXTURES = fileURLToPath(new URL('../../fixtures/content/', import.meta.url));

function check(name: string) {
  const dir = join(FIXTURES, name);
  return checkContent(dir, { baseDir: dir });
}

describe('report links (content/reports/)', () => {
  it('accepts reports whose plans, targets, units and deadlines all exist', () => {
    const result = check('with-report');
    expect(result.problems).toEqual([]);
    expect(result.content.reports.map((r) => r.slug).sort()).toEqual(['bao-cao-6-thang-mau', 'bao-cao-nam-mau']);
    expect(result.summary).toBe('Đã kiểm tra 1 kế hoạch, 2 báo cáo, 2 cơ quan, 2 văn bản: không có lỗi.');
  });

  it('rejects every broken link with a Vietnamese message naming the field', () => {
    const messages = check('report-broken-links').problems.map(formatProblem);
    const file = 'reports/2023/bao-cao-nam-mau.mdx';
    expect(messages).toEqual([
      `${file} › issuer: không có cơ quan này trong content/agencies/ (tìm thấy "ubnd-khong-co"; cần mã của một cơ quan có tệp content/agencies/ubnd-khong-co.yaml, hoặc tạo tệp đó)`,
      `${file} › plans[1]: không có kế hoạch này trong content/plans/ (tìm thấy "ke-hoach-khong-co"; cần tên tệp (không có đuôi .mdx) của một kế hoạch trong content/plans/)`,
      `${file} › results[0].target: kế hoạch "ke-hoach-mau" không có chỉ tiêu thứ 9 (tìm thấy 9; cần số từ 1 đến 3 (thứ tự trong danh sách targets của kế hoạch))`,
      `${file} › results[1].unit: đơn vị không khớp với đơn vị của chỉ tiêu trong kế hoạch ("Tổ chức ít nhất 4 cuộc đối thoại với Nhân dân") (tìm thấy "buổi"; cần "cuộc")`,
      `${file} › results[2].plan: kế hoạch này không có trong danh sách plans của báo cáo (tìm thấy "ke-hoach-khac"; cần một trong: ke-hoach-mau, ke-hoach-khong-co; hoặc thêm "ke-hoach-khac" vào plans)`,
      `${file} › results[3].target: chỉ tiêu "ke-hoach-mau#2" đã có kết quả ở results[1]: mỗi chỉ tiêu chỉ báo cáo một lần trong một báo cáo (tìm thấy 2)`,
      `${file} › fulfils[0].deadline: kế hoạch "ke-hoach-mau" không có thời hạn thứ 7 (tìm thấy 7; cần số từ 1 đến 2 (thứ tự trong danh sách deadlines của kế hoạch))`,
      `${file} › fulfils[1].on: ngày hoàn thành sớm hơn ngày ban hành báo cáo: báo cáo chỉ hoàn thành thời hạn khi đã ban hành (tìm thấy "2024-10-01"; cần "2024-11-08" hoặc muộn hơn)`,
      `${file} › year: báo cáo nằm trong thư mục 2023 nhưng year là 2024 (tìm thấy 2024; cần 2023, hoặc chuyển tệp sang content/reports/2024/)`,
    ]);
  });
});
