/**
 * Whole-site build at scale: `npm run bench -- build [--plans 5000] [--seed N] [--no-hugo] [--reports 0.1]`.
 *
 * Writes the scale corpus (scripts/bench/corpus.ts: 5,000 plans by default) into
 * tmp/bench-build-content/, then runs `npm run build` on it (KE_HOACH_CONTENT_DIR, out dir
 * tmp/bench-build-dist) in five steps, each a function below so other benches and streams can
 * add steps:
 *
 * 1. `coldBuild`: every cache removed first (`CACHE_PATHS`), as on a fresh CI runner;
 * 2. `rebuildUnchanged`: the same content again with the caches the cold build left, as `npm run
 *    build` (which finds nothing changed) and with `--force` (Astro builds from its caches);
 * 3. `rebuildAfterEdit`: one plan's summary edited, then built again;
 * 4. `rebuildAfterAdd`: one plan added (a new plan of the edited plan's agency and year), then built;
 * 5. `rebuildAfterDelete`: that plan deleted again, then built.
 *
 * Every build is `npm run build` (scripts/build.ts), atomic publishing included.
 *
 * Each step reports its wall time, a breakdown by phase read from the build log (every line is
 * timestamped when it arrives: startup and content check, content sync, bundling, every route's
 * keys, page render split by route, integrations after render, Pagefind) and the peak resident
 * memory of the whole process tree (sampled from /proc every half second), with what each process
 * held at that peak and each process's own peak. After the cold build it reports the output: bytes
 * and files, per plan, by top folder, and the largest HTML pages. When `hugo` is on PATH it builds
 * the same plans as plain HTML pages with Hugo in the same run and prints the ratios.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEnv, withBuildLock } from '../../test/support/build';
import type { BenchResult } from '../bench';
import { DEFAULT_SEED, writeCorpus } from './corpus';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildBenchContext {
  plans: number;
  contentDir: string;
  outDir: string;
  /** Environment of every build of the run. */
  env: NodeJS.ProcessEnv;
}

/**
 * What a cold build must not find: the benches' own build cache (content store, parsed content,
 * rendered pages, cards, search index; src/lib/build/cache-dir.ts), apart from the project's
 * `.cache/` so a bench never touches the cache of the site being worked on.
 */
export const CACHE_PATHS = (ctx: BuildBenchContext): string[] => [ctx.env.KE_HOACH_CACHE_DIR!];
/** One line of the build log and when it arrived (ms since the build started). */
interface LogLine {
  ms: number;
  text: string;
}

export interface MeasuredRun {
  ms: number;
  log: string;
  lines: LogLine[];
  /** Highest sum of VmRSS over the process and its descendants, in bytes. */
  peakRss: number;
  /** When that sum peaked (ms since the start) and what each process held then, largest first. */
  peakAt: number;
  peakProcesses: ProcessSample[];
  /** Each process's own highest VmRSS over the run, largest first (their sum can exceed `peakRss`). */
  processPeaks: ProcessSample[];
  /** Each process's CPU time (user and system, all its threads) at its last sample, most first. */
  processCpu: ProcessSample[];
}

/**
 * One process of a measured tree: its pid, a short name from its command line, its resident memory
 * in bytes, and the CPU time it has used so far in seconds (user and system, all its threads).
 */
