/**
 * Whole-site build at scale: writes N synthetic plans (default 1,000, BUILD_BENCH_PLANS to change)
 * as MDX files into tmp/bench-build-content/ beside copies of the real agency and document
 * registries, then runs `astro build` on them twice (KE_HOACH_CONTENT_DIR pointing there, out dir
 * tmp/bench-build-dist): cold (empty share-card cache, no content-layer store) and warm (the same
 * again). Reports build times, pages, the largest HTML page, the size of the output and the time
 * per plan. The plans are the five real ones cloned with their own slug, year, title, number,
 * deadlines and targets, so they pass the content check and every card and page is different.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/load';
import { renderPlanFile, type Yaml } from '../../src/lib/import/mdx';
import { astroBuild, withBuildLock } from '../../test/support/build';
import type { BenchResult } from '../bench';

const root = fileURLToPath(new URL('../..', import.meta.url));

const TITLE_TAILS = ['', ' trên địa bàn tỉnh', ' giai đoạn 2021 - 2025', ' tại cơ quan, đơn vị', ' và các năm tiếp theo'];
const EXTRA_TOPICS = ['Chuyển đổi số', 'Phòng, chống tham nhũng', 'Phổ biến pháp luật', 'Thi đua, khen thưởng'];

interface RealPlan {
  slug: string;
  data: Record<string, Yaml>;
  body: string;
}

/** The real plans as raw frontmatter objects and bodies, read straight from their files. */
function readRealPlans(contentDir: string): RealPlan[] {
  const plans: RealPlan[] = [];
  const plansDir = join(contentDir, 'plans');
  for (const year of readdirSync(plansDir).sort()) {
    for (const file of readdirSync(join(plansDir, year)).filter((f) => f.endsWith('.mdx')).sort()) {
      const parts = splitFrontmatter(readFileSync(join(plansDir, year, file), 'utf8'));
      if (!parts) throw new Error(`${year}/${file}: no frontmatter`);
      plans.push({ slug: file.replace(/\.mdx$/, ''), data: parse(parts.yaml, { version: '1.2', schema: 'core' }) as Record<string, Yaml>, body: parts.body });
    }
  }
  return plans;
}

