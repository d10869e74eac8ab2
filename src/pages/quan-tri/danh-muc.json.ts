import type { APIRoute } from 'astro';
import { checkContent } from '../../lib/content/check';
import { contentDir } from '../../lib/content/dir';
import { editorRegistry } from '../../lib/cms/check-entry';
import { registriesFrom } from '../../lib/import/registries';

/**
 * What the editor's in-browser check and importer need from the rest of the content: the registry
 * entries as the check read them, the published plans' ids, and the importer's registries.
 */
export const GET: APIRoute = () => {
  const { content } = checkContent(contentDir(), { baseDir: process.cwd() });
  const body = { ...editorRegistry(content), registries: registriesFrom(content) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
