import { describe, expect, it } from 'vitest';
import { formatTargetValue, targetTables } from '../../../src/lib/portal/targets';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureCatalog, fixturePlan } from './fixture-catalog';

describe('formatTargetValue', () => {
  it('prints numbers the Vietnamese way', () => {
    expect(formatTargetValue({ value: 100, unit: '%' })).toBe('100%');
    expect(formatTargetValue({ value: 12, unit: 'cuộc' })).toBe('12 cuộc');
    expect(formatTargetValue({ value: 1500, unit: 'lượt' })).toBe('1.500 lượt');
    expect(formatTargetValue({ value: 2.5, unit: null })).toBe('2,5');
    expect(formatTargetValue({ value: null, unit: null })).toBeNull();
  });
});

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
