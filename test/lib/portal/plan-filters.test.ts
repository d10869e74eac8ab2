import { describe, expect, it } from 'vitest';
import { planFilterPath, planFilters, plansOf } from '../../../src/lib/portal/plan-filters';
import { slugify } from '../../../src/lib/vn/slug';
import { seedCatalog, seedContent } from './seed-catalog';

describe('planFilters on the seed plans', () => {
  const catalog = seedCatalog();
  const filters = planFilters(catalog);
  const plans = seedContent().plans;

  it('keeps exactly the plans of each year, issuer and topic, with their count', () => {
    const expected = {
      nam: (value: string) => plans.filter((p) => String(p.data.year) === value),
      'co-quan': (value: string) => plans.filter((p) => p.data.issuer === value),
      'chu-de': (value: string) => plans.filter((p) => p.data.topics.some((t) => slugify(t) === value)),
    };
    for (const [kind, options] of Object.entries(filters) as [keyof typeof expected, (typeof filters)['nam']][]) {
      expect(options.length, kind).toBeGreaterThan(0);
      for (const option of options) {
        const want = expected[kind](option.value).map((p) => p.slug).sort();
        expect(plansOf(catalog, option).map((p) => p.slug).sort(), `${kind}/${option.value}`).toEqual(want);
        expect(option.count).toBe(want.length);
      }
    }
  });

  it('offers every year and every issuer, newest year first', () => {
    expect(filters.nam.map((o) => Number(o.value))).toEqual([...new Set(plans.map((p) => p.data.year))].sort((a, b) => b - a));
    expect(filters['co-quan'].map((o) => o.value).sort()).toEqual([...new Set(plans.map((p) => p.data.issuer))].sort());
    expect(filters.nam.reduce((n, o) => n + o.count, 0)).toBe(plans.length);
  });

  it('lists each option newest plan first', () => {
    const rank = new Map(catalog.plans.map((p, i) => [p.slug, i]));
    for (const option of Object.values(filters).flat()) {
      const order = option.plans.map((slug) => rank.get(slug)!);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('planFilterPath', () => {
  it('nests filter pages under /ke-hoach/', () => {
    expect(planFilterPath('nam', '2024')).toBe('ke-hoach/nam/2024/');
    expect(planFilterPath('co-quan', 'so-tttt-tay-ninh')).toBe('ke-hoach/co-quan/so-tttt-tay-ninh/');
    expect(planFilterPath('chu-de', 'dan-van-chinh-quyen')).toBe('ke-hoach/chu-de/dan-van-chinh-quyen/');
  });
});
