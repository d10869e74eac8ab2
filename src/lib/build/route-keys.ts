/**
 * The cache keys of the routes with most pages, computed by the build's content process ahead of
 * the pages (src/integrations/content-tasks.ts, task `keys`) or, failing that, by the route itself.
 *
 * A one-edit rebuild at 50,000 plans spent about 10 s of Astro's thread making these keys (plan
 * pages, agency and document pages and their long lists, target pages by year), while the content
 * process waited for Pagefind to write the search index. Each group below is the same function
 * of the catalog either way, so the content process makes the keys in that wait, writes them to a
 * file of the build cache, and the route takes them when both processes read the same content:
 * the file carries a fingerprint of the catalog and of the context the keys depend on
 * (`routeKeysFingerprint`), compared with the route's own. Otherwise (another content, no content
 * process as in `astro dev`, or its failure) the route computes its group itself, once per catalog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/build';
import { catalogOriginals } from '../content/originals';
import type { PublishContext } from '../opendata/context';
import { planPageKey } from '../portal/plan';
import { agencyListPages, type AgencyListPageData } from '../portal/agencies';
import { documentListPages, type DocumentListPageData } from '../portal/documents';
import { targetYearPages, type TargetYearPage } from '../portal/targets';
import { contextFingerprint } from './cache-key';
import { replaceFileSync } from './link';
import { agencyListPageKey, agencyPageKey, documentListPageKey, documentPageKey, targetYearPageKey } from './page-keys';
import { stagingDir } from './staging';

/** What the keys depend on besides the catalog: the publish context and the content folder (the plans' kept originals). */
export interface RouteKeyContext {
  publish: PublishContext;
  /** The content folder as the routes name it (`contentDir()`): the kept originals' paths start with it. */
  contentRoot: string;
}

/** The id of an agency's list page among the group's keys. */
export const agencyListPageId = (page: AgencyListPageData): string => `${page.agency.id}/${page.kind}/${page.slice.page}`;
/** The id of a document's list page among the group's keys. */
export const documentListPageId = (page: DocumentListPageData): string => `${page.view.id}/${page.role}/${page.slice.page}`;
/** The id of a target topic's year page among the group's keys. */
export const targetYearPageId = (page: TargetYearPage): string => `${page.topic.slug}/${page.year}/${page.slice.page}`;

/** Each group's keys by page id (a plan's slug, an agency's or document's id, or the ids above). */
const GROUPS = {
  plans: (catalog: Catalog, { publish, contentRoot }: RouteKeyContext) => catalog.plans.map((plan) => [plan.slug, planPageKey(catalog, plan.slug, publish, contentRoot)]),
  agencies: (catalog: Catalog) => [...catalog.agencies.keys()].map((id) => [id, agencyPageKey(catalog, id)]),
  agencyLists: (catalog: Catalog) => agencyListPages(catalog).map((page) => [agencyListPageId(page), agencyListPageKey(catalog, page)]),
  documents: (catalog: Catalog) => [...catalog.documents.keys()].map((id) => [id, documentPageKey(catalog, id)]),
  documentLists: (catalog: Catalog) => documentListPages(catalog).map((page) => [documentListPageId(page), documentListPageKey(catalog, page)]),
  targetYears: (catalog: Catalog) => targetYearPages(catalog).map((page) => [targetYearPageId(page), targetYearPageKey(catalog, page)]),
} satisfies Record<string, (catalog: Catalog, context: RouteKeyContext) => [string, string][]>;

export type RouteKeyGroup = keyof typeof GROUPS;
export const ROUTE_KEY_GROUPS = Object.keys(GROUPS) as RouteKeyGroup[];

/** The file the content process writes: its fingerprint and every group's keys. */
interface RouteKeysFile {
  fingerprint: string;
  groups: Record<RouteKeyGroup, [string, string][]>;
}

/** What the content process reports for the build (the `keys` task's value). */
export interface RouteKeysAhead {
  fingerprint: string;
  file: string;
}

