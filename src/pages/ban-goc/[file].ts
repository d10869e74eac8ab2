/**
 * `/ban-goc/{slug}.{ext}`: the file each plan was made from, as received, when it is kept under
 * content/originals/ (src/lib/content/originals.ts checks it against `source.sha256`).
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { getCatalog } from '../../lib/catalog/from-collections';
import { contentDir } from '../../lib/content/dir';
import { catalogOriginals, ORIGINAL_TYPES } from '../../lib/content/originals';
import { paths } from '../../lib/paths';

export async function getStaticPaths() {
  const catalog = await getCatalog();
  const originals = catalogOriginals(catalog, contentDir());
  return [...originals.values()].map((original) => ({
    params: { file: paths.original(original.slug, original.ext).replace(/^ban-goc\//, '') },
    props: { absPath: original.absPath, mediaType: ORIGINAL_TYPES[original.ext]!.mediaType },
    // The file is the one the plan names by its sha256 (checked by findOriginals).
    cacheKey: `${original.ext}|${catalog.planBySlug.get(original.slug)!.data.source.sha256}`,
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync(props.absPath as string), { headers: { 'Content-Type': props.mediaType as string } });
