import { describe, expect, it } from 'vitest';
import { extractReferences, findKnownDocument, findReferenceMentions, type KnownDocument } from '../../../src/lib/import/references';
import { registries } from './seeds';

const none: KnownDocument[] = [];

describe('findReferenceMentions', () => {
  it('reads type, number, date, issuer and trích yếu of state and Party documents', () => {
    const [kl, ct] = findReferenceMentions(
      'Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư (khóa XI) về nâng cao hiệu quả công tác dân vận của các cơ quan nhà nước các cấp; Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận”;',
    );
    expect(kl).toMatchObject({
      type: 'Kết luận',
      number: '114-KL/TW',
      date: '2015-07-14',
      issuer: 'Ban Bí thư (khóa XI)',
      title: 'về nâng cao hiệu quả công tác dân vận của các cơ quan nhà nước các cấp',
      document: '114-kl-tw-2015',
    });
    expect(ct).toMatchObject({ type: 'Chỉ thị', number: '33/CT-TTg', date: '2021-11-26', title: 'về tiếp tục tăng cường và đổi mới công tác dân vận' });
  });

  it('reads dates written in words', () => {
    const [qd] = findReferenceMentions('Quyết định số 217-QĐ/TW ngày 12 tháng 12 năm 2013 của Bộ Chính trị khóa XI về việc ban hành Quy chế giám sát.');
    expect(qd).toMatchObject({ number: '217-QĐ/TW', date: '2013-12-12', issuer: 'Bộ Chính trị khóa XI', title: 'về việc ban hành Quy chế giám sát' });
  });

  it('ends a trích yếu where the next document of a list begins, not where the trích yếu names one', () => {
    const mentions = findReferenceMentions(
      'Quyết định số 319/QĐ-BNV ngày 18/4/2019 của Bộ trưởng Bộ Nội vụ ban hành Kế hoạch triển khai thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ, Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về việc góp ý.',
    );
    expect(mentions.map((m) => m.title)).toEqual([
      'ban hành Kế hoạch triển khai thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ',
      null,
      'về việc góp ý',
    ]);
  });

  it('reads the name of a Luật written before its number, and a number in parentheses', () => {
    const [luat, again] = findReferenceMentions('Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; theo Luật năm 2022 (Luật số 10/2022/QH15 ngày 10/11/2022) và Nghị định.');
    expect(luat).toMatchObject({ type: 'Luật', number: '10/2022/QH15', date: null, title: 'Thực hiện dân chủ ở cơ sở' });
    expect(again).toMatchObject({ number: '10/2022/QH15', date: '2022-11-10', title: null });
  });

  it('stops a trích yếu before "(gọi là …)"', () => {
    const [ct] = findReferenceMentions('Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận (gọi là Chỉ thị số 33/CT-TTg); Công văn');
    expect(ct!.title).toBe('về công tác dân vận');
  });
});

describe('findKnownDocument', () => {
  it('finds a Party Quy định written "11-QĐ/TW" under its registry spelling 11-QĐi/TW', () => {
    expect(findKnownDocument('11-QĐ/TW', '2019-02-18', 'Quy định', registries.documents)?.id).toBe('11-qdi-tw-2019');
  });
  it('does not take a Party number of another year for the same document', () => {
    expect(findKnownDocument('114-KL/TW', '2030-01-01', 'Kết luận', registries.documents)).toBeUndefined();
  });
});

describe('extractReferences', () => {
  const opening = [
    'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận (gọi là Chỉ thị số 33/CT-TTg); Công văn số 1432/BNV-CTTN ngày 03/4/2023 của Bộ Nội vụ về triển khai thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ.',
  ];

  it('puts the opening documents in basis once each, and every other document in citations once, at first mention', () => {
    const { basis, citations } = extractReferences(
      opening,
      [
        'Quán triệt Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư Trung ương Đảng; Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.',
        'Kết luận số 114-\nKL/TW ngày 14/7/2015 của Ban Bí thư (khóa XI) về nâng cao hiệu quả.',
        'Quyết định số 1847/QĐ -TTg ngày 27/12/2018 của Thủ tướng Chính phủ.',
      ],
      registries.documents,
    );
    expect(basis.map((r) => [r.number, r.date, r.document, r.registered])).toEqual([
      ['33/CT-TTg', '2021-11-26', '33-ct-ttg', true],
      ['1432/BNV-CTTN', '2023-04-03', '1432-bnv-cttn', true],
    ]);
    expect(basis[1]!.type).toBe('Công văn');
    expect(citations.map((r) => [r.number, r.date, r.document])).toEqual([
      ['114-KL/TW', '2015-07-14', '114-kl-tw-2015'],
      ['1847/QĐ-TTg', '2018-12-27', '1847-qd-ttg'],
    ]);
    // The second mention fills what the first one left out.
    expect(citations[0]!.title).toBe('về nâng cao hiệu quả');
  });

  it('fills the date of a document from a later mention and keeps the first spelling', () => {
    const { citations } = extractReferences([], ['Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15;', '(Luật số 10/2022/QH15 ngày 10/11/2022)'], none);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({ number: '10/2022/QH15', date: '2022-11-10', title: 'Thực hiện dân chủ ở cơ sở', document: '10-2022-qh15' });
  });

  it('marks documents the registry lacks, and Party numbers whose id needs a year', () => {
    const { citations } = extractReferences([], ['Kế hoạch số 45-KH/TU của Tỉnh ủy; Quyết định số 9999/QĐ-UBND ngày 01/02/2025 của UBND tỉnh.'], registries.documents);
    expect(citations.map((r) => [r.number, r.document, r.registered, r.idUncertain])).toEqual([
      ['45-KH/TU', '45-kh-tu', false, true],
      ['9999/QĐ-UBND', '9999-qd-ubnd', false, false],
    ]);
  });

  it('does not count the plan itself ("Kế hoạch này") or a number-less document ("Luật Tiếp công dân")', () => {
    const { basis, citations } = extractReferences([], ['Căn cứ vào Kế hoạch này các phòng triển khai; thực hiện nghiêm Luật Tiếp công dân, Luật Khiếu nại năm 2011.'], none);
    expect([...basis, ...citations]).toEqual([]);
  });
});
