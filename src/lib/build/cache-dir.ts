import { isAbsolute, join, resolve } from 'node:path';

/** Environment variable that moves the build cache (a CI cache mount, a temporary test folder). */
export const CACHE_DIR_ENV = 'KE_HOACH_CACHE_DIR';

/**
 * The one folder a deployment keeps between builds: Astro's cache (content store, incremental
 * page manifest and copies of the rendered pages) in `astro/`, share cards in `og/`, the search
 * index in `pagefind/<part>/` (src/lib/search/shards.ts) and its records in `search-records/`, parsed and rendered content (and the open-data files' sizes and checksums, and the plan records' bytes) in `content/`,
 * the staff editor's scripts in `editor-scripts/` (src/lib/build/script-bundle.ts), the share cards and plan records a
 * build's content process links for the out dir in `staging/` (src/lib/build/staging.ts; empty between builds),
 * `checksums.json`, the digests of the open-data files the last build wrote (src/lib/build/digest-cache.ts),
 * `input-digests.json`, those of the content and code files it read (src/lib/build/input-digests.ts),
 * and `last-build.json`, the inputs of the last build `npm run build` published (src/lib/build/unchanged.ts). Deleting it gives a correct cold build. `.cache` under the project root,
 * or KE_HOACH_CACHE_DIR (relative to the root, or absolute).
 * @example buildCacheDir('/srv/site', {}) // '/srv/site/.cache'
 */
export function buildCacheDir(root: string = process.cwd(), env: Record<string, string | undefined> = process.env): string {
  const dir = env[CACHE_DIR_ENV]?.trim();
  if (!dir) return join(root, '.cache');
  return isAbsolute(dir) ? dir : resolve(root, dir);
}

/** A named part of the build cache: 'astro', 'content' (parsed and rendered content), 'editor-scripts', 'og', 'pagefind', 'search-records'. */
export function buildCachePath(part: 'astro' | 'content' | 'editor-scripts' | 'og' | 'pagefind' | 'search-records', root?: string, env?: Record<string, string | undefined>): string {
  return join(buildCacheDir(root, env), part);
}

/** The record of the digests of a build's input files (src/lib/build/input-digests.ts). */
export function inputDigestsFile(root?: string, env?: Record<string, string | undefined>): string {
  return join(buildCacheDir(root, env), 'input-digests.json');
}

/** The record of the digests of the open-data files the last build wrote (src/integrations/checksums.ts). */
export function checksumsRecordFile(root?: string, env?: Record<string, string | undefined>): string {
  return join(buildCacheDir(root, env), 'checksums.json');
}
