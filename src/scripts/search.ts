/**
 * The search page in the browser: reads the query and filters from the URL, runs Pagefind with the
 * folded query over the parts of the index (src/lib/search/shards.ts: the newest plans first, then
 * every year), re-ranks the top results by phrase and title, and renders them with excerpts.
 * Loaded by src/pages/tim-kiem/index.astro only; Pagefind itself is fetched on first use.
 */
import { normalizeQuery, preloadQuery } from '../lib/search/query';
import { rerankResults } from '../lib/search/rank';
import { buildExcerpt } from '../lib/search/excerpt';
import {
  PAGEFIND_OPTIONS,
  RERANK_WINDOW,
  RESULTS_PAGE_SIZE as PAGE_SIZE,
  VOCABULARY_PATH,
  storedRecordPath,
  type DirectoryKind,
  type StoredDirectoryRecord,
  type StoredSearchRecord,
} from '../lib/search/client-config';
import { MANIFEST_PATH, RUNTIME_FILES, mergeOrder, mergeShardResults, searchStages, type SearchManifest, type ShardInfo, type ShardResult } from '../lib/search/shards';
import { searchStatus } from '../lib/search/status';

/** Agencies and documents shown per kind. */
const DIRECTORY_LIMIT = 5;
import { suggestQueries, type Vocabulary } from '../lib/search/vocabulary';
import {
  DATE_SORT_KEY,
  SEARCH_FILTERS,
  emptySearchState,
  hasSearchInput,
  pagefindOptions,
  parseSearchState,
  serializeSearchState,
  type SearchSort,
  type SearchState,
} from '../lib/search/url-state';

/** Wait after the last keystroke before searching (the index chunks are fetched meanwhile, see preload). */
const TYPING_DELAY_MS = 180;

/**
 * Wait between the newest plans' results and searching every part. A reader still typing makes
 * that search stale before it starts, and its downloads (a chunk per word and part) would hold up
 * the next query's first results on a slow connection.
 */
const WHOLE_ANSWER_DELAY_MS = 400;

interface PagefindResult {
  id: string;
  score: number;
}
interface Pagefind {
  preload(query: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  init(): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Pagefind;
}

/** The index: its manifest, and one Pagefind instance per part, made on first use. */
interface SearchIndex {
  manifest: SearchManifest;
  open(shard: ShardInfo): Promise<Pagefind>;
}

let index: Promise<SearchIndex> | undefined;

/**
 * Every part's instance fetches Pagefind's WebAssembly from its own folder, and Pagefind keeps the
 * first one it instantiates. Those requests are answered from one download of the copy beside the
 * manifest (RUNTIME_FILES), instead of one per part. Other requests pass through untouched.
 */
let runtimeShared = false;
function shareRuntime(bundle: string): void {
  if (runtimeShared) return;
  runtimeShared = true;
  const folder = new URL(bundle, location.href).href;
  const wasm = RUNTIME_FILES[1];
  const fetchOriginal = window.fetch.bind(window);
  let bytes: Promise<ArrayBuffer> | undefined;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? new URL(input, location.href).href : '';
    if (url.startsWith(folder) && url.endsWith(`/${wasm}`)) {
      bytes ??= fetchOriginal(`${folder}${wasm}`).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${folder}${wasm}`);
        return response.arrayBuffer();
      });
      bytes.catch(() => (bytes = undefined));
      return bytes.then((body) => new Response(body.slice(0)));
    }
    return fetchOriginal(input, init);
  };
}

function loadIndex(bundle: string): Promise<SearchIndex> {
  index ??= (async () => {
    shareRuntime(bundle);
    const [manifest, runtime] = await Promise.all([
      // Revalidated on every visit: after a build, a manifest from the browser's cache could name
      // parts that are gone.
      fetch(`${bundle}${MANIFEST_PATH}`, { cache: 'no-cache' }).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${bundle}${MANIFEST_PATH}`);
        return response.json() as Promise<SearchManifest>;
      }),
      import(/* @vite-ignore */ `${bundle}${RUNTIME_FILES[0]}`) as Promise<PagefindModule>,
    ]);
    const instances = new Map<string, Promise<Pagefind>>();
    // Pagefind's WebAssembly module is one per page, set up by the first instance to load it; two
    // instances loading it at once each set up their own and crash the page. So the first part
    // opened (on focus, the part this form's search reads first) opens alone, and the others once
    // its module is ready (an empty preload returns when the instance has its module and metadata).
    let ready: Promise<unknown> | undefined;
    const open = (shard: ShardInfo) => {
      let instance = instances.get(shard.path);
      if (!instance) {
        const after = ready;
        instance = (async () => {
          await after?.catch(() => undefined);
          const pf = runtime.createInstance({ ...PAGEFIND_OPTIONS, basePath: `${bundle}${shard.path}` });
          await pf.init();
          if (!after) await pf.preload('');
          return pf;
        })();
        ready ??= instance;
        instance.catch(() => {
          instances.delete(shard.path);
          // The next part opened sets the module up, alone.
          if (ready === instance) ready = undefined;
        });
        instances.set(shard.path, instance);
      }
      return instance;
    };
    return { manifest, open };
  })();
  index.catch(() => (index = undefined));
  return index;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const files = new Map<string, Promise<unknown>>();

