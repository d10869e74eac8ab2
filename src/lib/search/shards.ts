/**
 * The search index in parts, so that neither a build nor a reader pays for every plan at once.
 *
 * - **The newest plans** (`moi-nhat/`): the RECENT_PLANS newest plans and the others of the oldest
 *   one's month (`recentPlanCount`), when the site has more. A search shows their matches first,
 *   while the other parts load: Pagefind's metadata has one entry per page and a common word's
 *   posting list grows with the plans, so a first search over 50,000 plans in one index downloads
 *   over a megabyte before it can show anything.
 * - **Year parts** (`nam-2026/`, `nam-2015-2019/`): the other plans, by the year of their date
 *   (planDate: the issue date, else 1 January of its year), consecutive years together until a
 *   part holds PART_PLANS plans, counted from the oldest year, so that adding plans dated in the
 *   newest year changes only the newest part. A year holding more than SPLIT_PLANS plans has parts
 *   of its own by months (`nam-2025-thang-1-6/`, `nam-2025-thang-7-12/`): the fewest equal spans
 *   of months (halves, thirds, quarters…) that hold SPLIT_PLANS plans or fewer on average. An edit
 *   re-indexes the whole part holding its plan, and Pagefind's time grows with the part (about
 *   16 s for the 7,000 plans of a year at 50,000 plans, 8 s for half of them, measured alone), so
 *   a busy year is not one part. Parts never share a plan and follow one another in date. Each
 *   part costs a reader a few requests per query whatever its size, so parts are not smaller.
 * - **Agencies and documents** (`danh-ba/`): the directory (src/lib/search/directory.ts).
 *
 * An edit re-indexes only the part holding the plan (and the part a plan moves into); a plan added
 * or deleted in the newest months, only the newest plans' part, but for the plan that moves the
 * month they start from. The others are reused from the build cache. Each part is a whole Pagefind
 * bundle; `chi-muc.json` beside them (SearchManifest) says what each holds. The browser runs one Pagefind instance per part it needs
 * and merges their results (mergeShardResults): Pagefind's own `mergeIndex` gives no way to tell
 * which part a result came from, and sorts merged results by score even when asked for dates.
 *
 * No Node API here: the search page imports it too.
 */
import type { SearchFilter, SearchSort } from './url-state';

/** Plans in the first part a search reads, when the site has more. */
export const RECENT_PLANS = 1000;

/** Plans from which a year part holds no further year. */
export const PART_PLANS = 4000;

/**
 * Plans above which a year is split into spans of months, each a part: the size a part of joined
 * years reaches, so that no part of one year is much larger than a part of several.
 */
export const SPLIT_PLANS = PART_PLANS;

/** How many spans of months a split year may have: each divides the twelve months evenly. */
const SPANS = [2, 3, 4, 6, 12] as const;

/** The manifest's path under the bundle folder. */
export const MANIFEST_PATH = 'chi-muc.json';

/** Pagefind's runtime, copied from a part to the bundle folder so that one copy serves every part. */
export const RUNTIME_FILES = ['pagefind.js', 'wasm.unknown.pagefind'] as const;

/** What a part holds, written beside its bundle by the indexer (`phan.json`) and gathered into the manifest. */
export interface ShardInfo {
  /** Folder under the bundle folder, with the trailing slash: "nam-2026/". */
  path: string;
  /** Plans indexed (agencies and documents for the directory). */
  records: number;
  /** `nam` filter values (plan years) of its plans, newest first. */
  years: number[];
  /** Pagefind id of its no-match record (client-config.ts NO_MATCH_HTML): never a result. */
  noMatch: string;
}

/** `chi-muc.json`: the parts of the site's search index. */
export interface SearchManifest {
  version: 1;
  /** Plans on the site. */
  plans: number;
  /** The newest plans, searched first; null when the site has no more than RECENT_PLANS. */
  recent: ShardInfo | null;
  /** Year parts (the other plans), newest first. */
  years: ShardInfo[];
  directory: ShardInfo;
}

/** Months of a year part that holds part of one year, first and last (1–12). */
export interface MonthSpan {
  from: number;
  to: number;
}

