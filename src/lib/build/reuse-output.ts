/**
 * Reuse of a whole generated folder (the search index) by content hash: when the key of this
 * build's inputs matches the one kept in the cache, the kept folder is copied instead of
 * generated again. Only the newest key is kept, so the cache does not grow with every edit.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 (hex) of the given parts, each length-prefixed so that parts cannot run into each other. */
export function outputKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
  return hash.digest('hex');
}

/**
 * Fills `outputPath` from `cacheRoot/<key>` when present ('reused'); otherwise runs `produce` and
 * keeps a copy of its output under that key, removing older keys ('produced').
 */
export async function reuseOutput(cacheRoot: string, key: string, outputPath: string, produce: (outputPath: string) => Promise<unknown>): Promise<'reused' | 'produced'> {
  const kept = join(cacheRoot, key);
  if (existsSync(kept)) {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(kept, outputPath, { recursive: true });
    return 'reused';
  }
  await produce(outputPath);
  mkdirSync(cacheRoot, { recursive: true });
  const staging = `${kept}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(outputPath, staging, { recursive: true });
  for (const name of readdirSync(cacheRoot)) if (join(cacheRoot, name) !== staging) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  renameSync(staging, kept);
  return 'produced';
}
