// Shared by the importer tests: the five seed texts (test/fixtures/seeds, same sha256 as the
// curated plans record), the curated plans made from them, and the real registries (read only).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadContent, type LoadedPlan } from '../../../src/lib/content/load';
import { registriesFrom, type Registries } from '../../../src/lib/import/registries';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONTENT = join(ROOT, 'content');
export const SEEDS = join(ROOT, 'test/fixtures/seeds');

const content = loadContent(CONTENT);
export const registries: Registries = registriesFrom(content);

export interface Seed {
  file: string;
  path: string;
  text: string;
  /** The curated plan whose `source.file` is this seed. */
  curated: LoadedPlan | undefined;
}

export const seeds: Seed[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({
    file,
    path: join(SEEDS, file),
    text: readFileSync(join(SEEDS, file), 'utf8'),
    curated: content.plans.find((p) => p.data.source.file === file),
  }));

export function seed(prefix: string): Seed {
  const s = seeds.find((x) => x.file.startsWith(prefix));
  if (!s) throw new Error(`no seed ${prefix}`);
  return s;
}
