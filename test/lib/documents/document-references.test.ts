import { describe, expect, it } from 'vitest';
import { findDocumentReferences, mergeDocumentReferences, type DocumentReferenceMatch } from '../../../src/lib/documents/document-references';
import { readSeed } from '../vn/seeds';

/** "number date" for each reference, in text order: the form in which the source was read by hand. */
function numbersAndDates(refs: DocumentReferenceMatch[]): string[] {
  return refs.map((r) => `${r.number} ${r.date ?? '-'}`);
}

function find(refs: DocumentReferenceMatch[], number: string): DocumentReferenceMatch {
  const r = refs.find((x) => x.number === number);
  if (!r) throw new Error(`${number} not found among ${refs.map((x) => x.number).join(', ')}`);
  return r;
}

describe('findDocumentReferences on the seeds', () => {
  it('seed 000: every numbered reference, with its date, including those split across lines', () => {
    const refs = findDocumentReferences(readSeed('000'));
    expect(numbersAndDates(refs)).toEqual([
      '100-KH/BDVTU 2024-01-16',
      '110-KH/BDVTU-BCSĐUBND 2024-03-18',
      '859/KH-UBND 2024-03-25',
      '859/KH-UBND 2024-03-25',
      '04-CTr/BDVTU-BCSĐUBND 2021-10-21',
      '110-KH/BDVTU-BCSĐUBND 2024-03-18',
      '23-QĐ/TW 2021-07-30',
      '1116-QĐ/TU 2021-09-29',
      '114-KL/TW 2015-07-14',
      '33/CT-TTg 2021-11-26',
      '25-CT/TU 2021-02-25',
      '392-CV/TU 2021-12-31',
      '76/NQ-CP 2021-07-15',
      '23/CT-TTg 2021-09-02',
      '490/QĐ-UBND 2021-03-05',
      '2631/QĐ-UBND 2021-10-14',
      '140/QĐ-UBND 2024-01-19',
      '120-KL/TW 2016-01-07',
      '59/2023/NĐ-CP 2023-08-14',
      '26-KH/BCĐ 2024-01-31',
      '575/UBND-NC 2024-02-29',
      '217-QĐ/TW 2013-12-12',
      '218-QĐ/TW 2013-12-12',
      '99-QĐ/TW 2017-10-03',
      '124-QĐ/TW 2018-02-02',
      '59/2023/NĐ-CP 2023-08-14',
    ]);
    expect(new Set(refs.map((r) => r.document)).size).toBe(23);

    const first = find(refs, '100-KH/BDVTU');
    expect(first).toMatchObject({ type: 'Kế hoạch', typeInferred: false, date: '2024-01-16', issuer: 'Ban Dân vận', document: '100-kh-bdvtu-2024' });

    const split = find(refs, '110-KH/BDVTU-BCSĐUBND');
    expect(split.raw).toBe('110-KH/BDVTU-\n\nBCSĐUBND');
    expect(split).toMatchObject({
      type: 'Kế hoạch',
      date: '2024-03-18',
      issuer: 'Ban Dân vận – Ban Cán sự Đảng Ủy ban nhân dân tỉnh',
      document: '110-kh-bdvtu-bcsdubnd-2024',
    });

    // "Kế \n\nhoạch số 859/KH-UBND": the type name itself is broken over lines.
    const plan = find(refs, '859/KH-UBND');
    expect(plan).toMatchObject({ type: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', document: '859-kh-ubnd' });
    const seed = readSeed('000');
    expect(seed.slice(plan.index, plan.numberIndex)).toBe('Kế \n\nhoạch số ');

    expect(find(refs, '04-CTr/BDVTU-BCSĐUBND')).toMatchObject({ type: 'Chương trình', issuer: 'Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh' });
    expect(find(refs, '23-QĐ/TW')).toMatchObject({ type: 'Quyết định', issuer: 'Ban Chấp hành Trung ương', document: '23-qd-tw-2021' });
    expect(find(refs, '114-KL/TW').issuer).toBe('Ban Bí thư');
    expect(find(refs, '217-QĐ/TW').issuer).toBe('Bộ Chính trị');
    expect(find(refs, '26-KH/BCĐ')).toMatchObject({
      raw: '26-\n\nKH/BCĐ',
      issuer: 'Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh',
    });
    // Quy định written with the pre-2018 "QĐ": the registry id uses QĐi.
    expect(find(refs, '124-QĐ/TW')).toMatchObject({ type: 'Quy định', document: '124-qdi-tw-2018', issuer: 'Ban Bí thư' });
    // "Quyết định số 99-QĐ/TW, ngày … và Quy định số 124-QĐ/TW, … của Ban Bí thư": 99 names no issuer of its own.
    expect(find(refs, '99-QĐ/TW').issuer).toBeNull();
    expect(find(refs, '575/UBND-NC')).toMatchObject({ type: 'Công văn', typeInferred: false, issuer: 'UBND tỉnh' });
  });

  it('seed 001: every numbered reference, with its date', () => {
    const refs = findDocumentReferences(readSeed('001'));
    expect(numbersAndDates(refs)).toEqual([
      '114/KH-UBND 2024-04-10',
      '114-KL/TW 2015-07-14',
      '33/CT-TTg 2021-11-26',
      '18-CT/TW 2022-10-26',
      '20/2021/NĐ-CP 2021-03-15',
      '77/QĐ-UBND 2024-01-12',
      '27/QĐ-UBND 2024-01-19',
      '302/KH-UBND 2022-10-18',
      '316/KH-UBND 2022-10-25',
      '27/CT-TTg 2023-10-27',
      '18/CT-UBND 2016-12-29',
      '10/CT-TTg 2019-04-22',
      '11-QĐ/TW 2019-02-18',
    ]);
    expect(find(refs, '114/KH-UBND')).toMatchObject({ issuer: 'UBND huyện', document: '114-kh-ubnd' });
    expect(find(refs, '302/KH-UBND')).toMatchObject({ raw: '302/KH- UBND', issuer: null });
    expect(find(refs, '20/2021/NĐ-CP')).toMatchObject({ type: 'Nghị định', issuer: 'Chính phủ' });
    expect(find(refs, '11-QĐ/TW')).toMatchObject({ type: 'Quy định', issuer: 'Bộ Chính trị', document: '11-qdi-tw-2019' });
  });

  it('seed 002: every numbered reference, the stray URLs excluded', () => {
    const refs = findDocumentReferences(readSeed('002'));
    expect(numbersAndDates(refs)).toEqual([
      '33/CT-TTg 2021-11-26',
      '33/CT-TTg 2021-11-26',
      '33/CT-TTg -',
      '1432/BNV-CTTN 2023-04-03',
      '33/CT-TTg -',
      '1243/KH-UBND 2023-04-26',
      '33/CT-TTg 2021-11-26',
      '33/CT-TTg -',
      '33/CT-TTg 2021-11-26',
      '23-QĐ/TW 2021-07-30',
      '114-KL/TW 2015-07-14',
      '33/CT-TTg 2021-11-26',
      '1116-QĐ/TU 2021-09-29',
      '114-KL/TW 2015-07-14',
      '25-CT/TU 2021-02-25',
      '392-CV/TU 2021-12-31',
      '76/NQ-CP 2021-07-15',
      '23/CT-TTg 2021-09-02',
      '490/QĐ-UBND 2021-03-05',
      '2631/QĐ-UBND 2021-10-14',
      '713/QĐ-UBND 2021-03-29',
      '03-NQ/TU 2021-11-05',
      '120-KL/TW 2016-01-07',
      '34/2007/PL-UBTVQH11 2007-04-20',
      '04/2015/NĐ-CP 2015-01-09',
      '35-CT/TW 2014-05-26',
      '14/CT-TTg 2012-05-18',
      '11-QĐ/TW 2019-02-18',
      '1847/QĐ-TTg 2018-12-27',
      '319/QĐ-BNV 2019-04-18',
      '1847/QĐ-TTg 2018-12-27',
      '1441/KH-UBND 2019-07-05',
      '1847/QĐ-TTg 2018-12-27',
      '33/CT-TTg 2021-11-26',
    ]);
    expect(find(refs, '1432/BNV-CTTN')).toMatchObject({
      type: 'Công văn',
      date: '2023-04-03',
      issuer: 'Bộ Nội vụ',
      document: '1432-bnv-cttn',
      parsed: { typeCode: null, issuerCode: 'BNV-CTTN' },
    });
    expect(find(refs, '1243/KH-UBND')).toMatchObject({ type: 'Kế hoạch', date: '2023-04-26', issuer: 'UBND tỉnh Tây Ninh' });
    // The Party seed spells the same Quyết định's issuer differently from seed 000.
    expect(find(refs, '23-QĐ/TW')).toMatchObject({ issuer: 'Bộ Chính trị', document: '23-qd-tw-2021' });
    expect(refs.filter((r) => r.number === '1847/QĐ-TTg').map((r) => r.raw)).toEqual(['1847/QĐ-\n\nTTg', '1847/QĐ -TTg', '1847/QĐ -TTg']);
    expect(find(refs, '34/2007/PL-UBTVQH11')).toMatchObject({ type: 'Pháp lệnh', issuer: 'Ủy ban Thường vụ Quốc hội' });
    expect(find(refs, '03-NQ/TU').issuer).toBe('Tỉnh uỷ');
    expect(find(refs, '319/QĐ-BNV').issuer).toBe('Bộ trưởng Bộ Nội vụ');
  });

  it('seed 003: references in a Markdown export, the Luật named before its number', () => {
    const refs = findDocumentReferences(readSeed('003'));
    expect(numbersAndDates(refs)).toEqual([
      '696/KH-UBND 2025-03-06',
      '696/KH-UBND 2025-03-06',
      '120-KL/TW 2016-01-07',
      '10/2022/QH15 -',
      '59/2023/NĐ-CP 2023-08-14',
      '10/2022/QH15 2022-11-10',
      '59/2023/NĐ-CP 2023-08-14',
      '908/QĐ-UBND 2023-04-14',
      '908/QĐ-UBND 2023-04-14',
    ]);
    // "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15": the type stands before the law's name.
    expect(refs[3]).toMatchObject({ type: 'Luật', typeInferred: false, document: '10-2022-qh15' });
    expect(find(refs, '908/QĐ-UBND').issuer).toBe('Chủ tịch UBND tỉnh');
    // The plan's own "Số: /KH-SVHTTDL" is not a reference.
    expect(refs.some((r) => r.number.includes('SVHTTDL'))).toBe(false);
  });

  it('seed 004: Party references including the proper QĐi spelling', () => {
    const refs = findDocumentReferences(readSeed('004'));
    expect(numbersAndDates(refs)).toEqual([
      '26-KH/BCĐ 2024-01-31',
      '76/NQ-CP 2021-07-15',
      '30-CT/TW 1998-02-18',
      '99-QĐ/TW 2017-10-03',
      '11-QĐi/TW 2019-02-18',
      '403-CV/TU 2022-01-11',
      '05-CT/TU 2021-07-20',
      '03-HD/BDVTU 2021-10-26',
      '03-HD/LNKT 2023-07-11',
    ]);
    expect(find(refs, '26-KH/BCĐ')).toMatchObject({
      type: 'Kế hoạch',
      issuer: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và công tác vận động quần chúng',
      document: '26-kh-bcd-2024',
    });
    expect(find(refs, '11-QĐi/TW')).toMatchObject({ type: 'Quy định', issuer: 'Bộ Chính trị', document: '11-qdi-tw-2019' });
    expect(find(refs, '03-HD/BDVTU')).toMatchObject({ type: 'Hướng dẫn', issuer: 'Ban Dân vận Tỉnh ủy – cơ quan Thường trực Ban Chỉ đạo thực hiện QCDC ở cơ sở và công tác VĐQC tỉnh' });
    expect(find(refs, '403-CV/TU')).toMatchObject({ type: 'Công văn', document: '403-cv-tu-2022' });
  });

  it('resolves the same Quy định written two ways in seeds 001, 002 and 004 to one registry id', () => {
    const ids = ['001', '002', '004'].map((s) => find(findDocumentReferences(readSeed(s)), s === '004' ? '11-QĐi/TW' : '11-QĐ/TW').document);
    expect(ids).toEqual(['11-qdi-tw-2019', '11-qdi-tw-2019', '11-qdi-tw-2019']);
  });

  it('reports offsets into the text exactly as passed in', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = readSeed(prefix);
      for (const r of findDocumentReferences(text)) {
        expect(text.slice(r.numberIndex, r.numberIndex + r.raw.length)).toBe(r.raw);
        expect(r.index).toBeLessThanOrEqual(r.numberIndex);
        expect(r.index + r.length).toBeGreaterThanOrEqual(r.numberIndex + r.raw.length);
      }
    }
  });
});

