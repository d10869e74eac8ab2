import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checksumsRecordFile } from '../lib/build/cache-dir';
import { folderDigests, forgetAdoptedDigests } from '../lib/build/digest-cache';
import { formatSha256Sums } from '../lib/opendata/checksums';

const FOLDER = 'api/v1';
const FILE = 'SHA256SUMS';

/**
 * Writes `api/v1/SHA256SUMS` after the build: the sha256 of every file under api/v1, read back
 * from disk (endpoints cannot see each other's bytes, and the written bytes are what people get).
 * Files the build took unchanged from its cache are not read again, and the plan records the build's
 * content process staged and the tables' files come with their digests, computed as they
 * were made (`folderDigests`, src/lib/build/digest-cache.ts, with its record in the build cache).
 */
export function checksums(): AstroIntegration {
  return {
    name: 'ke-hoach-mo:checksums',
    hooks: {
      'astro:build:start': () => forgetAdoptedDigests(),
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { entries, read, given } = await folderDigests(outDir, FOLDER, checksumsRecordFile(), [FILE]);
        await writeFile(join(outDir, FOLDER, FILE), formatSha256Sums(entries));
        const staged = given > 0 ? `, ${given} hashed as they were made` : '';
        logger.info(`${FOLDER}/${FILE}: ${entries.length} files (${read} read${staged})`);
      },
    },
  };
}
