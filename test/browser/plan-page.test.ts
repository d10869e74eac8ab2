/**
 * The plan page in a real Chromium, as a citizen meets it: the key facts within the first two
 * screens of a 360 px phone, sections that fold without JavaScript, the original file to download,
 * and the page printed to PDF per Nghị định 30/2020 (text and page numbers read back from the PDF);
 * plus VALARM reminders in every published .ics. Runs against DIST_DIR (default dist/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { launchBrowser } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { loadContent } from '../../src/lib/content/load';
import { KEY_FACTS_MAX } from '../../src/lib/portal/plan';
import { officialHeader } from '../../src/lib/plan-view';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const content = loadContent(resolve(root, 'content'));
const PHONE = { width: 360, height: 740 };
const agencies = new Map(content.agencies.map((a) => [a.id, { data: a.data }]));

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`No build in ${dist}: run \`npm run build\` (or set DIST_DIR).`);
  site = await serveStatic(dist);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: PHONE });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const planUrl = (slug: string) => new URL(`ke-hoach/${slug}/`, site.url).href;

/** Bottom edge (page coordinates) of every element matching `selector`. */
function bottoms(selector: string): Promise<number[]> {
  return page.$$eval(selector, (els) => els.map((el) => el.getBoundingClientRect().bottom + window.scrollY));
}

describe('first two screens at 360 px', () => {
  for (const { slug, data } of content.plans) {
    it(`${slug}: shows the first targets, the first deadlines, the issuer and the basis`, async () => {
      await page.goto(planUrl(slug));
      const limit = 2 * PHONE.height;
      const targets = await bottoms('[data-key-target]');
      const deadlines = await bottoms('[data-key-deadline]');
      expect(targets).toHaveLength(Math.min(KEY_FACTS_MAX, data.targets.length));
      expect(deadlines).toHaveLength(Math.min(KEY_FACTS_MAX, data.deadlines.length));
      const basis = await bottoms('[data-key-basis]');
      expect(basis).toHaveLength(Math.min(KEY_FACTS_MAX, data.basis.length));
      const issuer = await bottoms('[data-key-issuer]');
      expect(issuer).toHaveLength(1);
      for (const bottom of [...targets, ...deadlines, ...basis, ...issuer]) expect(bottom).toBeLessThanOrEqual(limit);
      // Share and print are reachable from the top: the action row comes before the key facts.
      const keyFactsTop = await page.$eval('[data-key-facts]', (el) => el.getBoundingClientRect().top + window.scrollY);
      expect((await bottoms('.plan-actions a[href="#chia-se"]'))[0]).toBeLessThanOrEqual(keyFactsTop);
    });
  }
});

describe('without JavaScript', () => {
  it('folds the full text and long lists in <details> that open on a tap', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      const plan = content.plans.find((p) => p.data.citations.length > 0)!;
      await page.goto(planUrl(plan.slug));
      for (const id of ['toan-van', 'van-ban-dan-chieu']) {
        const details = page.locator(`#${id} > details`);
        expect(await details.evaluate((el) => (el as HTMLDetailsElement).open), id).toBe(false);
        expect(await page.locator(`#${id} .prose, #${id} .ref-list`).first().isVisible(), id).toBe(false);
        await page.locator(`#${id} > details > summary`).click();
        expect(await details.evaluate((el) => (el as HTMLDetailsElement).open), id).toBe(true);
        expect(await page.locator(`#${id} .prose, #${id} .ref-list`).first().isVisible(), id).toBe(true);
      }
      // The key sections are open from the start.
      for (const id of ['chi-tieu', 'thoi-han', 'can-cu']) {
        expect(await page.locator(`#${id} > details`).evaluate((el) => (el as HTMLDetailsElement).open), id).toBe(true);
      }
      // The print button needs a script, so it stays hidden.
      expect(await page.locator('button[data-print]').isVisible()).toBe(false);
    } finally {
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
      await cdp.detach();
    }
  });
});

