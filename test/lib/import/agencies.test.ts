import { describe, expect, it } from 'vitest';
import { agencyKey, matchAgency, matchKnownAgency, proposeAgencyId, readUnitAt } from '../../../src/lib/import/agencies';
import { registries } from './seeds';

const { agencies } = registries;

describe('agencyKey', () => {
  it('folds, drops parentheses and punctuation, spells out UBND', () => {
    expect(agencyKey('UBND tỉnh (b/c);')).toBe('uy ban nhan dan tinh');
    expect(agencyKey('Uỷ ban nhân dân tỉnh')).toBe('uy ban nhan dan tinh');
  });
});

describe('matchKnownAgency', () => {
  it('reads "Văn phòng Sở" relative to the issuer', () => {
    expect(matchKnownAgency('Văn phòng Sở', agencies, { issuer: 'so-tttt-tay-ninh' })?.id).toBe('van-phong-so-tttt-tay-ninh');
    expect(matchKnownAgency('Văn phòng Sở', agencies, { issuer: 'so-vhttdl-tay-ninh' })?.id).toBe('van-phong-so-vhttdl-tay-ninh');
  });

  it('takes the start of a name ("Văn phòng") only inside the issuer’s family', () => {
    expect(matchKnownAgency('Văn phòng', agencies, { issuer: 'so-vhttdl-tay-ninh' })).toMatchObject({ id: 'van-phong-so-vhttdl-tay-ninh', how: 'partial' });
    expect(matchKnownAgency('Văn phòng', agencies, {})).toBeNull();
  });

  it('matches a short name written with the old tone placement and abbreviations', () => {
    expect(matchKnownAgency('Uỷ ban nhân dân tỉnh', agencies, { issuer: 'so-noi-vu-tay-ninh' })?.id).toBe('ubnd-tinh-tay-ninh');
    expect(matchKnownAgency('Phòng Công nghệ thông tin, Bưu chính và Viễn thông', agencies, { issuer: 'so-tttt-tay-ninh' })?.id).toBe('phong-cntt-bcvt-so-tttt-tay-ninh');
  });

  it('without an issuer or province, matches full names only: a short name could be any province’s', () => {
    expect(matchKnownAgency('UBND tỉnh', agencies, {})).toBeNull();
    expect(matchKnownAgency('Ủy ban nhân dân tỉnh Tây Ninh', agencies, {})?.id).toBe('ubnd-tinh-tay-ninh');
  });

  it('never matches an agency of another province', () => {
    // Phòng Nội vụ huyện Hớn Quản is in Bình Phước.
    expect(matchKnownAgency('Phòng Nội vụ', agencies, { issuer: 'so-tttt-tay-ninh' })).toBeNull();
    expect(matchKnownAgency('Phòng Nội vụ', agencies, { issuer: 'ubnd-xa-minh-tam' })?.id).toBe('phong-noi-vu-huyen-hon-quan');
  });
});

describe('proposeAgencyId', () => {
  it('follows the registry pattern: the unit, then the issuer it belongs to', () => {
    expect(proposeAgencyId('Thanh tra Sở', 'so-vhttdl-tay-ninh')).toBe('thanh-tra-so-vhttdl-tay-ninh');
    expect(proposeAgencyId('Đài Truyền thanh xã', 'ubnd-xa-minh-tam')).toBe('dai-truyen-thanh-xa-minh-tam');
    expect(proposeAgencyId('Phòng Văn hóa và Thông tin', 'ubnd-huyen-hon-quan')).toBe('phong-van-hoa-va-thong-tin-huyen-hon-quan');
    expect(proposeAgencyId('Bảo hiểm xã hội tỉnh Tây Ninh', 'so-tttt-tay-ninh')).toBe('bao-hiem-xa-hoi-tinh-tay-ninh');
    expect(proposeAgencyId('Văn phòng - Thống kê xã:', null)).toBe('van-phong-thong-ke-xa');
    expect(proposeAgencyId('Các xã, thị trấn', 'ubnd-huyen-hon-quan')).toBe('cac-xa-thi-tran-huyen-hon-quan');
  });

  it('writes Ủy ban nhân dân as "ubnd" and gives "UBND tỉnh" the province', () => {
    expect(proposeAgencyId('Ủy ban nhân dân huyện Lộc Ninh', null)).toBe('ubnd-huyen-loc-ninh');
    expect(proposeAgencyId('UBND tỉnh', 'ubnd-huyen-hon-quan', 'Bình Phước')).toBe('ubnd-tinh-binh-phuoc');
  });
});

describe('matchAgency', () => {
  it('never passes a proposed id off as a known one', () => {
    expect(matchAgency('Trung tâm Văn hóa', agencies, { issuer: 'so-vhttdl-tay-ninh' })).toMatchObject({
      id: 'trung-tam-van-hoa-so-vhttdl-tay-ninh',
      known: false,
      how: 'proposed',
    });
  });
});

describe('readUnitAt', () => {
  it('reads the longest registered name at the start, commas included', () => {
    const unit = readUnitAt('Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh (qua Văn phòng Sở) và gửi file mềm', agencies, { issuer: 'so-vhttdl-tay-ninh' });
    expect(unit).toMatchObject({ name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh', match: { id: 'so-vhttdl-tay-ninh', known: true } });
  });
  it('ends an unregistered name at the first verb-like word', () => {
    expect(readUnitAt('Phòng Văn hóa và Thông tin tổng hợp, báo cáo', agencies, { issuer: 'ubnd-huyen-hon-quan' })).toMatchObject({
      name: 'Phòng Văn hóa và Thông tin',
      match: { known: false },
    });
  });
  it('returns null when the text does not start with a unit', () => {
    expect(readUnitAt('Tổng hợp báo cáo kết quả', agencies, {})).toBeNull();
  });
});
