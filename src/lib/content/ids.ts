/**
 * The id of a content entry is its file name without folders or extension, so
 * `content/plans/2024/dan-chu-co-so-2024-so-tttt-tay-ninh.mdx` is published at
 * `/ke-hoach/dan-chu-co-so-2024-so-tttt-tay-ninh/`.
 * @example idFromPath('2024/dan-van-2024.mdx') // 'dan-van-2024'
 */
export function idFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(mdx|md|ya?ml|json)$/i, '');
}
