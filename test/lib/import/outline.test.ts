import { describe, expect, it } from 'vitest';
import { buildOutline, findEnactment, findSection, splitParts, splitSentences } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { seed } from './seeds';

describe('splitSentences', () => {
  it('splits after a full stop followed by a capital, not inside dates, numbers or abbreviations', () => {
    expect(splitSentences('Báo cáo trước ngày 10.11.2024. Gửi TT.ĐU, HĐND xã. Thực hiện ở TP. Hồ Chí Minh.').map((s) => s.text)).toEqual([
      'Báo cáo trước ngày 10.11.2024.',
      'Gửi TT.ĐU, HĐND xã.',
      'Thực hiện ở TP. Hồ Chí Minh.',
    ]);
  });
});

describe('findEnactment', () => {
  it('finds "… ban hành/xây dựng Kế hoạch" after the basis, in the same paragraph', () => {
    const text = 'Thực hiện Kế hoạch số 26-KH/BCĐ ngày 31/01/2024 của Ban Chỉ đạo năm 2024. Sở Thông tin và Truyền thông xây dựng kế hoạch thực hiện dân chủ ở cơ sở năm 2024 như sau:';
    expect(text.slice(findEnactment(text))).toMatch(/^Sở Thông tin và Truyền thông xây dựng kế hoạch/);
  });
  it('does not take a cited document whose title says "ban hành Kế hoạch" for the enactment', () => {
    expect(findEnactment('Căn cứ Quyết định số 2631/QĐ-UBND ngày 14/10/2021 của UBND tỉnh về việc ban hành Kế hoạch cải cách hành chính;')).toBe(-1);
  });
});

describe('splitParts', () => {
  it('cuts the head, the body (opening to "…/.") and the tail (Nơi nhận, signature) of every seed', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const parts = splitParts(repairText(seed(prefix).text).blocks);
      expect(parts.body[0]!.text, prefix).toMatch(/^Thực hiện (Kế hoạch|Chỉ thị) số/);
      expect(parts.tail[0]!.text, prefix).toBe('Nơi nhận:');
      expect(parts.tail.some((b) => /GIÁM ĐỐC|CHỦ TỊCH/.test(b.text)), prefix).toBe(true);
      expect(parts.body.some((b) => /Nơi nhận|^KT\./.test(b.text)), prefix).toBe(false);
    }
  });

  it('ends the opening after the enactment sentence', () => {
    const parts = splitParts(repairText(seed('000').text).blocks);
    expect(parts.openingEnd).toBe(2);
    expect(parts.body[1]!.text).toMatch(/^Sở Thông tin và Truyền thông ban hành Kế hoạch/);
  });
});

describe('buildOutline', () => {
  it('ranks numbering styles by first appearance: "1." then "2.1" when the plan has no Roman numerals', () => {
    const parts = splitParts(repairText(seed('004').text).blocks);
    const outline = buildOutline(parts.body);
    expect(outline.sections.map((s) => `${s.block.marker} ${s.level}`)).toEqual(['1. 1', '2. 1', '3. 1']);
    expect(outline.sections[1]!.children.map((c) => `${c.block.marker} ${c.level}`)).toEqual(['2.1 2', '2.2 2', '2.3 2', '2.4 2']);
    expect(findSection(outline, 'to chuc thuc hien')!.children.map((c) => c.block.text)).toEqual([
      'Văn phòng Sở',
      'Các phòng chuyên môn, đơn vị thuộc và trực thuộc Sở',
    ]);
  });

  it('puts the opening paragraphs in the preamble and "1." under "I."', () => {
    const outline = buildOutline(splitParts(repairText(seed('003').text).blocks).body);
    expect(outline.preamble).toHaveLength(2);
    expect(outline.sections.map((s) => s.block.text)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG THỰC HIỆN', 'MỘT SỐ CHỈ TIÊU CỤ THỂ NĂM 2025', 'TỔ CHỨC THỰC HIỆN']);
    expect(findSection(outline, 'chi tieu')!.children).toHaveLength(5);
  });
});