/** An ISO day moved by `years`; 29 February becomes the 28th in a year without it. */
function shiftYear(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Plan `i` of the synthetic set: real plan `i mod 5`, moved 0–10 years back (plus one year forward
 * for some), with its own slug, title tail, number, issue day, a varying share of its deadlines and
 * varied target values.
 */
export function syntheticPlan(real: RealPlan[], i: number): { year: number; slug: string; text: string; frontmatter: Record<string, Yaml> } {
  const { slug, data, body } = real[i % real.length]!;
  const shift = -(Math.floor(i / real.length) % 11) + (i % 13 === 0 ? 1 : 0); // 0 to 10 years back, sometimes one forward
  const year = (data.year as number) + shift;
  const deadlines = (data.deadlines as Record<string, Yaml>[]).slice(0, 1 + (i % Math.max(1, (data.deadlines as unknown[]).length)));
  const targets = (data.targets as Record<string, Yaml>[]).map((t, k) =>
    typeof t.value === 'number' && i % 3 !== 0 ? { ...t, value: t.unit === '%' ? 50 + ((t.value + i + k) % 51) : t.value + (i % 7) } : t,
  );
  const issuedOn = data.issuedOn
    ? i % 3 === 0
      ? `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
      : shiftYear(data.issuedOn as string, shift)
    : null;
  const topics = i % 4 === 1 ? [...(data.topics as string[]), EXTRA_TOPICS[Math.floor(i / 4) % EXTRA_TOPICS.length]!] : data.topics;
  const frontmatter: Record<string, Yaml> = {
    ...data,
    title: `${(data.title as string).replace(/\b20\d{2}\b/g, (y) => String(Number(y) + shift))}${TITLE_TAILS[i % TITLE_TAILS.length]} (bản thử ${i + 1})`,
    number: data.symbol && i % 2 === 0 ? String(100 + i) : data.number,
    issuedOn,
    year,
    topics,
    targets,
    deadlines: deadlines.map((d) => ({ ...d, date: shiftYear(d.date as string, shift) })),
  };
  return { year, slug: `${slug.replace(/-20\d{2}(?=-|$)/, '')}-thu-${i + 1}`, text: renderPlanFile(frontmatter, body), frontmatter };
}

const STATUSES = ['đạt', 'vượt', 'chưa đạt', 'đang thực hiện'] as const;

/**
 * A synthetic results report on synthetic plan `plan` (slug, frontmatter): a result for each target
 * in the target's own unit (a qualitative outcome for a qualitative target), statuses cycling, and
 * the plan's first deadline fulfilled; dated within the plan's year so it passes the content check.
 */
export function syntheticReport(slug: string, plan: Record<string, Yaml>, i: number): { year: number; slug: string; text: string } {
  const year = plan.year as number;
  const targets = plan.targets as Record<string, Yaml>[];
  const deadlines = plan.deadlines as Record<string, Yaml>[];
  const issuedOn = `${year}-12-${String(1 + (i % 28)).padStart(2, '0')}`;
  const frontmatter: Record<string, Yaml> = {
    title: `Kết quả thực hiện ${(plan.title as string).replace(/^Thực hiện /, '')}`,
    docType: 'Báo cáo',
    number: String(500 + i),
    symbol: 'BC-UBND',
    issuer: plan.issuer,
    place: plan.place,
    issuedOn,
    year,
    status: 'ban hành',
    plans: [slug],
    period: { kind: 'năm', from: `${year}-01-01`, to: `${year}-12-31` },
    summary: `Báo cáo thử số ${i + 1} về kế hoạch ${slug}.`,
    results: targets.map((t, k) => ({
      plan: slug,
      target: k + 1,
      value: typeof t.value === 'number' ? t.value - ((i + k) % 3) : null,
      unit: typeof t.value === 'number' ? (t.unit ?? null) : null,
      outcome: typeof t.value === 'number' ? null : 'Đã thực hiện theo kế hoạch',
      status: STATUSES[(i + k) % STATUSES.length]!,
      evidence: `Kết quả chỉ tiêu ${k + 1} theo báo cáo thử ${i + 1}.`,
    })),
    fulfils: deadlines.length > 0 && (deadlines[0]!.date as string) <= `${year}-12-31` ? [{ plan: slug, deadline: 1, on: issuedOn }] : [],
    signer: plan.signer,
    source: { file: `bao-cao-thu-${i + 1}.txt`, sha256: '0'.repeat(64) },
  };
  return { year, slug: `bao-cao-${slug}`, text: renderPlanFile(frontmatter, `## I. KẾT QUẢ\n\nBáo cáo thử số ${i + 1}.\n`) };
}

/**
 * Writes `count` synthetic plans and copies of the registries into `dir` (emptied first), and a
 * results report on every other plan unless `reports` is false (BUILD_BENCH_REPORTS=0).
 */
export function writeSyntheticContent(dir: string, count: number, from = join(root, 'content'), reports = process.env.BUILD_BENCH_REPORTS !== '0'): void {
  rmSync(dir, { recursive: true, force: true });
  for (const registry of ['agencies', 'documents']) cpSync(join(from, registry), join(dir, registry), { recursive: true });
  const real = readRealPlans(from);
  if (real.length === 0) throw new Error(`${from}/plans has no plan to clone`);
  for (let i = 0; i < count; i++) {
    const { year, slug, text, frontmatter } = syntheticPlan(real, i);
    mkdirSync(join(dir, 'plans', String(year)), { recursive: true });
    writeFileSync(join(dir, 'plans', String(year), `${slug}.mdx`), text);
    if (reports && i % 2 === 0) {
      const report = syntheticReport(slug, frontmatter, i);
      mkdirSync(join(dir, 'reports', String(report.year)), { recursive: true });
      writeFileSync(join(dir, 'reports', String(report.year), `${report.slug}.mdx`), report.text);
    }
  }
}

/** Every file under `dir` with its size. */
function walk(dir: string, out: { path: string; bytes: number }[] = []): { path: string; bytes: number }[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface BuildBenchOptions {
  plans?: number;
}

export async function bench({ plans = Number(process.env.BUILD_BENCH_PLANS ?? 1000) }: BuildBenchOptions = {}): Promise<BenchResult> {
  const contentDir = join(root, 'tmp', 'bench-build-content');
  const outDir = join(root, 'tmp', 'bench-build-dist');
  const ogCache = join(root, 'tmp', 'bench-build-og-cache');
  // The content layer reuses a stored entry whose file digest is unchanged, path and all: drop the
  // store before (a true cold build) and after (the next ordinary build must not see these files).
  const store = join(root, 'node_modules', '.astro', 'data-store.json');
  const started = performance.now();
  writeSyntheticContent(contentDir, plans);
  const writeMs = performance.now() - started;
  rmSync(ogCache, { recursive: true, force: true });
  const env = { KE_HOACH_CONTENT_DIR: relative(root, contentDir), OG_CACHE_DIR: ogCache };
  const { cold, warm } = await withBuildLock(async () => {
    try {
      rmSync(store, { force: true });
      rmSync(outDir, { recursive: true, force: true });
      const cold = await astroBuild(outDir, env);
      rmSync(outDir, { recursive: true, force: true });
      const warm = await astroBuild(outDir, env);
      return { cold, warm };
    } finally {
      rmSync(store, { force: true });
    }
  });
  const files = walk(outDir);
  const html = files.filter((f) => f.path.endsWith('.html'));
  const bySize = [...html].sort((a, b) => b.bytes - a.bytes);
  const largest = bySize[0]!;
  const built = /(\d+) page\(s\) built/.exec(warm.log)?.[1] ?? '?';
  const sumHtml = html.reduce((n, f) => n + f.bytes, 0);
  return {
    summary: `${plans} synthetic plans${process.env.BUILD_BENCH_REPORTS !== '0' ? ` and ${Math.ceil(plans / 2)} reports` : ''}: astro build cold ${seconds(cold.ms)}, warm ${seconds(warm.ms)}; ${html.length} HTML pages, largest ${kb(largest.bytes)} (${relative(outDir, largest.path)})`,
    figures: {
      'plans': plans,
      'write content': `${Math.round(writeMs)} ms`,
      'build cold': seconds(cold.ms),
      'build warm': seconds(warm.ms),
      'cold per plan': `${(cold.ms / plans).toFixed(1)} ms`,
      'warm per plan': `${(warm.ms / plans).toFixed(1)} ms`,
      'pages built (Astro)': built,
      'HTML pages': html.length,
      'HTML total': mb(sumHtml),
      'largest HTML page': `${largest.bytes} B (${kb(largest.bytes)}) ${relative(outDir, largest.path)}`,
      'next largest': bySize.slice(1, 5).map((f) => `${relative(outDir, f.path)} ${kb(f.bytes)}`).join(', '),
      'mean HTML page': kb(sumHtml / html.length),
      'dist files': files.length,
      'dist total': mb(files.reduce((n, f) => n + f.bytes, 0)),
      'out dir': relative(root, outDir),
    },
  };
}
