/**
 * The built site in a real Chromium: every page passes axe (WCAG 2.2 AA) with zero violations,
 * fits a 360 px screen, and has no broken internal link; the citation graph and the deadline
 * calendar show what the seed content says. Runs against DIST_DIR (default dist/, built by
 * `npm test` before vitest).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, describeViolations } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { loadContent } from '../../src/lib/content/load';
import { classifyDeadline } from '../../src/lib/portal/deadlines';
import { titleKey } from '../../src/lib/portal/related-plans';
import { slugify } from '../../src/lib/vn/slug';
import { crawlSite, findBrokenLinks, listHtmlPages, type PageReport } from './crawl';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const content = loadContent(resolve(root, 'content'));

let site: StaticSite;
let browser: Browser;
let page: Page;
let phone: PageReport[];
let desktop: PageReport[];

/** Plans whose basis or citations name the registry document spelled `numbers` (as written or canonical). */
function plansReferencing(numbers: string[]): { documents: string[]; plans: Set<string> } {
  const documents = content.documents.filter((d) => [d.data.number, ...d.data.aliases].some((n) => numbers.includes(n))).map((d) => d.id);
  const plans = new Set(
    content.plans
      .filter((p) => [...p.data.basis, ...p.data.citations].some((r) => numbers.includes(r.number) || documents.includes(r.document)))
      .map((p) => p.slug),
  );
  return { documents, plans };
}

async function listedPlans(path: string, selector: string): Promise<string[]> {
  await page.goto(new URL(path, site.url).href);
  return page.$$eval(selector, (els) => els.map((el) => el.getAttribute('data-plan')!));
}

