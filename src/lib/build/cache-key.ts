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
import type { Catalog, PlanEntry } from '../catalog/build';

interface CatalogDigests {
  registries: string;
  plans: WeakMap<PlanEntry, string>;
}

const digests = new WeakMap<Catalog, CatalogDigests>();

function sha256(text: string): string {
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
    found = { registries: sha256(JSON.stringify([agencies, documents, reports])), plans: new WeakMap() };
    digests.set(catalog, found);
  }
  return found;
}

/** sha256 of one plan's file as the catalog holds it (frontmatter data and MDX body). */
export function planDigest(catalog: Catalog, plan: PlanEntry): string {
  const { plans } = catalogDigests(catalog);
  let digest = plans.get(plan);
  if (digest === undefined) {
    digest = sha256(JSON.stringify([plan.slug, plan.data, plan.body ?? null]));
    plans.set(plan, digest);
  }
  return digest;
}

/**
 * Appends `value` to `out` as stable JSON: object keys in insertion order (the catalog builds
 * them deterministically), Maps and Sets as arrays, a plan of this catalog as its digest (so a
 * list of fifty plans hashes fifty short strings, not fifty bodies). Erring on the side of more
 * inputs only costs a re-render; missing one would publish a stale page. The parts are hashed in
 * one update: one `hash.update` per part cost 4 s of native calls at 5,000 plans.
 */
function feed(out: string[], catalog: Catalog, value: unknown, seen: Set<object>): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined ? 'u' : JSON.stringify(value) ?? String(value));
    return;
  }
  if (seen.has(value)) throw new Error('renderKey: the page model is circular');
  const entry = value as PlanEntry;
  if (typeof entry.slug === 'string' && catalog.planBySlug.get(entry.slug) === entry) {
    out.push(`P${planDigest(catalog, entry)}`);
    return;
  }
  // A row that names a plan (a deadline row, a citation edge, a chain node) is printed with that
  // plan's title and number: the plan's digest joins the key.
  for (const ref of [(value as { plan?: unknown }).plan, entry.slug]) {
    const named = typeof ref === 'string' ? catalog.planBySlug.get(ref) : undefined;
    if (named) out.push(`R${planDigest(catalog, named)}`);
  }
  seen.add(value);
  if (Array.isArray(value) || value instanceof Set) {
    out.push('[');
    for (const item of value) {
      feed(out, catalog, item, seen);
      out.push(',');
    }
    out.push(']');
  } else if (value instanceof Map) {
    out.push('M[');
    for (const [k, v] of value) {
      feed(out, catalog, k, seen);
      out.push(':');
      feed(out, catalog, v, seen);
      out.push(',');
    }
    out.push(']');
  } else {
    out.push('{');
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'function') continue;
      out.push(JSON.stringify(k), ':');
      feed(out, catalog, v, seen);
      out.push(',');
    }
    out.push('}');
  }
  seen.delete(value);
}

/**
 * The `cacheKey` of a page: a hash of everything it shows, given as the page model and whatever
 * else its components look up (filter counts, year links), plus the plans that rows name by
 * `plan` or `slug`, the agency and document registries and the results reports.
 * @example renderKey(catalog, page, planFilters(catalog), catalog.plans.length)
 */
export function renderKey(catalog: Catalog, ...shown: unknown[]): string {
  const out = [catalogDigests(catalog).registries];
  for (const value of shown) {
    out.push('\n');
    feed(out, catalog, value, new Set());
  }
  return createHash('sha256').update(out.join('')).digest('base64url');
}
