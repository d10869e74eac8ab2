import { describe, expect, it } from 'vitest';
import { closeWords, editDistance, mergeVocabularies, suggestQueries, VocabularyCounter } from '../../../src/lib/search/vocabulary';
import { normalizeQuery } from '../../../src/lib/search/query';
import { buildSearchRecord, searchRecordContext } from '../../../src/lib/search/record';
import { seedCatalog } from '../portal/seed-catalog';

const catalog = seedCatalog();
const ctx = searchRecordContext(catalog, '/');
/** The vocabulary of records given as their terms, counted as the build counts them. */
function vocabularyOf(records: Iterable<string>[]) {
  const counter = new VocabularyCounter();
  for (const terms of records) counter.add(terms);
  return counter.result();
}
const vocabulary = vocabularyOf(catalog.plans.map((plan) => buildSearchRecord(plan, ctx).terms.keys()));
const suggest = (q: string) => {
  const query = normalizeQuery(q);
  return suggestQueries(query.terms, vocabulary, 3, query.written);
};

describe('VocabularyCounter', () => {
  it('counts the plans using each word, leaving numbers and document keys out', () => {
    expect(vocabularyOf([['dan', 'van', '33ctttg', '2024'], ['dan', 'dan']])).toEqual({ words: ['dan', 'van'], counts: [2, 1] });
  });

  it('holds the words of the seed plans, sorted', () => {
    expect(vocabulary.words).toContain('chuyen');
    expect(vocabulary.words).toEqual([...vocabulary.words].sort());
    expect(vocabulary.counts[vocabulary.words.indexOf('dan')]).toBe(catalog.plans.length);
  });
});

describe('mergeVocabularies', () => {
  it('gives the vocabulary of the seed plans counted in parts as counted at once', () => {
    const terms = catalog.plans.map((plan) => [...buildSearchRecord(plan, ctx).terms.keys()]);
    const parts = [terms.slice(0, 2), terms.slice(2, 3), terms.slice(3), []].map((part) => vocabularyOf(part));
    expect(mergeVocabularies(parts)).toEqual(vocabulary);
  });

  it('sums the counts of a word in several parts and keeps the words sorted', () => {
    expect(mergeVocabularies([{ words: ['van'], counts: [1] }, { words: ['dan', 'van'], counts: [2, 3] }])).toEqual({ words: ['dan', 'van'], counts: [2, 4] });
    expect(mergeVocabularies([])).toEqual({ words: [], counts: [] });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions, capped', () => {
    expect(editDistance('chuyeen', 'chuyen', 2)).toBe(1);
    expect(editDistance('chuyne', 'chuyen', 2)).toBe(1);
    expect(editDistance('covid', 'cong', 1)).toBe(2);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('near misses from the seed vocabulary', () => {
  it('corrects a mistyped word and keeps the others as written', () => {
    expect(suggest('chuyeen đổi số')[0]).toBe('chuyen đổi số');
    expect(closeWords('chuyeen', vocabulary)).toContain('chuyen');
  });

  it('completes a word still being typed', () => {
    expect(suggest('chuyển đổi s')).toContain('chuyển đổi so');
  });

  it('offers nothing for a word far from every word of the plans, or for a document number', () => {
    expect(suggest('xyzzyqwv')).toEqual([]);
    expect(suggest('999/KH-UBND')).toEqual([]);
  });

  it('offers the query with one word left out when every word exists but no plan has them all', () => {
    expect(suggest('dân vận 999/KH-UBND')).toEqual(['vận 999/KH-UBND', 'dân 999/KH-UBND', 'dân vận']);
  });
});
