import { describe, expect, it } from 'vitest';
import { buildPhases, cpuFigures, cpuSeconds, MemoryPeaks, memoryFigures, processName, type MeasuredRun } from '../../../scripts/bench/build';

const GB = 1024 ** 3;

describe('processName', () => {
  it('names a node process by its script and subcommand, the script cut to two segments', () => {
    expect(processName(['/w/node_modules/node/bin/node', '--max-old-space-size=16384', '/w/node_modules/astro/bin/astro.mjs', 'build', '--outDir', 'tmp/x'])).toBe('bin/astro.mjs build');
    expect(processName(['/w/node_modules/.bin/node', '--import', 'tsx', '/w/src/integrations/content-tasks.ts', '--base', '/'])).toBe('integrations/content-tasks.ts');
    expect(processName(['node', '--import', 'tsx', '/w/scripts/build.ts', '--mode', 'preview'])).toBe('scripts/build.ts');
    expect(processName(['bash', '-c'])).toBe('bash -c');
  });

  it('names any other program by itself and its first argument', () => {
    expect(processName(['/w/node_modules/@pagefind/linux-x64/bin/pagefind_extended', '--service'])).toBe('pagefind_extended --service');
    expect(processName(['/w/node_modules/@esbuild/linux-x64/bin/esbuild', '--service=0.28.2', '--ping'])).toBe('esbuild --service=0.28.2');
    expect(processName([])).toBe('?');
  });
});

describe('MemoryPeaks', () => {
  it('keeps the sample where the sum peaked and each process at its own peak', () => {
    const peaks = new MemoryPeaks();
    peaks.add(500, [
      { pid: 1, name: 'astro', rss: 2 * GB },
      { pid: 2, name: 'content', rss: 3 * GB },
    ]);
    peaks.add(1000, [
      { pid: 1, name: 'astro', rss: 5 * GB },
      { pid: 2, name: 'content', rss: 1 * GB },
      { pid: 3, name: 'pagefind', rss: 0.5 * GB },
    ]);
    peaks.add(1500, [{ pid: 1, name: 'astro', rss: 4 * GB }]);
    expect(peaks.peakRss).toBe(6.5 * GB);
    expect(peaks.peakAt).toBe(1000);
    expect(peaks.peakProcesses.map((p) => p.name)).toEqual(['astro', 'content', 'pagefind']);
    expect(peaks.processPeaks.map((p) => [p.name, p.rss / GB])).toEqual([
      ['astro', 5],
      ['content', 3],
      ['pagefind', 0.5],
    ]);
  });

  it('reports both in the bench figures', () => {
    const peaks = new MemoryPeaks();
    peaks.add(61_000, [
      { pid: 7, name: 'astro/astro.js build', rss: 7.1 * GB },
      { pid: 8, name: 'bin/pagefind', rss: 0 },
    ]);
    expect(memoryFigures('cold build', peaks)).toEqual({
      'cold build · memory at the peak': '7.10 GB at 61.0 s: astro/astro.js build 7.10 GB',
      "cold build · each process's own peak": 'astro/astro.js build 7.10 GB',
    });
  });
});

