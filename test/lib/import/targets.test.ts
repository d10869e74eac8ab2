import { describe, expect, it } from 'vitest';
import { buildOutline, splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { extractTargets, readIndicator, readTargetValue } from '../../../src/lib/import/targets';

function targetsOf(lines: string[]) {
  const body = splitParts(repairText(lines.join('\n'), { layout: 'paragraphs' }).blocks).body;
  return extractTargets(buildOutline(body), body);
}

describe('readTargetValue', () => {
  it('reads percentages, with a decimal comma too', () => {
    expect(readTargetValue('100% cán bộ, công chức được học tập')).toEqual({ value: 100, unit: '%' });
    expect(readTargetValue('Tỷ lệ hài lòng đạt trên 85,5 %')).toEqual({ value: 85.5, unit: '%' });
  });
  it('reads a counted commitment after "phấn đấu"/"đạt"', () => {
    expect(readTargetValue('Phấn đấu tổ chức ít nhất 20 cuộc đối thoại với Nhân dân')).toEqual({ value: 20, unit: 'cuộc' });
  });
  it('leaves qualitative targets without a value (a year is not a figure)', () => {
    expect(readTargetValue('Được Chủ tịch Ủy ban nhân dân tỉnh xếp loại đạt mức Tốt vào năm 2025.')).toEqual({ value: null, unit: null });
    expect(readTargetValue('Phấn đấu đến năm 2025 hoàn thành chuyển đổi số')).toEqual({ value: null, unit: null });
  });
});

describe('readIndicator', () => {
  it('makes a "Tỷ lệ …" label that stops where the circumstances begin', () => {
    expect(readIndicator('100% cán bộ, công chức, viên chức được triển khai thực hiện Quy chế dân chủ trong hoạt động của cơ quan theo Nghị định.')).toBe(
      'Tỷ lệ cán bộ, công chức, viên chức được triển khai thực hiện Quy chế dân chủ',
    );
    expect(readIndicator('Tăng cường chỉ đạo cải cách hành chính.')).toBeNull();
  });
});

describe('extractTargets', () => {
  it('takes every item of the chỉ tiêu section, measurable or not, and nothing elsewhere', () => {
    const targets = targetsOf([
      'II. NỘI DUNG',
      '- Tổ chức thực hiện đạt hiệu quả công tác dân vận.',
      'III. MỘT SỐ CHỈ TIÊU CỤ THỂ NĂM 2025',
      '1. 100% cán bộ, công chức, viên chức được học tập, quán triệt các Chỉ thị.',
      '2. Được Chủ tịch Ủy ban nhân dân tỉnh xếp loại đạt mức Tốt.',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Văn phòng',
      '- Phấn đấu 100% hồ sơ đúng hạn.',
    ]);
    expect(targets.map((t) => [t.text, t.value, t.unit, t.fromSection])).toEqual([
      ['100% cán bộ, công chức, viên chức được học tập, quán triệt các Chỉ thị.', 100, '%', true],
      ['Được Chủ tịch Ủy ban nhân dân tỉnh xếp loại đạt mức Tốt.', null, null, true],
    ]);
  });

  it('takes the items of the most specific chỉ tiêu heading, not the sub-headings around them', () => {
    const targets = targetsOf([
      'I. MỤC TIÊU, CHỈ TIÊU',
      '1. Mục tiêu',
      'Nâng cao chất lượng phục vụ người dân.',
      '2. Chỉ tiêu',
      'a) 100% thủ tục hành chính được công khai.',
      'b) Phấn đấu tỷ lệ hài lòng đạt trên 90%.',
      'II. NỘI DUNG',
      '1. Tăng cường các chỉ tiêu về chuyển đổi số.',
    ]);
    expect(targets.map((t) => t.text)).toEqual(['100% thủ tục hành chính được công khai.', 'Phấn đấu tỷ lệ hài lòng đạt trên 90%.']);
  });

  it('without a chỉ tiêu section, takes sentences with a percentage or a "phấn đấu"/"đạt" figure', () => {
    const targets = targetsOf([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Tổ chức thực hiện đạt hiệu quả công tác dân vận. Phấn đấu 95% hồ sơ được giải quyết trước hạn.',
      '- Tỷ lệ hài lòng của người dân đạt từ 90% trở lên; bảo đảm an ninh trật tự.',
      '- Thực hiện tốt quy chế dân chủ.',
    ]);
    expect(targets.map((t) => [t.text, t.value, t.fromSection])).toEqual([
      ['Phấn đấu 95% hồ sơ được giải quyết trước hạn.', 95, false],
      ['Tỷ lệ hài lòng của người dân đạt từ 90% trở lên; bảo đảm an ninh trật tự.', 90, false],
    ]);
  });

  it('finds no target where the plan sets none', () => {
    expect(targetsOf(['I. MỤC ĐÍCH', '- Tổ chức thực hiện đạt hiệu quả công tác dân vận.'])).toEqual([]);
  });
});