/**
 * How many of `plans` (newest first, dated by `dateOf`) the newest plans' part holds: none when
 * there are no more than `recentPlans`; else the `recentPlans` newest and every other plan of the
 * oldest one's month. A part of exactly the `recentPlans` newest plans gave its oldest to a year
 * part with every plan added, and that part (up to PART_PLANS plans) was indexed again: at 5,000
 * plans, every plan of the site. Cut at a month, the part changes alone until a month's plans have
 * been added. A month so full that the part would hold more than twice `recentPlans` (plans dated
 * only by their year all fall on 1 January) is cut at `recentPlans`; a part that would hold every
 * plan is none.
 * @example recentPlanCount(['2025-05-20', '2025-05-02', '2025-04-28', '2025-04-03', '2024-12-01'], (d) => d, 3) // 4
 */
export function recentPlanCount<T>(plans: readonly T[], dateOf: (plan: T) => string, recentPlans: number = RECENT_PLANS): number {
  if (plans.length <= recentPlans) return 0;
  const month = dateOf(plans[recentPlans - 1]!).slice(0, 7);
  let count = recentPlans;
  while (count < plans.length && dateOf(plans[count]!).slice(0, 7) === month) count++;
  if (count === plans.length) return 0;
  return count > 2 * recentPlans ? recentPlans : count;
}

/**
 * Folder of a year part: its years, or its year and months when it holds part of one year.
 * @example yearShardPath(2026, 2026) // 'nam-2026/'
 * @example yearShardPath(2015, 2019) // 'nam-2015-2019/'
 * @example yearShardPath(2025, 2025, { from: 7, to: 12 }) // 'nam-2025-thang-7-12/'
 * @example yearShardPath(2025, 2025, { from: 12, to: 12 }) // 'nam-2025-thang-12/'
 */
export function yearShardPath(from: number, to: number, months?: MonthSpan): string {
  const years = from === to ? `nam-${to}` : `nam-${from}-${to}`;
  if (!months) return `${years}/`;
  return `${years}-thang-${months.from === months.to ? months.to : `${months.from}-${months.to}`}/`;
}
export const RECENT_SHARD_PATH = 'moi-nhat/';
export const DIRECTORY_SHARD_PATH = 'danh-ba/';

/** A year part: its years (and months, when it holds part of one year) and its plans. */
export interface YearPart<T> {
  from: number;
  to: number;
  months?: MonthSpan;
  plans: T[];
}

/**
 * The spans of months a year of `count` plans is split into: none up to `splitPlans`, else the
 * fewest equal spans (SPANS) holding `splitPlans` or fewer on average, twelve at most.
 * @example monthSpans(7000, 4000) // [{ from: 1, to: 6 }, { from: 7, to: 12 }]
 */
export function monthSpans(count: number, splitPlans: number = SPLIT_PLANS): MonthSpan[] {
  if (count <= splitPlans) return [];
  const spans = SPANS.find((n) => count / n <= splitPlans) ?? 12;
  const months = 12 / spans;
  return Array.from({ length: spans }, (_, i) => ({ from: i * months + 1, to: (i + 1) * months }));
}

/**
 * Plans grouped by the date into year parts: from the oldest year, consecutive years join a part
 * until it holds `partPlans` plans; a year of more than `splitPlans` plans is parts of its own by
 * spans of months (`monthSpans`; a span without plans is no part), and joins no other year. Newest
 * part first; in a part, the newest year's plans first, each year's in the order given.
 * @example yearParts([{ date: '2025-03-01' }, { date: '2024-12-30' }], (p) => p.date, 1) // [{ from: 2025, to: 2025, plans: [...] }, { from: 2024, to: 2024, plans: [...] }]
 */
