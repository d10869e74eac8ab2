import { describe, expect, it } from 'vitest';
import { documentId } from '../../../src/schemas/common';
import {
  PARTY_TYPE_CODES,
  STATE_TYPE_CODES,
  canonicalDocumentId,
  isDocumentNumberError,
  parseDocumentNumber,
  sameDocumentNumber,
  type ParsedDocumentNumber,
} from '../../../src/lib/documents/document-number';
import { readSeed } from '../vn/seeds';

function parsed(raw: string, type?: string): ParsedDocumentNumber {
  const r = parseDocumentNumber(raw, { type });
  if (!r.ok) throw new Error(`expected ${raw} to parse: ${r.message}`);
  return r;
}

describe('parseDocumentNumber — state grammar (Nghị định 30/2020)', () => {
  it.each([
    ['33/CT-TTg', { sequence: '33', year: null, typeCode: 'CT', issuerCode: 'TTg', typeName: 'Chỉ thị' }],
    ['59/2023/NĐ-CP', { sequence: '59', year: 2023, typeCode: 'NĐ', issuerCode: 'CP', typeName: 'Nghị định' }],
    ['859/KH-UBND', { sequence: '859', year: null, typeCode: 'KH', issuerCode: 'UBND', typeName: 'Kế hoạch' }],
    ['76/NQ-CP', { sequence: '76', year: null, typeCode: 'NQ', issuerCode: 'CP', typeName: 'Nghị quyết' }],
    ['1847/QĐ-TTg', { sequence: '1847', year: null, typeCode: 'QĐ', issuerCode: 'TTg', typeName: 'Quyết định' }],
    ['1432/BNV-CTTN', { sequence: '1432', year: null, typeCode: null, issuerCode: 'BNV-CTTN', typeName: 'Công văn' }],
    ['575/UBND-NC', { sequence: '575', year: null, typeCode: null, issuerCode: 'UBND-NC', typeName: 'Công văn' }],
    ['10/2022/QH15', { sequence: '10', year: 2022, typeCode: null, issuerCode: 'QH15', typeName: 'Luật' }],
    ['34/2007/PL-UBTVQH11', { sequence: '34', year: 2007, typeCode: 'PL', issuerCode: 'UBTVQH11', typeName: 'Pháp lệnh' }],
    ['04/2015/NĐ-CP', { sequence: '04', year: 2015, typeCode: 'NĐ', issuerCode: 'CP', typeName: 'Nghị định' }],
    ['01/2011/TT-BNV', { sequence: '01', year: 2011, typeCode: 'TT', issuerCode: 'BNV', typeName: 'Thông tư' }],
    ['05/2020/L-CTN', { sequence: '05', year: 2020, typeCode: 'L', issuerCode: 'CTN', typeName: 'Lệnh' }],
    ['12/CTr-UBND', { sequence: '12', year: null, typeCode: 'CTr', issuerCode: 'UBND', typeName: 'Chương trình' }],
    ['7/QyĐ-SNV', { sequence: '7', year: null, typeCode: 'QyĐ', issuerCode: 'SNV', typeName: 'Quy định' }],
  ])('%s', (raw, expected) => {
    expect(parseDocumentNumber(raw)).toEqual({ ok: true, raw, normalized: raw, grammar: 'state', ...expected });
  });
});

describe('parseDocumentNumber — Party grammar (Hướng dẫn 36-HD/VPTW)', () => {
  it.each([
    ['114-KL/TW', { sequence: '114', typeCode: 'KL', issuerCode: 'TW', typeName: 'Kết luận' }],
    ['11-QĐi/TW', { sequence: '11', typeCode: 'QĐi', issuerCode: 'TW', typeName: 'Quy định' }],
    ['23-QĐ/TW', { sequence: '23', typeCode: 'QĐ', issuerCode: 'TW', typeName: 'Quyết định' }],
    ['110-KH/BDVTU-BCSĐUBND', { sequence: '110', typeCode: 'KH', issuerCode: 'BDVTU-BCSĐUBND', typeName: 'Kế hoạch' }],
    ['04-CTr/BDVTU-BCSĐUBND', { sequence: '04', typeCode: 'CTr', issuerCode: 'BDVTU-BCSĐUBND', typeName: 'Chương trình' }],
    ['36-HD/VPTW', { sequence: '36', typeCode: 'HD', issuerCode: 'VPTW', typeName: 'Hướng dẫn' }],
    ['392-CV/TU', { sequence: '392', typeCode: 'CV', issuerCode: 'TU', typeName: 'Công văn' }],
    ['03-NQ/TU', { sequence: '03', typeCode: 'NQ', issuerCode: 'TU', typeName: 'Nghị quyết' }],
    ['26-KH/BCĐ', { sequence: '26', typeCode: 'KH', issuerCode: 'BCĐ', typeName: 'Kế hoạch' }],
    ['15-TT/TW', { sequence: '15', typeCode: 'TT', issuerCode: 'TW', typeName: 'Thông tri' }],
    ['9-XYZ/TU', { sequence: '9', typeCode: 'XYZ', issuerCode: 'TU', typeName: null }],
  ])('%s', (raw, expected) => {
    expect(parseDocumentNumber(raw)).toEqual({ ok: true, raw, normalized: raw, grammar: 'party', year: null, ...expected });
  });
});

