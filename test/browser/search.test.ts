/**
 * /tim-kiem/ in a real Chromium against the built site (DIST_DIR, default dist/, served on
 * 127.0.0.1 under BASE_PATH): Vietnamese queries with or without diacritics, đ or d, old or new
 * tone placement, and document numbers in any spelling find the plans the content says they
 * should, best match first; filters narrow; the state is in the URL; axe passes with results shown;
 * everything is reachable by keyboard; search JavaScript loads on this page only.
 *
 * Expected plans are computed from content/, not written down: the text each plan is indexed with
 * (frontmatter strings, agency names and body), folded and split into words by the test itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeViolations, launchBrowser, runAxe } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { loadContent, type LoadedPlan } from '../../src/lib/content/load';
import { foldVietnamese } from '../../src/lib/vn/text';
import { normalizeQuery } from '../../src/lib/search/query';
import { buildCatalog } from '../../src/lib/catalog/build';
import { buildSearchParts, writeSiteSearchIndex } from '../../src/lib/search/pagefind-index';
import { recentPlanCount } from '../../src/lib/search/shards';
import { planDate } from '../../src/lib/catalog/plan-date';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
const content = loadContent(resolve(root, 'content'));
const agencyNames = new Map(content.agencies.map((a) => [a.id, a.data.name]));

// Frontmatter fields holding ids or provenance, not text a reader sees.
const ID_FIELDS = new Set(['issuer', 'document', 'owner', 'unit', 'submitTo', 'source', 'status']);

/** Every text a plan is indexed with, one string per field, so a phrase never spans two fields. */
function planTexts(plan: LoadedPlan): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (key && ID_FIELDS.has(key)) {
      if (typeof value === 'string' && agencyNames.has(value)) texts.push(agencyNames.get(value)!);
      return;
    }
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(plan.data);
  for (const a of plan.data.assignments) texts.push(agencyNames.get(a.unit) ?? '');
  return [...texts, ...plan.body.split(/\n\s*\n/)];
}

const words = (s: string) => foldVietnamese(s).split(/[^a-z0-9]+/).filter(Boolean);
const folded = new Map(content.plans.map((p) => [p.slug, planTexts(p).map((t) => ` ${words(t).join(' ')} `)]));

/** Plans whose text has the query's words standing together. */
function phrasePlans(query: string): Set<string> {
  const phrase = ` ${words(query).join(' ')} `;
  return new Set([...folded].filter(([, texts]) => texts.some((t) => t.includes(phrase))).map(([slug]) => slug));
}

/** Plans whose text has every word of the query somewhere. */
function allWordsPlans(query: string): Set<string> {
  return new Set(
    [...folded].filter(([, texts]) => words(query).every((w) => texts.some((t) => t.includes(` ${w} `)))).map(([slug]) => slug),
  );
}

/** Plans referencing the registry document `id` in basis or citations, or writing `number` in the body. */
function plansCiting(id: string, number: string): Set<string> {
  return new Set(
    content.plans
      .filter((p) => [...p.data.basis, ...p.data.citations].some((r) => r.document === id) || p.body.includes(number))
      .map((p) => p.slug),
  );
}

let site: StaticSite;
let browser: Browser;
let page: Page;

interface SearchOutcome {
  slugs: string[];
  status: string;
  marks: string[];
  url: string;
}

async function waitForResults(): Promise<SearchOutcome> {
  await page.waitForFunction(() => {
    const root = document.getElementById('tim-kiem');
    return root && !root.hasAttribute('aria-busy') && document.querySelector('[data-search-status]')?.textContent?.trim();
  });
  return page.evaluate(() => ({
    slugs: [...document.querySelectorAll('[data-search-results] > li h3 a')].map((a) => a.getAttribute('href')!.replace(/\/$/, '').split('/').pop()!),
    status: document.querySelector('[data-search-status]')!.textContent!.trim(),
    marks: [...document.querySelectorAll('[data-search-results] mark')].map((m) => m.textContent!),
    url: location.href,
  }));
}

async function search(params: string): Promise<SearchOutcome> {
  await page.goto(new URL(`tim-kiem/?${params}`, site.url).href);
  return waitForResults();
}

const q = (query: string) => new URLSearchParams({ q: query }).toString();

/** Every plan of `first` ranks above every plan outside it. */
function expectRankedFirst(slugs: string[], first: Set<string>) {
  expect(first.size).toBeGreaterThan(0);
  const head = slugs.slice(0, first.size);
  expect(new Set(head), `${slugs.join(', ')} should start with ${[...first].join(', ')}`).toEqual(first);
}

