/**
 * "Design for 10,000 plans": with a catalog of 10,000 synthetic plans, the model of every page that
 * lists plans or deadlines holds a bounded number of items, and the paginated lists still reach
 * every plan and every deadline exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/lib/catalog/build';
import { HOME_DEADLINE_COUNT, HOME_PLAN_COUNT, homePage } from '../../../src/lib/portal/home';
import { planFilters, planListPagePath, planListPages } from '../../../src/lib/portal/plan-filters';
import { PLAN_PAGE_SIZE } from '../../../src/lib/portal/pagination';
import { DEADLINE_LIST_MAX, DEADLINE_PAGE_SIZE, deadlineIndexPage, deadlineYearPages } from '../../../src/lib/portal/deadlines';
import { AGENCY_LIST_MAX, AGENCY_PAGE_SIZE, AGENCY_TASK_PAGE_SIZE, agencyListPagePath, agencyListPages, agencyPage } from '../../../src/lib/portal/agencies';
import { DOCUMENT_CHAIN_MAX, DOCUMENT_LIST_MAX, DOCUMENT_PAGE_SIZE, countChain, documentListPagePath, documentListPages, documentPage, referencingPlans } from '../../../src/lib/portal/documents';
import {
  TARGET_OVERVIEW_CELL,
  TARGET_OVERVIEW_ROWS,
  TARGET_OVERVIEW_TOPICS,
  TARGET_OVERVIEW_YEARS,
  TARGET_TOPIC_CELL,
  TARGET_TOPIC_PAGE_SIZE,
  TARGET_TOPIC_YEARS,
  TARGET_YEAR_PAGE_SIZE,
  targetOverview,
  targetTopicPages,
  targetYearPagePath,
  targetYearPages,
} from '../../../src/lib/portal/targets';
import { pagePath } from '../../../src/lib/portal/pagination';
import { syntheticCatalog } from './synthetic-catalog';

const PLANS = 10_000;
let catalog: Catalog;

beforeAll(() => {
  catalog = syntheticCatalog(PLANS);
});

describe(`page models with ${PLANS.toLocaleString('en')} plans`, () => {
  it('the home page shows the newest plans and a few deadlines, and counts them all', () => {
    const home = homePage(catalog);
    expect(home.total).toBe(PLANS);
    expect(home.latest.map((c) => c.slug)).toEqual(catalog.plans.slice(0, HOME_PLAN_COUNT).map((p) => p.slug));
    expect(home.deadlines).toHaveLength(HOME_DEADLINE_COUNT);
  });

  it('/ke-hoach/ shows 50 plans a page and its pages reach every plan once, newest first', () => {
    const pages = planListPages(catalog).filter((p) => p.option === null);
    expect(pages[0]!.slice.items).toHaveLength(PLAN_PAGE_SIZE);
    expect(planListPagePath(pages[0]!)).toBe('ke-hoach/');
    expect(pages).toHaveLength(Math.ceil(PLANS / PLAN_PAGE_SIZE));
    expect(pages.flatMap((p) => p.slice.items.map((e) => e.slug))).toEqual(catalog.plans.map((p) => p.slug));
    expect(planListPagePath(pages[1]!)).toBe('ke-hoach/trang/2/');
  });

  it('every filtered list is paginated the same way and covers exactly its plans', () => {
    const pages = planListPages(catalog);
    expect(Math.max(...pages.map((p) => p.slice.items.length))).toBeLessThanOrEqual(PLAN_PAGE_SIZE);
    const paths = pages.map(planListPagePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const option of Object.values(planFilters(catalog)).flat()) {
      const own = pages.filter((p) => p.option === option);
      expect(own.flatMap((p) => p.slice.items.map((e) => e.slug)), `${option.kind}/${option.value}`).toEqual(option.plans);
    }
    // The busiest filter (a year holds a tenth of the plans) does need several pages.
    expect(Math.max(...pages.map((p) => p.slice.pageCount))).toBeGreaterThan(1);
  });

  it('/thoi-han/ shows the year index and one bounded page instead of every deadline', () => {
    expect(catalog.deadlines.length).toBeGreaterThan(DEADLINE_LIST_MAX);
    const model = deadlineIndexPage(catalog);
    expect(model.complete).toBe(false);
    const shown = model.months.reduce((n, m) => n + m.rows.length, 0);
    expect(shown).toBeLessThanOrEqual(DEADLINE_PAGE_SIZE);
    expect(shown).toBe(model.featured!.shown);
    expect(model.years.reduce((n, y) => n + y.count, 0)).toBe(catalog.deadlines.length);
    expect(model.total).toBe(catalog.deadlines.length);
    // The featured year is the year of the latest issued plan.
    const latest = catalog.plans[0]!.data;
    expect(model.featured!.year).toBe(Number((latest.issuedOn ?? String(latest.year)).slice(0, 4)));
    expect(model.months.every((m) => m.key.startsWith(String(model.featured!.year)))).toBe(true);
  });

  it('the year pages of /thoi-han/ are bounded and reach every deadline once', () => {
    const pages = deadlineYearPages(catalog);
    expect(Math.max(...pages.map((p) => p.slice.items.length))).toBeLessThanOrEqual(DEADLINE_PAGE_SIZE);
    expect(pages.flatMap((p) => p.slice.items)).toEqual(catalog.deadlines);
  });

  it('an agency page caps each list and keeps the true totals', () => {
    const busiest = [...catalog.agencies.values()].reduce((a, b) => (b.plans.length > a.plans.length ? b : a));
    expect(busiest.plans.length).toBeGreaterThan(AGENCY_LIST_MAX);
    const page = agencyPage(catalog, busiest.id);
    expect(page.plans).toHaveLength(AGENCY_LIST_MAX);
    expect(page.totals.plans).toBe(busiest.plans.length);
    expect(page.plans.map((p) => p.slug)).toEqual(busiest.plans.slice(0, AGENCY_LIST_MAX));
    for (const id of catalog.agencies.keys()) {
      const model = agencyPage(catalog, id);
      for (const list of [model.plans, model.tasks, model.deadlines, model.unitDeadlines, model.receives]) expect(list.length, id).toBeLessThanOrEqual(AGENCY_LIST_MAX);
      expect(model.totals.deadlines).toBe(catalog.agencies.get(id)!.deadlines.length);
    }
  });

  it('a document page caps the plans citing it and its chain', () => {
    const most = [...catalog.documents.values()].reduce((a, b) => (b.citedBy.length > a.citedBy.length ? b : a));
    expect(most.citedBy.length).toBeGreaterThan(DOCUMENT_LIST_MAX);
    for (const id of catalog.documents.keys()) {
      const model = documentPage(catalog, id)!;
      for (const role of ['basis', 'citation'] as const) {
        expect(model.referencing[role].items.length, id).toBeLessThanOrEqual(DOCUMENT_LIST_MAX);
        expect(model.referencing[role].total).toBe(new Set(catalog.documents.get(id)!.citedBy.filter((e) => e.role === role).map((e) => e.plan)).size);
      }
      expect(countChain(model.down.nodes), id).toBeLessThanOrEqual(DOCUMENT_CHAIN_MAX);
      expect(countChain(model.up.nodes), id).toBeLessThanOrEqual(DOCUMENT_CHAIN_MAX);
    }
  });

  it("a document's plan lists have pages of 50 that reach every implementing and citing plan once", () => {
    const pages = documentListPages(catalog);
    expect(Math.max(...pages.map((p) => p.slice.items.length))).toBeLessThanOrEqual(DOCUMENT_PAGE_SIZE);
    const paths = pages.map(documentListPagePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const id of catalog.documents.keys()) {
      const model = documentPage(catalog, id)!;
      const all = referencingPlans(catalog, id);
      for (const role of ['basis', 'citation'] as const) {
        const own = pages.filter((p) => p.view.id === id && p.role === role);
        if (all[role].length <= DOCUMENT_LIST_MAX) {
          expect(own, `${id} ${role}`).toEqual([]);
          expect(model.listPaths[role]).toBeNull();
        } else {
          expect(own.flatMap((p) => p.slice.items.map((r) => r.plan.slug)), `${id} ${role}`).toEqual(all[role].map((r) => r.plan.slug));
          expect(model.listPaths[role]).toBe(own[0]!.firstPagePath);
        }
      }
    }
    expect(pages.some((p) => p.slice.pageCount > 1)).toBe(true);
  });

  it("an agency's duty and deadline lists have bounded pages that reach every entry once, latest first", () => {
    const pages = agencyListPages(catalog);
    const paths = pages.map(agencyListPagePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const page of pages) expect(page.slice.items.length).toBeLessThanOrEqual(page.kind === 'nhiem-vu' ? AGENCY_TASK_PAGE_SIZE : AGENCY_PAGE_SIZE);
    for (const id of catalog.agencies.keys()) {
      const model = agencyPage(catalog, id);
      const own = pages.filter((p) => p.agency.id === id && p.kind === 'thoi-han');
      const deadlines = catalog.agencies.get(id)!.deadlines;
      if (deadlines.length > AGENCY_LIST_MAX) {
        expect(own.flatMap((p) => p.slice.items as unknown[]), id).toEqual([...deadlines].reverse());
        expect(model.listPaths['thoi-han']).toBe(`co-quan/${id}/thoi-han/`);
      } else expect(model.listPaths['thoi-han']).toBeNull();
      const tasks = pages.filter((p) => p.agency.id === id && p.kind === 'nhiem-vu');
      expect(tasks.reduce((n, p) => n + p.slice.items.length, 0) || model.totals.tasks, id).toBe(model.totals.tasks);
    }
    expect(pages.some((p) => p.kind === 'thoi-han-don-vi')).toBe(true);
  });

  it('/chi-tieu/ shows a bounded overview whose "more" links land on the year page holding the row', () => {
    const model = targetOverview(catalog);
    expect(model.total).toBe(catalog.targets.length);
    expect(model.tables.length).toBeLessThanOrEqual(TARGET_OVERVIEW_TOPICS);
    const cells = model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    expect(model.tables.every((t) => t.rows.length <= TARGET_OVERVIEW_ROWS && t.years.length <= TARGET_OVERVIEW_YEARS)).toBe(true);
    expect(Math.max(...cells.map((c) => c.items.length))).toBe(TARGET_OVERVIEW_CELL);
    // The busiest cells hold hundreds of targets; each points at its year page and row.
    const full = cells.filter((c) => c.morePath);
    expect(full.length).toBeGreaterThan(0);
    const yearPages = targetYearPages(catalog);
    const byPath = new Map(yearPages.map((p) => [targetYearPagePath(p), p]));
    for (const cell of full) {
      const [path, id] = cell.morePath!.split('#') as [string, string];
      expect(byPath.get(path)?.slice.items.some((e) => e.row.id === id), cell.morePath!).toBe(true);
    }
  });

  it('the topic pages of /chi-tieu/ are bounded: rows a page, year columns, values a cell', () => {
    const pages = targetTopicPages(catalog);
    for (const page of pages) {
      expect(page.view.rows.length).toBeLessThanOrEqual(TARGET_TOPIC_PAGE_SIZE);
      expect(page.view.years.length).toBeLessThanOrEqual(TARGET_TOPIC_YEARS);
      for (const row of page.view.rows) for (const cell of row.cells) expect(cell.items.length).toBeLessThanOrEqual(TARGET_TOPIC_CELL);
    }
    // 11 years of plans: the oldest are reached through the year pages.
    expect(pages.some((p) => p.view.olderYears.length > 0)).toBe(true);
  });

  it('the year pages of /chi-tieu/ are bounded and reach every target once', () => {
    const pages = targetYearPages(catalog);
    expect(Math.max(...pages.map((p) => p.slice.items.length))).toBeLessThanOrEqual(TARGET_YEAR_PAGE_SIZE);
    expect(pages.reduce((n, p) => n + p.slice.items.length, 0)).toBe(catalog.targets.length);
    const seen = new Set(pages.flatMap((p) => p.slice.items.map((e) => `${e.plan.slug}|${e.target.text}`)));
    expect(seen.size).toBe(catalog.targets.length);
    const paths = pages.map((p) => pagePath(p.firstPagePath, p.slice.page));
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe(`the document index with ${PLANS.toLocaleString('en')} plans`, () => {
  it('/van-ban/ shows a few documents of each type and each long type has pages of 50 reaching all of them', async () => {
    const { DOCUMENT_INDEX_PER_TYPE, DOCUMENT_TYPE_PAGE_SIZE, documentsByType, documentTypePages } = await import('../../../src/lib/portal/documents');
    const pages = documentTypePages(catalog);
    for (const group of documentsByType(catalog)) {
      const own = pages.filter((p) => p.type === group.type);
      if (group.documents.length <= DOCUMENT_INDEX_PER_TYPE) expect(own).toEqual([]);
      else expect(own.flatMap((p) => p.slice.items.map((d) => d.id))).toEqual(group.documents.map((d) => d.id));
    }
    expect(Math.max(0, ...pages.map((p) => p.slice.items.length))).toBeLessThanOrEqual(DOCUMENT_TYPE_PAGE_SIZE);
  });
});
