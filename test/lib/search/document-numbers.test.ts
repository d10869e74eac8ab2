import { describe, expect, it } from 'vitest';
import { documentNumberKey, findDocumentNumbers } from '../../../src/lib/search/document-numbers';
import { foldVietnamese } from '../../../src/lib/vn/text';

const keys = (text: string, query = false) => findDocumentNumbers(foldVietnamese(text), { query }).map((m) => m.key);

describe('documentNumberKey', () => {
  it('gives every spelling of one number the same key', () => {
    for (const spelling of ['33/CT-TTg', '33/ct-ttg', '33 CT-TTg', 'CT-TTg 33', 'ct-ttg số 33', '33 ct ttg']) {
      expect(documentNumberKey(spelling), spelling).toBe('33ctttg');
    }
  });

  it('reads both grammars and folds đ', () => {
    expect(documentNumberKey('59/2023/NĐ-CP')).toBe('592023ndcp');
    expect(documentNumberKey('10/2022/QH15')).toBe('102022qh15');
    expect(documentNumberKey('110-KH/BDVTU-BCSĐUBND')).toBe('110khbdvtubcsdubnd');
    expect(documentNumberKey('11-QĐi/TW')).toBe('11qditw');
    expect(documentNumberKey('1432/BNV-CTTN')).toBe('1432bnvcttn');
  });

  it('keeps numbers apart that differ only in the number', () => {
    expect(documentNumberKey('33/CT-TTg')).not.toBe(documentNumberKey('23/CT-TTg'));
  });

  it('refuses text that is not one number', () => {
    expect(documentNumberKey('Chỉ thị')).toBeNull();
    expect(documentNumberKey('25/3/2024')).toBeNull();
    expect(documentNumberKey('…/KH-SVHTTDL')).toBeNull();
    expect(documentNumberKey('33/CT-TTg và 14/CT-TTg')).toBeNull();
  });
});

describe('findDocumentNumbers', () => {
  it('finds the numbers a plan writes, and not its dates or ranges', () => {
    const text = 'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021, Nghị định 59/2023/NĐ-CP, giai đoạn 2021-2025 và Kết luận 114-KL/TW.';
    expect(keys(text)).toEqual(['33ctttg', '592023ndcp', '114kltw']);
  });

  it('reports offsets of the whole number in the folded text', () => {
    const folded = foldVietnamese('Chỉ thị số 33/CT-TTg ngày');
    const [m] = findDocumentNumbers(folded);
    expect(folded.slice(m!.start, m!.end)).toBe('33/ct-ttg');
  });

  it('reads spaced and symbol-first spellings in queries only', () => {
    expect(keys('33 CT-TTg', true)).toEqual(['33ctttg']);
    expect(keys('ct-ttg 33 dân vận', true)).toEqual(['33ctttg']);
    expect(keys('33 CT-TTg')).toEqual([]);
    // "đã" folds to "da", but only type abbreviations start a spaced number.
    expect(keys('năm 2024 đã triển khai', true)).toEqual([]);
  });

  it('does not read a number out of the middle of a word or a longer number', () => {
    expect(keys('covid-19 2024', true)).toEqual([]);
    expect(keys('a33/CT-TTg')).toEqual([]);
  });
});
