import { describe, expect, it } from 'vitest';
import { NO_MATCH_HTML, TERM_END, indexedTerm, storedRecordPath, stripTermEnd } from '../../../src/lib/search/client-config';
import { normalizeQuery } from '../../../src/lib/search/query';
import { indexTerms } from '../../../src/lib/search/record';

describe('end-marked terms', () => {
  it('marks the end of every indexed and searched term, so no term is a prefix of another', () => {
    expect(indexedTerm('dan')).toBe(`dan${TERM_END}`);
    expect(indexedTerm('danh').startsWith(indexedTerm('dan'))).toBe(false);
    expect(normalizeQuery('dân vận').pagefind).toBe(`dan${TERM_END} van${TERM_END}`);
  });

  it('never lets the mark into a word of a plan or a query', () => {
    expect(stripTermEnd(`a${TERM_END}b`)).toBe('a b');
    expect([...indexTerms(`co${TERM_END}vid`).keys()]).toEqual(['co', 'vid']);
    expect(normalizeQuery(`co${TERM_END}vid`).terms).toEqual(['co', 'vid']);
  });

  it('gives the no-match record every letter and digit alone, unmarked', () => {
    const body = NO_MATCH_HTML.slice(NO_MATCH_HTML.indexOf('<main'));
    const words = body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
    expect(words.join('')).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(NO_MATCH_HTML).not.toContain(TERM_END);
  });

  it('stores each result under its Pagefind id', () => {
    expect(storedRecordPath('vi_1f2ba1f')).toBe('ket-qua/vi_1f2ba1f.json.gz');
  });
});
