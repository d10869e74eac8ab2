/**
 * The site deployed under a sub-path of the agency portal (BASE_PATH=/ke-hoach-mo/): a real build
 * into a temporary folder, served only under /ke-hoach-mo/, crawled in Chromium; every internal
 * link, stylesheet, script and image must resolve there (a link that forgot the base 404s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { serveStatic, type StaticSite } from '../support/static-server';
import { crawlSite, findBrokenLinks, listHtmlPages, type PageReport } from './crawl';

const BASE = '/ke-hoach-mo/';
let outDir: string;

let site: StaticSite;
let browser: Browser;
let page: Page;
let reports: PageReport[];

beforeAll(async () => {
  outDir = await buildSite('base-path', { BASE_PATH: BASE });
  site = await serveStatic(outDir, BASE);
  browser = await launchBrowser();
  page = await browser.newPage();
  reports = await crawlSite(page, site.url, listHtmlPages(outDir), { width: 360, axe: false });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
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
