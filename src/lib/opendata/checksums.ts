import { createHash } from 'node:crypto';

export interface ChecksumEntry {
  /** Path relative to the folder that holds SHA256SUMS, with "/" separators. */
  path: string;
  sha256: string;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A SHA256SUMS file in the format `sha256sum -c` reads ("<hex>  <path>\n"), sorted by path so the
 * file is the same on every build of the same content.
 * @example formatSha256Sums([{ path: 'plans.csv', sha256: 'ab…' }]) // 'ab…  plans.csv\n'
 */
export function formatSha256Sums(entries: readonly ChecksumEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => `${entry.sha256}  ${entry.path}\n`)
    .join('');
}

/** Parses a SHA256SUMS file back into entries (for tests and for people verifying a download). */
export function parseSha256Sums(text: string): ChecksumEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!match) throw new Error(`SHA256SUMS: malformed line "${line}"`);
      return { sha256: match[1]!, path: match[2]! };
    });
}
