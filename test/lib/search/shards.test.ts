import { describe, expect, it } from 'vitest';
import { mergeOrder, mergeShardResults, monthSpans, recentPlanCount, searchStages, yearParts, yearShardPath, type SearchManifest, type ShardInfo } from '../../../src/lib/search/shards';
import { planDate } from '../../../src/lib/catalog/plan-date';
import { seedCatalog } from '../portal/seed-catalog';

const part = (path: string, records: number, years: number[], noMatch = 'vi_none'): ShardInfo => ({ path, records, years, noMatch });
const y2026 = part('nam-2026/', 3000, [2026]);
const y2025 = part('nam-2025/', 4000, [2025, 2026]);
const y2024 = part('nam-2024/', 4000, [2024]);
const recent = part('moi-nhat/', 1000, [2026]);
const directory = part('danh-ba/', 300, []);
const big: SearchManifest = { version: 1, plans: 11000, recent, years: [y2026, y2025, y2024], directory };
const small: SearchManifest = { version: 1, plans: 5, recent: null, years: [part('nam-2025/', 2, [2025]), part('nam-2024/', 3, [2024])], directory };

describe('recentPlanCount', () => {
  const count = (dates: string[], recent: number) => recentPlanCount(dates, (d) => d, recent);
  /** `n` dates in `month`, newest first. */
  const inMonth = (month: string, n: number) => Array.from({ length: n }, (_, i) => `${month}-${String(28 - (i % 28)).padStart(2, '0')}`);

  it('holds the newest plans and the others of the oldest one’s month', () => {
    expect(count(['2025-05-20', '2025-05-02', '2025-04-28', '2025-04-03', '2024-12-01'], 3)).toBe(4);
    expect(count(['2025-05-20', '2025-05-02', '2025-04-28', '2024-12-01'], 3)).toBe(3);
  });

  it('changes by the plan alone when a plan of the newest months is added or deleted, until the month it starts from moves', () => {
    const dates = [...inMonth('2025-06', 10), ...inMonth('2025-05', 10), ...inMonth('2025-04', 10), ...inMonth('2025-03', 10)];
    expect(count(dates, 15)).toBe(20);
    expect(count(['2025-06-30', ...dates], 15), 'one added').toBe(21);
    expect(count(dates.slice(1), 15), 'one deleted').toBe(19);
    // Added until June alone holds 15: May's plans go to their year.
    expect(count([...inMonth('2025-06', 5), ...dates], 15)).toBe(15);
  });

  it('holds none when the site has no more plans, or when the month would take them all', () => {
    expect(count(['2025-05-20', '2025-05-02'], 2)).toBe(0);
    expect(count(['2025-05-20', '2025-05-02', '2025-05-01'], 2)).toBe(0);
  });

  it('cuts a month of more than twice as many plans (plans dated by their year only) at the number asked for', () => {
    expect(count(['2026-03-01', ...Array.from({ length: 50 }, () => '2025-01-01'), '2024-01-01'], 10)).toBe(10);
    expect(count(['2026-03-01', ...Array.from({ length: 19 }, () => '2025-01-01'), '2024-01-01'], 10)).toBe(20);
  });
});

describe('yearParts', () => {
  it('puts every seed plan in the part of its date year, newest first, keeping the catalog order within a part', () => {
    const catalog = seedCatalog();
    const parts = yearParts(catalog.plans, (plan) => planDate(plan.data), 1);
    expect(parts.map((p) => p.from)).toEqual([...parts.map((p) => p.from)].sort((a, b) => b - a));
    expect(parts.flatMap((p) => p.plans)).toHaveLength(catalog.plans.length);
    for (const { from, to, plans } of parts) {
      expect(from).toBe(to);
      for (const plan of plans) expect(planDate(plan.data).slice(0, 4)).toBe(String(from));
      expect(plans).toEqual(catalog.plans.filter((plan) => plans.includes(plan)));
    }
    // Small years together: all the seed plans in one part.
    expect(yearParts(catalog.plans, (plan) => planDate(plan.data))).toHaveLength(1);
  });

  it('groups by the date, not by the year a plan is for: a plan for 2025 signed in December 2024 sorts with 2024', () => {
    const plans = [
      { slug: 'a', date: '2025-01-05' },
      { slug: 'b', date: '2024-12-20' },
      { slug: 'c', date: '2024-03-01' },
    ];
    expect(yearParts(plans, (p) => p.date, 1).map(({ from, plans }) => [from, plans.map((p) => p.slug)])).toEqual([
      [2025, ['a']],
      [2024, ['b', 'c']],
    ]);
    expect(yearParts([], (p: { date: string }) => p.date)).toEqual([]);
  });

  it('joins consecutive years from the oldest until a part holds enough plans, so new plans change only the newest part', () => {
    const counts: Record<number, number> = { 2015: 2, 2016: 1, 2017: 3, 2018: 1, 2019: 1, 2020: 1 };
    const plans = Object.entries(counts).flatMap(([year, n]) => Array.from({ length: n }, (_, i) => ({ date: `${year}-0${i + 1}-01` })));
    const ranges = (list: typeof plans) => yearParts(list, (p) => p.date, 3).map((p) => `${p.from}-${p.to}:${p.plans.length}`);
    expect(ranges(plans)).toEqual(['2018-2020:3', '2017-2017:3', '2015-2016:3']);
    expect(ranges([...plans, { date: '2021-05-01' }, { date: '2022-05-01' }])).toEqual(['2021-2022:2', '2018-2020:3', '2017-2017:3', '2015-2016:3']);
    expect(yearShardPath(2019, 2021)).toBe('nam-2019-2021/');
    expect(yearShardPath(2026, 2026)).toBe('nam-2026/');
  });
});

