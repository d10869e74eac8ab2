import { describe, expect, it } from 'vitest';
import { searchTextPath, slugFromResultUrl } from '../../../src/lib/search/client-config';
import { buildSearchRecord } from '../../../src/lib/search/record';
import { seedCatalog } from '../portal/seed-catalog';

describe('plan text store paths', () => {
  it('finds the text of a result from its URL, under any base path', () => {
    const catalog = seedCatalog();
    for (const base of ['/', '/ke-hoach-mo/']) {
      for (const plan of catalog.plans) {
        const record = buildSearchRecord(plan, { base, agencyName: (id) => catalog.agencies.get(id)?.data.name });
        expect(searchTextPath(slugFromResultUrl(record.url))).toBe(`text/${plan.slug}.txt.gz`);
      }
    }
  });

  it('ignores a query string or fragment on the URL', () => {
    expect(slugFromResultUrl('/ke-hoach/abc/?highlight=x#y')).toBe('abc');
    expect(slugFromResultUrl('/ke-hoach/abc')).toBe('abc');
  });
});
