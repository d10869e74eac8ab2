import { describe, expect, it } from 'vitest';
import { bodiesOf, displayName, resolveIssuer } from '../../../src/lib/import/issuer';
import { readLetterhead } from '../../../src/lib/import/letterhead';
import { registries } from './seeds';

const { agencies } = registries;

const resolve = (lines: string[], sentences: string[] = [], bodyText = '') =>
  resolveIssuer({ letterhead: readLetterhead(lines), sentences: sentences.map((text) => ({ text, where: 'câu' })), bodyText, agencies });

describe('resolveIssuer', () => {
  it('matches the registry when the letterhead names the same body: parent + child, Party committee + its ban', () => {
    const so = resolve(['UBND TỈNH TÂY NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc', 'Số: 859/KH-STTTT Tây Ninh, ngày 25 tháng 3 năm 2024']);
    expect(so).toMatchObject({ kind: 'registry', agency: { id: 'so-tttt-tay-ninh' } });
    const ban = resolve(['TỈNH ỦY TÂY NINH ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN DÂN VẬN', '*', 'Số 100-KH/BDVTU Tây Ninh, ngày 16 tháng 01 năm 2024']);
    expect(ban).toMatchObject({ kind: 'registry', agency: { id: 'ban-dan-van-tinh-uy-tay-ninh' } });
  });

  it('never takes another province’s body: the same Sở of Nghệ An is a proposed entry, not Tây Ninh’s', () => {
    const r = resolve(['UBND TỈNH NGHỆ AN', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: 12/KH-STTTT', 'Nghệ An, ngày 02 tháng 3 năm 2024']);
    expect(r).toMatchObject({
      kind: 'proposed',
      entry: { id: 'so-thong-tin-va-truyen-thong-tinh-nghe-an', name: 'Sở Thông tin và Truyền thông tỉnh Nghệ An', level: 'sở', province: 'Nghệ An', parentName: 'Ủy ban nhân dân tỉnh Nghệ An' },
    });
    const ubnd = resolve(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NAM', 'Số: 2119/KH-UBND', 'Quảng Nam, ngày 27 tháng 3 năm 2024']);
    expect(ubnd).toMatchObject({ kind: 'proposed', entry: { name: 'Ủy ban nhân dân tỉnh Quảng Nam', shortName: 'UBND tỉnh Quảng Nam', level: 'tỉnh', province: 'Quảng Nam' } });
  });

  it('reads a Party letterhead "ĐẢNG BỘ … / ĐẢNG ỦY XÃ … / *" with a Party number, the province from the parent', () => {
    const lines = ['ĐẢNG BỘ TỈNH THANH HÓA ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG ỦY XÃ DÂN LỰC', '*', 'Số 05-KH/ĐU Dân Lực, ngày 10 tháng 3 năm 2024'];
    expect(readLetterhead(lines)).toMatchObject({ number: '05', symbol: 'KH/ĐU', place: 'Dân Lực', issuedOn: '2024-03-10' });
    expect(resolve(lines)).toMatchObject({
      kind: 'proposed',
      entry: { name: 'Đảng ủy xã Dân Lực', level: 'Đảng', province: 'Thanh Hóa', parentName: 'Đảng bộ tỉnh Thanh Hóa' },
    });
    // A Ban Chỉ đạo names itself in one line; a national one has no province.
    const bcd = resolve(['BAN CHỈ ĐẠO QUỐC GIA CHỐNG BUÔN LẬU, GIAN LẬN THƯƠNG MẠI VÀ HÀNG GIẢ', 'Số: 195/QĐ-BCĐ389', 'Hà Nội, ngày 23 tháng 3 năm 2020']);
    expect(bcd).toMatchObject({ kind: 'proposed', entry: { level: 'trung ương', province: null } });
  });

  it('never returns the motto, even split over lines around the issuer, nor "VIỆT NAM" left of it', () => {
    const r = resolve(['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI', 'HUYỆN HỚN QUẢN CHỦ NGHĨA VIỆT NAM', 'Số: 245/KH-UBND Hớn Quản, ngày 02 tháng 4 năm 2024']);
    expect(r).toMatchObject({ kind: 'registry', agency: { id: 'ubnd-huyen-hon-quan' } });
    const split = resolve(['ỦY BAN NHÂN DÂN |', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 'VIỆT NAM |', 'Số: 152/QĐ-UBND |', 'Nghệ An, ngày 18 tháng 01 năm 2024 |']);
    expect(split.kind).toBe('unknown');
  });

  it('completes a letterhead cut short from the authority line or the enactment sentence, else says it does not know', () => {
    const authority = resolve(['ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 485/QĐ-UBND | Gia Lai, ngày 15 tháng 9 năm 2020 |', 'ỦY BAN NHÂN DÂN TỈNH GIA LAI']);
    expect(authority).toMatchObject({ kind: 'proposed', entry: { name: 'Ủy ban nhân dân tỉnh Gia Lai', province: 'Gia Lai' } });
    const sentence = resolve(['ỦY BAN NHÂN DÂN', 'LÀO CAI', 'Số: 225/KH-UBND', 'Lào Cai, ngày 18 tháng 08 năm 2016'], ['Ủy ban nhân dân tỉnh Lào Cai xây dựng Kế hoạch tổ chức Ngày hội …']);
    expect(sentence).toMatchObject({ kind: 'proposed', entry: { name: 'Ủy ban nhân dân tỉnh Lào Cai', level: 'tỉnh' } });
    const bare = resolve(['ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 4851/KH-UBND | Bình Dương, ngày 11 tháng 10 năm 2018 |'], ['Ủy ban nhân dân tỉnh ban hành kế hoạch …']);
    expect(bare).toMatchObject({ kind: 'unknown' });
    expect((bare as { reason: string }).reason).toContain('ỦY BAN NHÂN DÂN');
  });

  it('without a letterhead, takes a registry body only when the text says which province it is', () => {
    const known = resolve(['Tây Ninh, ngày 10 tháng 3 năm 2025'], ['Sở Văn hóa, Thể thao và Du lịch, đề nghị các phòng, đơn vị nghiêm túc triển khai thực hiện./.']);
    expect(known).toMatchObject({ kind: 'registry', agency: { id: 'so-vhttdl-tay-ninh' } });
    const xa = resolve(['Minh Tâm, ngày 15 tháng 4 năm 2024'], ['UBND xã Minh Tâm./.']);
    expect(xa).toMatchObject({ kind: 'registry', agency: { id: 'ubnd-xa-minh-tam' } });
    // A namesake the text cannot place is neither claimed nor shadowed by a proposal with its id.
    const namesake = resolve([], ['UBND xã Minh Tâm./.']);
    expect(namesake).toMatchObject({ kind: 'unknown' });
    expect((namesake as { reason: string }).reason).toContain('--agency ubnd-xa-minh-tam');
    // "Ủy ban nhân dân tỉnh" of a plan dated in Quảng Ninh is not UBND tỉnh Tây Ninh.
    const other = resolve(['Quảng Ninh, ngày 08 tháng 02 năm 2021'], ['Ủy ban nhân dân tỉnh ban hành Chương trình hành động triển khai thực hiện như sau:']);
    expect(other).toMatchObject({ kind: 'unknown' });
    const noProvince = resolve([], ['Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:'], 'Căn cứ Kế hoạch số 696/KH-UBND của UBND tỉnh');
    expect(noProvince).toMatchObject({ kind: 'unknown' });
  });
});

describe('bodiesOf', () => {
  it('joins the lines of one body and splits parent from child', () => {
    expect(bodiesOf(['ỦY', 'BAN NHÂN DÂN', 'TỈNH TIỀN GIANG'])).toEqual(['ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG']);
    expect(bodiesOf(['HỘI ĐỒNG NHÂN', 'DÂN'])).toEqual(['HỘI ĐỒNG NHÂN DÂN']);
    expect(bodiesOf(['ĐẢNG BỘ TỈNH BÌNH PHƯỚC', 'ĐẢNG ỦY XÃ MINH TÂM'])).toEqual(['ĐẢNG BỘ TỈNH BÌNH PHƯỚC', 'ĐẢNG ỦY XÃ MINH TÂM']);
    expect(bodiesOf(['UBND TỈNH TÂY NINH', 'SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'])).toEqual(['UBND TỈNH TÂY NINH', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH']);
  });
});

describe('displayName', () => {
  it('writes letterhead capitals in the registry’s spelling', () => {
    expect(displayName('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect(displayName('SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH NGHỆ AN')).toBe('Sở Kế hoạch và Đầu tư tỉnh Nghệ An');
    expect(displayName('TỈNH ỦY THỪA THIÊN HUẾ')).toBe('Tỉnh ủy Thừa Thiên Huế');
  });
});
