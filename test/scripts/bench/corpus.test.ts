/**
 * The scale corpus of `npm run bench`: valid content (what `npm run check` says), deterministic,
 * one province's agency tree, a decade of plans, and a vocabulary that grows with the corpus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus, type CorpusSummary } from '../../../scripts/bench/corpus';
import { addedPlanText, planToAdd, planToEdit, type BuildBenchContext } from '../../../scripts/bench/build';
import { checkContent } from '../../../src/lib/content/check';
import { formatProblem } from '../../../src/lib/content/problems';
import { loadContent } from '../../../src/lib/content/load';

const PLANS = 600;
let dir: string;
let summary: CorpusSummary;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-corpus-'));
  summary = writeCorpus(dir, { plans: PLANS, seed: 11 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Distinct words (syllables) of texts. */
const words = (texts: string[]) => new Set(texts.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)));

describe('scripts/bench/corpus.ts', () => {
  it('writes content that passes every content check', () => {
    const { problems } = checkContent(dir);
    expect(problems.slice(0, 5).map(formatProblem)).toEqual([]);
    expect(summary.plans).toBe(PLANS);
  }, 120_000);

  it('takes the plan the build bench adds as one more published plan, whatever the plan it copies', () => {
    const ctx: BuildBenchContext = { plans: PLANS, contentDir: dir, outDir: join(dir, 'dist'), env: {} };
    const copied = readFileSync(planToEdit(ctx), 'utf8');
    // A draft with a number copied as it is would be a second plan with that number, and unpublished.
    const draft = copied.replace(/^status: .*$/m, 'status: "dự thảo"').replace(/^number: .*$/m, 'number: "77"').replace(/^symbol: .*$/m, 'symbol: "KH-UBND"');
    for (const text of [copied, draft]) {
      writeFileSync(planToAdd(ctx), addedPlanText(text));
      try {
        const { problems } = checkContent(dir);
        expect(problems.slice(0, 5).map(formatProblem)).toEqual([]);
        const plans = loadContent(dir).plans;
        expect(plans).toHaveLength(PLANS + 1);
        const added = plans.find((p) => planToAdd(ctx).endsWith(`/${p.slug}.mdx`))!;
        expect(added.data).toMatchObject({ status: 'ban hành', number: null, symbol: null });
        expect(added.data.title).toMatch(/\(bổ sung\)$/);
        expect(added.data.source.sha256).not.toBe(plans.find((p) => planToEdit(ctx).endsWith(`/${p.slug}.mdx`))!.data.source.sha256);
      } finally {
        rmSync(planToAdd(ctx));
      }
    }
  }, 240_000);

  it('is the same corpus for the same seed and another for another seed', () => {
    const a = generateCorpus({ plans: 40, seed: 3 });
    const b = generateCorpus({ plans: 40, seed: 3 });
    const c = generateCorpus({ plans: 40, seed: 4 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.plans.map((p) => p.slug)).not.toEqual(a.plans.map((p) => p.slug));
  });

  it('spreads plans over about 150 agencies of every level, in one parent tree, and ten years or more', () => {
    const corpus = generateCorpus({ plans: 3000, seed: 5 });
    const agencies = new Map(corpus.agencies.map((a) => [a.id, a.data]));
    expect(agencies.size).toBeGreaterThanOrEqual(150);
    const levels = new Set([...agencies.values()].map((a) => a.level));
    for (const level of ['tỉnh', 'sở', 'huyện', 'xã', 'phòng', 'Đảng', 'đoàn thể']) expect(levels, level).toContain(level);
    for (const [id, a] of agencies) if (a.parent) expect(agencies.has(a.parent), `${id} → ${a.parent}`).toBe(true);
    // A commune's UBND sits under its district, which sits under the province.
    const commune = [...agencies.entries()].find(([, a]) => a.level === 'xã' && a.province === 'Tây Ninh')!;
    expect(agencies.get(commune[1].parent!)!.level).toBe('huyện');
    expect(agencies.get(agencies.get(commune[1].parent!)!.parent!)!.level).toBe('tỉnh');
    const issuers = new Set(corpus.plans.map((p) => p.data.issuer));
    expect(issuers.size).toBeGreaterThan(140);
    const years = new Set(corpus.plans.map((p) => p.data.year));
    expect(years.size).toBeGreaterThanOrEqual(10);
    // Both number grammars are cited, and some plans implement a provincial plan published here.
    const numbers = corpus.plans.flatMap((p) => [...p.data.basis, ...p.data.citations].map((r) => r.number));
    expect(numbers.some((n) => /^\d+-[\p{L}]+\/[\p{L}]+/u.test(n))).toBe(true);
    expect(numbers.some((n) => /^\d+\/[\p{L}]/u.test(n))).toBe(true);
    const planDocuments = new Set(corpus.documents.filter((d) => d.data.plan).map((d) => d.id));
    expect(corpus.plans.some((p) => p.data.basis.some((r) => planDocuments.has(r.document)))).toBe(true);
  });

  it('has a vocabulary that keeps growing with the corpus, unlike five texts repeated', () => {
    const seeds = words(loadContent('content').plans.map((p) => p.body ?? ''));
    const corpus = generateCorpus({ plans: 1000, seed: 9 });
    const text = (p: (typeof corpus.plans)[number]) => `${p.body}\n${JSON.stringify(p.data)}`;
    const small = words(corpus.plans.slice(0, 200).map((p) => p.body));
    expect(small.size).toBeGreaterThan(seeds.size * 1.5);
    const first = words(corpus.plans.slice(0, 200).map(text));
    const all = words(corpus.plans.map(text));
    expect(all.size).toBeGreaterThan(first.size * 1.4);
    const titles = new Set(corpus.plans.map((p) => p.data.title));
    expect(titles.size).toBeGreaterThan(corpus.plans.length * 0.5);
  });
});
