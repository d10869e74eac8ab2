import { foldWithOffsets, tokenizeFolded } from './tokens';
import { containsPhrase, tokenMatches } from './rank';

/** A piece of an excerpt; `mark` pieces are the words that matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Words in the excerpt. */
  words?: number;
}

/**
 * The passage of `text` that best matches the query terms — the exact phrase if it occurs, else
 * the most distinct terms close together — with the matching words marked. Matching is on folded
 * text, so "dang uy" marks "Đảng ủy" and "33ctttg" marks "33/CT-TTg", but the excerpt shows the text
 * as written. Returns plain text parts (render `mark` parts in <mark>), never HTML.
 * @example buildExcerpt('Ban Cán sự Đảng Ủy ban nhân dân tỉnh', ['dang', 'uy'])
 * // [{ text: 'Ban Cán sự ', mark: false }, { text: 'Đảng', mark: true }, { text: ' ', mark: false }, { text: 'Ủy', mark: true }, …]
 */
export function buildExcerpt(text: string, terms: readonly string[], options: ExcerptOptions = {}): ExcerptPart[] {
  const size = options.words ?? 28;
  const { original, folded, offsets } = foldWithOffsets(text);
  const tokens = tokenizeFolded(folded);
  if (tokens.length === 0) return original.trim() ? [{ text: original.trim(), mark: false }] : [];

  const termOf = tokens.map((t) => terms.findIndex((term) => tokenMatches(t.value, term)));
  const values = tokens.map((t) => t.value);

  let bestStart = 0;
  let bestScore = -1;
  const lead = Math.min(4, Math.floor(size / 4));
  for (let i = 0; i < tokens.length; i++) {
    if (termOf[i]! < 0) continue;
    const start = Math.max(0, i - lead);
    const score = windowScore(values.slice(start, start + size), termOf.slice(start, start + size), terms);
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const end = Math.min(tokens.length, bestStart + size) - 1;

  const parts: ExcerptPart[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const prev = parts.at(-1);
    if (prev && prev.mark === mark) prev.text += s;
    else parts.push({ text: s, mark });
  };
  if (bestStart > 0) push('… ', false);
  let cursor = offsets[tokens[bestStart]!.start]!;
  for (let i = bestStart; i <= end; i++) {
    if (termOf[i]! < 0) continue;
    const from = offsets[tokens[i]!.start]!;
    const to = offsets[tokens[i]!.end]!;
    push(original.slice(cursor, from), false);
    push(original.slice(from, to), true);
    cursor = to;
  }
  push(original.slice(cursor, offsets[tokens[end]!.end]!), false);
  if (end < tokens.length - 1) push(' …', false);
  return parts;
}

// Distinct terms count most, then the exact phrase, then how many matches the window holds.
function windowScore(values: string[], termOf: number[], terms: readonly string[]): number {
  const distinct = new Set(termOf.filter((t) => t >= 0)).size;
  const hits = termOf.filter((t) => t >= 0).length;
  const phrase = terms.length > 1 && containsPhrase(values, terms) ? 1 : 0;
  return distinct * 100 + phrase * 1000 + Math.min(hits, 50);
}