describe('CPU by process', () => {
  it('reads user and system time from a /proc stat line whose command holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = '4242 (node (astro) x) R 4200 4200 4200 0 -1 4194304 1000 0 0 0 12345 678 5 6 20 0 11 0';
    expect(cpuSeconds(stat)).toBeCloseTo(130.23, 5);
  });

  it("keeps each process's last sample and reports the busiest, with the cores kept busy", () => {
    const peaks = new MemoryPeaks();
    peaks.add(500, [
      { pid: 1, name: 'astro', rss: GB, cpu: 0.4 },
      { pid: 2, name: 'content', rss: GB, cpu: 0.3 },
    ]);
    peaks.add(1000, [
      { pid: 1, name: 'astro', rss: GB, cpu: 0.8 },
      { pid: 3, name: 'pagefind', rss: GB, cpu: 0.2 },
    ]);
    // Ended, not yet reaped: no command line, the name it had.
    peaks.add(1500, [{ pid: 1, name: '?', rss: 0, cpu: 0.9 }]);
    expect(peaks.processCpu.map((p) => [p.name, p.cpu])).toEqual([
      ['astro', 0.9],
      ['content', 0.3],
      ['pagefind', 0.2],
    ]);
    expect(cpuFigures('one edit', { ms: 1000, processCpu: peaks.processCpu })).toEqual({
      'one edit · CPU by process': 'astro 0.9 s, content 0.3 s, pagefind 0.2 s; all 1.4 s in 1.0 s (1.40 cores busy)',
    });
    expect(cpuFigures('one edit', { ms: 1000, processCpu: [] })).toEqual({});
  });
});

describe('buildPhases', () => {
  /** A build's log as the bench reads it: each line with the second it arrived at. */
  const run = (lines: [number, string][], seconds: number): MeasuredRun => ({
    ms: seconds * 1000,
    log: lines.map(([, text]) => text).join('\n'),
    lines: lines.map(([at, text]) => ({ ms: at * 1000, text })),
    peakRss: 0,
    peakAt: 0,
    peakProcesses: [],
    processPeaks: [],
    processCpu: [],
  });
  const start: [number, string][] = [
    [5, '[content] Syncing content'],
    [5.5, '[content] Synced content'],
    [6, '[build] Building static entrypoints...'],
    [8.5, '[vite] ✓ built in 2.20s'],
    [8.7, '[vite] ✓ built in 150ms'],
  ];
  const end: [number, string][] = [
    [30, '  ├─ /ke-hoach/b/index.html (+5ms)'],
    [31, '  ├─ /co-quan/x/index.html (+8ms)'],
    [32, '[build] ✓ Completed in 20.00s.'],
    [32, '[build] 3 page(s) built in 26.00s'],
  ];
  const phase = (phases: [string, number][], name: string) => phases.find(([n]) => n === name)?.[1];

  it("counts the time from the bundle to the first page, less Vite's own, as every route's keys, not as a route's render", () => {
    // The "generating" line waits in the build's batched output until the keys are made.
    const { phases, routes } = buildPhases(run([...start, [29, ' generating static routes '], [29, '  ├─ /api/v1/deadlines/a.ics (restored)'], ...end], 33));
    expect(phase(phases, 'bundling (vite)')).toBe(2350);
    expect(phase(phases, "every route's keys (getStaticPaths)")).toBe(29000 - 6000 - 2350);
    expect(phase(phases, 'page render (all routes)')).toBe(3000);
    expect(new Map(routes)).toEqual(new Map([['/api/v1/deadlines/…', 0], ['/ke-hoach/…', 1000], ['/co-quan/…', 1000]]));
  });

  it('gives the same phases when the "generating" line comes on time', () => {
    const { phases, routes } = buildPhases(run([...start, [9, ' generating static routes '], [29, '  ├─ /api/v1/deadlines/a.ics (restored)'], ...end], 33));
    expect(phase(phases, "every route's keys (getStaticPaths)")).toBe(29000 - 6000 - 2350);
    expect(phase(phases, 'page render (all routes)')).toBe(3000);
    expect(new Map(routes).get('/api/v1/deadlines/…')).toBe(0);
  });

  it("falls back to the span up to the \"generating\" line when Vite's own times are missing", () => {
    const { phases } = buildPhases(run([...start.slice(0, 3), [9, ' generating static routes '], [29, '  ├─ /api/v1/deadlines/a.ics (restored)'], ...end], 33));
    expect(phase(phases, 'bundling (vite)')).toBe(3000);
    expect(phase(phases, "every route's keys (getStaticPaths)")).toBeUndefined();
    expect(phase(phases, 'page render (all routes)')).toBe(32000 - 9000);
  });
});
