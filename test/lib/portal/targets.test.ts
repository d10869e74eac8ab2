import { describe, expect, it } from 'vitest';
import { formatTargetValue } from '../../../src/lib/vn/numbers';
import {
  TARGET_OVERVIEW_CELL,
  TARGET_OVERVIEW_ROWS,
  groupTargetYearEntries,
  targetOverview,
  targetRowYearPath,
  targetTables,
  targetTopicPagePath,
  targetTopicPages,
  targetTopicPath,
  targetTopicYears,
  targetYearPagePath,
  targetYearPages,
  targetYearPath,
} from '../../../src/lib/portal/targets';
import { slugify } from '../../../src/lib/vn/slug';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureAgency, fixtureCatalog, fixturePlan } from './fixture-catalog';

describe('targetTables on the seed plans', () => {
  const tables = targetTables(seedCatalog());

  it('lists every target of every plan exactly once', () => {
    const expected = seedContent().plans.flatMap((p) => p.data.targets.map((t) => `${p.slug}|${t.text}`));
    const listed = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flat().map((e) => `${e.plan.slug}|${e.target.text}`)));
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('puts each target in its year column, years oldest first', () => {
    for (const table of tables) {
      expect(table.years).toEqual([...table.years].sort((a, b) => a - b));
      for (const row of table.rows) row.cells.forEach((cell, i) => expect(cell.every((e) => e.plan.data.year === table.years[i])).toBe(true));
    }
  });

  it('sets dân vận chính quyền targets of different years side by side on one row', () => {
    const plans = seedContent().plans.filter((p) => p.data.topics[0] === 'Dân vận chính quyền' && p.data.targets.length > 0);
    const years = new Set(plans.map((p) => p.data.year));
    expect(years.size).toBeGreaterThanOrEqual(2);
    const table = tables.find((t) => t.topic.label === 'Dân vận chính quyền')!;
    expect(new Set(table.years)).toEqual(years);
    // Indicators that plans of two different years share, read from the files.
    const yearsByIndicator = new Map<string, Set<number>>();
    for (const p of plans) for (const t of p.data.targets) if (t.indicator) yearsByIndicator.set(t.indicator, (yearsByIndicator.get(t.indicator) ?? new Set()).add(p.data.year));
    const shared = [...yearsByIndicator].filter(([, y]) => y.size > 1).map(([label]) => label);
    expect(shared.length).toBeGreaterThan(0);
    for (const label of shared) {
      const row = table.rows.find((r) => r.label === label)!;
      expect(row.compared).toBe(true);
      expect(row.cells.filter((c) => c.length > 0).length).toBe(yearsByIndicator.get(label)!.size);
    }
    const firstSingle = table.rows.findIndex((r) => !r.compared);
    if (firstSingle !== -1) expect(table.rows.slice(firstSingle).every((r) => !r.compared)).toBe(true);
  });
});

describe('targetTables rows', () => {
  it('meet across case and tone placement, and fall back to the text without an indicator', () => {
    const catalog = fixtureCatalog({
      plans: [
        fixturePlan('a', { year: 2024, targets: [{ text: 'Một', value: 90, unit: '%', indicator: 'Tỷ lệ hoá đơn' }, { text: 'Không có nhãn' }] }),
        fixturePlan('b', { year: 2025, targets: [{ text: 'Hai', value: 95, unit: '%', indicator: 'tỷ lệ hóa đơn' }] }),
      ],
    });
    const [table] = targetTables(catalog);
    expect(table.years).toEqual([2024, 2025]);
    expect(table.rows.map((r) => [r.label, r.cells.map((c) => c.map((e) => e.value ?? e.target.text))])).toEqual([
      // The newest plan's wording names the row.
      ['tỷ lệ hóa đơn', [['90%'], ['95%']]],
      ['Không có nhãn', [['Không có nhãn'], []]],
    ]);
  });
});

describe('paths', () => {
  it('put a topic and its years under /chi-tieu/', () => {
    expect(targetTopicPath('dan-van-chinh-quyen')).toBe('chi-tieu/dan-van-chinh-quyen/');
    expect(targetYearPath('dan-van-chinh-quyen', 2024)).toBe('chi-tieu/dan-van-chinh-quyen/nam/2024/');
  });
});

/** Dân vận chính quyền plans with targets, and the indicators plans of different years share. */
function sharedDanVan() {
  const plans = seedContent().plans.filter((p) => p.data.topics[0] === 'Dân vận chính quyền' && p.data.targets.length > 0);
  const byIndicator = new Map<string, typeof plans>();
  for (const p of plans) for (const t of p.data.targets) if (t.indicator) byIndicator.set(t.indicator, [...(byIndicator.get(t.indicator) ?? []), p]);
  const shared = [...byIndicator].filter(([, ps]) => new Set(ps.map((p) => p.data.year)).size > 1);
  return { plans, shared };
}

