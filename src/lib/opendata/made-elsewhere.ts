/**
 * The tables' files (`asFile: 'table'`) as the build's content process makes them for this
 * build (src/integrations/content-tasks.ts, `makeTableFiles` in publish.ts): while it does, a page
 * that sizes every file (catalog.jsonld, datapackage.json, /du-lieu-mo/: `prepareSummaries`) and
 * the step that publishes them (`publishTableFiles`) wait for it, then find their bytes and
 * summaries in the content cache instead of making them again on Astro's thread. Shared by every
 * copy of this module in the process (a build bundles one into its pages), like `adoptedDigests`.
 */
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.table-files-made-elsewhere')] ??= {}) as { pending?: Promise<void> };

/** Records the content process's work on the tables' files for this build (none: nothing to wait for). A failure only means this process makes them. */
export function tableFilesMadeElsewhere(work: Promise<unknown> | undefined): void {
  state.pending = work?.then(
    () => undefined,
    () => undefined,
  );
}

/** Settles once the content process is done with the tables' files for this build (at once when none was recorded). */
export function tableFilesFromElsewhere(): Promise<void> {
  return state.pending ?? Promise.resolve();
}

/**
 * The routes (by component) whose pages wait for the content process's tables (`prepareSummaries`):
 * /du-lieu-mo/ sizes every file. The build renders them after every other page
 * (src/lib/build/page-order.ts), so that the wait overlaps the other pages: in the middle of Astro's
 * page loop it held the loop 7–17 s of a plan added or deleted at 50,000 plans.
 */
export const ROUTES_WAITING_FOR_TABLES: ReadonlySet<string> = new Set(['src/pages/du-lieu-mo/[...index].astro']);
