/**
 * The site deployed under a sub-path of the agency portal (BASE_PATH=/ke-hoach-mo/): a real build
 * into a temporary folder, served only under /ke-hoach-mo/, crawled in Chromium; every internal
 * link, stylesheet, script and image must resolve there (a link that forgot the base 404s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { crawlSite, findBrokenLinks, listHtmlPages, type PageReport } from './crawl';

const BASE = '/ke-hoach-mo/';
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-base-'));

let site: StaticSite;
let browser: Browser;
let page: Page;
let reports: PageReport[];

/** The test runner's environment without what Vite/Vitest put there (BASE_URL=/, MODE, NODE_ENV=test…), which would leak into the build. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: BASE, NODE_ENV: 'production' };
  for (const key of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|VITE.*|VITEST.*|TEST)$/.test(key)) delete env[key];
  return env;
}

function build(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd: root,
      env: buildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`astro build with BASE_PATH=${BASE} failed (${code}):\n${log.slice(-4000)}`))));
  });
}

beforeAll(async () => {
  await build();
  site = await serveStatic(outDir, BASE);
  browser = await launchBrowser();
  page = await browser.newPage();
  reports = await crawlSite(page, site.url, listHtmlPages(outDir), { width: 360, axe: false });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe(`the site built with BASE_PATH=${BASE}`, () => {
  it('is served under the sub-path, with the portal pages in it', () => {
    expect(site.url.endsWith(BASE)).toBe(true);
    const paths = reports.map((r) => r.path);
    for (const expected of ['', 'ke-hoach/', 'co-quan/', 'van-ban/33-ct-ttg/', 'thoi-han/', 'chi-tieu/']) expect(paths).toContain(expected);
  });

  it('keeps every internal link under the sub-path', () => {
    const outside = reports.flatMap((r) => r.links.filter((link) => !new URL(link).pathname.startsWith(BASE)).map((link) => `/${r.path} → ${link}`));
    expect(outside).toEqual([]);
  });

  it('has no broken internal link, src or #fragment', async () => {
    expect(reports.reduce((n, r) => n + r.links.length, 0)).toBeGreaterThan(reports.length);
    const broken = await findBrokenLinks(reports);
    expect(broken.map((b) => `/${b.from} → ${b.to}: ${b.problem}`)).toEqual([]);
  });

  it('still does not scroll sideways at 360 px', () => {
    expect(reports.filter((r) => r.scrollWidth > 360).map((r) => r.path)).toEqual([]);
  });
});
