import { describe, expect, it } from 'vitest';
import { searchFilterGroups } from '../../../src/lib/search/filters';
import { buildSearchRecord, searchRecordContext } from '../../../src/lib/search/record';
import { SEARCH_FILTERS } from '../../../src/lib/search/url-state';
import { seedCatalog } from '../portal/seed-catalog';

describe('searchFilterGroups on the seed catalog', () => {
  const catalog = seedCatalog();
  const groups = searchFilterGroups(catalog);
  const records = catalog.plans.map((plan) => buildSearchRecord(plan, searchRecordContext(catalog, '/')));

  it('has one labelled group per filter, in URL order', () => {
    expect(groups.map((g) => g.name)).toEqual([...SEARCH_FILTERS]);
    expect(groups.map((g) => g.label)).toEqual(['Năm', 'Cơ quan ban hành', 'Chủ đề', 'Loại văn bản']);
  });

  it('offers exactly the values the index records carry', () => {
    for (const group of groups) {
      const indexed = new Set(records.flatMap((r) => r.filters[group.name]));
      expect(new Set(group.options.map((o) => o.value)), group.name).toEqual(indexed);
    }
  });

  it('labels values in Vietnamese: years newest first, agencies by name, document types as written', () => {
    const years = groups.find((g) => g.name === 'nam')!.options.map((o) => o.value);
    expect(years).toEqual([...years].sort().reverse());
    const agencies = groups.find((g) => g.name === 'co-quan')!.options;
    for (const option of agencies) expect(option.label).toBe(catalog.agencies.get(option.value)!.data.name);
    expect(groups.find((g) => g.name === 'loai')!.options).toEqual([{ value: 'ke-hoach', label: 'Kế hoạch' }]);
  });
});
