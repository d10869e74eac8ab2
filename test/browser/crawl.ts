import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { runAxe, type AxeViolation } from '../support/browser';

/**
 * The staff editor's shell (`quan-tri/index.html`) only loads Decap CMS, a third-party app with
 * its own markup; the project's own editor pages (`quan-tri/nhap/`) are crawled like any page, and
 * test/browser/editor.test.ts drives the editor itself.
 */
const THIRD_PARTY_APPS = new Set(['quan-tri/']);

/**
 * Every HTML page of a build, as a URL path relative to the base: "index.html" → "",
 * "co-quan/index.html" → "co-quan/", "404.html" stays "404.html". Third-party app shells are left out.
 */
export function listHtmlPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const path = relative(dir, full).split(sep).join('/');
        pages.push(path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  walk(dir);
  return pages.filter((p) => !THIRD_PARTY_APPS.has(p)).sort();
}

export interface PageReport {
  /** Path relative to the base. */
  path: string;
  url: string;
  violations: AxeViolation[];
  /** Internal URLs the page points at (a/href, link/href, img/src, script/src…), absolute, fragment kept. */
  links: string[];
  /** Every id in the page, to check links to #fragments. */
  ids: string[];
  /** document.documentElement.scrollWidth at the crawl width. */
  scrollWidth: number;
  /** Headings that skip a level going down ("h2 → h4: …"), and the number of h1s. */
  headingSkips: string[];
  h1Count: number;
}

/**
 * Visits each page in one browser tab at `width`, runs axe (unless `axe` is false) and collects
 * its internal links, ids and scroll width. One tab for the whole crawl: the bundled Chromium
 * runs single-process and stops when its last page closes.
 */
export async function crawlSite(page: Page, siteUrl: string, paths: string[], options: { width: number; axe: boolean }): Promise<PageReport[]> {
  await page.setViewportSize({ width: options.width, height: 800 });
  const origin = new URL(siteUrl).origin;
  const reports: PageReport[] = [];
  for (const path of paths) {
    const url = new URL(path, siteUrl).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    const found = await page.evaluate(() => {
      const attrs: [string, string][] = [
        ['a[href]', 'href'],
        ['link[href]', 'href'],
        ['img[src]', 'src'],
        ['script[src]', 'src'],
        ['source[src]', 'src'],
        ['iframe[src]', 'src'],
        ['form[action]', 'action'],
      ];
      const links: string[] = [];
      for (const [selector, attr] of attrs) {
        for (const el of document.querySelectorAll(selector)) {
          const raw = el.getAttribute(attr);
          if (raw !== null) links.push(new URL(raw, document.baseURI).href);
        }
      }
      for (const img of document.querySelectorAll('img[srcset], source[srcset]')) {
        for (const candidate of (img.getAttribute('srcset') ?? '').split(',')) {
          const src = candidate.trim().split(/\s+/)[0];
          if (src) links.push(new URL(src, document.baseURI).href);
        }
      }
      const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('.visually-hidden'));
      const headingSkips: string[] = [];
      let previous = 0;
      for (const h of headings) {
        const level = Number(h.tagName[1]);
        if (previous > 0 && level > previous + 1) headingSkips.push(`h${previous} → h${level}: ${h.textContent?.trim().slice(0, 60)}`);
        previous = level;
      }
      return {
        links,
        ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
        scrollWidth: document.documentElement.scrollWidth,
        headingSkips,
        h1Count: document.querySelectorAll('h1').length,
      };
    });
    reports.push({
      path,
      url,
      violations: options.axe ? await runAxe(page) : [],
      links: found.links.filter((link) => new URL(link).origin === origin),
      ids: found.ids,
      scrollWidth: found.scrollWidth,
      headingSkips: found.headingSkips,
      h1Count: found.h1Count,
    });
  }
  return reports;
}

export interface BrokenLink {
  from: string;
  to: string;
  problem: string;
}

/**
 * Requests every distinct internal URL the pages point at and checks that each answers 200, and
 * that a #fragment pointing into a crawled page names an id of that page.
 */
export async function findBrokenLinks(reports: PageReport[]): Promise<BrokenLink[]> {
  const idsByUrl = new Map(reports.map((r) => [r.url, new Set(r.ids)]));
  const status = new Map<string, Promise<number>>();
  const broken: BrokenLink[] = [];
  const checks: Promise<void>[] = [];
  for (const report of reports) {
    for (const link of new Set(report.links)) {
      const url = new URL(link);
      const fragment = decodeURIComponent(url.hash.slice(1));
      url.hash = '';
      const target = url.href;
      if (!status.has(target)) status.set(target, fetch(target, { redirect: 'manual' }).then(async (res) => (await res.arrayBuffer(), res.status)));
      checks.push(
        status.get(target)!.then((code) => {
          if (code !== 200) broken.push({ from: report.path, to: link, problem: `HTTP ${code}` });
          else if (fragment && idsByUrl.has(target) && !idsByUrl.get(target)!.has(fragment)) {
            broken.push({ from: report.path, to: link, problem: `no element with id "${fragment}"` });
          }
        }),
      );
    }
  }
  await Promise.all(checks);
  return broken.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
