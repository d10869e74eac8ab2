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

  it('writes the digits of a term mixing digits and letters as letters, and keeps plain numbers', () => {
    expect(indexedTerm('2024')).toBe(`2024${TERM_END}`);
    const key = indexedTerm('33ctttg');
    expect(key).toMatch(new RegExp(`^[^0-9]{2}ctttg${TERM_END}$`));
    expect(indexedTerm('33ctttg')).not.toBe(indexedTerm('34ctttg'));
    expect(normalizeQuery('33/CT-TTg').pagefind).toBe(key);
  });

  it('never lets the mark into a word of a plan or a query', () => {
    expect(stripTermEnd(`a${TERM_END}b`)).toBe('a b');
    expect([...indexTerms(`co${TERM_END}vid`).keys()]).toEqual(['co', 'vid']);
    expect(normalizeQuery(`co${TERM_END}vid`).terms).toEqual(['co', 'vid']);
  });

  it('gives the no-match record every letter and digit alone, unmarked', () => {
    const body = NO_MATCH_HTML.slice(NO_MATCH_HTML.indexOf('<main'));
    const words = body.replace(/<span[^>]*>[^<]*<\/span>/, '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
    expect(words.join('').slice(0, 36)).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
    // …and the letters that stand for digits in mixed terms, each a first character of some term.
    expect(words.slice(36).join('')).toBe([...'0123456789'].map((d) => indexedTerm(`${d}x`)[0]).join(''));
    expect(NO_MATCH_HTML).not.toContain(TERM_END);
  });

  it('stores each result under its Pagefind id', () => {
    expect(storedRecordPath('vi_1f2ba1f')).toBe('ket-qua/vi_1f2ba1f.json.gz');
  });
});
