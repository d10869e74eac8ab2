// npx tsx scripts/import-scores.ts [--runs N] (also in npm run bench -- import): how well the importer reads the five
// seed texts compared with their curated plans, and how long one import takes. Exits 1 when a seed
// is not read in full or has extras.
import { parseArgs } from 'node:util';
import { measureImport, scoresTable } from './bench/import';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const measures = await measureImport({ runs: Number(values.runs) });
console.log(scoresTable(measures));
const problems = measures.flatMap((m) =>
  (['references', 'deadlines', 'targets'] as const).flatMap((part) => [
    ...m[part].missing.map((x) => `${m.file} › ${part}: thiếu ${x}`),
    ...m[part].extra.map((x) => `${m.file} › ${part}: thừa ${x}`),
  ]),
);
if (problems.length) {
  console.log('');
  for (const p of problems) console.log(p);
  process.exitCode = 1;
}
