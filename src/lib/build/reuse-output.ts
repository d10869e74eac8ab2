/**
 * Reuse of a whole generated folder (a part of the search index) by content hash: when the key of
 * this build's inputs matches the one kept in the cache, the kept folder is used instead of
 * generated again. Only the newest key is kept, so the cache does not grow with every edit. The
 * caller copies the kept folder into place (src/lib/search/pagefind-index.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 (hex) of the given parts, each length-prefixed so that parts cannot run into each other. */
export function outputKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
  return hash.digest('hex');
}

export interface KeptOutput {
  /** The kept folder, `cacheRoot/<key>`. */
  path: string;
  how: 'reused' | 'produced';
}

/**
 * Makes sure `cacheRoot/<key>` holds the output: 'reused' when it is there; otherwise `produce`
 * writes it into a staging folder, renamed into place only once complete, and older keys are
 * removed ('produced'). A failed `produce` leaves no folder under the key.
 */
export async function keptOutput(cacheRoot: string, key: string, produce: (outputPath: string) => Promise<unknown>): Promise<KeptOutput> {
  const kept = join(cacheRoot, key);
  if (existsSync(kept)) return { path: kept, how: 'reused' };
  mkdirSync(cacheRoot, { recursive: true });
  const staging = `${kept}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await produce(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  for (const name of readdirSync(cacheRoot)) if (join(cacheRoot, name) !== staging) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  renameSync(staging, kept);
  return { path: kept, how: 'produced' };
}
