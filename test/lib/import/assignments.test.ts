import { describe, expect, it } from 'vitest';
import { extractAssignments, findUnitScopes, subjectUnits, unitsOfHeading } from '../../../src/lib/import/assignments';
import { buildOutline, splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { registries, seed } from './seeds';

const tttt = { issuer: 'so-tttt-tay-ninh', province: 'Tây Ninh' };

function assignmentsOf(text: string, context = tttt, layout?: 'paragraphs') {
  const outline = buildOutline(splitParts(repairText(text, layout ? { layout } : {}).blocks).body);
  return extractAssignments(findUnitScopes(outline, registries.agencies, context));
}

describe('unitsOfHeading', () => {
  it('keeps a group named with commas and "và" as one unit', () => {
    expect(unitsOfHeading('Các phòng chuyên môn, đơn vị thuộc và trực thuộc Sở', registries.agencies, tttt)).toEqual(['Các phòng chuyên môn, đơn vị thuộc và trực thuộc Sở']);
  });
  it('splits a list of units', () => {
    expect(unitsOfHeading('Văn phòng Sở và Phòng Thông tin Báo chí và Xuất bản', registries.agencies, tttt)).toEqual(['Văn phòng Sở', 'Phòng Thông tin Báo chí và Xuất bản']);
  });
});

describe('subjectUnits', () => {
  it('reads the units a sentence opens with, registered names first', () => {
    expect(subjectUnits('Văn phòng Sở, Phòng Thông tin Báo chí và Xuất bản báo cáo kết quả.', registries.agencies, tttt).map((u) => u.match.id)).toEqual([
      'van-phong-so-tttt-tay-ninh',
      'phong-ttbc-xb-so-tttt-tay-ninh',
    ]);
  });
  it('does not take a lone unregistered phrase for the subject', () => {
    expect(subjectUnits('Các đơn vị sự nghiệp trực thuộc Sở căn cứ chức năng, nhiệm vụ được giao.', registries.agencies, tttt)).toEqual([]);
  });
});

describe('extractAssignments', () => {
  it('on seed 004: one entry per unit, a paragraph that opens with a registered unit being that unit’s duty', () => {
    const assignments = assignmentsOf(seed('004').text);
    expect(assignments.map((a) => [a.unit, a.duties.length])).toEqual([
      ['van-phong-so-tttt-tay-ninh', 2],
      ['cac-phong-don-vi-so-tttt-tay-ninh', 2],
      ['phong-ttbc-xb-so-tttt-tay-ninh', 1],
      ['phong-cntt-bcvt-so-tttt-tay-ninh', 1],
    ]);
    expect(assignments[2]!.duties[0]).toBe('Chủ động phối hợp với các phòng, đơn vị, đăng tin, bài để tuyên truyền về công tác dân vận chính quyền.');
    // The closing "./." is not part of the duty.
    expect(assignments[1]!.duties[1]).toMatch(/xem xét, giải quyết\.$/);
  });

  it('matches the curated duties of seed 001 word for word', () => {
    const s = seed('001');
    const assignments = assignmentsOf(s.text, { issuer: 'ubnd-xa-minh-tam', province: 'Bình Phước' });
    expect(assignments).toEqual(s.curated!.data.assignments);
  });

  it('reads units that are plain paragraphs under TỔ CHỨC THỰC HIỆN', () => {
    const text = [
      'III. TỔ CHỨC THỰC HIỆN',
      'Văn phòng Sở theo dõi, đôn đốc việc thực hiện.',
      'Tổng hợp kết quả hằng quý.',
      'Phòng Thông tin Báo chí và Xuất bản đăng tin, bài tuyên truyền.',
      'Trên đây là Kế hoạch của Sở./.',
    ].join('\n');
    expect(assignmentsOf(text, tttt, 'paragraphs')).toEqual([
      { unit: 'van-phong-so-tttt-tay-ninh', duties: ['Theo dõi, đôn đốc việc thực hiện.', 'Tổng hợp kết quả hằng quý.'] },
      { unit: 'phong-ttbc-xb-so-tttt-tay-ninh', duties: ['Đăng tin, bài tuyên truyền.'] },
    ]);
  });
});
