/**
 * Share-card cost: renders both cards of N synthetic plans (default 1,000, OG_BENCH_PLANS to
 * change) into an empty cache (cold), then again with the same cache (warm), through the same
 * renderCards the build uses. The plans are the real ones with varied titles, targets and
 * deadlines, so every card is different and the text fitting works as hard as on real content.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type PlanEntry } from '../../src/lib/catalog/build';
import { loadContent } from '../../src/lib/content/load';
import { renderCards } from '../../src/lib/og/cards';
import { planCardJobs } from '../../src/lib/og/plan-cards';
import { site } from '../../src/site.config';
import type { BenchResult } from '../bench';

const root = fileURLToPath(new URL('../..', import.meta.url));

const TITLE_TAILS = [
  '',
  ' trên địa bàn tỉnh',
  ' giai đoạn 2024 - 2026 và định hướng đến năm 2030',
  ' theo Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư và Kế hoạch số 110-KH/BDVTU-BCSĐUBND của Ban Dân vận Tỉnh ủy',
];

/** N plans made from the real ones: plan i is real plan i mod 5 with its own title and lists. */
export function syntheticPlans(real: PlanEntry[], count: number): PlanEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const { data } = real[i % real.length]!;
    const targets = i % 3 === 0 ? [] : data.targets.map((t, k) => (t.value === null ? t : { ...t, value: ((t.value + i + k) % 100) + 1 }));
    const deadlines = data.deadlines.slice(0, 1 + (i % Math.max(1, data.deadlines.length)));
    return {
      slug: `ke-hoach-thu-${i + 1}`,
      data: {
        ...data,
        title: `${data.title}${TITLE_TAILS[i % TITLE_TAILS.length]} (bản thử ${i + 1})`,
        number: i % 2 === 0 ? String(100 + i) : data.number,
        symbol: data.symbol ?? 'KH-UBND',
        issuedOn: i % 2 === 0 ? `${data.year}-0${1 + (i % 9)}-1${i % 10}` : data.issuedOn,
        targets,
        deadlines,
      },
    };
  });
}

export interface OgBenchOptions {
  plans?: number;
  concurrency?: number;
}

export async function bench({ plans = Number(process.env.OG_BENCH_PLANS ?? 1000), concurrency = availableParallelism() }: OgBenchOptions = {}): Promise<BenchResult> {
  const content = loadContent(join(root, 'content'));
  if (content.plans.length === 0) throw new Error('content/plans has no valid plan to build synthetic plans from');
  const catalog = buildCatalog({ plans: syntheticPlans(content.plans, plans), agencies: content.agencies, documents: content.documents });
  const jobs = planCardJobs(catalog, { site, siteUrl: site.portalUrl, base: '/' });
  const cacheDir = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-og-bench-'));
  try {
    // Process CPU time (all threads) next to wall time: on a shared machine the wall time says
    // little on its own.
    const cpuBefore = process.cpuUsage();
    const cold = await renderCards(jobs, { cacheDir, concurrency });
    const coldCpu = process.cpuUsage(cpuBefore);
    const warm = await renderCards(jobs, { cacheDir, concurrency });
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    const perCard = (ms: number) => `${(ms / jobs.length).toFixed(2)} ms`;
    const hitRate = (hits: number) => `${((100 * hits) / jobs.length).toFixed(1)} %`;
    return {
      summary: `${plans} synthetic plans, ${jobs.length} cards (1200×630 + 1080×1080), ${cold.workers} workers: cold ${(cold.ms / 1000).toFixed(1)} s, warm ${(warm.ms / 1000).toFixed(2)} s`,
      figures: {
        'cards': jobs.length,
        'workers': cold.workers,
        'cold total': `${Math.round(cold.ms)} ms`,
        'cold per card': perCard(cold.ms),
        'cold CPU per card': perCard(cpuMs(coldCpu)),
        'cold cache hit rate': hitRate(cold.hits),
        'warm total': `${Math.round(warm.ms)} ms`,
        'warm per card': perCard(warm.ms),
        'warm cache hit rate': hitRate(warm.hits),
      },
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
