/**
 * The built site under test: DIST_DIR (default dist/, which `npm test` builds first). Also the
 * publish context the build used, read back from a published URL, so the lib can render the same
 * files for comparison.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishContext } from '../../src/lib/opendata/context';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dist = resolve(root, process.env.DIST_DIR ?? 'dist');

export function distPath(path: string): string {
  const file = join(dist, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build, or set DIST_DIR)`);
  return file;
}

export function readDist(path: string): string {
  return readFileSync(distPath(path), 'utf8');
}

export function readDistJson(path: string): any {
  return JSON.parse(readDist(path));
}

/** Files under a folder of the build, as site paths with "/" ("api/v1/plans.json"). */
export function listDist(folder: string): string[] {
  return readdirSync(distPath(folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Site + base of the build, from the `$schema` URL that plans.json names. */
export function builtContext(): PublishContext & { prefix: string } {
  const schema: string = readDistJson('api/v1/plans.json').$schema;
  const prefix = schema.slice(0, schema.indexOf('api/v1/schema/'));
  const url = new URL(prefix);
  return { site: url.origin, base: url.pathname, prefix };
}

/** A published URL of this build → its path in the build ("https://…/api/v1/x.json" → "api/v1/x.json"). */
export function sitePathOf(url: string): string {
  const { prefix } = builtContext();
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return url.slice(prefix.length);
}

/** Decodes the character references Astro writes into text and attributes. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** Visible text of an HTML fragment, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
