import { site } from '../../site.config';
import { cmsBackendFromEnv, type CmsOptions } from './config';

/** The editor's options for this build: the git host from CMS_* variables, the local backend of `npm run dev`. */
export function cmsOptionsFromEnv(env: Record<string, string | undefined>, basePath: string): CmsOptions {
  return {
    backend: cmsBackendFromEnv(env),
    localBackendUrl: env.CMS_LOCAL_BACKEND_URL ?? 'http://127.0.0.1:8081/api/v1',
    siteUrl: env.SITE_URL ?? site.portalUrl,
    basePath,
  };
}
