import { searchTokens } from './tokens';

/**
 * True when a token of a text counts as an occurrence of a query term. The last term may be a
 * prefix (people search while typing, and Pagefind matches prefixes too); the others must be whole.
 */
export function tokenMatches(token: string, term: string, isLast: boolean): boolean {
  return token === term || (isLast && term.length >= 2 && token.startsWith(term));
}

/**
 * True when the terms occur in order with at most `maxGap` other tokens between neighbours.
 * With `maxGap` 0 that is the exact phrase; 1 lets "dan chu co so" match "dân chủ ở cơ sở".
 * @example containsPhrase(['dan', 'chu', 'o', 'co', 'so'], ['dan', 'chu', 'co', 'so'], 1) // true
 */
export function containsPhrase(tokens: readonly string[], terms: readonly string[], maxGap = 0): boolean {
  if (terms.length === 0) return false;
  const last = terms.length - 1;
  outer: for (let i = 0; i < tokens.length; i++) {
    if (!tokenMatches(tokens[i]!, terms[0]!, last === 0)) continue;
    let at = i;
    for (let j = 1; j < terms.length; j++) {
      let next = -1;
      for (let k = at + 1; k <= at + 1 + maxGap && k < tokens.length; k++) {
        if (tokenMatches(tokens[k]!, terms[j]!, j === last)) {
          next = k;
          break;
        }
      }
      if (next < 0) continue outer;
      at = next;
    }
    return true;
  }
  return false;
}

/** What the re-ranking needs from one result: its title and its indexed text as written. */
export interface RankableResult {
  title: string;
  text: string;
}

/**
 * How strongly a result matches, from the signals Pagefind does not weigh (it scores words one by
 * one): 5 the title holds the query as a phrase, 4 the title holds every term, 3 the text holds
 * the exact phrase, 2 the phrase with one stray word between terms ("dân chủ ở cơ sở" for
 * "dan chu co so"), 0 none of these. Phrase tiers need two terms or more.
 */
export function relevanceTier(result: RankableResult, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const last = terms.length - 1;
  const title = searchTokens(result.title);
  const phrase = terms.length > 1;
  if (phrase && containsPhrase(title, terms)) return 5;
  if (terms.every((term, j) => title.some((token) => tokenMatches(token, term, j === last)))) return 4;
  if (!phrase) return 0;
  const text = searchTokens(result.text);
  if (containsPhrase(text, terms)) return 3;
  if (containsPhrase(text, terms, 1)) return 2;
  return 0;
}

/**
 * Re-orders results by `relevanceTier`, keeping Pagefind's order within a tier (a stable sort), so a
 * plan where the words stand together, or that is named by the query, comes before one where the
 * same common words are merely scattered.
 */
export function rerankResults<T extends RankableResult>(results: readonly T[], terms: readonly string[]): T[] {
  return results
    .map((result, index) => ({ result, index, tier: relevanceTier(result, terms) }))
    .sort((a, b) => b.tier - a.tier || a.index - b.index)
    .map((r) => r.result);
}
