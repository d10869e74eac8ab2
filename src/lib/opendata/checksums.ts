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
 * The size in bytes (text as UTF-8) and sha256 of a file given whole or in pieces, in order: a
 * large file's pieces are hashed one by one, never joined.
 */
export function sizeAndSha256(body: string | Uint8Array | readonly Uint8Array[]): { bytes: number; sha256: string } {
  if (typeof body === 'string') return { bytes: Buffer.byteLength(body, 'utf8'), sha256: sha256Hex(body) };
  if (body instanceof Uint8Array) return { bytes: body.length, sha256: sha256Hex(body) };
  const hash = createHash('sha256');
  let bytes = 0;
  for (const piece of body) {
    hash.update(piece);
    bytes += piece.length;
  }
  return { bytes, sha256: hash.digest('hex') };
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
