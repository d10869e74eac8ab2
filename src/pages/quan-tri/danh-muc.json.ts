import type { APIRoute } from 'astro';
import { loadContentCached } from '../../lib/content/load';
import { contentDir } from '../../lib/content/dir';
import { editorRegistry } from '../../lib/cms/check-entry';
import { registriesFrom } from '../../lib/import/registries';
import { deploymentCardContext } from '../../lib/og/plan-cards';
import { portalAddress } from '../../lib/og/card-data';

/**
 * What the editor's in-browser check, importer and share-card preview need from the rest of the
 * content and the site: the registry entries as the check read them, the published plans' ids, the
 * importer's registries, and the site's name, colours and address the cards print. The
 * content was checked when the build started (the content-check integration fails the build on
 * any problem), so it is only loaded here, from the same per-file cache.
 */
export const GET: APIRoute = ({ site: siteUrl }) => {
  const content = loadContentCached(contentDir(), { baseDir: process.cwd() });
  const card = deploymentCardContext(siteUrl, import.meta.env.BASE_URL);
  const shareCard = { site: { name: card.site.name, colors: card.site.colors }, portal: portalAddress(card.siteUrl, card.base) };
  const body = { ...editorRegistry(content), registries: registriesFrom(content), shareCard };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
