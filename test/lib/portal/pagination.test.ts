import { describe, expect, it } from 'vitest';
import { capList, navLinksShown, pagedBreadcrumbs, pagedTitle, pagePath, paginate, paginationNav, PLAN_PAGE_SIZE, showsNavCounts } from '../../../src/lib/portal/pagination';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paginate', () => {
  it('cuts a list into pages that hold every item once, in order, none over the page size', () => {
    for (const [n, size] of [[0, 50], [1, 50], [49, 50], [50, 50], [51, 50], [1234, 50], [7, 3]] as const) {
      const pages = paginate(range(n), size);
      expect(pages.length, `${n}/${size}`).toBe(Math.max(1, Math.ceil(n / size)));
      expect(pages.flatMap((p) => p.items)).toEqual(range(n));
      for (const page of pages) {
        expect(page.items.length).toBeLessThanOrEqual(size);
        expect(page.pageCount).toBe(pages.length);
        expect(page.total).toBe(n);
        if (page.items.length > 0) {
          expect(page.first).toBe(page.items[0]! + 1);
          expect(page.last).toBe(page.items.at(-1)! + 1);
        }
      }
      expect(pages.map((p) => p.page)).toEqual(range(pages.length).map((i) => i + 1));
    }
  });

  it('gives an empty list one empty page, so the list URL still exists', () => {
    expect(paginate([], PLAN_PAGE_SIZE)).toEqual([{ page: 1, pageCount: 1, items: [], first: 0, last: 0, total: 0 }]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow();
    expect(() => paginate([1], 2.5)).toThrow();
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list URL and puts later pages under trang/{n}/', () => {
    expect(pagePath('ke-hoach/', 1)).toBe('ke-hoach/');
    expect(pagePath('ke-hoach/', 2)).toBe('ke-hoach/trang/2/');
    expect(pagePath('ke-hoach/nam/2024/', 7)).toBe('ke-hoach/nam/2024/trang/7/');
    expect(pagePath('ke-hoach/chu-de/dan-van', 3)).toBe('ke-hoach/chu-de/dan-van/trang/3/');
  });
});

describe('paginationNav', () => {
  const numbers = (current: number, count: number) =>
    paginationNav(current, count, 'ke-hoach/')!.items.map((i) => (i.kind === 'gap' ? '…' : i.page));

  it('is absent when the list fits on one page', () => {
    expect(paginationNav(1, 1, 'ke-hoach/')).toBeNull();
  });

  it('shows the first, the last, the current page and its neighbours, with gaps between', () => {
    expect(numbers(1, 2)).toEqual([1, 2]);
    expect(numbers(1, 9)).toEqual([1, 2, '…', 9]);
    expect(numbers(5, 9)).toEqual([1, '…', 4, 5, 6, '…', 9]);
    expect(numbers(9, 9)).toEqual([1, '…', 8, 9]);
    // A gap never hides a single page: that page is shown instead.
    expect(numbers(4, 9)).toEqual([1, 2, 3, 4, 5, '…', 9]);
    expect(numbers(6, 9)).toEqual([1, '…', 5, 6, 7, 8, 9]);
  });

  it('holds for every page of lists of 2 to 30 pages', () => {
    for (let count = 2; count <= 30; count++) {
      for (let current = 1; current <= count; current++) {
        const nav = paginationNav(current, count, 'ke-hoach/nam/2024/')!;
        const pages = nav.items.flatMap((i) => (i.kind === 'page' ? [i] : []));
        expect(pages.filter((p) => p.current).map((p) => p.page)).toEqual([current]);
        const shown = pages.map((p) => p.page);
        expect(shown).toEqual([...new Set(shown)].sort((a, b) => a - b));
        for (const page of [1, count, current - 1, current, current + 1].filter((p) => p >= 1 && p <= count)) expect(shown).toContain(page);
        // Bounded: at most 7 numbers however long the list.
        expect(shown.length).toBeLessThanOrEqual(7);
        nav.items.forEach((item, k) => {
          if (item.kind !== 'gap') return;
          const before = nav.items[k - 1] as { page: number };
          const after = nav.items[k + 1] as { page: number };
          expect(after.page - before.page, `${current}/${count}`).toBeGreaterThan(2);
        });
        for (const p of pages) expect(p.path).toBe(p.page === 1 ? 'ke-hoach/nam/2024/' : `ke-hoach/nam/2024/trang/${p.page}/`);
        expect(nav.previous?.page ?? null).toBe(current > 1 ? current - 1 : null);
        expect(nav.next?.page ?? null).toBe(current < count ? current + 1 : null);
        expect(nav.label).toBe(`Trang ${current}/${count}`);
      }
    }
  });

  it('refuses a page outside the list', () => {
    expect(() => paginationNav(0, 3, 'ke-hoach/')).toThrow();
    expect(() => paginationNav(4, 3, 'ke-hoach/')).toThrow();
  });
});

describe('pagedTitle', () => {
  it('adds "Trang n/N" only when there are several pages', () => {
    expect(pagedTitle('Kế hoạch', 1, 1)).toBe('Kế hoạch');
    expect(pagedTitle('Kế hoạch', 2, 7)).toBe('Kế hoạch – Trang 2/7');
  });
});

describe('pagedBreadcrumbs', () => {
  const trail = [{ label: 'Thời hạn', path: 'thoi-han/' }, { label: 'Năm 2024' }];
  it('leaves a first page’s trail, which ends with the list itself, as it is', () => {
    expect(pagedBreadcrumbs(trail, 'thoi-han/nam/2024/', 1)).toEqual(trail);
  });
  it('links the list’s crumb to its first page on a later page, then names the page', () => {
    expect(pagedBreadcrumbs(trail, 'thoi-han/nam/2024/', 3)).toEqual([
      { label: 'Thời hạn', path: 'thoi-han/' },
      { label: 'Năm 2024', path: 'thoi-han/nam/2024/' },
      { label: 'Trang 3' },
    ]);
    expect(trail, 'the trail given is not changed').toEqual([{ label: 'Thời hạn', path: 'thoi-han/' }, { label: 'Năm 2024' }]);
  });
});

describe('counts of a list page\'s navigation', () => {
  it('are printed on the first page of a list only', () => {
    expect([1, 2, 40].map(showsNavCounts)).toEqual([true, false, false]);
    const links = [{ year: 2024, count: 12, path: 'thoi-han/nam/2024/' }];
    expect(navLinksShown(links, 1)).toEqual(links);
    expect(navLinksShown(links, 2)).toEqual([{ year: 2024, count: null, path: 'thoi-han/nam/2024/' }]);
  });
});

describe('capList', () => {
  it('keeps the first or the last items and the total', () => {
    expect(capList([1, 2, 3, 4], 2)).toEqual({ items: [1, 2], total: 4, capped: true });
    expect(capList([1, 2, 3, 4], 2, { from: 'end' })).toEqual({ items: [3, 4], total: 4, capped: true });
    expect(capList([1, 2], 2)).toEqual({ items: [1, 2], total: 2, capped: false });
  });
});