/** A gzip JSON file of the bundle, fetched once; rejects when it cannot be read. */
function loadJson<T>(path: string): Promise<T> {
  let file = files.get(path) as Promise<T> | undefined;
  if (!file) {
    file = (async () => {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${response.status} ${path}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A server may already have undone the gzip (Content-Encoding); the magic bytes tell.
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as T;
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return (await new Response(stream).json()) as T;
    })();
    file.catch(() => files.delete(path));
    files.set(path, file);
  }
  return file;
}

/** The stored record of a result, in the folder of the part it came from. */
const loadItem = <T = StoredSearchRecord>(bundle: string, { shard, result }: ShardResult<PagefindResult>) => loadJson<T>(`${bundle}${shard.path}${storedRecordPath(result.id)}`);

/** The plan card as the plan lists print it (built with the index), with the matching passage under it. */
function renderItem(item: StoredSearchRecord, terms: string[]): Element {
  const template = document.createElement('template');
  template.innerHTML = item.card;
  const li = template.content.firstElementChild!;
  li.classList.add('search-result');
  const parts = buildExcerpt(item.text, terms);
  if (parts.length > 0) {
    const excerpt = el('p', 'search-result__excerpt');
    for (const part of parts) excerpt.append(part.mark ? el('mark', undefined, part.text) : part.text);
    li.querySelector('.plan-card__meta')!.after(excerpt);
  }
  return li;
}

