/**
 * The index vocabulary and near-miss suggestions. When a query finds no plan, the search page loads
 * the vocabulary (every folded word of the index with the number of plans using it) and offers the
 * closest queries that would find something: "Có phải bạn muốn tìm: …". Suggestions are only
 * offered, never searched in the reader's place, so a result always holds every word asked for.
 */

export interface Vocabulary {
  /** Folded words, sorted. Document-number keys and numbers are left out: a number is right or not. */
  words: string[];
  /** `counts[i]` is how many plans use `words[i]`. */
  counts: number[];
}

const WORD = /^[a-z]{2,}$/;

/**
 * Counts the plans using each word, one record at a time (the build streams its records), and
 * gives the vocabulary once all are counted. Numbers and document-number keys are left out.
 * @example const c = new VocabularyCounter(); c.add(['dan', 'van', '33ctttg']); c.add(['dan']); c.result() // { words: ['dan', 'van'], counts: [2, 1] }
 */
export class VocabularyCounter {
  readonly #counts = new Map<string, number>();

  /** One record's terms; a term given twice counts once. */
  add(terms: Iterable<string>): void {
    for (const term of new Set(terms)) if (WORD.test(term)) this.#counts.set(term, (this.#counts.get(term) ?? 0) + 1);
  }

  result(): Vocabulary {
    const words = [...this.#counts.keys()].sort();
    return { words, counts: words.map((w) => this.#counts.get(w)!) };
  }
}

/**
 * One vocabulary from several counted apart (the index parts', src/lib/search/shards.ts): each
 * word's counts summed. Exact when no plan was counted in two of them.
 * @example mergeVocabularies([{ words: ['dan'], counts: [2] }, { words: ['dan', 'van'], counts: [1, 1] }]) // { words: ['dan', 'van'], counts: [3, 1] }
 */
export function mergeVocabularies(vocabularies: readonly Vocabulary[]): Vocabulary {
  const counts = new Map<string, number>();
  for (const { words, counts: n } of vocabularies) words.forEach((word, i) => counts.set(word, (counts.get(word) ?? 0) + n[i]!));
  const words = [...counts.keys()].sort();
  return { words, counts: words.map((w) => counts.get(w)!) };
}

/** Optimal string alignment distance (Levenshtein with transpositions), or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Edits allowed for a word of this length: one up to five letters, two beyond. */
function allowedEdits(term: string): number {
  return term.length <= 5 ? 1 : 2;
}

/**
 * Vocabulary words close to `term`: within the allowed edits, or beginning with it (a word not yet
 * finished), closest first, then the most used.
 * @example closeWords('chuyeen', vocabulary) // ['chuyen']
 */
export function closeWords(term: string, vocabulary: Vocabulary, limit = 3): string[] {
  const max = allowedEdits(term);
  const found: { word: string; distance: number; count: number }[] = [];
  vocabulary.words.forEach((word, i) => {
    if (word === term) return;
    let distance = editDistance(term, word, max);
    // A word the reader may not have finished typing ("chuye" → "chuyen") counts as one edit.
    if (distance > max && term.length >= 3 && word.startsWith(term)) distance = 1;
    if (distance <= max) found.push({ word, distance, count: vocabulary.counts[i]! });
  });
  found.sort((a, b) => a.distance - b.distance || b.count - a.count || a.word.localeCompare(b.word));
  return found.slice(0, limit).map((f) => f.word);
}

/**
 * Queries close to one that found nothing: each word the index does not hold replaced by its
 * closest vocabulary words; when every word exists but no plan holds them all, the query with one
 * word left out. Document-number keys (digits) are kept as they are, never guessed. Kept words
 * appear as the reader wrote them (`written[i]` for `terms[i]`).
 * @example suggestQueries(['covit', 'xa'], vocabulary) // ['covid xa', …]
 */
export function suggestQueries(terms: readonly string[], vocabulary: Vocabulary, limit = 3, written: readonly string[] = terms): string[] {
  if (terms.length === 0) return [];
  const known = new Set<string>();
  const has = (term: string) => {
    if (known.has(term)) return true;
    if (binarySearch(vocabulary.words, term)) known.add(term);
    return known.has(term);
  };
  const missing = terms.map((term, i) => ({ term, i })).filter(({ term }) => /^[a-z]+$/.test(term) && !has(term));
  const suggestions: string[] = [];
  if (missing.length > 0) {
    const options = missing.map(({ term }) => closeWords(term, vocabulary, limit));
    if (options.some((o) => o.length === 0)) return [];
    for (let k = 0; k < limit; k++) {
      const replaced = [...written];
      missing.forEach(({ i }, m) => (replaced[i] = options[m]![Math.min(k, options[m]!.length - 1)]!));
      suggestions.push(replaced.join(' '));
    }
  } else if (terms.length > 1) {
    for (let i = 0; i < terms.length; i++) suggestions.push(written.filter((_, j) => j !== i).join(' '));
  }
  return [...new Set(suggestions)].slice(0, limit);
}

function binarySearch(sorted: readonly string[], value: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
