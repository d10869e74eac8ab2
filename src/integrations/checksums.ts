import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { formatSha256Sums, sha256Hex } from '../lib/opendata/checksums';

const FOLDER = 'api/v1';
const FILE = 'SHA256SUMS';
const READS_IN_FLIGHT = 32;

/**
 * Writes `api/v1/SHA256SUMS` after the build: the sha256 of every file under api/v1, read back
 * from disk (endpoints cannot see each other's bytes, and the written bytes are what people get).
 */
export function checksums(): AstroIntegration {
  return {
    name: 'ke-hoach-mo:checksums',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = join(fileURLToPath(dir), FOLDER);
        const files = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile() && entry.name !== FILE)
          .map((entry) => join(entry.parentPath, entry.name));
        // Many reads in flight (5,000 plan records at 5,000 plans): libuv reads while this thread hashes.
        const limit = pLimit(READS_IN_FLIGHT);
        const entries = await Promise.all(files.map((abs) => limit(async () => ({ path: relative(root, abs).split(sep).join('/'), sha256: sha256Hex(await readFile(abs)) }))));
        await writeFile(join(root, FILE), formatSha256Sums(entries));
        logger.info(`${FOLDER}/${FILE}: ${entries.length} files`);
      },
    },
  };
}
