/**
 * Results reports in a real Chromium: the site built from the fixture tree
 * test/fixtures/content/with-report (one made-up plan, two made-up reports; content/ has no real
 * report yet). Every page passes axe at 360 px and 1280 px without sideways scrolling or broken
 * links; the report shows beside its targets on the plan page and on /chi-tieu/, fulfils its
 * deadlines on /thoi-han/, and is in the open data. The real build (dist/) shows the honest empty state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { readDist, textOf } from '../support/built-site';
import { serveStatic, type StaticSite } from '../support/static-server';
import { crawlSite, findBrokenLinks, listHtmlPages, type PageReport } from './crawl';

let outDir: string;
let site: StaticSite;
let browser: Browser;
let page: Page;
let phone: PageReport[];
let desktop: PageReport[];

beforeAll(async () => {
  outDir = await buildSite('reports', { KE_HOACH_CONTENT_DIR: 'test/fixtures/content/with-report' });
  site = await serveStatic(outDir, '/');
  browser = await launchBrowser();
  page = await browser.newPage();
  const pages = listHtmlPages(outDir);
  phone = await crawlSite(page, site.url, pages, { width: 360, axe: true });
  desktop = await crawlSite(page, site.url, pages, { width: 1280, axe: true });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const html = (path: string) => readFileSync(join(outDir, path, path.endsWith('.json') ? '' : 'index.html'), 'utf8');

describe('the site with results reports', () => {
  it('has the report pages, and every page passes axe at 360 px and 1280 px', () => {
    const paths = phone.map((r) => r.path);
    for (const expected of ['bao-cao/', 'bao-cao/bao-cao-nam-mau/', 'bao-cao/bao-cao-6-thang-mau/']) expect(paths).toContain(expected);
    expect([...phone, ...desktop].filter((r) => r.violations.length > 0).map((r) => `/${r.path}: ${describeViolations(r.violations)}`)).toEqual([]);
    expect(phone.filter((r) => r.scrollWidth > 360).map((r) => r.path)).toEqual([]);
  });

  it('has no broken internal link or #fragment (results link to their row on the report page)', async () => {
    const broken = await findBrokenLinks(phone);
    expect(broken.map((b) => `/${b.from} → ${b.to}: ${b.problem}`)).toEqual([]);
  });

  it('shows the latest result beside each target on the plan page, linked to the report', async () => {
    await page.goto(new URL('ke-hoach/ke-hoach-mau/', site.url).href);
    const rows = await page.$$eval('#chi-tieu tr[data-target]', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      expect.stringMatching(/^100% hồ sơ được giải quyết đúng hạn 100% Đạt 100% theo Báo cáo 245\/BC-UBND, năm 2024$/),
      expect.stringMatching(/Vượt 5 cuộc theo Báo cáo 245\/BC-UBND/),
      expect.stringMatching(/Định tính Đạt Đã niêm yết đầy đủ tại bộ phận một cửa/),
    ]);
    const href = await page.$eval('#chi-tieu tr[data-target] a', (a) => a.getAttribute('href'));
    expect(href).toBe('/bao-cao/bao-cao-nam-mau/#ket-qua-1');
    expect(textOf(html('ke-hoach/ke-hoach-mau/'))).toContain('Đã báo cáo ngày 05/6/2024');
  });

  it('shows target and achieved side by side on /chi-tieu/', () => {
    const text = textOf(html('chi-tieu/'));
    expect(text).toContain('100% UBND tỉnh , Kế hoạch Thực hiện công tác dân vận chính quyền năm 2024 Kết quả: Đạt 100%');
  });

  it('says "Đã báo cáo ngày …" on /thoi-han/ for fulfilled deadlines, and no "past" label on them', async () => {
    await page.goto(new URL('thoi-han/', site.url).href);
    const items = await page.$$eval('[data-deadline]', (lis) => lis.map((li) => ({ reported: li.hasAttribute('data-reported'), text: (li as HTMLElement).innerText })));
    expect(items.map((i) => i.reported)).toEqual([true, true]);
    expect(items[0]!.text).toContain('Đã báo cáo ngày 05/6/2024');
    expect(items[1]!.text).toContain('Đã báo cáo ngày 08/11/2024');
    expect(items.some((i) => i.text.includes('Đã qua hạn'))).toBe(false);
  });

  it('publishes reports and results in the open data and the feed', () => {
    const results = JSON.parse(html('api/v1/results.json'));
    expect(results.count).toBe(5);
    expect(JSON.parse(html('api/v1/reports.json')).count).toBe(2);
    expect(readFileSync(join(outDir, 'feed.xml'), 'utf8')).toContain('/bao-cao/bao-cao-nam-mau/');
    const sums = readFileSync(join(outDir, 'api/v1/SHA256SUMS'), 'utf8');
    const listed = sums.trim().split('\n').map((line) => line.split('  ')[1]);
    expect(listed).toEqual(expect.arrayContaining(['reports.json', 'reports.csv', 'results.json', 'results.csv', 'schema/results.json']));
  });
});

describe('the real site without reports', () => {
  it('says so plainly on /bao-cao/', () => {
    expect(textOf(readDist('bao-cao/index.html'))).toContain('Chưa có báo cáo được đăng tải.');
    expect(JSON.parse(readDist('api/v1/results.json')).count).toBe(0);
  });
});
