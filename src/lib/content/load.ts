import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { addPlanText, addRegistryText, emptyContent, type LoadedContent } from './parse';
import { problem } from './problems';

export { splitFrontmatter, type ContentKind, type ContentSource, type LoadedAgency, type LoadedContent, type LoadedDocument, type LoadedPlan } from './parse';

export interface LoadOptions {
  /** Folder that `file` paths are relative to; defaults to the working directory. */
  baseDir?: string;
}

/**
 * Reads `content/plans/**\/*.mdx`, `content/agencies/*.yaml` and `content/documents/*.yaml`
 * under `rootDir` and validates each file against its schema. Never throws on bad content:
 * every problem is collected in `problems`. Cross-file checks are in `validateContent`.
 * @example loadContent('content').plans.map((p) => p.slug)
 */
export function loadContent(rootDir: string, options: LoadOptions = {}): LoadedContent {
  const root = resolve(rootDir);
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const displayPath = (abs: string): string => relative(baseDir, abs).split(sep).join('/');
  const content = emptyContent(root);

  if (!existsSync(root) || !statSync(root).isDirectory()) {
    content.problems.push(problem(displayPath(root), '', 'không tìm thấy thư mục nội dung'));
    return content;
  }

  for (const rel of listFiles(join(root, 'plans'), true)) {
    const abs = join(root, 'plans', rel);
    if (/\.mdx$/.test(rel)) addPlanText(content, readFileSync(abs, 'utf8'), displayPath(abs), rel);
    else if (/\.md$/i.test(rel) && !/(^|\/)readme\.md$/i.test(rel)) {
      content.problems.push(problem(displayPath(abs), '', 'tệp không được nạp: kế hoạch phải có đuôi .mdx', { expected: 'đổi tên thành .mdx' }));
    }
  }
  for (const [kind, folder] of [['agency', 'agencies'], ['document', 'documents']] as const) {
    for (const rel of listFiles(join(root, folder), false)) {
      const abs = join(root, folder, rel);
      if (/\.yaml$/.test(rel)) addRegistryText(content, kind, readFileSync(abs, 'utf8'), displayPath(abs), rel);
      else if (/\.(yml|YML|YAML)$/.test(rel)) {
        content.problems.push(problem(displayPath(abs), '', 'tệp không được nạp: phải có đuôi .yaml', { expected: 'đổi tên thành .yaml' }));
      }
    }
  }
  return content;
}

const loaded = new Map<string, { stamp: string; content: LoadedContent }>();

/**
 * `loadContent`, parsed once per state of the folder: the build's integrations (content check,
 * search index) share one parse instead of re-reading every plan. The stamp is every file's path,
 * size and mtime, so an edit (e.g. under `astro dev`) is seen at once.
 */
export function loadContentCached(rootDir: string, options: LoadOptions = {}): LoadedContent {
  const root = resolve(rootDir);
  const key = `${root}\0${resolve(options.baseDir ?? process.cwd())}`;
  const stamp = ['plans', 'agencies', 'documents']
    .flatMap((folder) =>
      listFiles(join(root, folder), folder === 'plans').map((rel) => {
        const stat = statSync(join(root, folder, rel));
        return `${folder}/${rel}:${stat.size}:${stat.mtimeMs}`;
      }),
    )
    .join('\n');
  const hit = loaded.get(key);
  if (hit && hit.stamp === stamp) return hit.content;
  const content = loadContent(rootDir, options);
  loaded.set(key, { stamp, content });
  return content;
}

/** Relative paths with "/" separators, sorted so results do not depend on the file system. */
function listFiles(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { recursive, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    files.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files.sort();
}

function foldersOf(rel: string): string[] {
  return rel.split('/').slice(0, -1);
}

