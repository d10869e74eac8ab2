import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCacheDir } from '../lib/build/cache-dir';
import { fileDigests, filesUnder } from '../lib/build/digest-cache';
import { adoptedDigests, forgetAdoptedDigests } from '../lib/build/staging';
import { formatSha256Sums } from '../lib/opendata/checksums';

const FOLDER = 'api/v1';
const FILE = 'SHA256SUMS';

/**
 * Writes `api/v1/SHA256SUMS` after the build: the sha256 of every file under api/v1, read back
 * from disk (endpoints cannot see each other's bytes, and the written bytes are what people get).
 * Files the build took unchanged from its cache are not read again (src/lib/build/digest-cache.ts,
 * with its record in the build cache), and the plan records the build's content process staged come
 * with their digests (src/lib/build/staging.ts), computed there while the pages rendered.
 */
export function checksums(): AstroIntegration {
  return {
    name: 'ke-hoach-mo:checksums',
    hooks: {
      'astro:build:start': () => forgetAdoptedDigests(),
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const root = join(outDir, FOLDER);
        // The digests of the plan records the content process staged, by path under api/v1.
        const adopted = adoptedDigests(outDir);
        const known = new Map<string, string>();
        for (const [path, sha256] of adopted) if (path.startsWith(`${FOLDER}/`)) known.set(path.slice(FOLDER.length + 1).split('/').join(sep), sha256);
        const files = filesUnder(root, (path) => known.has(path)).filter((path) => path !== FILE);
        const { digests, read } = await fileDigests(root, files, join(buildCacheDir(), 'checksums.json'), known);
        const entries = files.map((file, i) => ({ path: file.split(sep).join('/'), sha256: digests[i]! }));
        await writeFile(join(root, FILE), formatSha256Sums(entries));
        const staged = known.size > 0 ? `, ${known.size} hashed by the content process` : '';
        logger.info(`${FOLDER}/${FILE}: ${entries.length} files (${read} read${staged})`);
      },
    },
  };
}