describe('targetOverview (/chi-tieu/) on the seed plans', () => {
  const catalog = seedCatalog();
  const overview = targetOverview(catalog);

  it('counts every target and every plan that sets one', () => {
    expect(overview.total).toBe(seedContent().plans.reduce((n, p) => n + p.data.targets.length, 0));
    expect(overview.planCount).toBe(seedContent().plans.filter((p) => p.data.targets.length > 0).length);
  });

  it('shows the 2024 and 2025 dân vận chính quyền targets of the two agencies side by side', () => {
    const { plans, shared } = sharedDanVan();
    expect(shared.length).toBeGreaterThan(0);
    const view = overview.tables.find((t) => t.topic.label === 'Dân vận chính quyền')!;
    expect(view.years).toEqual([...new Set(plans.map((p) => p.data.year))].sort());
    for (const [label, withIt] of shared) {
      const row = view.rows.find((r) => r.label === label)!;
      expect(row, label).toBeDefined();
      expect(row.compared).toBe(true);
      for (const plan of withIt) {
        const cell = row.cells.find((c) => c.year === plan.data.year)!;
        const item = cell.items.find((i) => i.plan.slug === plan.slug)!;
        expect(item, `${label} ${plan.slug}`).toBeDefined();
        expect(item.issuer).toBe(catalog.agencies.get(plan.data.issuer)!.data.shortName);
        const target = plan.data.targets.find((t) => t.indicator === label)!;
        // The link lands on the target's own row of the plan page.
        expect(item.path).toBe(`ke-hoach/${plan.slug}/#chi-tieu-${plan.data.targets.indexOf(target) + 1}`);
        expect(item.value).toBe(formatTargetValue(target));
        expect(item.fullText === null ? item.text : item.fullText).toBe(target.text);
      }
    }
  });

  it('keeps at most the capped rows, compared rows first, and links the whole topic', () => {
    for (const view of overview.tables) {
      expect(view.rows.length).toBeLessThanOrEqual(TARGET_OVERVIEW_ROWS);
      expect(view.rows.length).toBe(Math.min(TARGET_OVERVIEW_ROWS, view.rowCount));
      const firstSingle = view.rows.findIndex((r) => !r.compared);
      if (firstSingle !== -1) expect(view.rows.slice(firstSingle).every((r) => !r.compared)).toBe(true);
      expect(view.path).toBe(`chi-tieu/${view.topic.slug}/`);
      for (const row of view.rows) for (const cell of row.cells) expect(cell.items.length).toBeLessThanOrEqual(TARGET_OVERVIEW_CELL);
    }
  });
});

describe('cells with more values than they show', () => {
  const plans = ['a', 'b', 'c', 'd', 'e'].map((slug, i) =>
    fixturePlan(slug, { issuedOn: `2024-0${i + 1}-01`, targets: [{ text: `Mục ${slug}`, value: 90 + i, unit: '%', indicator: 'Tỷ lệ' }] }),
  );
  // Plan "f" states the same indicator twice.
  plans.push(fixturePlan('f', { year: 2025, targets: ['một', 'hai', 'ba', 'bốn', 'năm'].map((n) => ({ text: `Lần ${n}`, value: 1, unit: null, indicator: 'Tỷ lệ' })) }));
  const catalog = fixtureCatalog({ plans });

  it('say how many other plans there are and link the year page at the row', () => {
    const [view] = targetOverview(catalog).tables;
    const [row] = view!.rows;
    const cell2024 = row!.cells.find((c) => c.year === 2024)!;
    expect(cell2024.items.map((i) => i.plan.slug)).toEqual(['e', 'd']);
    expect(cell2024.total).toBe(5);
    expect(cell2024.moreText).toBe('và 3 kế hoạch khác');
    expect(cell2024.morePath).toBe(`chi-tieu/chu-de-thu/nam/2024/#${row!.id}`);
    const cell2025 = row!.cells.find((c) => c.year === 2025)!;
    expect(cell2025.moreText).toBe('và 3 chỉ tiêu khác');
  });

  it('link the page of the year page where the row starts', () => {
    const catalog2 = fixtureCatalog({
      plans: Array.from({ length: 60 }, (_, i) =>
        fixturePlan(`p${i}`, { targets: [{ text: 'A', value: i, unit: null, indicator: 'Chỉ tiêu A' }, { text: 'B', value: i, unit: null, indicator: i < 55 ? 'Chỉ tiêu B' : 'Chỉ tiêu C' }] }),
      ),
    });
    const table = targetTables(catalog2)[0]!;
    const rowC = table.rows.find((r) => r.label === 'Chỉ tiêu C')!;
    const pages = targetYearPages(catalog2);
    const holding = pages.find((p) => p.slice.items.some((e) => e.row.id === rowC.id))!;
    expect(holding.slice.page).toBeGreaterThan(1);
    expect(targetRowYearPath(catalog2, table.topic.slug, 2024, rowC.id)).toBe(`${targetYearPagePath(holding)}#${rowC.id}`);
  });
});

