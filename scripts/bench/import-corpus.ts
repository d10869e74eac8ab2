/**
 * Importer accuracy on real documents it was never tuned on: imports every text of
 * test/fixtures/import/corpus and compares the draft with the hand-checked truth file beside it —
 * numbered references (number and date), deadlines, targets, the header (số, ký hiệu, ngày, địa danh)
 * and the issuer (right, honestly unknown, or wrong).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/lib/content/load';
import { importPlanText, type ImportResult } from '../../src/lib/import/import-plan';
import { registriesFrom } from '../../src/lib/import/registries';
import {
  judgeIssuer,
  scoreHeader,
  scoreImport,
  scoreReferences,
  type CorpusTruth,
  type IssuerClaim,
  type IssuerVerdict,
  type PartScore,
} from '../../src/lib/import/score';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CorpusMeasure {
  file: string;
  references: PartScore;
  deadlines: PartScore;
  targets: PartScore;
  header: { right: boolean; wrong: string[] };
  issuer: IssuerVerdict;
  /** The issuer as the draft states it, for the table. */
  issuerShown: string;
}

/** What a draft claims about its issuer, in the terms `judgeIssuer` compares. */
export function issuerClaim(result: ImportResult): IssuerClaim {
  const issuer = result.issuer;
  if (issuer.kind === 'registry') return { kind: 'registry', name: issuer.agency.name, level: issuer.agency.level, province: issuer.agency.province };
  if (issuer.kind === 'proposed') return { kind: 'proposed', name: issuer.entry.name, level: issuer.entry.level, province: issuer.entry.province };
  return { kind: 'unknown' };
}

/**
 * Imports and scores every corpus document.
 * @example (await measureCorpus()).filter((m) => m.issuer === 'wrong').length // 0
 */
export function measureCorpus(options: { corpusDir?: string; contentDir?: string } = {}): CorpusMeasure[] {
  const dir = options.corpusDir ?? join(root, 'test/fixtures/import/corpus');
  const registries = registriesFrom(loadContent(options.contentDir ?? join(root, 'content')));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as CorpusTruth;
      const result = importPlanText(readFileSync(join(dir, file), 'utf8'), { ...registries, sourceFile: file, sha256: '' });
      const parts = scoreImport(result.plan, { basis: [], citations: [], deadlines: truth.deadlines, targets: truth.targets });
      const claim = issuerClaim(result);
      return {
        file,
        references: scoreReferences([...result.plan.basis, ...result.plan.citations], truth.references),
        deadlines: parts.deadlines,
        targets: parts.targets,
        header: scoreHeader(result.plan, truth),
        issuer: judgeIssuer(claim, truth.issuer),
        issuerShown: claim.kind === 'unknown' ? 'chưa rõ' : `${claim.kind === 'registry' ? '' : 'mới: '}${claim.name}`,
      };
    });
}

const ratio = (p: PartScore): string => `${p.found}/${p.expected}${p.extra.length ? ` (+${p.extra.length} thừa)` : ''}`;

function total(measures: readonly CorpusMeasure[], pick: (m: CorpusMeasure) => PartScore): { expected: number; found: number; extra: number } {
  return {
    expected: measures.reduce((n, m) => n + pick(m).expected, 0),
    found: measures.reduce((n, m) => n + pick(m).found, 0),
    extra: measures.reduce((n, m) => n + pick(m).extra.length, 0),
  };
}

/** Recall and precision of a part over the corpus (1 when there is nothing to find or nothing found). */
export function recallPrecision(measures: readonly CorpusMeasure[], pick: (m: CorpusMeasure) => PartScore): { recall: number; precision: number } {
  const t = total(measures, pick);
  return { recall: t.expected ? t.found / t.expected : 1, precision: t.found + t.extra ? t.found / (t.found + t.extra) : 1 };
}

const VERDICT: Record<IssuerVerdict, string> = { right: 'đúng', unknown: 'chưa rõ (báo)', wrong: '**SAI**' };

/** The corpus scores as a Markdown table, per document and in total. */
export function corpusTable(measures: readonly CorpusMeasure[]): string {
  const rp = (pick: (m: CorpusMeasure) => PartScore) => {
    const { recall, precision } = recallPrecision(measures, pick);
    return `R ${recall.toFixed(2)} P ${precision.toFixed(2)}`;
  };
  const rows = [
    '| văn bản | dẫn chiếu | thời hạn | chỉ tiêu | đầu văn bản | cơ quan ban hành |',
    '|---|---|---|---|---|---|',
    ...measures.map(
      (m) =>
        `| ${m.file.replace(/\.txt$/, '')} | ${ratio(m.references)} | ${ratio(m.deadlines)} | ${ratio(m.targets)} | ${m.header.right ? 'đúng' : `sai (${m.header.wrong.join('; ')})`} | ${VERDICT[m.issuer]}: ${m.issuerShown} |`,
    ),
    `| **tổng (${measures.length})** | ${rp((m) => m.references)} | ${rp((m) => m.deadlines)} | ${rp((m) => m.targets)} | ${measures.filter((m) => m.header.right).length}/${measures.length} đúng | ${measures.filter((m) => m.issuer === 'right').length} đúng, ${measures.filter((m) => m.issuer === 'unknown').length} chưa rõ, ${measures.filter((m) => m.issuer === 'wrong').length} sai |`,
  ];
  return rows.join('\n');
}

/** For `npm run bench import-corpus`: the corpus scores (accuracy, not speed). */
export async function bench(): Promise<import('../bench').BenchResult> {
  const measures = measureCorpus();
  const figure = (pick: (m: CorpusMeasure) => PartScore) => {
    const { recall, precision } = recallPrecision(measures, pick);
    return `độ phủ ${recall.toFixed(3)}, độ chính xác ${precision.toFixed(3)}`;
  };
  return {
    summary: `Nhập ${measures.length} văn bản thật của các tỉnh khác, so với tệp đáp án kiểm tra tay.`,
    figures: {
      'dẫn chiếu': figure((m) => m.references),
      'thời hạn': figure((m) => m.deadlines),
      'chỉ tiêu': figure((m) => m.targets),
      'đầu văn bản đúng': `${measures.filter((m) => m.header.right).length}/${measures.length}`,
      'cơ quan ban hành': `${measures.filter((m) => m.issuer === 'right').length} đúng, ${measures.filter((m) => m.issuer === 'unknown').length} chưa rõ, ${measures.filter((m) => m.issuer === 'wrong').length} sai`,
    },
  };
}
