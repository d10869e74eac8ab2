import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { routesLast, withRoutesLast } from '../../../src/lib/build/page-order';
import { ROUTES_WAITING_FOR_TABLES } from '../../../src/lib/opendata/made-elsewhere';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const path = (pathname: string, component: string) => ({ pathname, route: { component } });

describe('routesLast', () => {
  it('moves the pages of the routes named after all others, keeping each group in its order', () => {
    const paths = [
      path('/', 'src/pages/index.astro'),
      path('/du-lieu-mo/', 'src/pages/du-lieu-mo/[...index].astro'),
      path('/ke-hoach/', 'src/pages/ke-hoach/index.astro'),
      path('/ke-hoach/a/', 'src/pages/ke-hoach/[slug].astro'),
      path('/en/', 'src/pages/en/index.astro'),
    ];
    expect(routesLast(paths, new Set(['src/pages/du-lieu-mo/[...index].astro', 'src/pages/ke-hoach/index.astro'])).map((p) => p.pathname)).toEqual([
      '/',
      '/ke-hoach/a/',
      '/en/',
      '/du-lieu-mo/',
      '/ke-hoach/',
    ]);
    expect(routesLast(paths, new Set()), 'nothing named: the same order').toEqual(paths);
  });

  it('names routes that exist: a renamed page would otherwise go back to its place unnoticed', () => {
    expect(ROUTES_WAITING_FOR_TABLES.size).toBeGreaterThan(0);
    for (const component of ROUTES_WAITING_FOR_TABLES) expect(existsSync(join(root, component)), component).toBe(true);
  });
});

describe('withRoutesLast', () => {
  it("gives Astro's prerenderer's paths in the new order and hands every other call to it", async () => {
    const calls: string[] = [];
    const response = new Response('x');
    const inner: AstroPrerenderer = {
      name: 'astro:default',
      setup: async () => void calls.push('setup'),
      getStaticPaths: async () => [path('/du-lieu-mo/', 'last.astro'), path('/', 'first.astro')] as never,
      render: async (request) => {
        calls.push(`render ${new URL(request.url).pathname}`);
        return response;
      },
      teardown: async () => void calls.push('teardown'),
    };
    const outer = withRoutesLast(inner, new Set(['last.astro']));
    expect(outer.name).toBe('astro:default');
    await outer.setup!();
    expect((await outer.getStaticPaths()).map((p) => p.pathname)).toEqual(['/', '/du-lieu-mo/']);
    expect(await outer.render(new Request('http://x/du-lieu-mo/'), { routeData: {} as never })).toBe(response);
    await outer.teardown!();
    expect(calls).toEqual(['setup', 'render /du-lieu-mo/', 'teardown']);
    expect(outer.collectStaticImages, 'absent where the prerenderer has none').toBeUndefined();
  });
});
