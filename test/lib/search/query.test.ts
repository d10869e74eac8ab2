import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery } from '../../../src/lib/search/query';

describe('normalizeQuery', () => {
  it('folds diacritics, đ and both tone placements to the same terms', () => {
    const forms = ['dang uy', 'Đảng ủy', 'Đảng uỷ', 'ĐẢNG ỦY', '  đảng   ủy '];
    for (const form of forms) expect(normalizeQuery(form).pagefind, form).toBe('dang uy');
    expect(normalizeQuery('Uỷ ban nhân dân').terms).toEqual(normalizeQuery('Ủy ban nhân dân').terms);
    expect(normalizeQuery('văn hoá').terms).toEqual(normalizeQuery('văn hóa').terms);
  });

  it('folds decomposed input like composed input', () => {
    expect(normalizeQuery('chuyển đổi số'.normalize('NFD')).pagefind).toBe('chuyen doi so');
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
    expect(q.pagefind).toBe('dan chu co so');
    expect(normalizeQuery('và của').pagefind).toBe('va cua');
    // "có" folds to "co" like "cơ": ambiguous forms are never dropped.
    expect(normalizeQuery('có kế hoạch').pagefind).toBe('co ke hoach');
  });

  it('drops punctuation and returns no Pagefind query for an empty search', () => {
    expect(normalizeQuery('“dân vận”!').terms).toEqual(['dan', 'van']);
    expect(normalizeQuery('  ').pagefind).toBeNull();
    expect(normalizeQuery('?!').pagefind).toBeNull();
  });

  it('keeps the text as typed, cut to the maximum length', () => {
    expect(normalizeQuery('Đảng  ủy').text).toBe('Đảng ủy');
    expect(normalizeQuery('a '.repeat(500)).text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});