describe('parseDocumentNumber — extraction debris', () => {
  it.each([
    ['302/KH- UBND', '302/KH-UBND'],
    ['1847/QĐ -TTg', '1847/QĐ-TTg'],
    ['114-\nKL/TW', '114-KL/TW'],
    ['110-KH/BDVTU-\nBCSĐUBND', '110-KH/BDVTU-BCSĐUBND'],
    ['110-KH/BDVTU-\n\nBCSĐUBND', '110-KH/BDVTU-BCSĐUBND'],
    ['  33 / CT - TTg  ', '33/CT-TTg'],
    ['33/CT\u2013TTg', '33/CT-TTg'],
    ['11-QÐi/TW', '11-QĐi/TW'],
    ['11-QĐi/TW'.normalize('NFD'), '11-QĐi/TW'],
  ])('%j parses as %s', (raw, normalized) => {
    const r = parsed(raw);
    expect(r.normalized).toBe(normalized);
    expect(r.raw).toBe(raw);
    expect(r.normalized).not.toMatch(/\s/);
  });

  it('parses the numbers split across lines exactly as seeds 000–002 print them', () => {
    const seed000 = readSeed('000');
    expect(seed000).toContain('110-KH/BDVTU-\n\nBCSĐUBND');
    expect(parsed('110-KH/BDVTU-\n\nBCSĐUBND').issuerCode).toBe('BDVTU-BCSĐUBND');
    const seed001 = readSeed('001');
    expect(seed001).toContain('302/KH- UBND');
    expect(parsed('302/KH- UBND')).toMatchObject({ typeCode: 'KH', issuerCode: 'UBND' });
    const seed002 = readSeed('002');
    expect(seed002).toContain('1847/QĐ -TTg');
    expect(seed002).toContain('114-\nKL/TW');
    expect(parsed('114-\nKL/TW')).toMatchObject({ grammar: 'party', typeCode: 'KL', issuerCode: 'TW' });
  });

  it('reads codes typed without a Vietnamese keyboard or in the wrong case', () => {
    expect(parsed('33/ct-ttg')).toMatchObject({ typeCode: 'CT', typeName: 'Chỉ thị', normalized: '33/ct-ttg' });
    expect(parsed('1847/QD-TTg')).toMatchObject({ typeCode: 'QĐ', typeName: 'Quyết định' });
    expect(parsed('11-QDi/TW')).toMatchObject({ typeCode: 'QĐi', typeName: 'Quy định' });
    // "DA" is Dự án, never Đề án: folding đ only helps when the code stays unambiguous.
    expect(parsed('5/DA-UBND')).toMatchObject({ typeCode: 'DA', typeName: 'Dự án' });
    expect(parsed('5/ĐA-UBND')).toMatchObject({ typeCode: 'ĐA', typeName: 'Đề án' });
  });
});

describe('parseDocumentNumber — the type the text names', () => {
  it('lets the written type decide what an abbreviation cannot', () => {
    expect(parsed('11-QĐ/TW', 'Quy định')).toMatchObject({ typeCode: 'QĐ', typeName: 'Quy định' });
    expect(parsed('11-QĐ/TW')).toMatchObject({ typeName: 'Quyết định' });
    expect(parsed('43/2022/QH15', 'Nghị quyết').typeName).toBe('Nghị quyết');
    expect(parsed('10/2022/QH15', ' luật ').typeName).toBe('Luật');
  });

  it('leaves a year-numbered document without code and outside Quốc hội untyped', () => {
    expect(parsed('12/2020/UBND').typeName).toBeNull();
  });
});

