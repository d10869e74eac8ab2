/**
 * The Astro content loader of plans, agencies, documents and reports. It reads the content folder
 * through `loadContentCached` — the same discovery, YAML parsing and schema checks as
 * `npm run check` — so the build publishes exactly what the check saw, and it stops the build on a
 * file with a problem of its own, a body the safe pipeline (`mdx-body.ts`) refuses included.
 *
 * Astro's store keeps only a stamp per file (`{ file }` and a digest of the file and the code):
 * the pages read the content from the same shared parse (`getCatalog`). Astro writes its store
 * into a JavaScript module of the build; with every plan's data, body and HTML in it, that module
 * was 100 MB at 5,000 plans, and compiling it again after each edit took 11 s. The stamps still
 * change with every edit, so `astro dev` reloads the pages that read the collections.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { pipelineFingerprint } from './cache';
import { contentDir } from './dir';
import { contentSourceDigest, loadContentCached, type ContentKind, type ContentSource } from './load';
import { processBodyCached } from './mdx-body';
import { formatProblems, problem, type Problem } from './problems';

/** What Astro's store holds for an entry: the file it came from (project-relative). */
export const contentStamp = z.object({ file: z.string() });

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

/** Stamps every entry of `kind`, checks changed bodies, and removes entries whose file is gone. */
async function sync({ store, parseData, generateDigest, logger, watcher }: LoaderContext, kind: ContentKind, dir: string, root: string): Promise<void> {
  const content = loadContentCached(dir, { baseDir: root });
  const sources = content.sources.filter((s) => s.kind === kind);
  const files = new Set(sources.map((s) => s.file));
  // Defence in depth when the content check was bypassed: a file with a problem of its own (YAML,
  // schema, or a body the safe pipeline refuses) stops the build, and nothing of it is published.
  const problems: Problem[] = content.problems.filter((p) => files.has(p.file));
  const fingerprint = pipelineFingerprint() ?? '';
  const changed: Array<{ source: ContentSource; digest: string }> = [];
  const untouched = new Set(store.keys());
  for (const source of sources) {
    untouched.delete(source.id);
    // `file` is relative to the project root; the digest covers what the entry holds (its checked
    // fields, or the YAML of an entry that failed) and the code that made it: the key of its file's
    // parse (path, bytes and that code) when it was read from a file.
    const digest =
      contentSourceDigest(source) ??
      generateDigest(JSON.stringify([fingerprint, source.file, source.valid ? source.fields : (source.raw ?? null), source.body ?? null, source.bodyLine ?? null]));
    if (store.get(source.id)?.digest === digest) continue;
    if (!source.valid && !problems.some((p) => p.file === source.file)) problems.push(problem(source.file, '', 'tệp không hợp lệ'));
    if (source.body !== undefined) {
      for (const issue of processBodyCached(source.body, source.bodyLine).issues) {
        problems.push(problem(source.file, 'nội dung', `dòng ${issue.line}: ${issue.message}`, { found: issue.found, expected: issue.expected }));
      }
    }
    changed.push({ source, digest });
  }
  if (problems.length > 0) {
    const report = `Nội dung có lỗi, không thể xuất bản:\n\n${formatProblems(problems)}`;
    // `astro dev` (it has a watcher) previews the other plans; a build publishes nothing.
    if (!watcher) throw new AstroError(report, 'Chạy "npm run check" để xem và sửa từng lỗi.');
    logger.warn(report);
  }
  const broken = new Set(problems.map((p) => p.file));
  for (const { source, digest } of changed) {
    if (broken.has(source.file)) {
      store.delete(source.id);
      continue;
    }
    const data = await parseData({ id: source.id, data: { file: source.file } });
    store.set({ id: source.id, data, filePath: source.file, digest });
  }
  for (const id of untouched) store.delete(id);
  if (kind === 'plan' && changed.length > 0) logger.info(`${changed.length} kế hoạch được nạp lại`);
}
