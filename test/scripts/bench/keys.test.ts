import { describe, expect, it } from 'vitest';
import { bench } from '../../../scripts/bench/keys';
import { CACHE_DIR_ENV } from '../../../src/lib/build/cache-dir';

describe('the keys bench', () => {
  it('times every kind of route key on the scale corpus, before and after one edit', { timeout: 120_000 }, async () => {
    const before = process.env[CACHE_DIR_ENV];
    const result = await bench({ plans: '60' });
    expect(process.env[CACHE_DIR_ENV]).toBe(before);
    expect(result.summary).toMatch(/^60 plans: every route key [\d.]+ s, after one edit [\d.]+ s$/);
    const kinds = ['plan pages', 'plan lists', 'agency pages and lists', 'document pages and lists', 'plan records', 'calendars', 'open-data tables, feeds, catalogs'];
    for (const figure of ['keys', 'keys after one edit']) {
      const text = String(result.figures[figure]);
      for (const kind of kinds) expect(text, `${figure}: ${kind}`).toMatch(new RegExp(`${kind} [\\d.]+ s`));
      // A page and an open-data record per plan, and more (the share cards are files, not pages).
      expect(text).not.toMatch(/share cards/);
      expect(Number(/for (\d+) keys/.exec(text)![1])).toBeGreaterThan(60 * 2);
    }
    expect(/for (\d+) keys/.exec(String(result.figures.keys))![1]).toBe(/for (\d+) keys/.exec(String(result.figures['keys after one edit']))![1]);
  });
});
