import { describe, expect, it } from 'vitest';
import { emptySearchState, hasSearchInput, pagefindOptions, parseSearchState, serializeSearchState } from '../../../src/lib/search/url-state';

describe('search URL state', () => {
  it('round-trips a shared search', () => {
    const url = '?q=dang+uy&nam=2024&nam=2025&co-quan=so-tttt-tay-ninh&chu-de=dan-van-chinh-quyen&loai=ke-hoach&sap-xep=moi-nhat';
    const state = parseSearchState(url);
    expect(state).toEqual({
      q: 'dang uy',
      filters: { nam: ['2024', '2025'], 'co-quan': ['so-tttt-tay-ninh'], 'chu-de': ['dan-van-chinh-quyen'], loai: ['ke-hoach'] },
      sort: 'moi-nhat',
    });
    expect(serializeSearchState(state)).toBe(url);
  });

  it('keeps Vietnamese queries intact', () => {
    const state = { ...emptySearchState(), q: 'Đảng ủy' };
    expect(parseSearchState(serializeSearchState(state)).q).toBe('Đảng ủy');
  });

  it('writes one URL per search: sorted values, no duplicates, no default sort', () => {
    const state = parseSearchState('nam=2025&nam=2024&nam=2024&sap-xep=phu-hop');
    expect(serializeSearchState(state)).toBe('?nam=2024&nam=2025');
    expect(serializeSearchState(emptySearchState())).toBe('');
  });

  it('ignores unknown parameters and malformed values', () => {
    const state = parseSearchState('q=%20x%20&foo=1&nam=<script>&co-quan=So%20TTTT&sap-xep=bad');
    expect(state).toEqual({ ...emptySearchState(), q: 'x' });
  });

  it('says whether there is anything to search for', () => {
    expect(hasSearchInput(emptySearchState())).toBe(false);
    expect(hasSearchInput(parseSearchState('nam=2024'))).toBe(true);
    expect(hasSearchInput(parseSearchState('q=+'))).toBe(false);
  });

  it('maps filters to Pagefind "any" groups and the sort to the date key', () => {
    expect(pagefindOptions(parseSearchState('nam=2024&nam=2025&loai=ke-hoach&sap-xep=cu-nhat'))).toEqual({
      filters: { nam: { any: ['2024', '2025'] }, loai: { any: ['ke-hoach'] } },
      sort: { ngay: 'asc' },
    });
    expect(pagefindOptions(emptySearchState())).toEqual({ filters: {} });
  });
});
