import { describe, expect, it } from 'vitest';
import { slug as slugSchema } from '../../../src/schemas/common';
import { slugify } from '../../../src/lib/vn/slug';
import { readSeed } from './seeds';

describe('slugify', () => {
  it.each([
    ['Thực hiện công tác dân vận chính quyền năm 2024', 'thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2024'],
    ['Triển khai, thực hiện công tác dân vận  chính quyền trên địa bàn xã năm 2024.', 'trien-khai-thuc-hien-cong-tac-dan-van-chinh-quyen-tren-dia-ban-xa-nam-2024'],
    ['Thực hiện dân chủ ở cơ sở năm 2024', 'thuc-hien-dan-chu-o-co-so-nam-2024'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'so-van-hoa-the-thao-va-du-lich'],
    ['Đảng ủy xã Minh Tâm', 'dang-uy-xa-minh-tam'],
    ['Uỷ ban nhân dân', 'uy-ban-nhan-dan'],
    ['59/2023/NĐ-CP', '59-2023-nd-cp'],
    ['110-KH/BDVTU-BCSĐUBND', '110-kh-bdvtu-bcsdubnd'],
    ['  --Phong trào “Dân vận khéo”!!  ', 'phong-trao-dan-van-kheo'],
    ['kinh tế - xã hội', 'kinh-te-xa-hoi'],
    ['100%', '100'],
    ['“…”', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('gives a valid content slug for every line of every seed that has a letter or digit', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      for (const line of readSeed(prefix).split('\n')) {
        const s = slugify(line);
        if (!/[\p{L}\d]/u.test(line)) {
          expect(s).toBe('');
          continue;
        }
        expect(slugSchema.safeParse(s).success, `${prefix}: ${JSON.stringify(line)} → ${s}`).toBe(true);
      }
    }
  });

  describe('maxLength', () => {
    const title = 'Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ';
    const full = slugify(title);

    it('cuts at the last word boundary that fits', () => {
      expect(full).toBe('trien-khai-thuc-hien-chi-thi-so-33-ct-ttg-ngay-26-11-2021-cua-thu-tuong-chinh-phu');
      expect(slugify(title, { maxLength: 30 })).toBe('trien-khai-thuc-hien-chi-thi');
      expect(slugify(title, { maxLength: 31 })).toBe('trien-khai-thuc-hien-chi-thi-so');
      expect(slugify(title, { maxLength: 33 })).toBe('trien-khai-thuc-hien-chi-thi-so');
      expect(slugify(title, { maxLength: 34 })).toBe('trien-khai-thuc-hien-chi-thi-so-33');
    });

    it('never ends in "-" or half a word, and never exceeds the limit', () => {
      for (let max = 1; max <= full.length + 2; max++) {
        const s = slugify(title, { maxLength: max });
        expect(s.length).toBeLessThanOrEqual(max);
        if (s.length) expect(slugSchema.safeParse(s).success, s).toBe(true);
        if (max >= 'trien'.length) expect(full.startsWith(s) && (full.length === s.length || full[s.length] === '-'), `${max}: ${s}`).toBe(true);
      }
    });

    it('cuts a single over-long word hard', () => {
      expect(slugify('Chuyểnđổisốtoàndiện', { maxLength: 8 })).toBe('chuyendo');
    });

    it('leaves a slug that fits untouched', () => {
      expect(slugify(title, { maxLength: full.length })).toBe(full);
    });

    it('refuses a nonsensical limit', () => {
      expect(() => slugify(title, { maxLength: 0 })).toThrow(RangeError);
      expect(() => slugify(title, { maxLength: 2.5 })).toThrow(RangeError);
    });
  });
});