describe('parseDocumentNumber — malformed input', () => {
  it.each([
    ['33CT-TTg', 'missing-separator'],
    ['/KH-UBND', 'missing-sequence'],
    ['/KH-SVHTTDL', 'missing-sequence'],
    ['-KH/TU', 'missing-sequence'],
    ['abc', 'malformed'],
    ['33/', 'missing-symbol'],
    ['33', 'missing-symbol'],
    ['', 'empty'],
    [' \n ', 'empty'],
    ['33/CT-', 'malformed'],
    ['33//CT-TTg', 'malformed'],
    ['25/3/2024', 'malformed'],
    ['2021-2025', 'malformed'],
    ['33/CT-TTg ngày 26/11/2021', 'malformed'],
  ] as const)('%j → %s', (raw, code) => {
    const r = parseDocumentNumber(raw);
    expect(r).toMatchObject({ ok: false, code, raw });
    expect(isDocumentNumberError(r)).toBe(true);
  });

  it('explains the problem in Vietnamese, quoting the input and an example', () => {
    const r = parseDocumentNumber('33CT-TTg');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('"33CT-TTg" thiếu dấu "/" hoặc "-" giữa số và ký hiệu; cần dạng "33/CT-TTg" hoặc "114-KL/TW"');
    const unnumbered = parseDocumentNumber('/KH-UBND');
    if (!unnumbered.ok) expect(unnumbered.message).toContain('thiếu số thứ tự');
  });

  it('never throws, whatever slice of a seed it is given', () => {
    const text = readSeed('000');
    for (let i = 0; i < text.length; i += 97) {
      const slice = text.slice(i, i + ((i * 7) % 40));
      expect(() => parseDocumentNumber(slice)).not.toThrow();
    }
  });
});

describe('abbreviation tables', () => {
  it('map every code to a type name, with the Party Quy định as QĐi', () => {
    expect(STATE_TYPE_CODES).toMatchObject({ NQ: 'Nghị quyết', QĐ: 'Quyết định', CT: 'Chỉ thị', QyĐ: 'Quy định', KH: 'Kế hoạch', NĐ: 'Nghị định', TT: 'Thông tư' });
    expect(PARTY_TYPE_CODES).toMatchObject({ QĐ: 'Quyết định', QĐi: 'Quy định', KL: 'Kết luận', CTr: 'Chương trình', TT: 'Thông tri' });
    expect(STATE_TYPE_CODES).not.toHaveProperty('QĐi');
    expect(PARTY_TYPE_CODES).not.toHaveProperty('NĐ');
  });
});

