/**
 * The Astro content loader of plans, agencies and documents. It reads the content folder through
 * `loadContentCached` — the same discovery, YAML parsing and schema checks as `npm run check` — so
 * the build publishes exactly what the check saw. A plan's body is rendered by the safe pipeline
 * (`mdx-body.ts`) to sanitized HTML in `rendered.html`: no body ever becomes a Vite module or
 * JavaScript. Results are cached by content hash in `.cache/content/`; an entry whose digest is
 * unchanged in Astro's store is left as it is.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { pipelineFingerprint } from './cache';
import { contentDir } from './dir';
import { loadContentCached, type ContentKind, type ContentSource } from './load';
import { processBodyCached } from './mdx-body';
import { formatProblems, problem, type Problem } from './problems';

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

/** Stores every entry of `kind`, renders plan bodies, and removes entries whose file is gone. */
async function sync({ store, parseData, generateDigest, logger, watcher }: LoaderContext, kind: ContentKind, dir: string, root: string): Promise<void> {
  const content = loadContentCached(dir, { baseDir: root });
  const sources = content.sources.filter((s) => s.kind === kind);
  const files = new Set(sources.map((s) => s.file));
  // Defence in depth when the content check was bypassed: a file with a problem of its own (YAML,
  // schema, or a body the safe pipeline refuses) stops the build, and nothing of it is published.
  const problems: Problem[] = content.problems.filter((p) => files.has(p.file));
  const fingerprint = pipelineFingerprint() ?? '';
  const changed: Array<{ source: ContentSource; digest: string; html?: string }> = [];
  const untouched = new Set(store.keys());
  for (const source of sources) {
    untouched.delete(source.id);
    // `file` is relative to the project root; the digest covers what the entry holds and the code that made it.
    const digest = generateDigest(JSON.stringify([fingerprint, source.file, source.raw ?? null, source.body ?? null, source.bodyLine ?? null]));
    if (store.get(source.id)?.digest === digest) continue;
    if (!source.valid && !problems.some((p) => p.file === source.file)) problems.push(problem(source.file, '', 'tệp không hợp lệ'));
    if (source.body === undefined) {
      changed.push({ source, digest });
      continue;
    }
    const body = processBodyCached(source.body, source.bodyLine);
    for (const issue of body.issues) {
      problems.push(problem(source.file, 'nội dung', `dòng ${issue.line}: ${issue.message}`, { found: issue.found, expected: issue.expected }));
    }
    changed.push({ source, digest, html: body.html });
  }
  if (problems.length > 0) {
    const report = `Nội dung có lỗi, không thể xuất bản:\n\n${formatProblems(problems)}`;
    // `astro dev` (it has a watcher) previews the other plans; a build publishes nothing.
    if (!watcher) throw new AstroError(report, 'Chạy "npm run check" để xem và sửa từng lỗi.');
    logger.warn(report);
  }
  const broken = new Set(problems.map((p) => p.file));
  for (const { source, digest, html } of changed) {
    if (broken.has(source.file)) {
      store.delete(source.id);
      continue;
    }
    const data = await parseData({ id: source.id, data: source.raw as Record<string, unknown> });
    const entry = { id: source.id, data, filePath: source.file, digest };
    store.set(html === undefined ? entry : { ...entry, body: source.body, rendered: { html } });
  }
  for (const id of untouched) store.delete(id);
  if (kind === 'plan' && changed.length > 0) logger.info(`${changed.length} kế hoạch được nạp lại`);
}
