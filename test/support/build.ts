import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const lockDir = join(root, 'node_modules/.cache/ke-hoach-mo/build.lock');

/** The test runner's environment minus what Vite/Vitest put there (BASE_URL=/, MODE, NODE_ENV=test…), which would leak into a build. */
export function buildEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|VITE.*|VITEST.*|TEST|FORCE_COLOR)$/.test(key)) delete env[key];
  // Logs are read by tests and the bench: plain text, whatever the CI terminal asks for.
  env.NO_COLOR = '1';
  return env;
}

/**
 * Astro stages every build in the project's .astro/ and .cache/astro/, so two builds at
 * once corrupt each other; test files run in parallel, so builds take turns through a lock
 * (mkdir is atomic). A lock older than 15 minutes is a crashed run's and is taken over.
 */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(lockDir, '..'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (Date.now() - started > 15 * 60_000) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'KE_HOACH_PEAK_RSS_KB=';

function peakRss(log: string): number | undefined {
  const kb = new RegExp(`${RSS_MARK}(\\d+)`).exec(log)?.[1];
  return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
}

/**
 * Runs `astro build --mode preview --outDir <outDir> ...args` (a local build: the example address
 * is allowed) in `cwd` (the project, or a copy of it) with the build environment plus `extraEnv`,
 * without taking the lock (callers hold it, see `withBuildLock`), and returns how long it took,
 * its output and its peak memory.
 */
export function astroBuild(
  outDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
  { cwd = root, args = [] }: { cwd?: string; args?: readonly string[] } = {},
): Promise<{ ms: number; log: string; peakRssMb?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const command = [join(root, 'node_modules/.bin/node'), join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--mode', 'preview', '--outDir', outDir, ...args];
    // GNU time reports the build's peak memory (largest resident set of the process tree it waited for).
    if (existsSync(GNU_TIME)) command.unshift(GNU_TIME, '-f', `${RSS_MARK}%M`);
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      env: buildEnv(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, log: stripVTControlCharacters(log), peakRssMb: peakRss(log) })
        : reject(new Error(`astro build (${JSON.stringify(extraEnv)}) failed with ${code}:\n${log.slice(-4000)}`)),
    );
  });
}

/**
 * Builds the site once more into a fresh folder under <root>/tmp/ (inside the project, where Astro
 * expects its out dirs) with extra environment such as BASE_PATH, and returns the folder.
 */
export async function buildSite(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const parent = join(root, 'tmp');
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, `${name}-`));
  await withBuildLock(() => astroBuild(outDir, extraEnv));
  return outDir;
}
