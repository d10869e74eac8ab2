import { describe, expect, it } from 'vitest';
import { planFilterNav, planFilterPath, planFilters, planListPagePath, planListPages, planListText, planListView, plansOf } from '../../../src/lib/portal/plan-filters';
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

describe('planListPages', () => {
  const catalog = seedCatalog();

  it('puts each seed list on one page at its own URL (fewer plans than a page holds)', () => {
    const pages = planListPages(catalog);
    expect(pages.every((p) => p.slice.pageCount === 1)).toBe(true);
    const options = Object.values(planFilters(catalog)).flat();
    expect(pages.map(planListPagePath)).toEqual(['ke-hoach/', ...options.map((o) => planFilterPath(o.kind, o.value))]);
  });

  it('with a small page size, cuts every list into pages that keep its plans in order', () => {
    const pages = planListPages(catalog, 2);
    const all = pages.filter((p) => p.option === null);
    expect(all.map(planListPagePath)).toEqual(['ke-hoach/', 'ke-hoach/trang/2/', 'ke-hoach/trang/3/'].slice(0, Math.ceil(catalog.plans.length / 2)));
    expect(all.flatMap((p) => p.slice.items)).toEqual(catalog.plans);
    for (const option of Object.values(planFilters(catalog)).flat()) {
      const own = pages.filter((p) => p.option === option);
      expect(own.flatMap((p) => p.slice.items.map((e) => e.slug))).toEqual(option.plans);
      expect(own.map(planListPagePath)).toEqual(own.map((p) => (p.slice.page === 1 ? planFilterPath(option.kind, option.value) : `${planFilterPath(option.kind, option.value)}trang/${p.slice.page}/`)));
    }
  });

  it('is computed once per catalog and page size', () => {
    expect(planListPages(catalog)).toBe(planListPages(catalog));
    expect(planFilters(catalog)).toBe(planFilters(catalog));
  });
});

describe('planListText', () => {
  const catalog = seedCatalog();
  it('names the list and ends the trail with it', () => {
    expect(planListText(catalog, null)).toMatchObject({ title: 'Kế hoạch', breadcrumbs: [{ label: 'Kế hoạch' }] });
    const year = planFilters(catalog).nam[0]!;
    const text = planListText(catalog, year);
    expect(text.title).toBe(`Kế hoạch năm ${year.value}`);
    expect(text.breadcrumbs).toEqual([{ label: 'Kế hoạch', path: 'ke-hoach/' }, { label: `Năm ${year.value}` }]);
    expect(text.lead).toContain(`${year.count} trong ${catalog.plans.length}`);
    // A later page prints the list's count alone, not the portal's total.
    expect(planListText(catalog, year, 2).lead).toBe(`${year.count} kế hoạch trên cổng. Chọn bộ lọc khác hoặc xem tất cả.`);
  });
});

describe('planFilterNav', () => {
  it('prints the counts and the portal total on a first page, the same links without them on later pages', () => {
    const catalog = seedCatalog();
    const first = planFilterNav(catalog, undefined, 1);
    const later = planFilterNav(catalog, undefined, 3);
    expect(first.total).toBe(catalog.plans.length);
    expect(later.total).toBeNull();
    for (const kind of ['nam', 'co-quan', 'chu-de'] as const) {
      expect(first.options[kind].map((o) => o.count)).toEqual(planFilters(catalog)[kind].map((o) => o.count));
      expect(later.options[kind].map(({ value, label }) => [value, label])).toEqual(first.options[kind].map(({ value, label }) => [value, label]));
      expect(later.options[kind].every((o) => o.count === null)).toBe(true);
    }
  });
});

describe('planListView', () => {
  it('gives a page its text, filters and option under one count rule: totals on page 1, none later', () => {
    const catalog = seedCatalog();
    const first = planListPages(catalog).find((page) => page.option?.kind === 'nam')!;
    const option = first.option!;
    const later = { ...first, slice: { ...first.slice, page: 2, pageCount: 2 } };
    expect(planListView(catalog, first)).toEqual({
      ...planListText(catalog, option),
      pageTitle: planListText(catalog, option).title,
      nav: planFilterNav(catalog, { kind: 'nam', value: option.value }, 1),
      pagination: null,
      current: { kind: 'nam', value: option.value },
    });
    const view = planListView(catalog, later);
    // A later page's title and trail carry its number, the list's crumb leading to its first page.
    expect(view.pageTitle).toBe(`${view.title} – Trang 2/2`);
    expect(view.breadcrumbs).toEqual([{ label: 'Kế hoạch', path: 'ke-hoach/' }, { label: `Năm ${option.label}`, path: first.firstPagePath }, { label: 'Trang 2' }]);
    expect(view.pagination?.previous?.path).toBe(first.firstPagePath);
    expect(view.lead).toBe(`${option.count} kế hoạch trên cổng. Chọn bộ lọc khác hoặc xem tất cả.`);
    expect(view.nav.total).toBeNull();
    expect(view.nav.options.nam.every((o) => o.count === null)).toBe(true);
    const all = planListPages(catalog).find((page) => page.option === null)!;
    expect(planListView(catalog, all).current).toBeUndefined();
    expect(planListView(catalog, all).nav.total).toBe(catalog.plans.length);
  });
});

describe('planFilterNavOptions', () => {
  it('shows the agencies with the most plans, keeps the current one and counts the others', async () => {
    const { planFilterNavOptions } = await import('../../../src/lib/portal/plan-filters');
    const option = (value: string, count: number) => ({ kind: 'co-quan' as const, value, label: value, count, plans: [] });
    const filters = { nam: [], 'chu-de': [], 'co-quan': [option('a', 5), option('b', 1), option('c', 9), option('d', 2)] };
    const top = planFilterNavOptions(filters, undefined, 2);
    expect(top.options['co-quan'].map((o) => o.value)).toEqual(['a', 'c']);
    expect(top.hidden['co-quan']).toBe(2);
    const withCurrent = planFilterNavOptions(filters, { kind: 'co-quan', value: 'b' }, 2);
    expect(withCurrent.options['co-quan'].map((o) => o.value)).toEqual(['a', 'b', 'c']);
    expect(withCurrent.hidden['co-quan']).toBe(1);
    expect(planFilterNavOptions(filters, undefined, 10).hidden['co-quan']).toBe(0);
  });
});
