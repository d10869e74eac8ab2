import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSha256Sums, sha256Hex } from '../lib/opendata/checksums';

const FOLDER = 'api/v1';
const FILE = 'SHA256SUMS';

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
        const entries = [];
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || entry.name === FILE) continue;
          const abs = join(entry.parentPath, entry.name);
          entries.push({ path: relative(root, abs).split(sep).join('/'), sha256: sha256Hex(await readFile(abs)) });
        }
        await writeFile(join(root, FILE), formatSha256Sums(entries));
        logger.info(`${FOLDER}/${FILE}: ${entries.length} files`);
      },
    },
  };
}
