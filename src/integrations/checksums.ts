import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCacheDir } from '../lib/build/cache-dir';
import { fileDigests } from '../lib/build/digest-cache';
import { formatSha256Sums } from '../lib/opendata/checksums';

const FOLDER = 'api/v1';
const FILE = 'SHA256SUMS';

/**
 * Writes `api/v1/SHA256SUMS` after the build: the sha256 of every file under api/v1, read back
 * from disk (endpoints cannot see each other's bytes, and the written bytes are what people get).
 * Files the build took unchanged from its cache are not read again (src/lib/build/digest-cache.ts,
 * with its record in the build cache).
 */
export function checksums(): AstroIntegration {
  return {
    name: 'ke-hoach-mo:checksums',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = join(fileURLToPath(dir), FOLDER);
        const files = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile() && entry.name !== FILE)
          .map((entry) => relative(root, join(entry.parentPath, entry.name)));
        const { digests, read } = await fileDigests(root, files, join(buildCacheDir(), 'checksums.json'));
        const entries = files.map((file, i) => ({ path: file.split(sep).join('/'), sha256: digests[i]! }));
        await writeFile(join(root, FILE), formatSha256Sums(entries));
        logger.info(`${FOLDER}/${FILE}: ${entries.length} files (${read} read)`);
      },
    },
  };
}
