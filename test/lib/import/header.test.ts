import { describe, expect, it } from 'vitest';
import { formatPlanNumber } from '../../../src/lib/catalog/plan-number';
import { extractHeader } from '../../../src/lib/import/header';
import { splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { seed } from './seeds';

const headerOf = (raw: string) => extractHeader(splitParts(repairText(raw).blocks).head);

const OPENING = 'Thực hiện Kế hoạch số 696/KH-UBND ngày 06/3/2025 của UBND tỉnh về việc thực hiện công tác dân vận chính quyền năm 2025.';

describe('extractHeader', () => {
  it('reads a numbered, dated state plan with its letterhead and the national motto beside it', () => {
    const h = headerOf(
      [
        'UBND TỈNH TÂY NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc',
        'Số: 859/KH-STTTT Tây Ninh, ngày 25 tháng 3 năm 2024',
        'KẾ HOẠCH',
        'Thực hiện công tác dân vận chính quyền năm 2024',
        OPENING,
      ].join('\n'),
    );
    expect(h).toEqual({
      issuerLines: ['UBND TỈNH TÂY NINH', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
      authorityLine: null,
      hasNumberLine: true,
      number: '859',
      symbol: 'KH-STTTT',
      hasDateLine: true,
      place: 'Tây Ninh',
      issuedOn: '2024-03-25',
      dateLineYear: 2024,
      docType: 'Kế hoạch',
      title: 'Thực hiện công tác dân vận chính quyền năm 2024',
    });
  });

  it('leaves number and date null on an unnumbered, undated copy but keeps symbol, place and year', () => {
    const h = extractHeader(splitParts(repairText(seed('003').text).blocks).head);
    expect(h).toMatchObject({
      hasNumberLine: true,
      number: null,
      symbol: 'KH-SVHTTDL',
      hasDateLine: true,
      place: 'Tây Ninh',
      issuedOn: null,
      dateLineYear: 2025,
      title: 'Thực hiện công tác dân vận chính quyền năm 2025',
    });
  });

  it('reads a Party number ("Số 110-KH/BDVTU-BCSĐUBND") and a date with dotted blanks', () => {
    const h = headerOf(['Số 110-KH/BDVTU-BCSĐUBND', 'Tây Ninh, ngày ... tháng ... năm 2024', 'KẾ HOẠCH', 'Phối hợp thực hiện công tác dân vận', OPENING].join('\n'));
    expect(h.number).toBe('110');
    expect(h.symbol).toBe('KH/BDVTU-BCSĐUBND');
    expect(h.issuedOn).toBeNull();
    expect(h.dateLineYear).toBe(2024);
    expect(formatPlanNumber(h)).toBe('110-KH/BDVTU-BCSĐUBND');
  });

  it('reads a two-line title under "KẾ HOẠCH" without its final period', () => {
    const h = extractHeader(splitParts(repairText(seed('001').text).blocks).head);
    expect(h.docType).toBe('Kế hoạch');
    expect(h.title).toBe('Triển khai, thực hiện công tác dân vận chính quyền trên địa bàn xã năm 2024');
    expect(h.hasNumberLine).toBe(false);
    expect(h.symbol).toBeNull();
    expect(h.hasDateLine).toBe(false);
  });

  it('takes a title that cites a document as the title, not as the opening paragraph', () => {
    const h = extractHeader(splitParts(repairText(seed('002').text).blocks).head);
    expect(h.title).toBe(
      'Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới',
    );
  });

  it('takes the first line as the title when the copy has no "KẾ HOẠCH" line', () => {
    const h = extractHeader(splitParts(repairText(seed('000').text).blocks).head);
    expect(h.docType).toBeNull();
    expect(h.title).toBe('Thực hiện công tác dân vận chính quyền năm 2024');
  });

  it('finds nothing in text without any header', () => {
    const h = headerOf(['I. MỤC ĐÍCH, YÊU CẦU', 'Nâng cao hiệu quả công tác dân vận.'].join('\n'));
    expect(h).toMatchObject({ title: null, number: null, symbol: null, place: null, issuedOn: null, issuerLines: [], docType: null });
  });
});
