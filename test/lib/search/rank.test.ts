import { describe, expect, it } from 'vitest';
import { RELEVANCE_TIERS, containsPhrase, relevanceTier, rerankResults, type RankableResult } from '../../../src/lib/search/rank';
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

  it('matches whole words only, never a word that merely begins with the term', () => {
    expect(containsPhrase(['chuyen', 'doi', 'so'], ['chuyen', 'do'])).toBe(false);
    expect(containsPhrase(['danh', 'van'], ['dan', 'van'])).toBe(false);
  });
});

describe('relevanceTier', () => {
  const plan = (title: string, text: string, extra: Partial<RankableResult> = {}): RankableResult => ({
    title,
    text,
    date: '2024-01-01',
    basis: [],
    citations: [],
    ...extra,
  });
  const T = RELEVANCE_TIERS;

  it('puts a phrase above a title with every term, above a number, above the body', () => {
    const q = terms('dân chủ ở cơ sở');
    expect(relevanceTier(plan('Thực hiện dân chủ ở cơ sở năm 2024', ''), q)).toBe(T.titlePhrase);
    expect(relevanceTier(plan('Khác', 'thực hiện Dân chủ ở cơ sở'), q)).toBe(T.phrase);
    expect(relevanceTier(plan('Khác', 'dân chủ, ở cơ sở'), q)).toBe(T.phrase);
    expect(relevanceTier(plan('Cơ sở và dân chủ ở xã', ''), q)).toBe(T.title);
    expect(relevanceTier(plan('Khác', 'cơ sở dân chủ ở đâu'), q)).toBe(T.body);
    expect([T.titlePhrase, T.phrase, T.title, T.basis, T.citation, T.nearPhrase, T.body]).toEqual(
      [...[T.titlePhrase, T.phrase, T.title, T.basis, T.citation, T.nearPhrase, T.body]].sort((a, b) => b - a),
    );
  });

  it('counts a title phrase with one stray word ("ở") as a title phrase, a text one as a near phrase', () => {
    expect(relevanceTier(plan('Thực hiện dân chủ ở cơ sở năm 2024', ''), terms('dan chu co so'))).toBe(T.titlePhrase);
    expect(relevanceTier(plan('Khác', 'thực hiện dân chủ ở cơ sở'), terms('dan chu co so'))).toBe(T.nearPhrase);
  });

  it('ranks a plan implementing the number asked for above one citing it, above a mention', () => {
    const q = terms('33/CT-TTg');
    expect(relevanceTier(plan('Triển khai Chỉ thị số 33/CT-TTg', ''), terms('ct-ttg 33'))).toBe(T.title);
    expect(relevanceTier(plan('Khác', '', { basis: ['33ctttg'] }), q)).toBe(T.basis);
    expect(relevanceTier(plan('Khác', '', { citations: ['33ctttg'] }), q)).toBe(T.citation);
    expect(relevanceTier(plan('Khác', 'theo Chỉ thị 33/CT-TTg'), q)).toBe(T.body);
    expect(relevanceTier(plan('Triển khai Chỉ thị số 23/CT-TTg', ''), q)).toBe(T.body);
  });
});

describe('rerankResults', () => {
  const result = (id: string, title: string, text: string, date = '2024-01-01') => ({ id, title, text, date, basis: [], citations: [] });

  it('moves the phrase match first', () => {
    const results = [
      result('scattered', 'A', 'bộ phận một cửa, tiếp nhận hồ sơ và trả lời kết quả'),
      result('other', 'B', 'không liên quan'),
      result('phrase', 'C', 'Bộ phận tiếp nhận và trả kết quả của xã'),
    ];
    expect(rerankResults(results, terms('Bộ phận tiếp nhận và trả kết quả')).map((r) => r.id)).toEqual(['phrase', 'scattered', 'other']);
  });

  it('puts the newest first within a tier, and keeps the given order on equal dates', () => {
    const results = [result('old', 'x', 'y', '2019-05-01'), result('new', 'x', 'y', '2025-02-01'), result('a', 'x', 'y', '2020-01-01'), result('b', 'x', 'y', '2020-01-01')];
    expect(rerankResults(results, terms('dang uy')).map((r) => r.id)).toEqual(['new', 'a', 'b', 'old']);
  });
});
