import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery, preloadQuery } from '../../../src/lib/search/query';
import { TERM_END } from '../../../src/lib/search/client-config';

/** The Pagefind query without the end marks, to read. */
const searched = (q: string) => normalizeQuery(q).pagefind?.replaceAll(TERM_END, '') ?? null;

describe('normalizeQuery', () => {
  it('folds diacritics, đ and both tone placements to the same terms', () => {
    const forms = ['dang uy', 'Đảng ủy', 'Đảng uỷ', 'ĐẢNG ỦY', '  đảng   ủy '];
    for (const form of forms) expect(searched(form), form).toBe('dang uy');
    expect(normalizeQuery('Uỷ ban nhân dân').terms).toEqual(normalizeQuery('Ủy ban nhân dân').terms);
    expect(normalizeQuery('văn hoá').terms).toEqual(normalizeQuery('văn hóa').terms);
  });

  it('folds decomposed input like composed input', () => {
    expect(searched('chuyển đổi số'.normalize('NFD'))).toBe('chuyen doi so');
  });

  it('turns a document number in any spelling into its key, keeping the other words', () => {
    expect(normalizeQuery('33/CT-TTg').terms).toEqual(['33ctttg']);
    expect(normalizeQuery('33 CT-TTg').terms).toEqual(['33ctttg']);
    expect(normalizeQuery('ct-ttg 33').terms).toEqual(['33ctttg']);
    expect(normalizeQuery('Chỉ thị 33/CT-TTg dân vận').terms).toEqual(['chi', 'thi', '33ctttg', 'dan', 'van']);
  });

  it('leaves function words out of the Pagefind query but keeps them as terms', () => {
    const q = normalizeQuery('dân chủ ở cơ sở');
    expect(q.terms).toEqual(['dan', 'chu', 'o', 'co', 'so']);
    expect(searched('dân chủ ở cơ sở')).toBe('dan chu co so');
    expect(q.required).toEqual(['dan', 'chu', 'co', 'so']);
    expect(searched('và của')).toBe('va cua');
    // "có" folds to "co" like "cơ": ambiguous forms are never dropped.
    expect(searched('có kế hoạch')).toBe('co ke hoach');
  });

  it('drops punctuation and returns no Pagefind query for an empty search', () => {
    expect(normalizeQuery('“dân vận”!').terms).toEqual(['dan', 'van']);
    expect(normalizeQuery('  ').pagefind).toBeNull();
    expect(normalizeQuery('?!').pagefind).toBeNull();
  });

  it('keeps each term as written, for suggestions', () => {
    expect(normalizeQuery('Đảng  ủy theo 33/CT-TTg').written).toEqual(['Đảng', 'ủy', 'theo', '33/CT-TTg']);
  });

  it('keeps the text as typed, cut to the maximum length', () => {
    expect(normalizeQuery('Đảng  ủy').text).toBe('Đảng ủy');
    expect(normalizeQuery('a '.repeat(500)).text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});

describe('preloadQuery', () => {
  const preloaded = (q: string) => preloadQuery(q)?.replaceAll(TERM_END, '') ?? null;

  it('leaves out the word being typed while it is one letter', () => {
    expect(preloaded('d')).toBeNull();
    expect(preloaded('dâ')).toBe('da');
    expect(preloaded('dân')).toBe('dan');
    expect(preloaded('dân c')).toBe('dan');
    expect(preloaded('dân ch')).toBe('dan ch');
    expect(preloaded('dân chủ')).toBe('dan chu');
  });

  it('keeps a short word once a space ends it, and drops stop words as the search does', () => {
    expect(preloaded('dân chủ ở ')).toBe('dan chu');
    expect(preloaded('cơ ')).toBe('co');
    expect(preloaded('dân chủ ở cơ sở ')).toBe(searched('dân chủ ở cơ sở'));
  });

  it('treats a document number being typed as one word', () => {
    expect(preloaded('33/CT-TTg')).toBe(searched('33/CT-TTg'));
    expect(preloaded('Chỉ thị 33/C')).toBe(searched('Chỉ thị 33/C'));
    expect(preloaded('Chỉ thị 3')).toBe('chi thi');
  });
});
