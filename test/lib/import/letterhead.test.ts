import { describe, expect, it } from 'vitest';
import { readLetterhead } from '../../../src/lib/import/letterhead';

describe('readLetterhead', () => {
  it('reads "|" table debris with every line split: "Số:" / number, "Đà" / "Lạt, ngày …", "ỦY" / "BAN NHÂN DÂN"', () => {
    const h = readLetterhead(['ỦY', 'BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', '--------', '|', 'CỘNG', 'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '|', 'Số:', '61/2003/QĐ-UB', '|', 'Đà', 'Lạt, ngày 08 tháng 05 năm 2003', '|', 'V/V PHÊ DUYỆT DỰ ÁN', 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG']);
    expect(h).toMatchObject({
      issuerLines: ['ỦY', 'BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG'],
      number: '61',
      symbol: '2003/QĐ-UB',
      place: 'Đà Lạt',
      issuedOn: '2003-05-08',
      docType: null,
      title: 'V/V PHÊ DUYỆT DỰ ÁN',
      authorityLine: 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG',
    });
  });

  it('reads a date line split after "ngày" and after the day', () => {
    expect(readLetterhead(['Số: 135/KH-UBND', 'Sóc Trăng, ngày', '27 tháng 09 năm 2022']).issuedOn).toBe('2022-09-27');
    expect(readLetterhead(['Số: 167/KH-UBND', 'Hà Nội, ngày 24', 'tháng 8 năm 2018']).issuedOn).toBe('2018-08-24');
  });

  it('reads a Party letterhead: committee, "*", "Số 445-KL/TƯ" without colon', () => {
    const h = readLetterhead(['TỈNH ỦY THỪA THIÊN HUẾ', 'ĐẢNG CỘNG SẢN VIỆT NAM', '*', 'Số 445-KL/TƯ', 'Thừa Thiên Huế, ngày 13 tháng 5 năm 2022']);
    expect(h).toMatchObject({ issuerLines: ['TỈNH ỦY THỪA THIÊN HUẾ'], number: '445', symbol: 'KL/TƯ', place: 'Thừa Thiên Huế' });
  });

  it('ignores a portal’s title above the letterhead and takes the type line after the date', () => {
    const h = readLetterhead(['KẾ HOẠCH Thông tin, tuyên truyền Cuộc bầu cử', 'UỶ BAN NHÂN DÂN', 'XÃ DÂN  LỰC', 'Số:        /KH-UBND', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Dân Lực, ngày 18 tháng 02 năm 2021', 'KẾ HOẠCH', 'Thông tin, tuyên truyền Cuộc bầu cử']);
    expect(h).toMatchObject({ issuerLines: ['UỶ BAN NHÂN DÂN', 'XÃ DÂN LỰC'], number: null, symbol: 'KH-UBND', place: 'Dân Lực', docType: 'Kế hoạch', title: 'Thông tin, tuyên truyền Cuộc bầu cử' });
  });

  it('names other document types and stops the title at the authority line', () => {
    const h = readLetterhead(['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA', 'Số: 4216/QĐ-UBND', 'Thanh Hóa, ngày 06 tháng 10 năm 2020', 'QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ', 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA']);
    expect(h).toMatchObject({ docType: 'Quyết định', title: 'VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ', authorityLine: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA' });
  });
});