/** Wires the search page inside `root` (the element carrying `data-bundle`). */
export function startSearchPage(root: HTMLElement | null): void {
  if (!root) return;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sap-xep"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const suggestions = root.querySelector<HTMLElement>('[data-search-suggestions]')!;
  const directory = root.querySelector<HTMLElement>('[data-search-directory]')!;
  root.querySelector<HTMLElement>('[data-search-nojs]')?.setAttribute('hidden', '');

  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: ShardResult<PagefindResult>[] = [];
  let items: StoredSearchRecord[] = [];
  let shown = 0;
  let terms: string[] = [];
  /** Bumped whenever a new result list replaces the shown one. */
  let listVersion = 0;

  const readForm = (): SearchState => {
    const state = emptySearchState();
    state.q = input.value;
    for (const name of SEARCH_FILTERS) {
      state.filters[name] = [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]:checked`)].map((box) => box.value);
    }
    if (sortSelect) state.sort = sortSelect.value as SearchSort;
    return parseSearchState(serializeSearchState(state));
  };

  const writeForm = (state: SearchState) => {
    input.value = state.q;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = (state.filters[box.name as keyof SearchState['filters']] ?? []).includes(box.value);
    }
    if (sortSelect) sortSelect.value = state.sort;
  };

  const updateUrl = (state: SearchState, mode: 'push' | 'replace') => {
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  };

  const showMore = async () => {
    const start = shown;
    const version = listVersion;
    // Past the re-ranked window, load the next page in the merged order.
    while (items.length < start + PAGE_SIZE && pending.length > 0) {
      const batch = pending.splice(0, PAGE_SIZE);
      const loaded = await Promise.all(batch.map((r) => loadItem(bundle, r)));
      // Another list replaced this one meanwhile (the whole answer after the newest plans'): drop these.
      if (version !== listVersion) return 0;
      items.push(...loaded);
    }
    const next = items.slice(start, start + PAGE_SIZE);
    for (const item of next) list.append(renderItem(item, terms));
    shown = start + next.length;
    more.hidden = shown >= items.length && pending.length === 0;
    return next.length;
  };

  const clear = () => {
    list.replaceChildren();
    list.hidden = true;
    empty.hidden = true;
    more.hidden = true;
    suggestions.hidden = true;
    suggestions.replaceChildren();
  };

  /**
   * Agencies and cited documents matching every word, apart from the plans ("Cơ quan", "Văn bản").
   * When they cannot be loaded, the section stays hidden and the plans found are kept.
   */
  const showDirectory = async (searchIndex: SearchIndex, query: ReturnType<typeof normalizeQuery>, current: number) => {
    const shard = searchIndex.manifest.directory;
    let loaded: (StoredDirectoryRecord | StoredSearchRecord)[];
    try {
      const found = query.directory ? await (await searchIndex.open(shard)).search(query.directory) : null;
      const results = mergeShardResults([{ shard, results: found?.results ?? [] }], 'score');
      loaded = await Promise.all(results.slice(0, 4 * DIRECTORY_LIMIT).map((r) => loadItem<StoredDirectoryRecord | StoredSearchRecord>(bundle, r)));
    } catch (error) {
      if (current === generation) directory.hidden = true;
      console.error(error);
      return;
    }
    if (current !== generation) return;
    const entries = loaded.filter((e): e is StoredDirectoryRecord => 'kind' in e);
    for (const group of directory.querySelectorAll<HTMLElement>('[data-search-kind]')) {
      const kind = group.dataset.searchKind as DirectoryKind;
      const items = entries.filter((e) => e.kind === kind).slice(0, DIRECTORY_LIMIT);
      group.querySelector('ul')!.replaceChildren(
        ...items.map((entry) => {
          const li = el('li');
          const a = el('a', undefined, entry.name);
          a.href = entry.url;
          li.append(a);
          if (entry.detail) li.append(el('span', 'search-page__directory-detail', entry.detail));
          return li;
        }),
      );
      group.hidden = items.length === 0;
    }
    directory.hidden = entries.length === 0;
  };

  /** Near misses from the index vocabulary, as links to those searches (same filters and sort). */
  const suggest = async (state: SearchState, query: ReturnType<typeof normalizeQuery>, current: number) => {
    let vocabulary: Vocabulary;
    try {
      vocabulary = await loadJson<Vocabulary>(`${bundle}${VOCABULARY_PATH}`);
    } catch {
      return;
    }
    const close = suggestQueries(query.terms, vocabulary, 3, query.written);
    if (current !== generation || close.length === 0) return;
    const p = el('p', undefined, 'Có phải bạn muốn tìm: ');
    close.forEach((q, i) => {
      const a = el('a', undefined, q);
      a.href = `${location.pathname}${serializeSearchState({ ...state, q })}`;
      p.append(...(i > 0 ? [', ', a] : [a]));
    });
    p.append('?');
    suggestions.replaceChildren(p, el('p', 'search-page__hint', 'Đây là gợi ý gần đúng, lấy từ những từ có trong các kế hoạch. Kết quả tìm kiếm chỉ gồm kế hoạch chứa đủ mọi từ bạn gõ.'));
    suggestions.hidden = false;
  };

  /**
   * Shows a merged result list: the stored records of its first RERANK_WINDOW results, re-ranked by
   * phrase and title when sorted by relevance, the first page of them; the rest load on "Xem thêm".
   */
  const showResults = async (results: ShardResult<PagefindResult>[], sort: SearchSort, current: number) => {
    const loaded = await Promise.all(results.slice(0, RERANK_WINDOW).map((r) => loadItem(bundle, r)));
    if (current !== generation) return false;
    listVersion++;
    items = sort === 'phu-hop' && terms.length > 0 ? rerankResults(loaded, terms) : loaded;
    pending = results.slice(RERANK_WINDOW);
    shown = 0;
    clear();
    await showMore();
    if (current !== generation) return false;
    list.hidden = results.length === 0;
    return true;
  };

  const run = async (state: SearchState) => {
    const current = ++generation;
    const query = normalizeQuery(state.q);
    if (!query.pagefind && !hasSearchInput({ ...state, q: '' })) {
      clear();
      directory.hidden = true;
      status.textContent = state.q.trim() ? 'Hãy nhập từ khóa có chữ hoặc số.' : '';
      // A search this one overtook left the page busy: it will not clear that itself.
      root.removeAttribute('aria-busy');
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const searchIndex = await loadIndex(bundle);
      const { manifest } = searchIndex;
      const options = pagefindOptions(state);
      // Without words there is no relevance: list the newest first unless asked otherwise.
      if (!query.pagefind && state.sort === 'phu-hop') options.sort = { [DATE_SORT_KEY]: 'desc' };
      const order = mergeOrder(state.sort, Boolean(query.pagefind));
      terms = query.terms;
      // Agencies and documents show under the plans: searched once the first plans are on screen,
      // so that the first results do not wait for the directory's part.
      let directoryShown: Promise<void> | undefined;
      let found = 0;
      for (const [round, stage] of searchStages(manifest, state).entries()) {
        if (round > 0) {
          await new Promise((resolve) => setTimeout(resolve, WHOLE_ANSWER_DELAY_MS));
          if (current !== generation) return;
        }
        const parts = await Promise.all(
          stage.shards.map(async (shard) => ({ shard, results: (await (await searchIndex.open(shard)).search(query.pagefind, options))?.results ?? [] })),
        );
        if (current !== generation) return;
        const results = mergeShardResults(parts, order);
        found = results.length;
        // The newest plans alone show what they match; with no match there, wait for every year.
        if (!stage.complete && found === 0) {
          clear();
          status.textContent = searchStatus(0, query.text, { complete: false, searched: 0, total: manifest.plans });
          continue;
        }
        if (!(await showResults(results, state.sort, current))) return;
        empty.hidden = !stage.complete || found > 0;
        const searched = stage.shards.reduce((n, shard) => n + shard.records, 0);
        status.textContent = searchStatus(found, query.text, stage.complete ? { complete: true } : { complete: false, searched, total: manifest.plans });
        directoryShown ??= showDirectory(searchIndex, query, current);
      }
      if (found === 0 && query.pagefind) await suggest(state, query, current);
      await (directoryShown ?? showDirectory(searchIndex, query, current));
    } catch (error) {
      if (current !== generation) return;
      clear();
      status.textContent = 'Không tải được chức năng tìm kiếm. Vui lòng tải lại trang hoặc thử lại sau.';
      root.querySelector<HTMLElement>('[data-search-nojs]')?.removeAttribute('hidden');
      console.error(error);
    } finally {
      if (current === generation) root.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    const state = readForm();
    updateUrl(state, 'push');
    void run(state);
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    // A search still running is for words the reader has gone on typing: it stops before fetching results.
    generation++;
    // Fetch the index chunks of the words typed so far while the typing pause runs.
    const typed = preloadQuery(input.value);
    if (typed) {
      // In the parts a search reads first: the newest plans, or every year on a small site.
      void loadIndex(bundle).then(
        async (searchIndex) => {
          const [first] = searchStages(searchIndex.manifest, readForm());
          await Promise.all((first?.shards ?? []).map(async (shard) => (await searchIndex.open(shard)).preload(typed)));
        },
        () => undefined,
      );
    }
    typingTimer = setTimeout(() => {
      const state = readForm();
      updateUrl(state, 'replace');
      void run(state);
    }, TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    const state = readForm();
    updateUrl(state, 'push');
    void run(state);
  });
  more.addEventListener('click', async () => {
    const first = list.children.length;
    if ((await showMore()) > 0) list.children[first]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    const state = parseSearchState(location.search);
    writeForm(state);
    void run(state);
  });
  // On focus, fetch Pagefind and open the part a search of this form reads first.
  input.addEventListener(
    'focus',
    () =>
      void loadIndex(bundle).then(
        (searchIndex) => {
          const first = searchStages(searchIndex.manifest, readForm())[0]?.shards[0] ?? searchIndex.manifest.directory;
          return searchIndex.open(first).catch(() => undefined);
        },
        () => undefined,
      ),
    { once: true },
  );

  const initial = parseSearchState(location.search);
  writeForm(initial);
  // Folded by default so the first result stays on the first screen; opened when a shared link uses them.
  const filters = form.querySelector<HTMLDetailsElement>('details');
  const filtering = SEARCH_FILTERS.some((name) => initial.filters[name].length > 0) || initial.sort !== 'phu-hop';
  if (filters && filtering) filters.open = true;
  void run(initial);
}