describe('findDocumentReferences on small texts', () => {
  it('reads a number without "số" right after its type', () => {
    const [r] = findDocumentReferences('Theo Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.');
    expect(r).toMatchObject({ type: 'Nghị định', number: '30/2020/NĐ-CP', date: '2020-03-05', issuer: 'Chính phủ', document: '30-2020-nd-cp' });
  });

  it('infers the type from the abbreviation when the text names none, and says so', () => {
    const refs = findDocumentReferences('Thực hiện Kế hoạch số 12/KH-UBND và số 1432/BNV-CTTN.');
    expect(refs.map((r) => [r.number, r.type, r.typeInferred])).toEqual([
      ['12/KH-UBND', 'Kế hoạch', false],
      ['1432/BNV-CTTN', 'Công văn', true],
    ]);
  });

  it('leaves a Party reference without date unresolved rather than guessing its year', () => {
    const [r] = findDocumentReferences('theo Kết luận số 114-KL/TW của Ban Bí thư;');
    expect(r).toMatchObject({ number: '114-KL/TW', date: null, issuer: 'Ban Bí thư', document: null });
  });

  it('reads the date when the issuer comes first', () => {
    const [r] = findDocumentReferences('Kế hoạch số 12/KH-UBND của UBND tỉnh ngày 05/3/2024 về dân vận');
    expect(r).toMatchObject({ issuer: 'UBND tỉnh', date: '2024-03-05' });
  });

  it('skips the plan\'s own number and numbers inside URLs', () => {
    const text = 'Số: 859/KH-UBND\nTây Ninh, ngày 25 tháng 3 năm 2024\nXem https://example.vn/van-ban/33/CT-TTg/1847-QD/TTg và Chỉ thị số 33/CT-TTg.';
    expect(findDocumentReferences(text).map((r) => r.number)).toEqual(['33/CT-TTg']);
  });

  it('does not join prose to a number across a spaced dash or a lowercase word', () => {
    const refs = findDocumentReferences('Kế hoạch số 12/KH-UBND – Ban Dân vận; Kế hoạch số 13/KH-UBND- về việc; 5/ năm; 2021-2025; 24/24 giờ');
    expect(refs.map((r) => r.number)).toEqual(['12/KH-UBND', '13/KH-UBND']);
  });

  it('does not take an impossible date', () => {
    const [r] = findDocumentReferences('Công văn số 5/UBND-VX ngày 30/02/2024 của UBND tỉnh');
    expect(r).toMatchObject({ date: null, issuer: null });
  });

  it('finds nothing in text without numbers', () => {
    expect(findDocumentReferences('Các Chỉ thị, Nghị quyết của Đảng, chính sách, pháp luật của Nhà nước.')).toEqual([]);
  });
});