/**
 * What decides every key of the groups besides the code: the catalog (`catalogFingerprint`), the
 * publish context and the plans' kept originals (their paths and sizes, which a plan page prints).
 */
export function routeKeysFingerprint(catalog: Catalog, context: RouteKeyContext): string {
  return contextFingerprint(catalog, ['route keys', context.publish, [...catalogOriginals(catalog, context.contentRoot)]]);
}

/** The content process's side: every group's keys, written to the build cache; what the build is told. */
export function writeRouteKeys(catalog: Catalog, context: RouteKeyContext, dir: string = stagingDir('route-keys')): RouteKeysAhead {
  const fingerprint = routeKeysFingerprint(catalog, context);
  const groups = Object.fromEntries(ROUTE_KEY_GROUPS.map((group) => [group, GROUPS[group](catalog, context)])) as RouteKeysFile['groups'];
  const file = join(dir, 'keys.json');
  replaceFileSync(file, JSON.stringify({ fingerprint, groups } satisfies RouteKeysFile));
  return { fingerprint, file };
}

/** State shared by the build's integration (which starts the task) and the bundled routes (which read its keys). */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.route-keys')] ??= { keys: new WeakMap() }) as {
  ahead?: Promise<RouteKeysAhead>;
  /** The content process's file, read once per build when its fingerprint is this one. */
  read?: { fingerprint: string; groups: Promise<RouteKeysFile['groups'] | null> };
  /** Each group's keys by catalog and fingerprint, as a route first asked for them. */
  keys: WeakMap<Catalog, Map<string, Map<string, string>>>;
  /** Groups taken from the content process's file, and groups computed here, since `routeKeysAhead`. */
  counts?: { taken: number; computed: number };
};

/** Tells the routes of this process that the content process is computing the keys (src/integrations/route-keys.ts). */
export function routeKeysAhead(ahead: Promise<RouteKeysAhead> | undefined): void {
  ahead?.catch(() => undefined);
  shared.ahead = ahead;
  shared.read = undefined;
  shared.counts = { taken: 0, computed: 0 };
}

/** How many groups the routes took from the content process, and how many they computed, since `routeKeysAhead`. */
export function routeKeysCounts(): { taken: number; computed: number } {
  return { ...(shared.counts ?? { taken: 0, computed: 0 }) };
}

/** The content process's keys when they were made for `fingerprint`, else null (and why, on the console). */
async function readAhead(ahead: Promise<RouteKeysAhead>, fingerprint: string): Promise<RouteKeysFile['groups'] | null> {
  try {
    const done = await ahead;
    if (done.fingerprint !== fingerprint) return null;
    const kept = JSON.parse(readFileSync(done.file, 'utf8')) as RouteKeysFile;
    return kept.fingerprint === fingerprint ? kept.groups : null;
  } catch (error) {
    console.warn(`[route-keys] the content process's keys cannot be used; the routes compute their own: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * The key of each of `group`'s pages by id, for a route's `getStaticPaths`: the content process's
 * when it read the same content, else computed here once per catalog and context.
 */
export async function routeKeys(group: RouteKeyGroup, catalog: Catalog, context: RouteKeyContext): Promise<(id: string) => string> {
  const fingerprint = routeKeysFingerprint(catalog, context);
  let byFingerprint = shared.keys.get(catalog);
  if (!byFingerprint) shared.keys.set(catalog, (byFingerprint = new Map()));
  const name = `${group}\n${fingerprint}`;
  let keys = byFingerprint.get(name);
  if (!keys) {
    const { ahead } = shared;
    if (ahead && shared.read?.fingerprint !== fingerprint) shared.read = { fingerprint, groups: readAhead(ahead, fingerprint) };
    const kept = ahead ? await shared.read!.groups : null;
    keys = new Map(kept ? kept[group] : GROUPS[group](catalog, context));
    if (shared.counts) shared.counts[kept ? 'taken' : 'computed']++;
    byFingerprint.set(name, keys);
  }
  const found = keys;
  return (id) => {
    const key = found.get(id);
    if (key === undefined) throw new Error(`No cache key for page "${id}" of ${group}`);
    return key;
  };
}