describe('targetTopicPages (/chi-tieu/{topic}/)', () => {
  it('reach every row of the topic once, in table order, page by page', () => {
    const catalog = seedCatalog();
    for (const table of targetTables(catalog)) {
      const pages = targetTopicPages(catalog, { pageSize: 3 }).filter((p) => p.topic.slug === table.topic.slug);
      expect(pages.map(targetTopicPagePath)[0]).toBe(`chi-tieu/${table.topic.slug}/`);
      if (pages.length > 1) expect(targetTopicPagePath(pages[1]!)).toBe(`chi-tieu/${table.topic.slug}/trang/2/`);
      expect(pages.flatMap((p) => p.view.rows.map((r) => r.id))).toEqual(table.rows.map((r) => r.id));
      for (const page of pages) expect(page.view.rows.length).toBeLessThanOrEqual(3);
    }
  });

  it('show every target of the seed plans, each cell whole while it fits', () => {
    const catalog = seedCatalog();
    const listed = targetTopicPages(catalog).flatMap((p) => p.view.rows.flatMap((r) => r.cells.flatMap((c) => c.items.map((i) => `${i.plan.slug}|${r.label}`))));
    const expected = catalog.targets.map((t) => `${t.plan}|${t.target.indicator ?? t.target.text}`);
    expect(listed.sort()).toEqual(expected.sort());
  });
});

describe('targetYearPages (/chi-tieu/{topic}/nam/{year}/)', () => {
  it('list every target once, on the page of its topic and year, grouped by row', () => {
    const catalog = seedCatalog();
    const pages = targetYearPages(catalog);
    const listed = pages.flatMap((p) => p.slice.items.map((e) => `${e.plan.slug}|${e.target.text}`));
    expect(listed.sort()).toEqual(catalog.targets.map((t) => `${t.plan}|${t.target.text}`).sort());
    for (const page of pages) {
      expect(targetYearPagePath(page)).toBe(`chi-tieu/${page.topic.slug}/nam/${page.year}/`);
      expect(page.slice.items.every((e) => e.plan.data.year === page.year && slugify(e.plan.data.topics[0]!) === page.topic.slug)).toBe(true);
      const groups = groupTargetYearEntries(page.slice.items);
      expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    }
    expect(targetTopicYears(catalog, 'dan-van-chinh-quyen').map((y) => [y.year, y.path])).toEqual([
      [2024, 'chi-tieu/dan-van-chinh-quyen/nam/2024/'],
      [2025, 'chi-tieu/dan-van-chinh-quyen/nam/2025/'],
    ]);
  });

  it('print a target’s own words only when they differ from the row label', () => {
    const catalog = fixtureCatalog({ plans: [fixturePlan('a', { targets: [{ text: 'Không có nhãn' }, { text: 'Có nhãn', indicator: 'Nhãn' }] })] });
    const entries = targetYearPages(catalog)[0]!.slice.items;
    expect(entries.map((e) => [e.row.label, e.text])).toEqual([
      ['Không có nhãn', null],
      ['Nhãn', 'Có nhãn'],
    ]);
  });
});

describe('a qualitative target shortened in a cell', () => {
  it('keeps its whole text one tap away (the cell unfolds it)', () => {
    const long = 'Tổ chức quán triệt, triển khai thực hiện nghiêm túc Quy chế dân chủ ở cơ sở trong toàn thể cán bộ, công chức, viên chức và người lao động';
    const qualitative = fixtureCatalog({
      plans: [fixturePlan('q', { targets: [{ text: long, value: null, unit: null, indicator: 'Quán triệt Quy chế dân chủ' }] })],
    });
    const item = targetOverview(qualitative).tables[0]!.rows[0]!.cells.find((c) => c.total > 0)!.items[0]!;
    expect(item.value).toBeNull();
    expect(item.text.length).toBeLessThan(long.length);
    expect(item.text.endsWith('…')).toBe(true);
    expect(item.fullText).toBe(long);
    expect(item.path).toBe('ke-hoach/q/#chi-tieu-1');
  });
});

describe('series in a comparison row', () => {
  it('lists an agency that set the target in several years first in every year, in the same order', () => {
    const target = (value: number) => [{ text: `Tỷ lệ hồ sơ đúng hạn đạt ${value}%`, value, unit: '%', indicator: 'Tỷ lệ hồ sơ đúng hạn' }];
    const plan = (slug: string, issuer: string, year: number) => fixturePlan(slug, { issuer, year, issuedOn: `${year}-03-01`, targets: target(90 + (year % 10)) });
    const catalog = fixtureCatalog({
      agencies: ['so-a', 'so-b', 'so-c'].map((id) => fixtureAgency(id)),
      plans: [plan('b-2024', 'so-b', 2024), plan('c-2024', 'so-c', 2024), plan('c-2025', 'so-c', 2025), plan('a-2025', 'so-a', 2025), plan('c-2023', 'so-c', 2023)],
    });
    const row = targetOverview(catalog).tables[0]!.rows[0]!;
    // so-c has the target in all three years: first in each cell; the others after it.
    expect(row.cells.map((c) => c.items.map((i) => i.plan.data.issuer))).toEqual([['so-c'], ['so-c', 'so-b'], ['so-c', 'so-a']]);
  });
});
