import type { APIRoute } from 'astro';
import { loadContentCached } from '../../lib/content/load';
import { contentDir } from '../../lib/content/dir';
import { editorRegistry } from '../../lib/cms/check-entry';
import { registriesFrom } from '../../lib/import/registries';

/**
 * What the editor's in-browser check and importer need from the rest of the content: the registry
 * entries as the check read them, the published plans' ids, and the importer's registries. The
 * content was checked when the build started (the content-check integration fails the build on
 * any problem), so it is only loaded here, from the same per-file cache.
 */
export const GET: APIRoute = () => {
  const content = loadContentCached(contentDir(), { baseDir: process.cwd() });
  const body = { ...editorRegistry(content), registries: registriesFrom(content) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