describe('canonicalDocumentId', () => {
  it.each([
    ['33/CT-TTg', '33-ct-ttg'],
    ['59/2023/NĐ-CP', '59-2023-nd-cp'],
    ['1432/BNV-CTTN', '1432-bnv-cttn'],
    ['859/KH-UBND', '859-kh-ubnd'],
    ['302/KH- UBND', '302-kh-ubnd'],
    ['1847/QĐ -TTg', '1847-qd-ttg'],
    ['10/2022/QH15', '10-2022-qh15'],
    ['34/2007/PL-UBTVQH11', '34-2007-pl-ubtvqh11'],
  ])('state number %j → %s, year or not', (raw, id) => {
    expect(canonicalDocumentId(raw)).toEqual({ ok: true, id });
    expect(canonicalDocumentId(raw, { year: 2030 })).toEqual({ ok: true, id });
  });

  it.each([
    ['114-KL/TW', 2015, '114-kl-tw-2015'],
    ['110-KH/BDVTU-BCSĐUBND', 2024, '110-kh-bdvtu-bcsdubnd-2024'],
    ['04-CTr/BDVTU-BCSĐUBND', '2021-10-21', '04-ctr-bdvtu-bcsdubnd-2021'],
    ['11-QĐi/TW', '2019-02-18', '11-qdi-tw-2019'],
    ['23-QĐ/TW', '2021', '23-qd-tw-2021'],
    ['114-\nKL/TW', 2015, '114-kl-tw-2015'],
  ] as const)('Party number %j in %s → %s', (raw, year, id) => {
    expect(canonicalDocumentId(raw, { year })).toEqual({ ok: true, id });
  });

  it('writes a Party Quy định numbered "QĐ" as QĐi', () => {
    expect(canonicalDocumentId('11-QĐ/TW', { year: '2019-02-18', typeName: 'Quy định' })).toEqual({ ok: true, id: '11-qdi-tw-2019' });
    expect(canonicalDocumentId(parsed('11-QĐ/TW', 'Quy định'), { year: 2019 })).toEqual({ ok: true, id: '11-qdi-tw-2019' });
    expect(canonicalDocumentId('124-QĐ/TW', { year: 2018, typeName: 'quy định' })).toEqual({ ok: true, id: '124-qdi-tw-2018' });
    // A Quyết định keeps QĐ, and the state Quy định (QyĐ) is not touched.
    expect(canonicalDocumentId('23-QĐ/TW', { year: 2021, typeName: 'Quyết định' })).toEqual({ ok: true, id: '23-qd-tw-2021' });
    expect(canonicalDocumentId('7/QĐ-SNV', { typeName: 'Quy định' })).toEqual({ ok: true, id: '7-qd-snv' });
  });

  it('refuses a Party number without a year, in Vietnamese', () => {
    const r = canonicalDocumentId('114-KL/TW');
    expect(r).toMatchObject({ ok: false, code: 'missing-year', raw: '114-KL/TW' });
    if (!r.ok) expect(r.message).toContain('cần năm ban hành');
    expect(canonicalDocumentId('114-KL/TW', { year: 'ngày 14/7/2015' })).toMatchObject({ ok: false, code: 'missing-year' });
    expect(canonicalDocumentId('114-KL/TW', { year: null })).toMatchObject({ ok: false, code: 'missing-year' });
  });

  it('passes parse errors through', () => {
    expect(canonicalDocumentId('33CT-TTg')).toMatchObject({ ok: false, code: 'missing-separator' });
    const error = parseDocumentNumber('/KH-UBND');
    expect(canonicalDocumentId(error)).toBe(error);
  });

  it('produces ids the registry schema accepts', () => {
    for (const raw of ['110-KH/BDVTU-BCSĐUBND', '59/2023/NĐ-CP', '11-QĐi/TW', '33/CT-TTg', '26-KH/BCĐ']) {
      const r = canonicalDocumentId(raw, { year: 2024 });
      expect(r.ok && documentId.safeParse(r.id).success, raw).toBe(true);
    }
  });
});

describe('sameDocumentNumber', () => {
  it.each([
    ['1847/QĐ -TTg', '1847/QĐ-TTg'],
    ['302/KH- UBND', '302/KH-UBND'],
    ['114-\nKL/TW', '114-KL/TW'],
    ['33/CT-TTg', '33/ct-ttg'],
    ['33/QĐ-TTg', '33/QD-TTg'],
    ['110-KH/BDVTU-BCSĐUBND', '110-KH/BDVTU-BCSDUBND'],
    ['11-QĐi/TW', '11-QÐi/TW'],
  ])('%j is %j', (a, b) => {
    expect(sameDocumentNumber(a, b)).toBe(true);
    expect(sameDocumentNumber(b, a)).toBe(true);
  });

  it('equates a Party "QĐ" with "QĐi" only when the type is Quy định', () => {
    expect(sameDocumentNumber('11-QĐ/TW', '11-QĐi/TW', { typeName: 'Quy định' })).toBe(true);
    expect(sameDocumentNumber('11-QĐ/TW', '11-QĐi/TW')).toBe(false);
    expect(sameDocumentNumber('11-QĐ/TW', '11-QĐi/TW', { typeName: 'Quyết định' })).toBe(false);
    expect(sameDocumentNumber(parsed('11-QĐ/TW', 'Quy định'), '11-QĐi/TW')).toBe(true);
  });

  it.each([
    ['33/CT-TTg', '23/CT-TTg'],
    ['33/CT-TTg', '33-CT/TTg'],
    ['59/2023/NĐ-CP', '59/NĐ-CP'],
    ['114-KL/TW', '114-KL/TU'],
    ['/KH-UBND', '/KH-UBND'],
    ['33CT-TTg', '33CT-TTg'],
  ])('%j is not %j', (a, b) => {
    expect(sameDocumentNumber(a, b)).toBe(false);
  });
});
