import { describe, expect, it } from 'vitest';
import { containsPhrase, relevanceTier, rerankResults } from '../../../src/lib/search/rank';
import { normalizeQuery } from '../../../src/lib/search/query';

const terms = (q: string) => normalizeQuery(q).terms;

describe('containsPhrase', () => {
  it('finds the terms standing together, in order', () => {
    expect(containsPhrase(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsPhrase(['c', 'b'], ['b', 'c'])).toBe(false);
    expect(containsPhrase(['b', 'x', 'c'], ['b', 'c'])).toBe(false);
    expect(containsPhrase(['b', 'x', 'c'], ['b', 'c'], 1)).toBe(true);
    expect(containsPhrase(['b', 'x', 'y', 'c'], ['b', 'c'], 1)).toBe(false);
  });

  it('lets the last term be a word being typed', () => {
    expect(containsPhrase(['chuyen', 'doi', 'so'], ['chuyen', 'do'])).toBe(true);
    expect(containsPhrase(['chuyen', 'doi', 'so'], ['chu', 'doi'])).toBe(false);
  });
});

describe('relevanceTier', () => {
  const plan = (title: string, text: string) => ({ title, text });

  it('puts a title phrase above every-term title, above text phrase, above scattered words', () => {
    const q = terms('dân chủ ở cơ sở');
    expect(relevanceTier(plan('Thực hiện dân chủ ở cơ sở năm 2024', ''), q)).toBe(5);
    expect(relevanceTier(plan('Cơ sở và dân chủ ở xã', ''), q)).toBe(4);
    expect(relevanceTier(plan('Khác', 'thực hiện Dân chủ ở cơ sở'), q)).toBe(3);
    expect(relevanceTier(plan('Khác', 'dân chủ, ở cơ sở'), q)).toBe(3);
    expect(relevanceTier(plan('Khác', 'cơ sở dân chủ ở đâu'), q)).toBe(0);
  });

  it('accepts one stray word between terms as a near phrase', () => {
    expect(relevanceTier({ title: 'Khác', text: 'thực hiện dân chủ ở cơ sở' }, terms('dan chu co so'))).toBe(2);
  });

  it('matches numbers by key, whatever their spelling in the title', () => {
    expect(relevanceTier({ title: 'Triển khai Chỉ thị số 33/CT-TTg', text: '' }, terms('ct-ttg 33'))).toBe(4);
    expect(relevanceTier({ title: 'Triển khai Chỉ thị số 23/CT-TTg', text: '' }, terms('33/CT-TTg'))).toBe(0);
  });
});

describe('rerankResults', () => {
  it('moves the phrase match first and keeps the given order otherwise', () => {
    const results = [
      { id: 'scattered', title: 'A', text: 'bộ phận một cửa, tiếp nhận hồ sơ và trả lời kết quả' },
      { id: 'other', title: 'B', text: 'không liên quan' },
      { id: 'phrase', title: 'C', text: 'Bộ phận tiếp nhận và trả kết quả của xã' },
    ];
    expect(rerankResults(results, terms('Bộ phận tiếp nhận và trả kết quả')).map((r) => r.id)).toEqual(['phrase', 'scattered', 'other']);
  });

  it('leaves the order alone when nothing stands out', () => {
    const results = [{ id: 1, title: 'x', text: 'y' }, { id: 2, title: 'x', text: 'y' }];
    expect(rerankResults(results, terms('dang uy')).map((r) => r.id)).toEqual([1, 2]);
  });
});
