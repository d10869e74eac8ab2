import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { cmsConfig } from '../../lib/cms/config';
import { cmsOptionsFromEnv } from '../../lib/cms/site-options';

/** The editor's configuration, generated from the zod schemas on every build. */
export const GET: APIRoute = () =>
  new Response(stringify(cmsConfig(cmsOptionsFromEnv(process.env, import.meta.env.BASE_URL))), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
