/**
 * The Astro content loader of plans, agencies, documents and reports. It reads the content folder
 * through `loadContentCached` — the same discovery, YAML parsing and schema checks as
 * `npm run check` — so the build publishes exactly what the check saw, and it stops the build on a
 * file with a problem of its own, a body the safe pipeline (`mdx-body.ts`) refuses included.
 *
 * Astro's store keeps one stamp per collection (`{ folder, files }`, with a digest of every file's
 * parse key and the code): the pages read the content from the same shared parse (`getCatalog`).
 * Astro writes its store to disk and into a JavaScript module of the build on every build. With
 * every plan's data, body and HTML in it, that module was 100 MB at 5,000 plans, and compiling it
 * again after each edit took 11 s; with a stamp per file it was still 18.6 MB at 50,000 plans,
 * serialized, bundled and loaded again after each edit. The stamp still changes with every edit,
 * so `astro dev` reloads the pages that read the collections.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { pipelineFingerprint } from './cache';
import { contentDir } from './dir';
import { contentSourceDigest, loadContentCached, type ContentKind } from './load';
import { processBodyCached } from './mdx-body';
import { bodyIssueProblem, formatProblems, problem, type Problem } from './problems';

/**
 * What Astro's store holds for a collection: its one entry, named after the collection's folder, with
 * the folder (project-relative) and how many files it has.
 */
export const contentStamp = z.object({ folder: z.string(), files: z.number().int().nonnegative() });

const COLLECTION_FOLDERS: Record<ContentKind, string> = { plan: 'plans', agency: 'agencies', document: 'documents', report: 'reports' };

/**
 * A loader for one kind of content.
 * @example defineCollection({ loader: contentLoader('plan'), schema: planSchema })
 */
export function contentLoader(kind: ContentKind, options: { dir?: string } = {}): Loader {
  return {
    name: `ke-hoach-mo:${COLLECTION_FOLDERS[kind]}`,
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.dir ?? contentDir());
      await sync(context, kind, dir, root);
      if (!context.watcher) return;
      // `astro dev`: reload on any change under the content folder (the check's cache sees the edit by its stamp).
      const folder = resolve(dir, COLLECTION_FOLDERS[kind]);
      context.watcher.add(folder);
      const onChange = (path: string) => {
        if (!path.startsWith(folder + sep)) return;
        sync(context, kind, dir, root).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
    },
  };
}

/**
 * Stamps the collection of `kind` (one entry, replacing any others) and stops the build on a file of
 * that kind with a problem of its own. Every file is checked, from its parse: a body's issues were
 * found when the file was read, by the build's own pipeline (`bodyIssues`), and are in memory.
 */
async function sync({ store, parseData, logger, watcher }: LoaderContext, kind: ContentKind, dir: string, root: string): Promise<void> {
  const content = loadContentCached(dir, { baseDir: root });
  const sources = content.sources.filter((s) => s.kind === kind);
  const files = new Set(sources.map((s) => s.file));
  // Defence in depth when the content check was bypassed: a file with a problem of its own (YAML,
  // schema, or a body the safe pipeline refuses) stops the build, and nothing of it is published.
  const problems: Problem[] = content.problems.filter((p) => files.has(p.file));
  const withProblems = new Set(problems.map((p) => p.file));
  const fingerprint = pipelineFingerprint() ?? '';
  // The digest covers what each entry holds (its checked fields, or the YAML of an entry that
  // failed) and the code that made it: the key of its file's parse (path, bytes and that code) when
  // it was read from a file. `file` is relative to the project root.
  const digest = createHash('sha256').update(fingerprint);
  for (const source of sources) {
    const entry = contentSourceDigest(source) ?? JSON.stringify([source.valid ? source.fields : (source.raw ?? null), source.body ?? null, source.bodyLine ?? null]);
    digest.update(`\n${source.file}\t${entry}`);
    if (!source.valid && !withProblems.has(source.file)) problems.push(problem(source.file, '', 'tệp không hợp lệ'));
    // `bodyIssues` first: a kept parse's body is read from the cache when asked for.
    const issues = source.bodyIssues ?? (source.body === undefined ? [] : processBodyCached(source.body, source.bodyLine).issues);
    for (const issue of issues) problems.push(bodyIssueProblem(source.file, issue));
  }
  if (problems.length > 0) {
    const report = `Nội dung có lỗi, không thể xuất bản:\n\n${formatProblems(problems)}`;
    // `astro dev` (it has a watcher) previews the other plans; a build publishes nothing.
    if (!watcher) throw new AstroError(report, 'Chạy "npm run check" để xem và sửa từng lỗi.');
    logger.warn(report);
  }
  const id = COLLECTION_FOLDERS[kind];
  const stamp = digest.digest('base64url');
  // A store of a stamp per file (kept from an earlier build) loses those entries.
  for (const other of store.keys()) if (other !== id) store.delete(other);
  if (store.get(id)?.digest === stamp) return;
  const folder = relative(root, resolve(dir, id)).split(sep).join('/');
  store.set({ id, data: await parseData({ id, data: { folder, files: sources.length } }), digest: stamp });
}
