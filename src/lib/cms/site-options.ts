import { site } from '../../site.config';
import { cmsBackendFromEnv, type CmsOptions } from './config';
import { withBase } from '../paths';

/**
 * Where the editor finds its local backend: on the site's own origin, which `npm run dev` proxies
 * to decap-server (a second port would need the browser's local-network permission).
 */
export const LOCAL_BACKEND_PATH = 'quan-tri/api/v1';

/** The editor's options for this build: the git host from CMS_* variables, the local backend of `npm run dev`. */
export function cmsOptionsFromEnv(env: Record<string, string | undefined>, basePath: string): CmsOptions {
  return {
    backend: cmsBackendFromEnv(env),
    localBackendUrl: withBase(basePath, LOCAL_BACKEND_PATH),
    siteUrl: env.SITE_URL ?? site.portalUrl,
    basePath,
  };
}
