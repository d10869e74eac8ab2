/**
 * Importer quality and speed: imports each seed text (test/fixtures/seeds, the same bytes as
 * ../shared/seeds) and scores it against the curated plan made from it — numbered references
 * (number and date), deadlines (date and owner), targets (text and value) found out of expected,
 * and what was found in excess — and times the import of each document (read, repair, extract,
 * render), first run and median of warm runs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/lib/content/load';
import { importPlanFile } from '../../src/lib/import/files';
import { registriesFrom } from '../../src/lib/import/registries';
import { scoreImport, type PartScore } from '../../src/lib/import/score';
import type { BenchResult } from '../bench';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SeedMeasure {
  file: string;
  slug: string | null;
  references: PartScore;
  deadlines: PartScore;
  targets: PartScore;
  /** First import of this document in the process, ms. */
  firstMs: number;
  /** Median of warm imports, ms. */
  medianMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Scores and times the import of every seed that has a curated plan.
 * @example (await measureImport({ runs: 5 })).map((m) => `${m.file}: ${m.references.found}/${m.references.expected}`)
 */
export async function measureImport(options: { runs?: number; seedsDir?: string; contentDir?: string } = {}): Promise<SeedMeasure[]> {
  const runs = options.runs ?? 20;
  const seedsDir = options.seedsDir ?? join(root, 'test/fixtures/seeds');
  const content = loadContent(options.contentDir ?? join(root, 'content'));
  const registries = registriesFrom(content);
  const out: SeedMeasure[] = [];
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const curated = content.plans.find((p) => p.data.source.file === file);
    if (!curated) continue;
    const path = join(seedsDir, file);
    let start = performance.now();
    const result = await importPlanFile(path, registries);
    const firstMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      start = performance.now();
      await importPlanFile(path, registries);
      times.push(performance.now() - start);
    }
    const score = scoreImport(result.plan, curated.data);
    out.push({
      file,
      slug: curated.slug,
      references: score.references,
      deadlines: score.deadlines,
      targets: score.targets,
      firstMs,
      medianMs: median(times),
    });
  }
  return out;
}

const ratio = (p: PartScore): string => `${p.found}/${p.expected}${p.extra.length ? ` (+${p.extra.length} thừa)` : ''}`;

/** The scores as a Markdown table (Vietnamese headers, as printed by `npm run bench` and import-scores). */
export function scoresTable(measures: readonly SeedMeasure[]): string {
  const rows = [
    '| văn bản | văn bản dẫn chiếu (số + ngày) | thời hạn (ngày + đơn vị) | chỉ tiêu | lần đầu | trung vị |',
    '|---|---|---|---|---|---|',
    ...measures.map(
      (m) =>
        `| ${m.file} | ${ratio(m.references)} | ${ratio(m.deadlines)} | ${ratio(m.targets)} | ${m.firstMs.toFixed(1)} ms | ${m.medianMs.toFixed(1)} ms |`,
    ),
  ];
  const sum = (pick: (m: SeedMeasure) => PartScore) => ({
    expected: measures.reduce((n, m) => n + pick(m).expected, 0),
    found: measures.reduce((n, m) => n + pick(m).found, 0),
    missing: [],
    extra: measures.flatMap((m) => pick(m).extra),
  });
  rows.push(
    `| **tổng** | ${ratio(sum((m) => m.references))} | ${ratio(sum((m) => m.deadlines))} | ${ratio(sum((m) => m.targets))} | | ${median(measures.map((m) => m.medianMs)).toFixed(1)} ms |`,
  );
  return rows.join('\n');
}

/** For `npm run bench import`. */
export async function bench(): Promise<BenchResult> {
  const measures = await measureImport();
  const figures: Record<string, string> = {};
  for (const m of measures) {
    figures[m.file] = `tham chiếu ${ratio(m.references)}, thời hạn ${ratio(m.deadlines)}, chỉ tiêu ${ratio(m.targets)}; ${m.medianMs.toFixed(1)} ms (lần đầu ${m.firstMs.toFixed(1)} ms)`;
  }
  const perfect = measures.every((m) => [m.references, m.deadlines, m.targets].every((p) => p.found === p.expected && p.extra.length === 0));
  return {
    summary: `Nhập ${measures.length} văn bản mẫu, so với kế hoạch biên tập tay: ${perfect ? 'đủ, không thừa' : 'có chỗ thiếu hoặc thừa'}.`,
    figures,
  };
}
