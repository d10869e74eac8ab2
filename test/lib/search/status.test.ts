import { describe, expect, it } from 'vitest';
import { searchStatus } from '../../../src/lib/search/status';

describe('searchStatus', () => {
  it('counts the whole answer, with Vietnamese thousands separators', () => {
    expect(searchStatus(4852, 'dân chủ', { complete: true })).toBe('Tìm thấy 4.852 kế hoạch cho “dân chủ”.');
    expect(searchStatus(1, '', { complete: true })).toBe('Tìm thấy 1 kế hoạch.');
  });

  it('says nothing was found only for the whole answer', () => {
    expect(searchStatus(0, 'covid', { complete: true })).toBe('Không tìm thấy kế hoạch nào cho “covid”.');
    const partial = searchStatus(0, 'covid', { complete: false, searched: 0, total: 50000 });
    expect(partial).toBe('Đang tìm “covid” trong tất cả 50.000 kế hoạch…');
    expect(partial).not.toMatch(/Không tìm thấy|Tìm thấy/);
  });

  it('names what a partial count covers and that the search goes on, never as the total', () => {
    const partial = searchStatus(12, 'dân chủ', { complete: false, searched: 1000, total: 50000 });
    expect(partial).toBe('12 kế hoạch cho “dân chủ” trong 1.000 kế hoạch mới nhất. Đang tìm trong tất cả 50.000 kế hoạch…');
    expect(partial).not.toMatch(/Tìm thấy/);
  });
});
