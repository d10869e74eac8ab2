/**
 * `npm run bench [-- name…]`: runs the benchmarks in scripts/bench/ (all, or those named) one after
 * the other and prints what each measured. A benchmark is a module exporting
 * `bench(): Promise<BenchResult>`; add one by dropping a file in scripts/bench/.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a benchmark reports: a one-line summary and named figures, printed as a table. */
export interface BenchResult {
  summary: string;
  figures: Record<string, string | number>;
}

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (wanted.length > 0 && names.length !== wanted.length) {
  const missing = wanted.filter((w) => !names.includes(w));
  console.error(`Không có benchmark: ${missing.join(', ')} (có: ${readdirSync(dir).map((f) => basename(f, '.ts')).join(', ')})`);
  process.exit(1);
}

let failed = false;
for (const name of names) {
  const module = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { bench?: () => Promise<BenchResult> };
  if (typeof module.bench !== 'function') {
    console.error(`scripts/bench/${name}.ts does not export bench()`);
    failed = true;
    continue;
  }
  console.log(`\n▶ ${name}`);
  try {
    const result = await module.bench();
    console.log(result.summary);
    const width = Math.max(...Object.keys(result.figures).map((k) => k.length));
    for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key.padEnd(width)}  ${value}`);
  } catch (error) {
    console.error(error);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
