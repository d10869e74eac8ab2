/**
 * `npm run bench [-- name… --option value…]`: runs the benchmarks in scripts/bench/ (all, or those
 * named) one after the other and prints what each measured. A benchmark is a module exporting
 * `bench(options): Promise<BenchResult>`; add one by dropping a file in scripts/bench/. Options are
 * passed to every benchmark named: `--plans 50000` → `{ plans: '50000' }`, `--no-hugo` →
 * `{ hugo: false }`, `--seed=7` → `{ seed: '7' }`. Files that export no `bench` are helpers.
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
/** Splits the arguments into benchmark names and options. */
export function parseBenchArgs(args: string[]): { names: string[]; options: Record<string, string | boolean> } {
  const names: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!flag) names.push(arg);
    else if (flag[2] !== undefined) options[flag[1]!] = flag[2];
    else if (flag[1]!.startsWith('no-')) options[flag[1]!.slice(3)] = false;
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) options[flag[1]!] = args[++i]!;
    else options[flag[1]!] = true;
  }
  return { names, options };
}

const { names: wanted, options } = parseBenchArgs(process.argv.slice(2));
const helpers = new Set(['corpus', 'corpus-vocabulary']);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => !helpers.has(name))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (wanted.length > 0 && names.length !== wanted.length) {
  const missing = wanted.filter((w) => !names.includes(w));
  console.error(`Không có benchmark: ${missing.join(', ')} (có: ${readdirSync(dir).map((f) => basename(f, '.ts')).join(', ')})`);
  process.exit(1);
}

let failed = false;
for (const name of names) {
  const module = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { bench?: (options: Record<string, string | boolean>) => Promise<BenchResult> };
  if (typeof module.bench !== 'function') {
    console.error(`scripts/bench/${name}.ts does not export bench()`);
    failed = true;
    continue;
  }
  console.log(`\n▶ ${name}`);
  try {
    const result = await module.bench(options);
    console.log(result.summary);
    const width = Math.max(...Object.keys(result.figures).map((k) => k.length));
    for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key.padEnd(width)}  ${value}`);
  } catch (error) {
    console.error(error);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