beforeAll(async () => {
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`No build in ${dist}: run \`npm run build\` (or set DIST_DIR).`);
  site = await serveStatic(dist);
  browser = await launchBrowser();
  page = await browser.newPage();
  const pages = listHtmlPages(dist);
  phone = await crawlSite(page, site.url, pages, { width: 360, axe: true });
  desktop = await crawlSite(page, site.url, pages, { width: 1280, axe: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('every built page', () => {
  it('is crawled, the portal pages included', () => {
    const paths = phone.map((r) => r.path);
    for (const expected of ['', 'ke-hoach/', 'co-quan/', 'van-ban/', 'thoi-han/', 'chi-tieu/', 'chi-tieu/dan-van-chinh-quyen/', 'van-ban/33-ct-ttg/', 'co-quan/so-tttt-tay-ninh/']) {
      expect(paths).toContain(expected);
    }
    for (const plan of content.plans) expect(paths).toContain(`ke-hoach/${plan.slug}/`);
    for (const agency of content.agencies) expect(paths).toContain(`co-quan/${agency.id}/`);
    for (const document of content.documents) expect(paths).toContain(`van-ban/${document.id}/`);
  });

  it('has zero axe violations at 360 px and at 1280 px', () => {
    const failures = [...phone.map((r) => ['360', r] as const), ...desktop.map((r) => ['1280', r] as const)]
      .filter(([, r]) => r.violations.length > 0)
      .map(([width, r]) => `/${r.path} at ${width} px\n${describeViolations(r.violations)}`);
    expect(failures.join('\n\n')).toBe('');
  });

  it('has one h1 and headings that never skip a level', () => {
    expect(phone.filter((r) => r.h1Count !== 1).map((r) => `/${r.path}: ${r.h1Count} h1`)).toEqual([]);
    expect(phone.flatMap((r) => r.headingSkips.map((skip) => `/${r.path}: ${skip}`))).toEqual([]);
  });

  it('does not scroll sideways on a 360 px phone', () => {
    const wide = phone.filter((r) => r.scrollWidth > 360).map((r) => `/${r.path}: ${r.scrollWidth}px`);
    expect(wide).toEqual([]);
  });

  it('has no broken internal link, src or #fragment', async () => {
    const links = phone.reduce((n, r) => n + r.links.length, 0);
    expect(links).toBeGreaterThan(phone.length);
    const broken = await findBrokenLinks(phone);
    expect(broken.map((b) => `/${b.from} → ${b.to}: ${b.problem}`)).toEqual([]);
  });
});

describe('the citation graph', () => {
  it('/van-ban/33-ct-ttg/ lists exactly the seed plans that reference Chỉ thị 33/CT-TTg', async () => {
    const { documents, plans } = plansReferencing(['33/CT-TTg']);
    expect(documents).toEqual(['33-ct-ttg']);
    expect(plans.size).toBeGreaterThanOrEqual(2);
    const listed = await listedPlans('van-ban/33-ct-ttg/', '[data-referencing-plans] [data-plan]');
    expect(new Set(listed)).toEqual(plans);
    // Each plan once per role: never twice in the same list.
    for (const role of ['basis', 'citation']) {
      const inRole = await page.$$eval(`[data-role="${role}"] [data-plan]`, (els) => els.map((el) => el.getAttribute('data-plan')));
      expect(new Set(inRole).size).toBe(inRole.length);
    }
  });

  it('puts Quy định 11 (written 11-QĐ/TW and 11-QĐi/TW) on one page listing all three plans', async () => {
    const spellings = ['11-QĐ/TW', '11-QĐi/TW'];
    const written = new Set(content.plans.flatMap((p) => [...p.data.basis, ...p.data.citations]).map((r) => r.number).filter((n) => spellings.includes(n)));
    expect(written).toEqual(new Set(spellings));
    const { documents, plans } = plansReferencing(spellings);
    expect(documents).toEqual(['11-qdi-tw-2019']);
    expect(plans.size).toBe(3);
    const listed = await listedPlans('van-ban/11-qdi-tw-2019/', '[data-referencing-plans] [data-plan]');
    expect(new Set(listed)).toEqual(plans);
    const wrongSpelling = await fetch(new URL('van-ban/11-qd-tw-2019/', site.url));
    expect(wrongSpelling.status).toBe(404);
  });

  it('links every reference on a plan page to its document page', async () => {
    for (const plan of content.plans) {
      await page.goto(new URL(`ke-hoach/${plan.slug}/`, site.url).href);
      const hrefs = new Set(await page.$$eval('main a[href]', (els) => els.map((el) => new URL(el.getAttribute('href')!, document.baseURI).pathname)));
      for (const ref of [...plan.data.basis, ...plan.data.citations]) expect(hrefs, `${plan.slug} → ${ref.number}`).toContain(`/van-ban/${ref.document}/`);
    }
  });
});

describe('plans by year, agency and topic', () => {
  it('gives each filter page exactly the plans it names', async () => {
    const filters = [
      ...[...new Set(content.plans.map((p) => p.data.year))].map((year) => [`nam/${year}`, (p: (typeof content.plans)[number]) => p.data.year === year] as const),
      ...[...new Set(content.plans.map((p) => p.data.issuer))].map((id) => [`co-quan/${id}`, (p: (typeof content.plans)[number]) => p.data.issuer === id] as const),
      ...[...new Set(content.plans.flatMap((p) => p.data.topics))].map((t) => [`chu-de/${slugify(t)}`, (p: (typeof content.plans)[number]) => p.data.topics.includes(t)] as const),
    ];
    for (const [path, keep] of filters) {
      const listed = await listedPlans(`ke-hoach/${path}/`, '.plan-list [data-plan]');
      expect(listed.sort(), path).toEqual(content.plans.filter(keep).map((p) => p.slug).sort());
    }
    expect(await listedPlans('ke-hoach/', '.plan-list [data-plan]')).toHaveLength(content.plans.length);
  });

  it('shows the same plan of another year under Kế hoạch liên quan', async () => {
    const pairs = content.plans.flatMap((a) =>
      content.plans.filter((b) => b.data.year !== a.data.year && titleKey(b.data.title) === titleKey(a.data.title)).map((b) => [a.slug, b.slug]),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [from, to] of pairs) {
      await page.goto(new URL(`ke-hoach/${from}/`, site.url).href);
      const related = await page.$$eval('[data-related-plan]', (els) => els.map((el) => el.getAttribute('data-related-plan')));
      expect(related, from).toContain(to);
    }
  });
});

describe('agency pages', () => {
  it('list the deadlines each agency owns under #thoi-han', async () => {
    for (const agency of content.agencies) {
      const owned = content.plans.flatMap((p) => p.data.deadlines.filter((d) => d.owner === agency.id).map((d) => `${p.slug} ${d.date}`));
      if (owned.length === 0) continue;
      await page.goto(new URL(`co-quan/${agency.id}/`, site.url).href);
      const rows = await page.$$eval('#thoi-han [data-deadline]', (els) => els.map((el) => `${el.getAttribute('data-plan')} ${el.getAttribute('data-date')}`));
      for (const row of owned) expect(rows, agency.id).toContain(row);
    }
  });
});

describe('/thoi-han/', () => {
  const all = content.plans.flatMap((p) => p.data.deadlines.map((d) => ({ plan: p.slug, date: d.date })));

  it('lists every deadline of the seed plans, each with its plan and date', async () => {
    expect(new Set(all.map((d) => d.plan)).size).toBe(content.plans.filter((p) => p.data.deadlines.length > 0).length);
    await page.goto(new URL('thoi-han/', site.url).href);
    const rows = await page.$$eval('[data-deadline]', (els) => els.map((el) => `${el.getAttribute('data-plan')} ${el.getAttribute('data-date')}`));
    expect(rows.sort()).toEqual(all.map((d) => `${d.plan} ${d.date}`).sort());
  });

  it('shows the plain full list without JavaScript', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      await page.goto(new URL('thoi-han/', site.url).href);
      const shown = await page.$$eval('[data-deadline]', (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
      expect(shown).toBe(all.length);
      expect(await page.$$eval('[data-deadline-state]', (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);
      expect(await page.$$('[data-deadline-toggle] button')).toHaveLength(0);
    } finally {
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
      await cdp.detach();
    }
  });

  it('marks past and upcoming deadlines from the reader’s today and can hide the past ones', async () => {
    const today = '2024-11-01';
    await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
    await page.goto(new URL('thoi-han/', site.url).href);
    const states = await page.$$eval('[data-deadline]', (els) => els.map((el) => [el.getAttribute('data-due')!, el.getAttribute('data-state')!]));
    for (const [date, state] of states) expect(state, date).toBe(classifyDeadline(date, today));
    const past = states.filter(([, s]) => s === 'past').length;
    expect(past).toBeGreaterThan(0);
    expect(past).toBeLessThan(states.length);
    await page.getByRole('button', { name: /thời hạn đã qua/ }).click();
    const visible = await page.$$eval('[data-deadline]', (els) => els.filter((el) => !(el as HTMLElement).hidden).length);
    expect(visible).toBe(states.length - past);
    expect(await runAxeCount()).toBe(0);
  });
});

describe('/chi-tieu/', () => {
  const topic = 'Dân vận chính quyền';
  const plans = content.plans.filter((p) => p.data.topics[0] === topic && p.data.targets.length > 0);
  // Indicators that plans of two different years share, read from the files.
  const shared = [...new Set(plans.flatMap((p) => p.data.targets.flatMap((t) => t.indicator ?? [])))]
    .map((label) => ({ label, plans: plans.filter((p) => p.data.targets.some((t) => t.indicator === label)) }))
    .filter(({ plans: withIt }) => new Set(withIt.map((p) => p.data.year)).size > 1);

  async function rows(path: string) {
    await page.goto(new URL(path, site.url).href);
    return page.$$eval(`tr[data-row]`, (trs) =>
      trs.map((tr) => ({
        label: tr.querySelector('th')!.textContent!.trim(),
        cells: [...tr.querySelectorAll('td')].map((td) => ({ year: Number(td.getAttribute('data-year')), plans: [...td.querySelectorAll('[data-plan]')].map((li) => li.getAttribute('data-plan')!) })),
      })),
    );
  }

  it('sets the 2024 and 2025 targets of the two agencies side by side, on the overview and on the topic page', async () => {
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set(shared.flatMap((s) => s.plans.map((p) => p.data.issuer))).size).toBeGreaterThanOrEqual(2);
    for (const path of ['chi-tieu/', `chi-tieu/${slugify(topic)}/`]) {
      const table = await rows(path);
      for (const { label, plans: withIt } of shared) {
        const row = table.find((r) => r.label === label);
        expect(row, `${path} ${label}`).toBeDefined();
        for (const plan of withIt) expect(row!.cells.find((c) => c.year === plan.data.year)!.plans, `${path} ${label} ${plan.data.year}`).toContain(plan.slug);
      }
    }
  });

  it('lists every target of the topic on its page and on its year pages', async () => {
    const expected = plans.flatMap((p) => p.data.targets.map(() => p.slug)).sort();
    const onTopicPage = (await rows(`chi-tieu/${slugify(topic)}/`)).flatMap((r) => r.cells.flatMap((c) => c.plans));
    expect(onTopicPage.sort()).toEqual(expected);
    const onYearPages: string[] = [];
    for (const year of new Set(plans.map((p) => p.data.year))) {
      await page.goto(new URL(`chi-tieu/${slugify(topic)}/nam/${year}/`, site.url).href);
      onYearPages.push(...(await page.$$eval('tr[data-plan]', (trs) => trs.map((tr) => tr.getAttribute('data-plan')!))));
    }
    expect(onYearPages.sort()).toEqual(expected);
  });
});

async function runAxeCount(): Promise<number> {
  const { runAxe } = await import('../support/browser');
  return (await runAxe(page)).length;
}