describe('the original file', () => {
  for (const { slug, data } of content.plans) {
    it(`${slug}: downloads byte for byte the file the plan names, or says it is not published`, async () => {
      await page.goto(planUrl(slug));
      const link = page.locator('a[data-original]');
      const kept = existsSync(resolve(root, 'content/originals', data.source.file));
      if (!kept) {
        expect(await link.count()).toBe(0);
        expect(await page.locator('[data-original-note]').textContent()).toMatch(/chưa được đăng/);
        return;
      }
      expect(await link.getAttribute('download')).toBe(data.source.file);
      // Type and size in Vietnamese for assistive technology (the short form is shown).
      expect(await link.locator('.visually-hidden').textContent()).toMatch(/^(Tệp|Tài liệu) .+ \(\.\w+\), [\d,]+ (byte|kB|MB)$/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(data.source.sha256);
      expect(download.suggestedFilename()).toBe(data.source.file);
    });
  }
});

describe('print (Nghị định 30/2020)', () => {
  it('prints the official header, the full text and page numbers from page 2, top centre', async () => {
    const plan = content.plans.find((p) => p.data.symbol && !p.data.number)!;
    const printPage = await browser.newPage();
    try {
      await printPage.goto(planUrl(plan.slug));
      await printPage.emulateMedia({ media: 'print' });
      const pdf = await printPage.pdf({ preferCSSPageSize: true });
      const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
      // PDF text comes back decomposed (U + combining hook); compare in NFC.
      const pages = (text as string[]).map((t) => t.normalize('NFC').split('\n').map((line) => line.trim()).filter(Boolean));
      expect(totalPages).toBeGreaterThan(1);
      // Page 1 has no number; page n > 1 starts with "n" (the top-centre margin box).
      expect(pages[0]![0]).not.toMatch(/^\d+$/);
      pages.slice(1).forEach((lines, i) => expect(lines[0], `page ${i + 2}`).toBe(String(i + 2)));
      const first = pages[0]!;
      expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
      // The "Số:" line is there, blank before the ký hiệu as on the copy.
      expect(first.find((line) => line.startsWith('Số:'))).toMatch(new RegExp(`^Số:\\s*/${plan.data.symbol}$`));
      // The agency lines break only where keepNameTogether allows (never inside "TRUYỀN THÔNG").
      const header = officialHeader(plan.data, agencies);
      const segments = [header.parent, header.agency].flatMap((name) => (name ? name.split(' ').map((seg) => seg.replace(/\u00a0/g, ' ')) : []));
      const agencyLines = first.slice(0, first.findIndex((line) => line.startsWith('Số:'))).filter((line) => !/CỘNG HÒA|ĐẢNG CỘNG SẢN/.test(line));
      expect(agencyLines.length).toBeGreaterThan(0);
      const rest = [...segments];
      for (const line of agencyLines) {
        let taken = '';
        while (taken !== line && rest.length > 0) taken = taken ? `${taken} ${rest.shift()}` : rest.shift()!;
        expect(taken, `"${line}" splits a name`).toBe(line);
      }
      // The folded full text prints whole: its last paragraph is on the last page.
      const lastParagraph = plan.body.trim().split(/\n\s*\n/).at(-1)!.replace(/\s+/g, ' ').slice(0, 30);
      expect(pages.flat().join(' ').replace(/\s+/g, ' ')).toContain(lastParagraph.normalize('NFC'));
      // Screen-only parts do not print.
      expect(pages.flat().join(' ')).not.toMatch(/Điểm chính|Chia sẻ kế hoạch|Trong trang này/);
    } finally {
      await printPage.close();
    }
  }, 60_000);
});

describe('calendars', () => {
  const icsFiles = (dir: string, prefix = ''): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? icsFiles(resolve(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith('.ics') ? [`${prefix}${entry.name}`] : [],
    );

  it('remind 7 days and 1 day before every event, in every published .ics', async () => {
    const files = icsFiles(resolve(dist, 'api'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = await (await fetch(new URL(`api/${file}`, site.url))).text();
      const events = text.split('BEGIN:VEVENT').slice(1);
      expect(events.length, file).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.match(/TRIGGER:-P7D\r\n/g), file).toHaveLength(1);
        expect(event.match(/TRIGGER:-P1D\r\n/g), file).toHaveLength(1);
      }
    }
  });
});

describe('/van-ban/{id}/', () => {
  it('lists each plan once, with counts that match the lists, and no empty section', async () => {
    for (const document of content.documents) {
      await page.goto(new URL(`van-ban/${document.id}/`, site.url).href);
      const id = document.id;
      expect(await page.locator('.panel__count', { hasText: '(0)' }).count(), id).toBe(0);
      for (const chain of ['thuc-hien-van-ban', 'duoc-trien-khai']) {
        const heading = page.locator(`#${chain}`);
        if ((await heading.count()) === 0) continue;
        const count = Number((await heading.locator('.panel__count').textContent())!.replace(/\D/g, ''));
        const items = await heading.evaluate((h) => {
          const list = h.nextElementSibling!;
          return [...list.querySelectorAll('li')].map((li) => li.getAttribute('data-chain-plan') ?? `d:${li.getAttribute('data-chain-document')}`);
        });
        expect(items.length, `${id} ${chain}`).toBe(count);
        expect(new Set(items).size, `${id} ${chain}: each once`).toBe(items.length);
      }
    }
  }, 120_000);
});