export interface ProcessSample {
  pid: number;
  name: string;
  rss: number;
  cpu?: number;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`): 100 on Linux everywhere it runs. */
const CLOCK_TICKS = 100;

/** User plus system CPU seconds from a /proc/{pid}/stat line (fields 14 and 15, counted after the command's ")"). */
export function cpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Pid → parent pid for every process, from /proc (Linux). */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return parents;
}

/**
 * A process's name for a memory report, from its command line: for node (or a shell) its script,
 * cut to the last two path segments, and the subcommand after it; for any other program, the
 * program and its first argument.
 * @example processName(['/usr/bin/node', '--max-old-space-size=8192', '/w/node_modules/astro/bin/astro.mjs', 'build', '--outDir', 'x']) // 'bin/astro.mjs build'
 */
export function processName(argv: readonly string[]): string {
  if (argv.length === 0) return '?'; // a process that has ended (a zombie) has no command line
  const program = basename(argv[0]!);
  const cut = (word: string) => word.split('/').filter(Boolean).slice(-2).join('/');
  if (!/^(node|sh|bash|dash)$/.test(program)) return [program, ...argv.slice(1, 2)].join(' ');
  const at = argv.findIndex((word, i) => i > 0 && /\.[cm]?[jt]s$/.test(word));
  if (at < 0) return argv.slice(0, 2).map(cut).join(' ');
  const next = argv[at + 1];
  return next && !next.startsWith('-') && !next.includes('/') ? `${cut(argv[at]!)} ${next}` : cut(argv[at]!);
}

/** `pid` and all its descendants, each with its resident memory. */
function treeMemory(pid: number): ProcessSample[] {
  const parents = parentMap();
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  const processes: ProcessSample[] = [];
  for (const p of tree) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const cpu = cpuSeconds(readFileSync(`/proc/${p}/stat`, 'utf8'));
      processes.push({ pid: p, name: processName(argv), rss: Number(kb ?? 0) * 1024, cpu });
    } catch {
      // Ended meanwhile.
    }
  }
  return processes;
}

/** Follows a process tree over samples: the peak of its memory's sum, each process's own peak, and each process's CPU time. */
export class MemoryPeaks {
  peakRss = 0;
  peakAt = 0;
  peakProcesses: ProcessSample[] = [];
  private readonly own = new Map<number, ProcessSample>();
  private readonly cpu = new Map<number, ProcessSample>();

  add(ms: number, processes: readonly ProcessSample[]): void {
    const sum = processes.reduce((total, p) => total + p.rss, 0);
    if (sum > this.peakRss) {
      this.peakRss = sum;
      this.peakAt = ms;
      this.peakProcesses = largestFirst(processes);
    }
    for (const p of processes) {
      if (p.rss > (this.own.get(p.pid)?.rss ?? -1)) this.own.set(p.pid, { ...p });
      // A process's CPU time only grows: its last sample is its use (short of up to one interval).
      // An ended process not yet reaped has no command line: it keeps the name it had.
      const seen = this.cpu.get(p.pid);
      if (p.cpu !== undefined && p.cpu >= (seen?.cpu ?? 0)) this.cpu.set(p.pid, { ...p, name: p.name === '?' && seen ? seen.name : p.name });
    }
  }

  get processPeaks(): ProcessSample[] {
    return largestFirst([...this.own.values()]);
  }

  get processCpu(): ProcessSample[] {
    return [...this.cpu.values()].filter((p) => p.cpu! > 0).sort((a, b) => b.cpu! - a.cpu!);
  }
}

const largestFirst = (processes: readonly ProcessSample[]) => [...processes].filter((p) => p.rss > 0).sort((a, b) => b.rss - a.rss);

/** Runs a command, timestamping each output line as it arrives and sampling the tree's memory. */
export function runMeasured(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: LogLine[] = [];
    let log = '';
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      const parts = (partial + text).split('\n');
      partial = parts.pop()!;
      const ms = performance.now() - started;
      for (const line of parts) lines.push({ ms, text: line.replace(/\x1b\[[0-9;]*m/g, '') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const memory = new MemoryPeaks();
    const sampler = setInterval(() => {
      if (child.pid) memory.add(performance.now() - started, treeMemory(child.pid));
    }, 500);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      if (partial) lines.push({ ms: performance.now() - started, text: partial });
      const ms = performance.now() - started;
      const { peakRss, peakAt, peakProcesses, processPeaks, processCpu } = memory;
      if (code === 0) resolve({ ms, log, lines, peakRss, peakAt, peakProcesses, processPeaks, processCpu });
      else reject(new Error(`${command} ${args.join(' ')} failed with ${code}:\n${log.slice(-4000)}`));
    });
  });
}

/**
 * `npm run build` (scripts/build.ts: `astro build` into a staging folder, published atomically,
 * skipped when nothing changed) of the bench content into the bench out dir; `--force` builds
 * even when nothing changed.
 */
export async function astroBuildMeasured(ctx: BuildBenchContext, { force = false }: { force?: boolean } = {}): Promise<MeasuredRun> {
  await previousSiteRemoved(ctx.outDir);
  const args = ['--import', 'tsx', join(root, 'scripts/build.ts'), '--mode', 'preview', '--outDir', ctx.outDir, ...(force ? ['--force'] : [])];
  return runMeasured(join(root, 'node_modules/.bin/node'), args, { env: buildEnv(ctx.env) });
}

/**
 * Waits (up to two minutes) until the previous build's site is deleted: `npm run build` leaves that
 * to a process of its own once the new site is live (src/lib/build/atomic.ts). An editor's next
 * save comes minutes later; a bench step started at once would share the disk and the cores with
 * the deletion of the last step's output (a cold build's is 1 GB of files of its own).
 */
async function previousSiteRemoved(outDir: string): Promise<void> {
  const parent = join(outDir, '..');
  const prefix = `${basename(outDir)}.previous-`;
  const started = Date.now();
  while (Date.now() - started < 120_000 && existsSync(parent) && readdirSync(parent).some((name) => name.startsWith(prefix))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Time spent in each phase of a build, from its timestamped log. */
export interface BuildPhases {
  /** Phase name → ms, in build order. */
  phases: [string, number][];
  /** Render time by URL group (`urlGroup`), slowest first. */
  routes: [string, number][];
  pages: string;
}

/** A page line of Astro's page loop: "  ├─ /co-quan/x/index.html (+12ms)". */
const PAGE_LINE = /[├└]─ (\/\S*)/;

/** Vite's own time for one environment's bundle: "[vite] ✓ built in 2.55s" or "… in 88ms". */
const VITE_BUILT = /\[vite\] ✓ built in ([\d.]+)(ms|s)\b/;

/**
 * Splits a build into phases at the lines Astro and the project's integrations print. A phase
 * whose marker is missing (an Astro version that words it differently) is left out, not guessed.
 *
 * Between the bundle and the first page, Astro computes every route's paths and keys
 * (`getStaticPaths`); its "generating static routes" line comes before that work but is printed
 * whenever the build's batched output is next written (src/lib/build/batched-output.ts), which may
 * be only with the first pages, once that work is done. So the bundle's time is Vite's own
 * ("✓ built in …", summed over its environments), the keys are the rest of the time from the
 * bundle's start to the first page, and the pages are counted from the first page line.
 */
export function buildPhases(run: MeasuredRun): BuildPhases {
  const at = (pattern: RegExp, from = 0) => run.lines.find((l, i) => i >= from && pattern.test(l.text));
  const index = (line: LogLine | undefined) => (line ? run.lines.indexOf(line) : -1);
  const syncing = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/);
  const entry = at(/Building static entrypoints/);
  const generating = at(/generating static routes/);
  const generatingAt = index(generating);
  const firstPage = generating ? at(PAGE_LINE, generatingAt) : undefined;
  const rendered = generating ? at(/✓ Completed in/, generatingAt) : undefined;
  const pagefind = at(/\[ke-hoach-mo:pagefind\] .*\((\d+) ms\)/);
  const pagefindMs = Number(/\((\d+) ms\)/.exec(pagefind?.text ?? '')?.[1] ?? NaN);
  const phases: [string, number][] = [];
  const span = (name: string, from: LogLine | { ms: number } | undefined, to: LogLine | { ms: number } | undefined) => {
    if (from && to && to.ms >= from.ms) phases.push([name, to.ms - from.ms]);
  };
  span('startup + content check', { ms: 0 }, syncing);
  span('content sync', syncing, synced);
  span('types + build info', synced, entry);
  const bundles = (entry && generating ? run.lines.slice(index(entry), generatingAt) : [])
    .map((line) => VITE_BUILT.exec(line.text))
    .filter((match): match is RegExpExecArray => match !== null);
  const bundleMs = bundles.reduce((sum, [, value, unit]) => sum + Number(value) * (unit === 's' ? 1000 : 1), 0);
  const keysEnd = firstPage && (!rendered || index(firstPage) < index(rendered)) ? firstPage : undefined;
  const keysMs = entry && keysEnd && bundles.length > 0 ? keysEnd.ms - entry.ms - bundleMs : NaN;
  // Without Vite's figures, the keys stay in the pages' time, as the "generating" line splits them.
  const pagesFrom = keysMs >= 0 ? keysEnd : generating;
  if (keysMs >= 0) {
    phases.push(['bundling (vite)', bundleMs]);
    phases.push(["every route's keys (getStaticPaths)", keysMs]);
  } else span('bundling (vite)', entry, generating);
  span('page render (all routes)', pagesFrom, rendered);
  if (rendered && pagefind && !Number.isNaN(pagefindMs)) {
    span('build:done hooks before Pagefind', rendered, { ms: Math.max(rendered.ms, pagefind.ms - pagefindMs) });
    phases.push(['Pagefind index (waited for after render)', pagefindMs]);
    // The index is built beside the pages from the start of the build (src/integrations/pagefind.ts).
    const beside = /trong ([\d.]+) s, song song/.exec(pagefind.text)?.[1];
    if (beside) phases.push(['Pagefind index (built beside the pages)', Number(beside) * 1000]);
  }
  span('total', { ms: 0 }, { ms: run.ms });

  // Astro prints one line per page written ("  ├─ /co-quan/x/index.html (+12ms)"); the time since the
  // previous page line (share cards render in a pool before their first line) goes to the page's
  // group. The first page's line ends the keys, so that page counts no time of its own.
  const routes = new Map<string, number>();
  let previous = pagesFrom;
  for (let i = index(pagesFrom); pagesFrom && i < run.lines.length && run.lines[i] !== rendered; i++) {
    const line = run.lines[i]!;
    const page = PAGE_LINE.exec(line.text)?.[1];
    if (!page) continue;
    const key = urlGroup(page);
    routes.set(key, (routes.get(key) ?? 0) + (line.ms - previous!.ms));
    previous = line;
  }
  const pages = /(\d+) page\(s\) built/.exec(run.log)?.[1] ?? '?';
  return { phases, routes: [...routes].sort((a, b) => b[1] - a[1]), pages };
}

/**
 * The group a built page is counted in: its first folder, or for open data its dataset folder.
 * @example urlGroup('/co-quan/so-tttt-tay-ninh/index.html') // '/co-quan/…'
 * @example urlGroup('/api/v1/plans/a.json') // '/api/v1/plans/…'
 */
export function urlGroup(path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'api') return segments.length > 3 ? `/${segments.slice(0, 3).join('/')}/…` : '/api/v1/ tables, catalog';
  if (segments.length <= 1) return `/${segments[0] ?? ''}`.replace(/\/index\.html$/, '/');
  return `/${segments[0]}/…`;
}

/** Every file under `dir` with its size. */
function walk(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, bytes: statSync(path).size };
    });
}

/** The size of the output: totals, per plan, by top folder, and the largest HTML pages. */
export interface OutputStats {
  files: number;
  bytes: number;
  htmlPages: number;
  largestHtml: { path: string; bytes: number }[];
  byFolder: [string, { files: number; bytes: number }][];
}

export function outputStats(outDir: string): OutputStats {
  const files = walk(outDir);
  const html = files.filter((f) => f.path.endsWith('.html')).sort((a, b) => b.bytes - a.bytes);
  const byFolder = new Map<string, { files: number; bytes: number }>();
  for (const f of files) {
    const rel = relative(outDir, f.path).split(sep);
    const key = rel.length > 1 ? `${rel[0]}/` : '(root files)';
    const entry = byFolder.get(key) ?? { files: 0, bytes: 0 };
    entry.files++;
    entry.bytes += f.bytes;
    byFolder.set(key, entry);
  }
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    htmlPages: html.length,
    largestHtml: html.slice(0, 6).map((f) => ({ path: relative(outDir, f.path), bytes: f.bytes })),
    byFolder: [...byFolder].sort((a, b) => b[1].bytes - a[1].bytes),
  };
}

/** Step 1: a build with no cache at all. */
export async function coldBuild(ctx: BuildBenchContext): Promise<MeasuredRun> {
  for (const path of CACHE_PATHS(ctx)) rmSync(path, { recursive: true, force: true });
  rmSync(ctx.outDir, { recursive: true, force: true });
  return astroBuildMeasured(ctx);
}

/**
 * Step 2: the same content built again, with whatever the previous build left for itself: `npm
 * run build` finds nothing changed. With `force`, Astro builds it anyway from its caches.
 */
export function rebuildUnchanged(ctx: BuildBenchContext, { force = false }: { force?: boolean } = {}): Promise<MeasuredRun> {
  return astroBuildMeasured(ctx, { force });
}

/** How the file of the plan `rebuildAfterAdd` adds ends (and the file it copies does not). */
const ADDED_PLAN_SUFFIX = '-bo-sung.mdx';

/** The plan file `rebuildAfterEdit` edits: the first of the newest year, so it is on every front page. */
export function planToEdit(ctx: BuildBenchContext): string {
  const plansDir = join(ctx.contentDir, 'plans');
  const year = readdirSync(plansDir).sort().at(-1)!;
  const file = readdirSync(join(plansDir, year)).filter((f) => f.endsWith('.mdx') && !f.endsWith(ADDED_PLAN_SUFFIX)).sort()[0]!;
  return join(plansDir, year, file);
}

/** Step 3: one plan's summary and body edited as an editor would, then built. */
export function rebuildAfterEdit(ctx: BuildBenchContext, file = planToEdit(ctx)): Promise<MeasuredRun> {
  const text = readFileSync(file, 'utf8');
  const edited = text
    .replace(/^summary: "(.*)"$/m, (_, s: string) => `summary: "${s} Đã sửa đổi, bổ sung."`)
    .replace(/\n$/, '\n\nKế hoạch này đã được sửa đổi, bổ sung.\n');
  if (edited === text) throw new Error(`${file}: nothing to edit`);
  writeFileSync(file, edited);
  return astroBuildMeasured(ctx);
}

/** The plan file `rebuildAfterAdd` writes and `rebuildAfterDelete` removes: beside `planToEdit`'s. */
export function planToAdd(ctx: BuildBenchContext): string {
  return planToEdit(ctx).replace(/\.mdx$/, ADDED_PLAN_SUFFIX);
}

/**
 * The plan `rebuildAfterAdd` publishes: a copy of `planToEdit`'s with a title of its own, no số/ký
 * hiệu (a plan's number and symbol are unique, and the corpus has plans without them), an original
 * file of its own and the status "ban hành" (published), so it joins the lists, tables, calendars
 * and search index as a new plan of the same agency, topics and year would.
 */
export function addedPlanText(text: string): string {
  const added = text
    .replace(/^title: "(.*)"$/m, (_, s: string) => `title: "${s} (bổ sung)"`)
    .replace(/^number: .*$/m, 'number: null')
    .replace(/^symbol: .*$/m, 'symbol: null')
    .replace(/^status: .*$/m, 'status: "ban hành"')
    .replace(/^(\s+file: )"(.*)\.pdf"$/m, '$1"$2-bo-sung.pdf"')
    .replace(/^(\s+sha256: )"[0-9a-f]{64}"$/m, (_, key: string) => `${key}"${createHash('sha256').update(`${text}\nbổ sung`).digest('hex')}"`);
  if (!/\(bổ sung\)"$/m.test(added) || !/-bo-sung\.pdf"$/m.test(added)) throw new Error('the plan to copy has no title or original file to change');
  return added;
}

/** Step 4: one plan added (`addedPlanText`), as staff publishing a newly signed plan would, then built. */
export function rebuildAfterAdd(ctx: BuildBenchContext): Promise<MeasuredRun> {
  writeFileSync(planToAdd(ctx), addedPlanText(readFileSync(planToEdit(ctx), 'utf8')));
  return astroBuildMeasured(ctx);
}

/** Step 5: the plan step 4 added deleted again, then built. */
export function rebuildAfterDelete(ctx: BuildBenchContext): Promise<MeasuredRun> {
  rmSync(planToAdd(ctx));
  return astroBuildMeasured(ctx);
}

const HUGO_LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
  'layouts/_default/single.html': '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}{{ end }}\n',
  'layouts/_default/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages 50).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  'layouts/index.html': '{{ define "main" }}<h1>Kế hoạch</h1><ul>{{ range first 10 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
};

/**
 * The same plans as a plain Hugo site: each MDX file copied as Markdown (frontmatter and body as
 * they are) under content/ke-hoach/{year}/, a one-template theme, lists of 50 and a topics taxonomy.
 */
export function writeHugoSite(contentDir: string, siteDir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(HUGO_LAYOUTS)) {
    mkdirSync(join(siteDir, path, '..'), { recursive: true });
    writeFileSync(join(siteDir, path), text);
  }
  writeFileSync(join(siteDir, 'config.toml'), 'baseURL = "https://example.org/"\nlanguageCode = "vi"\ntitle = "Kế hoạch"\ndisableKinds = ["RSS"]\n[taxonomies]\ntopic = "topics"\n[markup.goldmark.renderer]\nunsafe = false\n');
  const plansDir = join(contentDir, 'plans');
  for (const year of readdirSync(plansDir)) {
    mkdirSync(join(siteDir, 'content', 'ke-hoach', year), { recursive: true });
    for (const file of readdirSync(join(plansDir, year))) {
      writeFileSync(join(siteDir, 'content', 'ke-hoach', year, file.replace(/\.mdx$/, '.md')), readFileSync(join(plansDir, year, file)));
    }
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, command))) return join(dir, command);
  return null;
}

/** Hugo's full build of the same plans, or null when hugo is not installed. */
export async function hugoBuild(ctx: BuildBenchContext): Promise<(MeasuredRun & { stats: OutputStats }) | null> {
  const hugo = onPath('hugo');
  if (!hugo) return null;
  const siteDir = join(root, 'tmp', 'bench-hugo-site');
  const outDir = join(root, 'tmp', 'bench-hugo-dist');
  writeHugoSite(ctx.contentDir, siteDir);
  rmSync(outDir, { recursive: true, force: true });
  const run = await runMeasured(hugo, ['--quiet', '--source', siteDir, '--destination', outDir], { env: process.env });
  return { ...run, stats: outputStats(outDir) };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (n: number) => `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;

function phaseFigures(prefix: string, run: MeasuredRun): Record<string, string> {
  const { phases, routes, pages } = buildPhases(run);
  const figures: Record<string, string> = {
    [`${prefix}`]: `${seconds(run.ms)}, peak memory ${gb(run.peakRss)}, ${pages} pages`,
  };
  for (const [name, ms] of phases) if (name !== 'total') figures[`${prefix} · ${name}`] = seconds(ms);
  figures[`${prefix} · render by URL`] = routes.slice(0, 8).map(([r, ms]) => `${r} ${seconds(ms)}`).join(', ');
  Object.assign(figures, memoryFigures(prefix, run), cpuFigures(prefix, run));
  return figures;
}

/**
 * Where the cores went: each process's CPU seconds (the five largest), and all of them against the
 * wall time, as cores kept busy on average. A process that ended between two samples lost its last
 * half second, so the figures are a little low.
 */
export function cpuFigures(prefix: string, run: Pick<MeasuredRun, 'ms' | 'processCpu'>): Record<string, string> {
  if (run.processCpu.length === 0) return {};
  const total = run.processCpu.reduce((sum, p) => sum + p.cpu!, 0);
  const list = run.processCpu.slice(0, 5).map((p) => `${p.name} ${p.cpu!.toFixed(1)} s`).join(', ');
  return { [`${prefix} · CPU by process`]: `${list}; all ${total.toFixed(1)} s in ${seconds(run.ms)} (${(total / (run.ms / 1000)).toFixed(2)} cores busy)` };
}

/** Which processes held the memory: at the tree's peak, and each at its own peak. */
export function memoryFigures(prefix: string, run: Pick<MeasuredRun, 'peakRss' | 'peakAt' | 'peakProcesses' | 'processPeaks'>): Record<string, string> {
  const list = (processes: readonly ProcessSample[]) => processes.slice(0, 5).map((p) => `${p.name} ${gb(p.rss)}`).join(', ');
  return {
    [`${prefix} · memory at the peak`]: `${gb(run.peakRss)} at ${seconds(run.peakAt)}: ${list(run.peakProcesses)}`,
    [`${prefix} · each process's own peak`]: list(run.processPeaks),
  };
}

export interface BuildBenchOptions {
  plans?: number | string;
  seed?: number | string;
  /** `--no-hugo`: skip the Hugo comparison even when hugo is installed. */
  hugo?: boolean | string;
  /** `--reports 0.1`: a yearly results report for that share of the plans with targets (default none). */
  reports?: number | string;
}

export async function bench(options: BuildBenchOptions = {}): Promise<BenchResult> {
  const plans = Number(options.plans ?? process.env.BUILD_BENCH_PLANS ?? 5000);
  const seed = Number(options.seed ?? DEFAULT_SEED);
  const ctx: BuildBenchContext = {
    plans,
    contentDir: join(root, 'tmp', 'bench-build-content'),
    outDir: join(root, 'tmp', 'bench-build-dist'),
    env: {},
  };
  ctx.env = { KE_HOACH_CONTENT_DIR: relative(root, ctx.contentDir), KE_HOACH_CACHE_DIR: join(root, 'tmp', 'bench-build-cache'), OG_CACHE_DIR: '' };
  const corpus = writeCorpus(ctx.contentDir, { plans, seed, reports: Number(options.reports ?? 0) });
  const { cold, stats, unchanged, forced, edited, added, deleted } = await withBuildLock(async () => {
    const cold = await coldBuild(ctx);
    const stats = outputStats(ctx.outDir);
    const unchanged = await rebuildUnchanged(ctx);
    const forced = await rebuildUnchanged(ctx, { force: true });
    const edited = await rebuildAfterEdit(ctx);
    const added = await rebuildAfterAdd(ctx);
    const deleted = await rebuildAfterDelete(ctx);
    return { cold, stats, unchanged, forced, edited, added, deleted };
  });
  const hugo = options.hugo === false || options.hugo === 'false' ? null : await hugoBuild(ctx);
  const largest = stats.largestHtml[0]!;
  const figures: Record<string, string | number> = {
    plans,
    corpus: `${corpus.plans} plans, ${corpus.reports} results reports, ${corpus.agencies} agencies, ${corpus.documents} documents, ${corpus.years}, ${mb(corpus.bytes)} of content, written in ${seconds(corpus.ms)} (seed ${seed})`,
    ...phaseFigures('cold build', cold),
    'rebuild, nothing changed': `${seconds(unchanged.ms)}, peak memory ${gb(unchanged.peakRss)}: ${/không đổi từ lần build trước/.test(unchanged.log) ? 'nothing changed, the published site kept' : 'built'}`,
    ...phaseFigures('rebuild, nothing changed, --force', forced),
    ...phaseFigures('rebuild after one edit', edited),
    ...phaseFigures('rebuild after one plan added', added),
    ...phaseFigures('rebuild after that plan deleted', deleted),
    'output': `${mb(stats.bytes)} in ${stats.files} files (${stats.htmlPages} HTML pages)`,
    'output per plan': `${kb(stats.bytes / plans)}, ${(stats.files / plans).toFixed(2)} files`,
    'output by folder': stats.byFolder.slice(0, 8).map(([f, s]) => `${f} ${mb(s.bytes)}/${s.files}`).join(', '),
    'largest HTML page': `${kb(largest.bytes)} ${largest.path}`,
    'next largest': stats.largestHtml.slice(1).map((f) => `${f.path} ${kb(f.bytes)}`).join(', '),
  };
  if (hugo) {
    figures['hugo build (plain HTML)'] = `${seconds(hugo.ms)}, peak memory ${gb(hugo.peakRss)}, ${mb(hugo.stats.bytes)} in ${hugo.stats.files} files`;
    figures['ratio cold / hugo'] = `${(cold.ms / hugo.ms).toFixed(1)}×`;
    figures['ratio unchanged rebuild / hugo'] = `${(unchanged.ms / hugo.ms).toFixed(1)}× (--force ${(forced.ms / hugo.ms).toFixed(1)}×)`;
    figures['ratio one-edit rebuild / hugo'] = `${(edited.ms / hugo.ms).toFixed(1)}×`;
    figures['ratio one-plan-added rebuild / hugo'] = `${(added.ms / hugo.ms).toFixed(1)}× (deleted ${(deleted.ms / hugo.ms).toFixed(1)}×)`;
  } else {
    figures['hugo build (plain HTML)'] = options.hugo === false || options.hugo === 'false' ? 'skipped (--no-hugo)' : 'hugo not on PATH (apt-get install hugo)';
  }
  figures['out dir'] = relative(root, ctx.outDir);
  return {
    summary:
      `${plans} plans: cold ${seconds(cold.ms)}, unchanged rebuild ${seconds(unchanged.ms)} (--force ${seconds(forced.ms)}), one-edit rebuild ${seconds(edited.ms)}, one plan added ${seconds(added.ms)}, deleted ${seconds(deleted.ms)}; ` +
      `peak ${gb(Math.max(cold.peakRss, unchanged.peakRss, forced.peakRss, edited.peakRss, added.peakRss, deleted.peakRss))}; largest HTML page ${kb(largest.bytes)} (${largest.path})` +
      (hugo ? `; Hugo ${seconds(hugo.ms)}` : ''),
    figures,
  };
}
