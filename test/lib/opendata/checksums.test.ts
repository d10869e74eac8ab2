import { describe, expect, it } from 'vitest';
import { formatSha256Sums, parseSha256Sums, sha256Hex } from '../../../src/lib/opendata/checksums';

describe('SHA256SUMS', () => {
  it('writes sorted "hash  path" lines that parse back', () => {
    const entries = [
      { path: 'plans.json', sha256: sha256Hex('{}') },
      { path: 'deadlines/a.ics', sha256: sha256Hex('x') },
    ];
    const text = formatSha256Sums(entries);
    expect(text).toBe(`${sha256Hex('x')}  deadlines/a.ics\n${sha256Hex('{}')}  plans.json\n`);
    expect(parseSha256Sums(text)).toEqual([...entries].reverse());
  });

  it('hashes like sha256sum', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('rejects a malformed line', () => {
    expect(() => parseSha256Sums('abc plans.json\n')).toThrow(/malformed/);
  });
});
