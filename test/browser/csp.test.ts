/**
 * The Content-Security-Policy in a real Chromium against the built site (DIST_DIR, default dist/,
 * served under BASE_PATH): script injected into a page (as stored XSS would be) does not run and
 * is reported as a violation, while everything the site runs still works under the policy — search
 * (Pagefind's WebAssembly), the copy-link button, the deadline status — with no violation at all,
 * with the policy as the page's <meta> and again with it also sent as the _headers header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fetchOrAbort, launchBrowser } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { loadContent } from '../../src/lib/content/load';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../src/lib/security/csp';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
const plan = loadContent(resolve(root, 'content')).plans[0]!;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`No build in ${dist}: run \`npm run build\` (or set DIST_DIR).`);
  site = await serveStatic(dist, base);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records every CSP violation (an init script is outside the page's policy). */
async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Also send the policy as an HTTP header, the way public/_headers makes a host do. */
async function withHeader(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const response = await fetchOrAbort(route);
    if (response) await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicyHeader() } });
  });
}

describe('Content-Security-Policy', () => {
  it('is the first element of every page head', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['', `ke-hoach/${plan.slug}/`, 'thoi-han/', 'tim-kiem/', 'du-lieu-mo/']) {
      await page.goto(new URL(path, site.url).href);
      const first = await page.$eval('head', (head) => [...head.children].slice(0, 2).map((el) => el.outerHTML));
      expect(first[1], path).toBe(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`);
    }
    await context.close();
  });

  it('blocks script injected into a plan page: inline, event handler and javascript: URL', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await page.route('**/ke-hoach/*/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.pwned = "inline"</script><img src="khong-co.png" onerror="window.pwned = \'onerror\'" alt=""><a id="xss" href="javascript:window.pwned=\'href\'">x</a></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(new URL(`ke-hoach/${plan.slug}/`, site.url).href);
    await page.click('#xss');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    const seen = await violations(page);
    expect(seen.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    // The site's own script still ran beside the blocked ones.
    expect(await page.isVisible('[data-copy-link]')).toBe(true);
    await context.close();
  });

  for (const header of [false, true]) {
    describe(header ? 'sent as a header too' : 'as the page <meta>', () => {
      it('lets the copy-link button copy the address', async () => {
        const context = await browser.newContext();
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
        if (header) await withHeader(context);
        const page = await openPage(context);
        await page.goto(new URL(`ke-hoach/${plan.slug}/`, site.url).href);
        await page.click('[data-copy-link]');
        await expect.poll(() => page.textContent('[data-copy-status]')).toBe('Đã sao chép liên kết.');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.inputValue('#chia-se-lien-ket'));
        expect(await violations(page)).toEqual([]);
        await context.close();
      });

      it('marks each deadline past, soon or later and offers to hide the past ones', async () => {
        const context = await browser.newContext();
        if (header) await withHeader(context);
        const page = await openPage(context);
        await page.goto(new URL('thoi-han/', site.url).href);
        const rows = await page.$$eval('[data-deadline]', (els) => els.map((el) => el.getAttribute('data-state')));
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((state) => state === 'past' || state === 'soon' || state === 'later')).toBe(true);
        if (rows.includes('past')) expect(await page.isVisible('[data-deadline-toggle] button')).toBe(true);
        expect(await violations(page)).toEqual([]);
        await context.close();
      });

      it('runs the search (Pagefind WebAssembly) and shows results', async () => {
        const context = await browser.newContext();
        if (header) await withHeader(context);
        const page = await openPage(context);
        await page.goto(new URL('tim-kiem/?q=dan+van', site.url).href);
        await page.waitForSelector('[data-search-results] li', { timeout: 20_000 });
        // Every part of the search done (agencies and documents load after the plans), so that
        // nothing is still loading when the violations are read and the context closes.
        await page.waitForSelector('#tim-kiem:not([aria-busy])', { timeout: 20_000 });
        expect(await page.$$eval('[data-search-results] li', (els) => els.length)).toBeGreaterThan(0);
        expect(await violations(page)).toEqual([]);
        await context.close();
      });
    });
  }
});
