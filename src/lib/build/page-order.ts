/**
 * The order Astro renders pages in. Astro renders the pages one after the other, route by route in
 * its own order, on one thread; a page that waits for work done beside it (the build's content
 * process) holds every page after it. Rendered last, it waits only for what is still left once
 * every other page is written.
 */
import type { AstroPrerenderer } from 'astro';

/** `paths` with those of the routes `last` names (by component, e.g. `src/pages/x.astro`) moved after all others, each group in its order. */
export function routesLast<T extends { route: { component: string } }>(paths: readonly T[], last: ReadonlySet<string>): T[] {
  const first: T[] = [];
  const after: T[] = [];
  for (const path of paths) (last.has(path.route.component) ? after : first).push(path);
  return [...first, ...after];
}

/**
 * Astro's prerenderer (`setPrerenderer` in `astro:build:start`) rendering the pages of the routes
 * `last` names after all others; everything else is the prerenderer it is given, called as it is.
 * Astro hands such a function its default prerenderer: with an adapter that sets a prerenderer of
 * its own, the last call wins (this project builds static files, with no adapter).
 */
export function withRoutesLast(prerenderer: AstroPrerenderer, last: ReadonlySet<string>): AstroPrerenderer {
  return {
    name: prerenderer.name,
    setup: prerenderer.setup && (() => prerenderer.setup!()),
    getStaticPaths: async () => routesLast(await prerenderer.getStaticPaths(), last),
    render: (request, options) => prerenderer.render(request, options),
    collectStaticImages: prerenderer.collectStaticImages && (() => prerenderer.collectStaticImages!()),
    teardown: prerenderer.teardown && (() => prerenderer.teardown!()),
  };
}