describe('mergeDocumentReferences', () => {
  it('gives one entry per cited document in each seed, dates filled from later mentions', () => {
    const unique = (prefix: string) => mergeDocumentReferences(findDocumentReferences(readSeed(prefix)));
    expect(unique('000').map((r) => r.number)).toHaveLength(23);
    expect(unique('001')).toHaveLength(13);
    expect(unique('004')).toHaveLength(9);

    const seed002 = unique('002');
    expect(seed002).toHaveLength(23);
    expect(seed002.filter((r) => r.number === '33/CT-TTg')).toEqual([
      expect.objectContaining({ date: '2021-11-26', issuer: 'Thủ tướng Chính phủ', document: '33-ct-ttg' }),
    ]);
    expect(seed002.every((r) => r.date !== null)).toBe(true);

    // Seed 003 first names the Luật without a date, then "(Luật số 10/2022/QH15 ngày 10/11/2022)".
    const seed003 = unique('003');
    expect(seed003.map((r) => `${r.number} ${r.date}`)).toEqual([
      '696/KH-UBND 2025-03-06',
      '120-KL/TW 2016-01-07',
      '10/2022/QH15 2022-11-10',
      '59/2023/NĐ-CP 2023-08-14',
      '908/QĐ-UBND 2023-04-14',
    ]);
  });

  it('keeps the first mention\'s position and does not touch its input', () => {
    const refs = findDocumentReferences(readSeed('003'));
    const before = structuredClone(refs);
    const law = mergeDocumentReferences(refs).find((r) => r.number === '10/2022/QH15')!;
    expect(law.index).toBe(refs.find((r) => r.number === '10/2022/QH15')!.index);
    expect(refs).toEqual(before);
  });

  it('keeps a Party number reused in another term as a second document', () => {
    const refs = findDocumentReferences(
      'Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư; Kết luận số 114-KL/TW của Ban Bí thư; Kết luận số 114-KL/TW ngày 10/5/2024 của Bộ Chính trị.',
    );
    expect(mergeDocumentReferences(refs).map((r) => r.document)).toEqual(['114-kl-tw-2015', '114-kl-tw-2024']);
  });

  it('merges a Party Quy định written QĐ and QĐi into one', () => {
    const refs = findDocumentReferences('Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị và Quy định số 11-QĐi/TW ngày 18/02/2019.');
    expect(mergeDocumentReferences(refs)).toEqual([expect.objectContaining({ number: '11-QĐ/TW', document: '11-qdi-tw-2019' })]);
  });
});
