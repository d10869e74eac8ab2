import { startDeadlineState } from '../../../src/scripts/deadline-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  classifyDeadline,
  deadlineIndexPage,
  featuredDeadlineYear,
  deadlineOwners,
  deadlinesByYear,
  deadlineYearPagePath,
  deadlineYearPages,
  deadlineYearPath,
  DEADLINE_STATE_LABELS,
  groupDeadlinesByMonth,
} from '../../../src/lib/portal/deadlines';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureCatalog, fixturePlan } from './fixture-catalog';

describe('groupDeadlinesByMonth', () => {
  it('puts every deadline of the seed plans in its month, months in date order', () => {
    const months = groupDeadlinesByMonth(seedCatalog().deadlines);
    const total = seedContent().plans.reduce((n, p) => n + p.data.deadlines.length, 0);
    expect(months.reduce((n, m) => n + m.rows.length, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
    const keys = months.map((m) => m.key);
    expect(keys).toEqual([...new Set(keys)].sort());
    for (const month of months) {
      const [year, m] = month.key.split('-');
      expect(month.label).toBe(`Tháng ${Number(m)}/${year}`);
      expect(month.rows.every((r) => r.deadline.date.startsWith(month.key))).toBe(true);
    }
  });

  it('labels months without a leading zero', () => {
    const row = (date: string) => ({ plan: 'p', position: 0, deadline: { date, task: 't', owner: 'o', submitTo: null, qualifier: null } });
    expect(groupDeadlinesByMonth([row('2024-05-10'), row('2024-05-31'), row('2024-11-10')]).map((m) => [m.label, m.rows.length])).toEqual([
      ['Tháng 5/2024', 2],
      ['Tháng 11/2024', 1],
    ]);
  });
});

describe('deadlineOwners', () => {
  it('counts each owner’s deadlines and leaves out agencies owning none', () => {
    const owners = deadlineOwners(seedCatalog());
    expect(owners.reduce((n, o) => n + o.count, 0)).toBe(seedCatalog().deadlines.length);
    expect(owners.every((o) => o.count > 0)).toBe(true);
  });
});

describe('classifyDeadline', () => {
  it('keeps the deadline day open and calls the next 30 days soon', () => {
    expect(classifyDeadline('2024-11-10', '2024-11-10')).toBe('soon');
    expect(classifyDeadline('2024-11-09', '2024-11-10')).toBe('past');
    expect(classifyDeadline('2024-12-10', '2024-11-10')).toBe('soon');
    expect(classifyDeadline('2024-12-11', '2024-11-10')).toBe('later');
    expect(classifyDeadline('2025-01-05', '2024-12-20')).toBe('soon');
    expect(classifyDeadline('2024-03-01', '2024-02-28')).toBe('soon');
  });
});

// A stand-in for the few DOM calls the script makes.
class FakeElement {
  attributes = new Map<string, string>();
  hidden = false;
  textContent = '';
  children: FakeElement[] = [];
  listeners = new Map<string, () => void>();
  constructor(attrs: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(attrs)) this.attributes.set(k, v);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  querySelector(selector: string) {
    if (selector === '[data-deadline-state]') return this.children[0] ?? null;
    if (selector === '[data-deadline-no-report]') return this.children[1] ?? null;
    return null;
  }
  append(child: FakeElement) {
    this.children.push(child);
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, fn);
  }
}

describe('startDeadlineState (src/scripts/deadline-state.ts)', () => {
  afterEach(() => vi.useRealTimers());

  it('marks each row with the same state classifyDeadline gives, and hides past rows on demand', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2024, 10, 1, 9, 0));
    const dates = ['2024-05-10', '2024-10-31', '2024-11-01', '2024-11-20', '2025-11-15'];
    const rows = dates.map((date) => {
      const row = new FakeElement({ 'data-deadline': '', 'data-due': date });
      row.children.push(new FakeElement());
      return row;
    });
    const host = new FakeElement();
    host.hidden = true;
    const created: FakeElement[] = [];
    const document = {
      querySelectorAll: (selector: string) =>
        selector === '[data-deadline]' ? rows : selector.includes('data-state="past"') ? rows.filter((r) => r.getAttribute('data-state') === 'past') : [],
      querySelector: (selector: string) => (selector === '[data-deadline-toggle]' ? host : null),
      createElement: () => {
        const el = new FakeElement();
        created.push(el);
        return el;
      },
    };
    startDeadlineState(document as unknown as Document);
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(dates.map((d) => classifyDeadline(d, '2024-11-01')));
    expect(rows[0].children[0].textContent).toBe(DEADLINE_STATE_LABELS.past);
    expect(host.hidden).toBe(false);
    const [button] = created;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.listeners.get('click')!();
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(rows.map((r) => r.hidden)).toEqual([true, true, false, false, false]);
    button.listeners.get('click')!();
    expect(rows.every((r) => !r.hidden)).toBe(true);
  });

  it('keeps "Đã báo cáo ngày …" on a reported past row and shows the neutral note only on past rows without a report', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2024, 10, 1, 9, 0));
    const row = (date: string, reported: boolean) => {
      const el = new FakeElement({ 'data-deadline': '', 'data-due': date, ...(reported ? { 'data-reported': '' } : {}) });
      const slot = new FakeElement();
      slot.hidden = true;
      el.children.push(slot);
      if (!reported) {
        const note = new FakeElement();
        note.hidden = true;
        el.children.push(note);
      }
      return el;
    };
    const rows = [row('2024-06-10', true), row('2024-06-10', false), row('2024-12-10', false)];
    const document = {
      querySelectorAll: (selector: string) => (selector === '[data-deadline]' ? rows : []),
      querySelector: () => null,
      createElement: () => new FakeElement(),
    };
    startDeadlineState(document as unknown as Document);
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['past', 'past', 'later']);
    expect(rows[0].children[0].hidden).toBe(true);
    expect(rows[1].children[0].textContent).toBe(DEADLINE_STATE_LABELS.past);
    expect(rows[1].children[1].hidden).toBe(false);
    expect(rows[2].children[1].hidden).toBe(true);
  });
});

