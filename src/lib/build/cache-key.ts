/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths` with a `cacheKey` equal to the previous build's, and unchanged code, is copied
 * from the cache instead of rendered. So a key must change whenever anything the page shows
 * changes. Routes build it from the same values they render (their page model and the lookups
 * their components make), never from a guess of what "usually" changes.
 *
 * Every key also covers the agency and document registries, because components print agency and
 * document names looked up by id: renaming an agency re-renders every page (rare, and correct).
 */
import { createHash } from 'node:crypto';
import type { Catalog, PlanEntry, PlanRows } from '../catalog/build';
import { sourceDigest } from '../content/load';

/**
 * What a catalog's keys are made of, kept with the catalog (`digests` is keyed by it, so all of this
 * goes with it). Plain Maps, not WeakMaps: their keys are the catalog's own plans, which live exactly
 * as long, and a WeakMap's entries are ephemerons that every full garbage collection must walk.
 */
interface CatalogDigests {
  registries: string;
  plans: Map<PlanEntry, string>;
  /** `catalogFingerprint`, made on first use (a build asks for it once per staged folder, in each of two processes). */
  fingerprint?: string;
}

/** A catalog row's kind in a key: deadline, target, basis or citation edge, assignment. */
type RowKind = 'd' | 't' | 'b' | 'c' | 'a';

const digests = new WeakMap<Catalog, CatalogDigests>();

/** A SHA-256 of text, base64url: the form of every key here. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function catalogDigests(catalog: Catalog): CatalogDigests {
  let found = digests.get(catalog);
  if (!found) {
    // Only the registry files' own data: the views' derived lists (plans, deadlines, citedBy)
    // reach a page through its model, where they are hashed when that page shows them.
    const agencies = [...catalog.agencies.values()].map(({ id, data }) => [id, data]);
    const documents = [...catalog.documents.values()].map(({ id, data }) => [id, data]);
    // Results reports show on plan, target, deadline and agency pages alike (achieved values,
    // "Đã báo cáo ngày …"); they are few, so any report change re-renders every keyed page.
    const reports = (catalog.reports ?? []).map(({ slug, data }) => [slug, data]);
    found = { registries: sha256(JSON.stringify([agencies, documents, reports])), plans: new Map() };
    digests.set(catalog, found);
  }
  return found;
}

/**
 * A digest of one plan as the catalog holds it (slug, frontmatter data and MDX body): the key of its
 * file's parse when it was read from a file (`sourceDigest`, free), else a sha256 of its JSON.
 */
export function planDigest(catalog: Catalog, plan: PlanEntry): string {
  const { plans } = catalogDigests(catalog);
  let digest = plans.get(plan);
  if (digest === undefined) {
    digest = sourceDigest(plan) ?? sha256(JSON.stringify([plan.slug, plan.data, plan.body ?? null]));
    plans.set(plan, digest);
  }
  return digest;
}

/**
 * A digest of everything the catalog is made of: the registries (agencies, documents, results
 * reports) and every plan's digest, by slug. Two processes that read the same content get the same
 * fingerprint, so output one of them made from its catalog (the share cards the build's content
 * process prepares, src/lib/og/publish.ts) can stand for what the other would make from its own.
 * Cheap: the plans' digests are their parses' keys.
 */
export function catalogFingerprint(catalog: Catalog): string {
  const found = catalogDigests(catalog);
  if (found.fingerprint === undefined) {
    const hash = createHash('sha256').update(found.registries);
    for (const plan of catalog.planBySlug.values()) hash.update(`\n${plan.slug}\t${planDigest(catalog, plan)}`);
    found.fingerprint = hash.digest('base64url');
  }
  return found.fingerprint;
}

/** `catalogFingerprint` with the JSON of what else decides some output (a publish context, a card context). */
export function contextFingerprint(catalog: Catalog, context: unknown): string {
  return createHash('sha256').update(catalogFingerprint(catalog)).update('\n').update(JSON.stringify(context)).digest('base64url');
}

/** Where each kind of row is in a plan's rows (`Catalog.rowsByPlan`). */
const ROW_LISTS = { d: 'deadlines', t: 'targets', b: 'basis', c: 'citations', a: 'assignments' } as const satisfies Record<RowKind, keyof PlanRows>;

/** The kind a row of the catalog would be, from the item it holds; undefined for anything else. */
function rowKind(value: object): RowKind | undefined {
  if ('deadline' in value) return 'd';
  if ('target' in value) return 't';
  if ('reference' in value) return (value as { role?: unknown }).role === 'basis' ? 'b' : 'c';
  if ('assignment' in value) return 'a';
  return undefined;
}

/** What stands for a plan of the catalog in a key (its digest); undefined for anything else, a copy of a plan included. */
function planIdentity(catalog: Catalog, value: { slug?: unknown }): string | undefined {
  return typeof value.slug === 'string' && catalog.planBySlug.get(value.slug) === value ? `P${planDigest(catalog, value as PlanEntry)}` : undefined;
}

/**
 * What stands for a plan of the catalog, or a row the catalog derives from one (a deadline, target or
 * assignment row, a citation edge), in a key: its kind, position and plan's digest; undefined for
 * anything else, which is hashed whole. A copy of a row is not the catalog's row. A plan's own item
 * met on its own (not in its row) is hashed whole too: its JSON is all of it, and it names no plan.
 */
export function catalogItemIdentities(catalog: Catalog): (item: unknown) => string | undefined {
  // The last row's plan, its rows and digest: kept while its rows follow one another, as a plan's
  // targets and citations do in their tables (two lookups fewer for each of a million rows).
  let plan: string | undefined;
  let rows: PlanRows | undefined;
  let digest: string | undefined;
  return (item) => {
    const entry = item as PlanEntry & { plan?: unknown; position?: unknown };
    const asPlan = planIdentity(catalog, entry);
    if (asPlan !== undefined) return asPlan;
    if (typeof entry.plan !== 'string' || typeof entry.position !== 'number') return undefined;
    const kind = rowKind(entry);
    if (!kind) return undefined;
    if (entry.plan !== plan) {
      plan = entry.plan;
      rows = catalog.rowsByPlan.get(plan);
      const found = catalog.planBySlug.get(plan);
      digest = found && planDigest(catalog, found);
    }
    if (digest === undefined || rows?.[ROW_LISTS[kind]][entry.position] !== item) return undefined;
    return `R${kind}${entry.position}:${digest}`;
  };
}

/**
 * The JSON of what a page shows, for its key: object keys in insertion order (the catalog builds
 * them deterministically), Maps and Sets as their entries, a plan of this catalog as its digest (so
 * a list of fifty plans hashes fifty short strings, not fifty bodies), a row of the catalog as its
 * kind, position and plan's digest (`catalogItemIdentities`), and any other row that names a plan
 * by `plan` or `slug` with that plan's digest beside it. Erring on the side of more inputs only
 * costs a re-render; missing one would publish a stale page. JSON.stringify walks the model
 * natively and asks this replacer about each value (half the time of a walk in JavaScript: 2.1 s
 * against 4.3 s for the keys of 5,000 plan pages).
 */
function shownJson(catalog: Catalog, shown: unknown[]): string {
  // The row just wrapped with its plans' digests, met again as the wrapper's `$v`: kept as it is.
  let inner: object | undefined;
  const itemIdentity = catalogItemIdentities(catalog);
  return JSON.stringify(shown, function replacer(_key: string, value: unknown): unknown {
    // An array is never a plan or a row (the catalog's are objects), nor names a plan: it is walked
    // as it is.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    if (value === inner) {
      inner = undefined;
      return value;
    }
    const item = itemIdentity(value);
    if (item !== undefined) return item;
    const entry = value as PlanEntry;
    // A row that names a plan (a deadline row, a citation edge, a chain node) is printed with that
    // plan's title and number: the plan's digest joins the key.
    let named: string[] | undefined;
    for (const ref of [(value as { plan?: unknown }).plan, entry.slug]) {
      const plan = typeof ref === 'string' ? catalog.planBySlug.get(ref) : undefined;
      if (plan) (named ??= []).push(planDigest(catalog, plan));
    }
    const plain = value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value;
    if (!named) return plain;
    if (plain === value) inner = value;
    return { $plans: named, $v: plain };
  });
}

/**
 * The key of plain values (text, numbers, arrays and plain objects, no plan, row or Map of the
 * catalog): their JSON as it is, with the registries like `renderKey`, without its replacer, which
 * calls back into JavaScript for every value. For keys narrower than a plan's digest, such as a
 * calendar event's (src/lib/opendata/ical.ts).
 */
export function plainKey(catalog: Catalog, ...values: unknown[]): string {
  return keyOf(catalog, JSON.stringify(values));
}

/**
 * `renderKey(catalog, plan, ...text)` for a plan of the catalog followed by text: the same key
 * without the replacer's walk, which cost about 20 µs a key, a second for the 50,000 plan records'
 * keys at 50,000 plans (src/lib/opendata/open-data.ts). A plan that is not the catalog's gets
 * `renderKey`'s.
 */
export function planKey(catalog: Catalog, plan: PlanEntry, ...text: string[]): string {
  const identity = planIdentity(catalog, plan);
  return identity === undefined ? renderKey(catalog, plan, ...text) : keyOf(catalog, JSON.stringify([identity, ...text]));
}

/** A key: the registries' digest and the JSON of what is shown, hashed. */
function keyOf(catalog: Catalog, json: string): string {
  return createHash('sha256').update(catalogDigests(catalog).registries).update('\n').update(json).digest('base64url');
}

/**
 * The `cacheKey` of a page: a hash of everything it shows, given as the page model and whatever
 * else its components look up (filter counts, year links), plus the plans that rows name by
 * `plan` or `slug`, the agency and document registries and the results reports.
 * @example renderKey(catalog, page, planFilters(catalog), catalog.plans.length)
 */
export function renderKey(catalog: Catalog, ...shown: unknown[]): string {
  return keyOf(catalog, shownJson(catalog, shown));
}
