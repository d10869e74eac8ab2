import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The five real plans as extracted from the signed documents (a byte-for-byte copy of shared/seeds/). */
export const SEEDS_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

/** File names of the seeds, in order (000_…, 001_…). */
export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort();
}

/** Raw text of the seed whose file name starts with `prefix` ("000"), exactly as extracted (not NFC). */
export function readSeed(prefix: string): string {
  const file = seedFiles().find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS_DIR}`);
  return readFileSync(SEEDS_DIR + file, 'utf8');
}