describe('deadlineIndexPage and the year pages', () => {
  it('lists every seed deadline on /thoi-han/ (far below the threshold)', () => {
    const catalog = seedCatalog();
    const model = deadlineIndexPage(catalog);
    expect(model.complete).toBe(true);
    expect(model.featured).toBeNull();
    expect(model.months.flatMap((m) => m.rows)).toEqual(catalog.deadlines);
    expect(model.planCount).toBe(seedContent().plans.filter((p) => p.data.deadlines.length > 0).length);
  });

  it('past the threshold shows the year of the latest issued plan, one page of it, and every year as a link', () => {
    const catalog = seedCatalog();
    const model = deadlineIndexPage(catalog, { max: 2, pageSize: 3 });
    expect(model.complete).toBe(false);
    const years = [...new Set(catalog.deadlines.map((r) => Number(r.deadline.date.slice(0, 4))))];
    expect(model.years.map((y) => y.year)).toEqual(years);
    expect(model.years.map((y) => y.path)).toEqual(years.map((y) => `thoi-han/nam/${y}/`));
    const latest = catalog.plans[0]!.data;
    const newest = Number((latest.issuedOn ?? String(latest.year)).slice(0, 4));
    const expectedYear = years.includes(newest) ? newest : Math.max(...years.filter((y) => y < newest));
    expect(model.featured!.year).toBe(expectedYear);
    expect(featuredDeadlineYear(catalog)).toBe(expectedYear);
    const ofYear = catalog.deadlines.filter((r) => r.deadline.date.startsWith(String(expectedYear)));
    expect(model.months.flatMap((m) => m.rows)).toEqual(ofYear.slice(0, 3));
    expect(model.featured!.count).toBe(ofYear.length);
  });

  it('cuts each year into pages that together hold every deadline once', () => {
    const catalog = seedCatalog();
    const pages = deadlineYearPages(catalog, 2);
    expect(pages.flatMap((p) => p.slice.items)).toEqual(catalog.deadlines);
    for (const page of pages) {
      expect(page.slice.items.every((r) => r.deadline.date.startsWith(String(page.year)))).toBe(true);
      expect(deadlineYearPagePath(page)).toBe(page.slice.page === 1 ? deadlineYearPath(page.year) : `thoi-han/nam/${page.year}/trang/${page.slice.page}/`);
    }
  });

  it('keeps the deadline of a year folded into that year only', () => {
    expect(deadlinesByYear(seedCatalog()).every((y) => y.rows.every((r) => r.deadline.date.startsWith(`${y.year}-`)))).toBe(true);
  });
});

describe('featuredDeadlineYear', () => {
  it('falls back to the latest earlier year with deadlines when the newest plan’s year has none', () => {
    const catalog = fixtureCatalog({
      plans: [
        fixturePlan('cu', { year: 2023, issuedOn: '2023-03-01', deadlines: [{ date: '2023-06-30', task: 'Báo cáo', owner: 'co-quan-a' }] }),
        fixturePlan('moi', { year: 2025, issuedOn: '2025-02-01' }),
      ],
    });
    expect(featuredDeadlineYear(catalog)).toBe(2023);
    expect(featuredDeadlineYear(fixtureCatalog({}))).toBeUndefined();
  });
});
