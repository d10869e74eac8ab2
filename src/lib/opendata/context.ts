import { absoluteUrl, paths } from '../paths';
import { site } from '../../site.config';

/** Where the site is published; every URL in the open data is absolute and derives from this. */
export interface PublishContext {
  /** Origin, possibly with a path: "https://ke-hoach-mo.example.gov.vn". */
  site: string;
  /** Deployment base path: "/" or "/ke-hoach-mo/". */
  base: string;
}

/**
 * The publish context of a build from its config (`site`, `base`; the pages read them as
 * `import.meta.env.SITE` and `BASE_URL`): without a `site`, the portal's address from site.config.ts.
 */
export function publishContextOf(siteUrl: string | undefined, base: string): PublishContext {
  return { site: siteUrl ?? site.portalUrl, base };
}

/** Public path (relative to the base) of every open-data file; the version is part of the contract. */
export const API_ROOT = 'api/v1/';

export const apiPaths = {
  plans: (ext: 'json' | 'csv') => `${API_ROOT}plans.${ext}`,
  plan: (slug: string) => paths.planJson(slug),
  table: (name: string, ext: 'json' | 'csv' | 'xlsx') => `${API_ROOT}${name}.${ext}`,
  deadlinesIcs: () => `${API_ROOT}deadlines.ics`,
  agencyIcs: (agency: string) => `${API_ROOT}deadlines/${agency}.ics`,
  schema: (name: string) => `${API_ROOT}schema/${name}.json`,
  dcat: () => `${API_ROOT}catalog.jsonld`,
  dataPackage: () => `${API_ROOT}datapackage.json`,
  checksums: () => `${API_ROOT}SHA256SUMS`,
  atom: () => 'feed.xml',
  jsonFeed: () => 'feed.json',
} as const;

/** Absolute URL of a site path (from `paths` or `apiPaths`). */
export function urlOf(ctx: PublishContext, path: string): string {
  return absoluteUrl(ctx.site, ctx.base, path);
}

/** Host name used in iCalendar UIDs ("ke-hoach-mo.example.gov.vn"). */
export function hostOf(ctx: PublishContext): string {
  return new URL(ctx.site).hostname;
}