describe('yearParts of a busy year', () => {
  /** `n` plans dated in `year`, spread over the months, newest first as the catalog lists them. */
  const plansOf = (year: number, n: number, months = 12) =>
    Array.from({ length: n }, (_, i) => ({ slug: `${year}-${i}`, date: `${year}-${String(12 - (i % months)).padStart(2, '0')}-15` })).sort((a, b) => b.date.localeCompare(a.date));
  const ranges = (list: { date: string }[], part: number, split: number) =>
    yearParts(list, (p) => p.date, part, split).map((p) => `${yearShardPath(p.from, p.to, p.months)}${p.plans.length}`);

  it('splits a year of more than splitPlans plans into the fewest equal spans of months, each a part, newest first', () => {
    expect(monthSpans(4000, 4000)).toEqual([]);
    expect(monthSpans(4001, 4000)).toEqual([{ from: 1, to: 6 }, { from: 7, to: 12 }]);
    expect(monthSpans(8001, 4000).map((s) => `${s.from}-${s.to}`)).toEqual(['1-4', '5-8', '9-12']);
    expect(monthSpans(12001, 4000)).toHaveLength(4);
    // Twelve months at most, however many plans.
    expect(monthSpans(1_000_000, 4000)).toHaveLength(12);
    expect(ranges(plansOf(2025, 12), 4, 6)).toEqual(['nam-2025-thang-7-12/6', 'nam-2025-thang-1-6/6']);
    expect(ranges(plansOf(2025, 13), 4, 6)).toEqual(['nam-2025-thang-9-12/5', 'nam-2025-thang-5-8/4', 'nam-2025-thang-1-4/4']);
    expect(yearShardPath(2025, 2025, { from: 12, to: 12 })).toBe('nam-2025-thang-12/');
  });

  it('keeps each plan once, in the catalog order, in the span of its month; a span without plans is no part', () => {
    // Plans of July to December only: the first half has none.
    const plans = plansOf(2025, 12, 6);
    const parts = yearParts(plans, (p) => p.date, 4, 6);
    expect(parts.map((p) => yearShardPath(p.from, p.to, p.months))).toEqual(['nam-2025-thang-7-12/']);
    expect(parts[0]!.plans).toEqual(plans);
    const spread = plansOf(2025, 30);
    const split = yearParts(spread, (p) => p.date, 4, 6);
    expect(split.flatMap((p) => p.plans)).toEqual(spread);
    for (const { months, plans } of split) {
      for (const plan of plans) expect(Number(plan.date.slice(5, 7))).toSatisfy((month: number) => month >= months!.from && month <= months!.to);
    }
  });

  it('joins the years around a split year as before, never into its parts, so new plans of the newest year change only its parts', () => {
    const plans = [...plansOf(2026, 2), ...plansOf(2025, 10), ...plansOf(2024, 1), ...plansOf(2023, 1)];
    expect(ranges(plans, 4, 6)).toEqual(['nam-2026/2', 'nam-2025-thang-7-12/6', 'nam-2025-thang-1-6/4', 'nam-2023-2024/2']);
    // Even where a span holds fewer plans than a joined part would, the next year does not join it.
    expect(ranges(plans, 10, 6)).toEqual(['nam-2026/2', 'nam-2025-thang-7-12/6', 'nam-2025-thang-1-6/4', 'nam-2023-2024/2']);
    // A plan of December 2025 added: only the second half of 2025 changes.
    const more = [...plansOf(2026, 2), { slug: 'new', date: '2025-12-31' }, ...plansOf(2025, 10), ...plansOf(2024, 1), ...plansOf(2023, 1)];
    expect(ranges(more, 4, 6)).toEqual(['nam-2026/2', 'nam-2025-thang-7-12/7', 'nam-2025-thang-1-6/4', 'nam-2023-2024/2']);
    // Past twice splitPlans, the year is split in three: every one of its plans is indexed again, once.
    expect(ranges([...more.slice(0, 3), ...plansOf(2025, 13)], 4, 6)).toEqual(['nam-2026/2', 'nam-2025-thang-9-12/6', 'nam-2025-thang-5-8/4', 'nam-2025-thang-1-4/4']);
  });
});

