import { searchTokens } from './tokens';

/** True when a token of a text is an occurrence of a query term: the same folded word, never a longer one. */
export function tokenMatches(token: string, term: string): boolean {
  return token === term;
}

/**
 * True when the terms occur in order with at most `maxGap` other tokens between neighbours.
 * With `maxGap` 0 that is the exact phrase; 1 lets "dan chu co so" match "dân chủ ở cơ sở".
 * @example containsPhrase(['dan', 'chu', 'o', 'co', 'so'], ['dan', 'chu', 'co', 'so'], 1) // true
 */
export function containsPhrase(tokens: readonly string[], terms: readonly string[], maxGap = 0): boolean {
  if (terms.length === 0) return false;
  outer: for (let i = 0; i < tokens.length; i++) {
    if (!tokenMatches(tokens[i]!, terms[0]!)) continue;
    let at = i;
    for (let j = 1; j < terms.length; j++) {
      let next = -1;
      for (let k = at + 1; k <= at + 1 + maxGap && k < tokens.length; k++) {
        if (tokenMatches(tokens[k]!, terms[j]!)) {
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

/** What the re-ranking needs from one result (see StoredSearchRecord). */
export interface RankableResult {
  title: string;
  text: string;
  /** ISO date: newest first within a tier. */
  date: string;
  /** Search keys of the documents the plan implements. */
  basis: readonly string[];
  /** Search keys of the other documents it cites. */
  citations: readonly string[];
}

/** Relevance tiers, strongest first; a result takes the highest that applies. */
export const RELEVANCE_TIERS = {
  /** The title holds the query as a phrase (two terms or more), give or take one stray word ("ở"). */
  titlePhrase: 7,
  /** The text holds the exact phrase. */
  phrase: 6,
  /** The title holds every term. */
  title: 5,
  /** Every document number asked for is one the plan implements (căn cứ). */
  basis: 4,
  /** Every document number asked for is one the plan implements or cites. */
  citation: 3,
  /** The phrase with one stray word between terms ("dân chủ ở cơ sở" for "dan chu co so"). */
  nearPhrase: 2,
  /** The words are somewhere in the plan. */
  body: 0,
} as const;

/**
 * How strongly a result matches, from the signals Pagefind does not weigh (it scores words one by
 * one): phrase, then title, then a basis or citation number, then the body.
 */
export function relevanceTier(result: RankableResult, terms: readonly string[]): number {
  if (terms.length === 0) return RELEVANCE_TIERS.body;
  const title = searchTokens(result.title);
  const phrase = terms.length > 1;
  if (phrase && containsPhrase(title, terms, 1)) return RELEVANCE_TIERS.titlePhrase;
  const text = phrase ? searchTokens(result.text) : [];
  if (phrase && containsPhrase(text, terms)) return RELEVANCE_TIERS.phrase;
  if (terms.every((term) => title.includes(term))) return RELEVANCE_TIERS.title;
  const numbers = terms.filter(isDocumentKey);
  if (numbers.length > 0 && numbers.every((key) => result.basis.includes(key))) return RELEVANCE_TIERS.basis;
  if (numbers.length > 0 && numbers.every((key) => result.basis.includes(key) || result.citations.includes(key))) return RELEVANCE_TIERS.citation;
  if (phrase && containsPhrase(text, terms, 1)) return RELEVANCE_TIERS.nearPhrase;
  return RELEVANCE_TIERS.body;
}

/** A document-number key ("33ctttg", "592023ndcp"): digits then letters. */
function isDocumentKey(term: string): boolean {
  return /^\d+[a-z]/.test(term);
}

/**
 * Orders results by `relevanceTier`, newest first within a tier, then in Pagefind's order (a stable
 * sort), so a plan where the words stand together, or that is named by the query, comes before one
 * where the same common words are merely scattered.
 */
export function rerankResults<T extends RankableResult>(results: readonly T[], terms: readonly string[]): T[] {
  return results
    .map((result, index) => ({ result, index, tier: relevanceTier(result, terms) }))
    .sort((a, b) => b.tier - a.tier || (a.result.date < b.result.date ? 1 : a.result.date > b.result.date ? -1 : 0) || a.index - b.index)
    .map((r) => r.result);
}
