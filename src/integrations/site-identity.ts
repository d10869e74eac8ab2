import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { placeholderSiteProblem } from '../lib/site-identity';

/**
 * Fails a deployment build (`astro build` in Vite mode "production") while `site` is still the example
 * address; `astro build --mode preview` (npm start, npm test, benchmarks) is let through.
 */
export default function siteIdentity(): AstroIntegration {
  let site = '';
  return {
    name: 'ke-hoach-mo:site-identity',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'ke-hoach-mo:site-identity',
                configResolved(config) {
                  const problem = placeholderSiteProblem(site, config.mode);
                  if (problem) throw new AstroError(problem, 'SITE_URL=https://… npm run build');
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
    },
  };
}