describe('searchStages', () => {
  it('reads the newest plans first, then every part, on a site with more plans than the first part holds', () => {
    expect(searchStages(big, { filters: { nam: [] } })).toEqual([
      { shards: [recent], complete: false },
      { shards: [recent, y2026, y2025, y2024], complete: true },
    ]);
  });

  it('reads every part at once when asked for the oldest first: the newest plans would all be replaced', () => {
    expect(searchStages(big, { filters: { nam: [] }, sort: 'cu-nhat' })).toEqual([{ shards: [recent, y2026, y2025, y2024], complete: true }]);
    expect(searchStages(big, { filters: { nam: [] }, sort: 'moi-nhat' })[0]).toEqual({ shards: [recent], complete: false });
  });

  it('reads every year at once on a small site', () => {
    expect(searchStages(small, { filters: { nam: [] } })).toEqual([{ shards: small.years, complete: true }]);
  });

  it('reads only the parts holding plans of the years asked for, at once, and none for a year without plans', () => {
    expect(searchStages(big, { filters: { nam: ['2026'] } })).toEqual([{ shards: [recent, y2026, y2025], complete: true }]);
    expect(searchStages(big, { filters: { nam: ['2024', '2025'] } })).toEqual([{ shards: [y2025, y2024], complete: true }]);
    expect(searchStages(big, { filters: { nam: ['1999'] } })).toEqual([{ shards: [], complete: true }]);
  });

  it('reads every span part of a split year when asked for that year, and them alone', () => {
    const h2 = part('nam-2025-thang-7-12/', 2500, [2025, 2026]);
    const h1 = part('nam-2025-thang-1-6/', 2500, [2025]);
    const split: SearchManifest = { ...big, years: [y2026, h2, h1, y2024] };
    expect(searchStages(split, { filters: { nam: ['2025'] } })).toEqual([{ shards: [h2, h1], complete: true }]);
    expect(searchStages(split, { filters: { nam: [] } }).at(-1)).toEqual({ shards: [recent, y2026, h2, h1, y2024], complete: true });
  });
});

describe('mergeShardResults', () => {
  const a = { ...y2026, noMatch: 'vi_nm' };
  const b = { ...y2025, noMatch: 'vi_nm' };
  const parts = [
    { shard: a, results: [{ id: 'vi_a1', score: 2 }, { id: 'vi_a2', score: 1 }] },
    { shard: b, results: [{ id: 'vi_b1', score: 3 }, { id: 'vi_b2', score: 1 }, { id: 'vi_b3', score: 0.5 }] },
  ];
  const ids = (list: { shard: ShardInfo; result: { id: string } }[]) => list.map(({ shard, result }) => `${shard.path}${result.id}`);

  it('by relevance: highest score first, equal scores in part order (newest first), each result with its part', () => {
    expect(ids(mergeShardResults(parts, 'score'))).toEqual(['nam-2025/vi_b1', 'nam-2026/vi_a1', 'nam-2026/vi_a2', 'nam-2025/vi_b2', 'nam-2025/vi_b3']);
  });

  it('by date: the parts one after another, each in its own order', () => {
    expect(ids(mergeShardResults(parts, 'newest'))).toEqual(['nam-2026/vi_a1', 'nam-2026/vi_a2', 'nam-2025/vi_b1', 'nam-2025/vi_b2', 'nam-2025/vi_b3']);
    expect(ids(mergeShardResults(parts, 'oldest'))).toEqual(['nam-2025/vi_b1', 'nam-2025/vi_b2', 'nam-2025/vi_b3', 'nam-2026/vi_a1', 'nam-2026/vi_a2']);
  });

  it("drops each part's no-match record, so a query of absent words counts nothing", () => {
    const absent = [
      { shard: a, results: [{ id: 'vi_nm', score: 1 }] },
      { shard: b, results: [{ id: 'vi_nm', score: 1 }] },
    ];
    expect(mergeShardResults(absent, 'score')).toEqual([]);
    expect(mergeShardResults([{ shard: a, results: [{ id: 'vi_x', score: 1 }] }, { shard: b, results: [{ id: 'vi_nm', score: 9 }] }], 'score')).toHaveLength(1);
  });
});

describe('mergeOrder', () => {
  it('sorts by relevance only when there are words to be relevant to', () => {
    expect(mergeOrder('phu-hop', true)).toBe('score');
    expect(mergeOrder('phu-hop', false)).toBe('newest');
    expect(mergeOrder('moi-nhat', true)).toBe('newest');
    expect(mergeOrder('cu-nhat', true)).toBe('oldest');
  });
});
