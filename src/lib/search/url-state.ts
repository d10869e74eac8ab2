import { collapseWhitespace } from '../vn/text';
import { MAX_QUERY_LENGTH } from './query';

/**
 * The search page's state lives in its URL, so a search can be bookmarked and shared:
 * `tim-kiem/?q=dang+uy&nam=2024&co-quan=so-tttt-tay-ninh&sap-xep=moi-nhat`.
 * The filter names are also the Pagefind filter names and the plan list's URL segments.
 */
export const SEARCH_FILTERS = ['nam', 'co-quan', 'chu-de', 'loai'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const SEARCH_FILTER_LABELS: Record<SearchFilter, string> = {
  nam: 'Năm',
  'co-quan': 'Cơ quan ban hành',
  'chu-de': 'Chủ đề',
  loai: 'Loại văn bản',
};

export const SEARCH_SORTS = ['phu-hop', 'moi-nhat', 'cu-nhat'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_SORT_LABELS: Record<SearchSort, string> = {
  'phu-hop': 'Phù hợp nhất',
  'moi-nhat': 'Mới nhất',
  'cu-nhat': 'Cũ nhất',
};

/** Name of the Pagefind sort key holding the plan's date (ISO). */
export const DATE_SORT_KEY = 'ngay';

export interface SearchState {
  q: string;
  /** Selected values per filter; within a filter any value may match, across filters all must. */
  filters: Record<SearchFilter, string[]>;
  sort: SearchSort;
}

export function emptySearchState(): SearchState {
  return { q: '', filters: { nam: [], 'co-quan': [], 'chu-de': [], loai: [] }, sort: 'phu-hop' };
}

// Filter values are years, ids and slugs; anything else in a hand-edited URL is dropped.
const FILTER_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads the state from a query string; unknown parameters and malformed values are ignored,
 * repeated values kept once.
 * @example parseSearchState('?q=dang+uy&nam=2024&nam=2025').filters.nam // ['2024', '2025']
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptySearchState();
  state.q = collapseWhitespace(params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  for (const name of SEARCH_FILTERS) {
    state.filters[name] = [...new Set(params.getAll(name).map((v) => v.trim()).filter((v) => FILTER_VALUE.test(v)))];
  }
  const sort = params.get('sap-xep');
  if (sort && (SEARCH_SORTS as readonly string[]).includes(sort)) state.sort = sort as SearchSort;
  return state;
}

/**
 * Writes the state as a query string ("" when empty), in a fixed order so one search has one URL.
 * @example serializeSearchState({ q: 'dang uy', filters: { nam: ['2024'], … }, sort: 'phu-hop' }) // '?q=dang+uy&nam=2024'
 */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.append('q', q);
  for (const name of SEARCH_FILTERS) for (const value of [...new Set(state.filters[name])].sort()) params.append(name, value);
  if (state.sort !== 'phu-hop') params.append('sap-xep', state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when the state asks for something: a query or at least one filter. */
export function hasSearchInput(state: SearchState): boolean {
  return state.q.trim() !== '' || SEARCH_FILTERS.some((name) => state.filters[name].length > 0);
}

/** Pagefind's filter object: `any` within a filter, all filters together. */
export type PagefindFilters = Partial<Record<SearchFilter, { any: string[] }>>;

/** The options object for `pagefind.search` that applies the state's filters and sort. */
export function pagefindOptions(state: SearchState): { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: PagefindFilters = {};
  for (const name of SEARCH_FILTERS) if (state.filters[name].length > 0) filters[name] = { any: [...state.filters[name]] };
  if (state.sort === 'moi-nhat') return { filters, sort: { [DATE_SORT_KEY]: 'desc' } };
  if (state.sort === 'cu-nhat') return { filters, sort: { [DATE_SORT_KEY]: 'asc' } };
  return { filters };
}