beforeAll(async () => {
  if (!existsSync(resolve(dist, 'tim-kiem/index.html'))) throw new Error(`No build in ${dist}: run \`npm run build\` (or set DIST_DIR).`);
  if (!existsSync(resolve(dist, 'pagefind/pagefind.js'))) throw new Error(`No search index in ${dist}/pagefind: the pagefind integration did not run.`);
  site = await serveStatic(dist, base);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('matching Vietnamese as people type it', () => {
  it('"dan chu co so" ranks the plan titled with those words first', async () => {
    const titled = content.plans.filter((p) => words('dan chu co so').every((w) => words(p.data.title).includes(w)));
    expect(titled.map((p) => p.data.title)).toEqual(['Thực hiện dân chủ ở cơ sở năm 2024']);
    const { slugs } = await search(q('dan chu co so'));
    expect(slugs[0]).toBe(titled[0]!.slug);
    expect(new Set(slugs)).toEqual(allWordsPlans('dan chu co so'));
  });

  for (const [plain, marked] of [
    ['dang uy', 'Đảng ủy'],
    ['chuyen doi so', 'chuyển đổi số'],
    ['uy ban nhan dan', 'Uỷ ban nhân dân'],
    ['dan chu co so', 'dân chủ cơ sở'],
  ] as const) {
    it(`"${plain}" and "${marked}" return the same plans in the same order, phrase matches first`, async () => {
      const a = await search(q(plain));
      const b = await search(q(marked));
      expect(a.slugs.length).toBeGreaterThan(0);
      expect(b.slugs).toEqual(a.slugs);
      expect(new Set(a.slugs)).toEqual(allWordsPlans(plain));
      if (plain !== 'dan chu co so') expectRankedFirst(a.slugs, phrasePlans(plain));
    });
  }

  it('"Đảng ủy" marks the words as written, with đ and tone marks', async () => {
    const { marks } = await search(q('dang uy'));
    expect(marks).toEqual(expect.arrayContaining(['Đảng']));
    expect(marks.every((m) => ['dang', 'uy'].includes(foldVietnamese(m)))).toBe(true);
  });

  it('treats old and new tone placement alike ("Uỷ ban" / "Ủy ban")', async () => {
    const oldStyle = await search(q('Uỷ ban nhân dân'));
    const newStyle = await search(q('Ủy ban nhân dân'));
    expect(newStyle.slugs).toEqual(oldStyle.slugs);
  });

  it('"Bộ phận tiếp nhận và trả kết quả" ranks the plan with the phrase above plans with the words scattered', async () => {
    const phrase = phrasePlans('Bộ phận tiếp nhận và trả kết quả');
    const scattered = [...allWordsPlans('Bộ phận tiếp nhận và trả kết quả')].filter((s) => !phrase.has(s));
    expect(scattered.length).toBeGreaterThan(0);
    const { slugs } = await search(q('Bộ phận tiếp nhận và trả kết quả'));
    expectRankedFirst(slugs, phrase);
    for (const slug of scattered) expect(slugs).toContain(slug);
  });
});

describe('precision: every result holds every word asked for', () => {
  // Function words the search does not require (STOP_TERMS in src/lib/search/query.ts).
  const required = (query: string) => normalizeQuery(query).required;
  /** Plans holding every required word of the query, whole (not as the start of a longer word). */
  const holding = (query: string) =>
    new Set([...folded].filter(([, texts]) => required(query).every((w) => texts.some((t) => t.includes(` ${w} `)))).map(([slug]) => slug));

  it('returns no plan for a word no plan holds, alone or beside words every plan holds', async () => {
    for (const query of ['covid', 'covid đảng', 'Đảng ủy covid', 'danhx']) {
      expect(holding(query).size, query).toBe(0);
      const outcome = await search(q(query));
      expect(outcome.slugs, query).toEqual([]);
      expect(outcome.status, query).toBe(`Không tìm thấy kế hoạch nào cho “${query}”.`);
    }
  });

  it('returns no plan for a document number no plan cites, even when its parts occur', async () => {
    const texts = content.plans.map((p) => [JSON.stringify(p.data), p.body].join(' '));
    for (const number of ['999/KH-UBND', '33/CT-UBND', '859/KH-STTTT']) {
      expect(texts.some((t) => t.includes(number)), number).toBe(false);
      const outcome = await search(q(number));
      expect(outcome.slugs, number).toEqual([]);
    }
  });

  it('returns exactly the plans holding every word, never those with a longer word that begins like it', async () => {
    for (const query of ['dang uy', 'dan', 'tiep cong dan', 'chuyen doi so', 'Bộ phận tiếp nhận và trả kết quả', 'thi dua']) {
      const { slugs } = await search(q(query));
      expect(new Set(slugs), query).toEqual(holding(query));
    }
  });

  it('offers near misses from the index vocabulary when nothing matches, as links to those searches', async () => {
    const outcome = await search(q('chuyeen đổi số'));
    expect(outcome.slugs).toEqual([]);
    const offer = page.locator('[data-search-suggestions]');
    await offer.getByRole('link').first().waitFor();
    expect(await offer.innerText()).toMatch(/^Có phải bạn muốn tìm: chuyen đổi số/);
    await offer.getByRole('link', { name: 'chuyen đổi số' }).click();
    const followed = await waitForResults();
    expect(new URL(followed.url).searchParams.get('q')).toBe('chuyen đổi số');
    expect(new Set(followed.slugs)).toEqual(holding('chuyen doi so'));
    expect(await offer.isHidden()).toBe(true);
  });

  it('completes a word still being typed as a suggestion, not as results', async () => {
    const outcome = await search(q('chuyen doi s'));
    expect(outcome.slugs).toEqual([]);
    await page.locator('[data-search-suggestions] a').first().waitFor();
    expect(await page.locator('[data-search-suggestions] a').allInnerTexts()).toContain('chuyen doi so');
  });
});

describe('one plan card', () => {
  it('shows each result as the plan lists show its card, date included, with the passage under it', async () => {
    await page.goto(new URL('ke-hoach/', site.url).href);
    const listCards = new Map(
      // The full list shows each card with its summary; a result shows the matching passage instead.
      await page.$$eval('.plan-list > li.plan-card', (els) =>
        els.map((li) => {
          const copy = li.cloneNode(true) as HTMLElement;
          copy.querySelector('.plan-card__summary')?.remove();
          return [copy.getAttribute('data-plan')!, copy.outerHTML] as const;
        }),
      ),
    );
    const outcome = await search(q('dang uy'));
    expect(outcome.slugs.length).toBeGreaterThan(0);
    const resultCards = await page.$$eval('[data-search-results] > li', (els) =>
      els.map((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        copy.querySelector('.search-result__excerpt')?.remove();
        copy.classList.remove('search-result');
        return [copy.getAttribute('data-plan')!, copy.outerHTML] as const;
      }),
    );
    expect(resultCards.length).toBe(outcome.slugs.length);
    for (const [slug, html] of resultCards) expect(html, slug).toBe(listCards.get(slug));
    expect(await page.locator('[data-search-results] > li dt').allInnerTexts()).toContain('Ngày:');
    expect(await page.locator('[data-search-results] > li .search-result__excerpt').count()).toBe(outcome.slugs.length);
  });
});

describe('agencies and cited documents', () => {
  const directory = async () => ({
    agencies: await page.locator('[data-search-kind="co-quan"]:not([hidden]) li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    documents: await page.locator('[data-search-kind="van-ban"]:not([hidden]) li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
  });

  it('finds a cited document by its number in any spelling, apart from the plans, and links its page', async () => {
    const doc = content.documents.find((d) => d.id === '33-ct-ttg')!;
    for (const spelling of ['33/CT-TTg', 'ct-ttg 33']) {
      await search(q(spelling));
      const found = await directory();
      expect(found.documents[0], spelling).toBe(`${base}van-ban/${doc.id}/`);
      expect(await page.locator('[data-search-kind="van-ban"] h3').innerText()).toBe('Văn bản');
    }
  });

  it('finds an agency by its name without diacritics, and only agencies holding every word', async () => {
    const agency = content.agencies.find((a) => a.id === 'ubnd-xa-minh-tam')!;
    await search(q(foldVietnamese(agency.data.name)));
    const found = await directory();
    expect(found.agencies).toContain(`${base}co-quan/${agency.id}/`);
    const names = new Map(content.agencies.map((a) => [`${base}co-quan/${a.id}/`, a.data]));
    for (const href of found.agencies) {
      const data = names.get(href!)!;
      const agencyWords = new Set([...words(data.name), ...words(data.shortName)]);
      expect(words(agency.data.name).filter((w) => !['o', 'va', 'cua', 'cac'].includes(w)).every((w) => agencyWords.has(w)), href!).toBe(true);
    }
    expect(await page.locator('[data-search-kind="co-quan"] h3').innerText()).toBe('Cơ quan');
  });

  it('shows no agency or document for words none holds', async () => {
    await search(q('covid'));
    expect(await page.locator('[data-search-directory]').isHidden()).toBe(true);
  });
});

describe('first screen', () => {
  it('keeps the filters folded and the first result on the first screen, on a phone and on a desktop', async () => {
    for (const [width, height] of [[360, 740], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await search(q('dang uy'));
      expect(await page.locator('.search-page__filters').getAttribute('open'), `${width}px`).toBeNull();
      const box = await page.locator('[data-search-results] > li').first().boundingBox();
      expect(box!.y, `${width}px`).toBeLessThan(height);
    }
  });

  it('opens the filters when a shared link uses them', async () => {
    await search(`${q('dang uy')}&sap-xep=moi-nhat`);
    expect(await page.locator('.search-page__filters').getAttribute('open')).not.toBeNull();
  });
});

describe('document numbers as people write them', () => {
  const citing = plansCiting('33-ct-ttg', '33/CT-TTg');
  const implementing = content.plans.filter((p) => p.data.basis.some((r) => r.document === '33-ct-ttg')).map((p) => p.slug);

  it('finds exactly the plans citing 33/CT-TTg, the one implementing it first, in every spelling', async () => {
    expect(implementing).toHaveLength(1);
    expect(citing.size).toBeLessThan(content.plans.length);
    const spellings = ['33/CT-TTg', '33 CT-TTg', 'ct-ttg 33'];
    const outcomes = [];
    for (const spelling of spellings) outcomes.push(await search(q(spelling)));
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.slugs[0], spellings[i]).toBe(implementing[0]);
      expect(new Set(outcome.slugs), spellings[i]).toEqual(citing);
      expect(outcome.slugs).toEqual(outcomes[0]!.slugs);
    }
    expect(outcomes[2]!.marks).toContain('33/CT-TTg');
  });

  it('does not confuse 33/CT-TTg with another Chỉ thị of the Thủ tướng', async () => {
    const other = plansCiting('23-ct-ttg', '23/CT-TTg');
    expect(other.size).toBeGreaterThan(0);
    const { slugs } = await search(q('23/CT-TTg'));
    expect(new Set(slugs)).toEqual(other);
  });
});

describe('filters, sort and the URL', () => {
  it('narrows results by year, agency, topic and document type', async () => {
    const all = await search(q('dan van'));
    const year = content.plans.find((p) => all.slugs.includes(p.slug))!.data.year;
    const byYear = await search(`${q('dan van')}&nam=${year}`);
    const expected = all.slugs.filter((s) => content.plans.find((p) => p.slug === s)!.data.year === year);
    expect(byYear.slugs).toEqual(expected.length ? expect.arrayContaining(expected) : []);
    expect(byYear.slugs.length).toBe(expected.length);
    expect(byYear.slugs.length).toBeLessThan(all.slugs.length);

    const plan = content.plans.find((p) => p.data.issuer === 'ubnd-xa-minh-tam')!;
    const byAgency = await search(`${q('dan van')}&co-quan=${plan.data.issuer}`);
    expect(byAgency.slugs).toEqual(content.plans.filter((p) => p.data.issuer === plan.data.issuer).map((p) => p.slug));

    const byTopic = await search(`nam=${year}&chu-de=dan-chu-o-co-so`);
    const topicPlans = content.plans.filter((p) => p.data.year === year && p.data.topics.includes('Dân chủ ở cơ sở')).map((p) => p.slug);
    expect(new Set(byTopic.slugs)).toEqual(new Set(topicPlans));

    const byType = await search(`${q('dan van')}&loai=ke-hoach`);
    expect(byType.slugs).toEqual(all.slugs);
    expect((await search(`${q('dan van')}&nam=1999`)).slugs).toEqual([]);
  });

  it('sorts by date, newest or oldest first', async () => {
    const key = (slug: string) => {
      const { data } = content.plans.find((p) => p.slug === slug)!;
      return data.issuedOn ?? `${data.year}-01-01`;
    };
    const newest = await search(`${q('dan van')}&sap-xep=moi-nhat`);
    const dates = newest.slugs.map(key);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldest = await search(`${q('dan van')}&sap-xep=cu-nhat`);
    expect(oldest.slugs.map(key)).toEqual([...dates].sort());
  });

  it('keeps the query and filters in the URL when the form is used, and restores them from it', async () => {
    await page.goto(new URL('tim-kiem/', site.url).href);
    await page.fill('#tu-khoa', 'Đảng ủy');
    await page.press('#tu-khoa', 'Enter');
    const typed = await waitForResults();
    expect(new URL(typed.url).searchParams.get('q')).toBe('Đảng ủy');
    expect(typed.status).toBe(`Tìm thấy ${typed.slugs.length} kế hoạch cho “Đảng ủy”.`);

    await page.click('.search-page__filters > summary');
    const box = page.locator('input[name="nam"]').first();
    const value = await box.getAttribute('value');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('nam') === v, value);
    const filtered = await waitForResults();
    expect(filtered.slugs.length).toBeLessThan(typed.slugs.length);

    // Opened afresh, as when the link is shared.
    await page.goto('about:blank');
    await page.goto(filtered.url);
    expect((await waitForResults()).slugs).toEqual(filtered.slugs);
    expect(await page.inputValue('#tu-khoa')).toBe('Đảng ủy');
    expect(await page.isChecked(`input[name="nam"][value="${value}"]`)).toBe(true);
  });

  it('lands on the search page from the header search box of any page', async () => {
    const plan = content.plans[0]!;
    await page.goto(new URL(`ke-hoach/${plan.slug}/`, site.url).href);
    await page.fill('#tim-kiem-dau-trang', 'chuyen doi so');
    await page.press('#tim-kiem-dau-trang', 'Enter');
    const outcome = await waitForResults();
    expect(new URL(outcome.url).pathname).toBe(`${base}tim-kiem/`);
    expect(outcome.slugs.length).toBeGreaterThan(0);
  });

  it('says so and gives advice when nothing matches', async () => {
    const outcome = await search(q('xyzzyqwv'));
    expect(outcome.slugs).toEqual([]);
    expect(outcome.status).toBe('Không tìm thấy kế hoạch nào cho “xyzzyqwv”.');
    const advice = await page.locator('[data-search-empty]').innerText();
    expect(advice).toMatch(/bỏ dấu/);
    expect(advice).toMatch(/33\/CT-TTg/);
  });
});

describe('a site with more plans than the first part holds', () => {
  // The seed plans indexed as a large site's are (src/lib/search/shards.ts), with the newest plan
  // (and the others of its month: none) as the part read first, served in place of the site's
  // index; the year parts answer late.
  const RECENT = 1;
  const YEAR_PARTS_DELAY_MS = 1500;
  let fixture: string;

  beforeAll(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'search-parts-site-'));
    const catalog = buildCatalog(content);
    const parts = await buildSearchParts(catalog, base, { index: join(fixture, 'cache', 'pagefind'), records: join(fixture, 'cache', 'records') }, 'test', { recentPlans: RECENT, partPlans: 1 });
    writeSiteSearchIndex(parts, join(fixture, 'pagefind'));
  }, 120_000);
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  /** A page of a new context whose search index is the fixture's, the year parts answering late. */
  async function stagedPage(context: BrowserContext): Promise<Page> {
    const staged = await context.newPage();
    const prefix = new URL('pagefind/', site.url).pathname;
    await staged.route(`**${prefix}**`, async (route) => {
      const path = new URL(route.request().url()).pathname.slice(prefix.length);
      if (path.startsWith('nam-')) await new Promise((r) => setTimeout(r, YEAR_PARTS_DELAY_MS));
      const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      // A page closed meanwhile no longer takes the answer.
      await route.fulfill({ body: readFileSync(join(fixture, 'pagefind', path)), contentType: type }).catch(() => undefined);
    });
    return staged;
  }

  it("shows the newest plans' matches first, saying so, then the whole answer as a small site gives it", async () => {
    const query = 'dan';
    const expected = allWordsPlans(query);
    const { plans } = buildCatalog(content);
    const newest = plans.slice(0, recentPlanCount(plans, (p) => planDate(p.data), RECENT)).map((p) => p.slug);
    expect(newest).toHaveLength(1);
    const whole = await search(q(query));
    expect(new Set(whole.slugs)).toEqual(expected);

    const context = await browser.newContext();
    try {
      const staged = await stagedPage(context);
      await staged.goto(new URL(`tim-kiem/?${q(query)}`, site.url).href);
      const partial = `${newest.filter((slug) => expected.has(slug)).length} kế hoạch cho “${query}” trong ${newest.length} kế hoạch mới nhất. Đang tìm trong tất cả ${content.plans.length} kế hoạch…`;
      await staged.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent === text, partial);
      expect(await staged.getAttribute('#tim-kiem', 'aria-busy')).toBe('true');
      const first = await staged.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')!.replace(/\/$/, '').split('/').pop()!));
      expect(new Set(first)).toEqual(new Set(newest.filter((slug) => expected.has(slug))));

      await staged.waitForFunction(() => !document.getElementById('tim-kiem')!.hasAttribute('aria-busy'));
      expect(await staged.textContent('[data-search-status]')).toBe(`Tìm thấy ${expected.size} kế hoạch cho “${query}”.`);
      const slugs = await staged.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')!.replace(/\/$/, '').split('/').pop()!));
      expect(slugs).toEqual(whole.slugs);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('is no longer busy when the box is cleared while the year parts load', async () => {
    const context = await browser.newContext();
    try {
      const staged = await stagedPage(context);
      await staged.goto(new URL(`tim-kiem/?${q('dan')}`, site.url).href);
      await staged.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('Đang tìm'));
      await staged.fill('#tu-khoa', '');
      await staged.waitForTimeout(YEAR_PARTS_DELAY_MS + 500);
      expect(await staged.getAttribute('#tim-kiem', 'aria-busy')).toBeNull();
      expect((await staged.textContent('[data-search-status]'))?.trim()).toBe('');
      expect(await staged.isHidden('[data-search-results]')).toBe(true);
      await staged.unrouteAll({ behavior: 'ignoreErrors' });
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('accessibility and loading', () => {
  it('passes axe with results, agencies and documents, or suggestions shown, on a phone and on a desktop', async () => {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const outcome = await search(q('dan chu co so'));
      expect(outcome.slugs.length).toBeGreaterThan(0);
      expect(describeViolations(await runAxe(page)), `at ${width}px`).toBe('');
      await search(q('ban dan van'));
      expect(await page.locator('[data-search-directory]').isVisible()).toBe(true);
      expect(describeViolations(await runAxe(page)), `directory at ${width}px`).toBe('');
      await search(q('chuyeen doi so'));
      await page.locator('[data-search-suggestions] a').first().waitFor();
      expect(describeViolations(await runAxe(page)), `suggestions at ${width}px`).toBe('');
    }
  }, 120_000);

  it('announces the result count in a live region', async () => {
    await search(q('dang uy'));
    const region = page.locator('[data-search-status]');
    expect(await region.getAttribute('role')).toBe('status');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.innerText()).toMatch(/^Tìm thấy \d+ kế hoạch/);
  });

  it('reaches the search box, every filter and the sort by Tab', async () => {
    await search(q('dan van'));
    await page.click('.search-page__filters > summary');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const controls = await page.$$eval('#tim-kiem form input, #tim-kiem form select', (els) => els.map((e) => e.id));
    const reached = new Set<string>();
    for (let i = 0; i < 80 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id) reached.add(id);
    }
    expect([...reached].filter((id) => controls.includes(id)).sort()).toEqual([...controls].sort());
    expect(controls).toContain('tu-khoa');
  });

  it('loads search JavaScript and the index on the search page only', async () => {
    const requests: string[] = [];
    const listener = (r: { url(): string }) => requests.push(r.url());
    page.on('request', listener);
    await page.goto(new URL(`ke-hoach/${content.plans[0]!.slug}/`, site.url).href);
    await page.goto(site.url);
    await page.waitForLoadState('networkidle');
    const elsewhere = requests.splice(0);
    await search(q('dang uy'));
    page.off('request', listener);
    const onSearch = requests;
    expect(onSearch.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
    expect(elsewhere.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const searchScripts = await page.$$eval('script[type="module"][src]', (els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(searchScripts.length).toBeGreaterThan(0);
    for (const src of searchScripts) expect(elsewhere).not.toContain(src);
  });

  it('explains that search needs JavaScript when it is off, and links to the plan list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      await noJs.goto(new URL(`tim-kiem/?${q('dang uy')}`, site.url).href);
      const notice = noJs.locator('[data-search-nojs]');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.innerText()).toMatch(/cần JavaScript/);
      expect(await notice.locator('a').getAttribute('href')).toBe(`${base}ke-hoach/`);
    } finally {
      await context.close();
    }
  });
});
