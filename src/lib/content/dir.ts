/** Environment variable naming the content folder a build reads (benchmarks point it at synthetic content). */
export const CONTENT_DIR_ENV = 'KE_HOACH_CONTENT_DIR';

/**
 * The content folder of this build: `KE_HOACH_CONTENT_DIR` when set, else `content` (relative to the
 * project root, or absolute). Every build-time reader of content goes through here, so the pages,
 * the content check and the search index always read the same files.
 * @example contentDir({ KE_HOACH_CONTENT_DIR: 'tmp/bench-content' }) // 'tmp/bench-content'
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env[CONTENT_DIR_ENV]?.trim();
  return dir ? dir.replace(/[\\/]+$/, '') : 'content';
}

/**
 * A subfolder of the content folder as a glob loader `base`, which Astro resolves against the root.
 * @example contentSubdir('plans', {}) // './content/plans'
 */
export function contentSubdir(name: string, env: Record<string, string | undefined> = process.env): string {
  const dir = contentDir(env);
  return /^([a-zA-Z]:)?[\\/]/.test(dir) || dir.startsWith('./') ? `${dir}/${name}` : `./${dir}/${name}`;
}
