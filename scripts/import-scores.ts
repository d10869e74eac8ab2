// npm run import-scores [-- --runs N]: how well the importer reads (1) the five seed texts compared with
// their curated plans, and (2) the corpus of real documents from other provinces and levels
// (test/fixtures/import/corpus) compared with their hand-checked truth files. Prints both tables, then
// what is missing or extra. Exits 1 when a seed is not read in full, when the corpus's reference
// recall or precision is under 0.97, a header is wrong, or an issuer is wrong.
import { parseArgs } from 'node:util';
import { measureImport, scoresTable } from './bench/import';
import { corpusTable, measureCorpus, recallPrecision } from './bench/import-corpus';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const problems: string[] = [];

const seeds = await measureImport({ runs: Number(values.runs) });
console.log('## Văn bản mẫu (so với kế hoạch biên tập tay)\n');
console.log(scoresTable(seeds));
for (const m of seeds) {
  for (const part of ['references', 'deadlines', 'targets'] as const) {
    problems.push(...m[part].missing.map((x) => `${m.file} › ${part}: thiếu ${x}`), ...m[part].extra.map((x) => `${m.file} › ${part}: thừa ${x}`));
  }
}

const corpus = measureCorpus();
console.log(`\n## Kho văn bản thật (${corpus.length} văn bản, so với tệp đáp án kiểm tra tay)\n`);
console.log(corpusTable(corpus));
const refs = recallPrecision(corpus, (m) => m.references);
if (refs.recall < 0.97) problems.push(`kho văn bản › dẫn chiếu: độ phủ ${refs.recall.toFixed(3)} < 0.97`);
if (refs.precision < 0.97) problems.push(`kho văn bản › dẫn chiếu: độ chính xác ${refs.precision.toFixed(3)} < 0.97`);
for (const m of corpus) {
  if (!m.header.right) problems.push(`${m.file} › đầu văn bản: ${m.header.wrong.join('; ')}`);
  if (m.issuer === 'wrong') problems.push(`${m.file} › cơ quan ban hành SAI: ${m.issuerShown}`);
  for (const part of ['references', 'deadlines', 'targets'] as const) {
    for (const x of m[part].missing) console.log(`${m.file} › ${part}: thiếu ${x}`);
    for (const x of m[part].extra) console.log(`${m.file} › ${part}: thừa ${x}`);
  }
}
if (problems.length) {
  console.log('');
  for (const p of problems) console.log(p);
  process.exitCode = 1;
}
