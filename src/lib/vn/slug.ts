import { foldVietnamese } from './text';

export interface SlugifyOptions {
  /** Longest slug allowed; the slug is cut at the last word boundary that fits. */
  maxLength?: number;
}

/**
 * ASCII kebab-case slug for URLs and file names: folds Vietnamese (tones off, đ → d), lowercases,
 * turns every run of other characters into one "-", trims "-" at both ends. With `maxLength`, cuts
 * at a word boundary so a URL never ends in half a word (a single longer word is cut hard).
 * @example slugify('Thực hiện công tác dân vận chính quyền năm 2024') // 'thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2024'
 * @example slugify('59/2023/NĐ-CP') // '59-2023-nd-cp'
 */
export function slugify(s: string, options: SlugifyOptions = {}): string {
  const slug = foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const { maxLength } = options;
  if (maxLength === undefined || slug.length <= maxLength) return slug;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  // The character after the cut decides: a "-" there means the cut already falls between words.
  if (slug[maxLength] === '-') return slug.slice(0, maxLength);
  const head = slug.slice(0, maxLength);
  const lastBreak = head.lastIndexOf('-');
  return (lastBreak > 0 ? head.slice(0, lastBreak) : head).replace(/-+$/, '');
}