export function yearParts<T>(plans: readonly T[], dateOf: (plan: T) => string, partPlans: number = PART_PLANS, splitPlans: number = SPLIT_PLANS): YearPart<T>[] {
  const byYear = new Map<number, T[]>();
  for (const plan of plans) {
    const year = Number(dateOf(plan).slice(0, 4));
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push(plan);
  }
  const parts: { from: number; to: number; months?: MonthSpan; count: number; years: T[][] }[] = [];
  for (const [year, list] of [...byYear].sort(([a], [b]) => a - b)) {
    const spans = monthSpans(list.length, splitPlans);
    if (spans.length > 0) {
      // Each plan to its span in one pass (the spans are equal, in order); a span without plans is no part.
      const perSpan = 12 / spans.length;
      const bySpan: T[][] = spans.map(() => []);
      for (const plan of list) bySpan[Math.floor((Number(dateOf(plan).slice(5, 7)) - 1) / perSpan)]!.push(plan);
      spans.forEach((months, i) => {
        const inSpan = bySpan[i]!;
        if (inSpan.length > 0) parts.push({ from: year, to: year, months, count: inSpan.length, years: [inSpan] });
      });
      continue;
    }
    // A year joins the part before it unless that part is full or holds part of a split year.
    const open = parts.at(-1);
    if (open && !open.months && open.count < partPlans) {
      open.to = year;
      open.count += list.length;
      open.years.push(list);
    } else parts.push({ from: year, to: year, count: list.length, years: [list] });
  }
  return parts.reverse().map(({ from, to, months, years }) => ({ from, to, ...(months ? { months } : {}), plans: years.reverse().flat() }));
}

/** One round of a search: the parts it reads, and whether their results are the whole answer. */
export interface SearchStage {
  shards: ShardInfo[];
  complete: boolean;
}

/**
 * The rounds a search runs. Asked for years, only the parts holding plans of those years, at once.
 * Asked for the oldest first, every part at once: the newest plans would all be replaced. Otherwise
 * the newest plans first (when the site has that part), then every part (the newest plans' part
 * again: its index chunks are loaded already).
 */
export function searchStages(manifest: SearchManifest, state: { filters: Pick<Record<SearchFilter, string[]>, 'nam'>; sort?: SearchSort }): SearchStage[] {
  const all = [...(manifest.recent ? [manifest.recent] : []), ...manifest.years];
  if (state.filters.nam.length > 0) {
    const years = new Set(state.filters.nam.map(Number));
    return [{ shards: all.filter((s) => s.years.some((y) => years.has(y))), complete: true }];
  }
  if (!manifest.recent || state.sort === 'cu-nhat') return [{ shards: all, complete: true }];
  return [{ shards: [manifest.recent], complete: false }, { shards: all, complete: true }];
}

/** A result of one part's search, with the part it came from. */
export interface ShardResult<R extends { id: string; score: number }> {
  shard: ShardInfo;
  result: R;
}

/**
 * One list from the parts' results (each in Pagefind's order for its part, no-match record
 * dropped). By relevance: highest score first, ties in the parts' order (newest part first), then
 * each part's own order. Pagefind weighs a word by how rare it is in the part, so the scores of two
 * parts are close but not equal measures (as with Pagefind's own multisite search); the page
 * re-ranks the top results by phrase and title (rank.ts) on top of them. By date: the parts are disjoint in date and each is sorted already, so
 * the lists follow one another, newest part first or oldest part first.
 */
export function mergeShardResults<R extends { id: string; score: number }>(
  parts: readonly { shard: ShardInfo; results: readonly R[] }[],
  order: 'score' | 'newest' | 'oldest',
): ShardResult<R>[] {
  const lists = parts.map(({ shard, results }) => results.filter((r) => r.id !== shard.noMatch).map((result) => ({ shard, result })));
  if (order === 'oldest') lists.reverse();
  const merged = lists.flat();
  // Array#sort is stable: equal scores keep the parts' order.
  if (order === 'score') merged.sort((a, b) => b.result.score - a.result.score);
  return merged;
}

/** The order a search's results are merged in. */
export function mergeOrder(sort: SearchSort, hasWords: boolean): 'score' | 'newest' | 'oldest' {
  if (sort === 'cu-nhat') return 'oldest';
  if (sort === 'moi-nhat' || !hasWords) return 'newest';
  return 'score';
}
