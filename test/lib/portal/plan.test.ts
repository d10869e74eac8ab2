import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FOLD_AFTER, KEY_FACTS_MAX, KEY_FACT_TEXT_MAX, planPage, planPageKey, planPageView } from '../../../src/lib/portal/plan';
import { planReports } from '../../../src/lib/portal/reports';
import { catalogOriginals } from '../../../src/lib/content/originals';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureAgency, fixtureCatalog, fixturePlan } from './fixture-catalog';

const ctx = { site: 'https://so.example.gov.vn', base: '/ke-hoach-mo/' };

function target(i: number) {
  return { text: `Chỉ tiêu thứ ${i} ${'rất dài '.repeat(i === 1 ? 40 : 1)}`.trim(), value: i, unit: '%' };
}

function deadline(date: string) {
  return { date, task: `Báo cáo ${date}`, owner: 'co-quan-a' };
}

describe('planPage', () => {
  it('gives every seed plan a model whose lists are the plan’s own', () => {
    const catalog = seedCatalog();
    for (const { slug, data } of catalog.plans) {
      const page = planPage(catalog, slug, { ctx });
      expect(page.targets.length, slug).toBe(data.targets.length);
      expect(page.deadlines.length, slug).toBe(data.deadlines.length);
      expect(page.basis.map((r) => r.number), slug).toEqual(data.basis.map((r) => r.number));
      expect(page.citations.length, slug).toBe(data.citations.length);
      expect(page.share.pageUrl, slug).toBe(`https://so.example.gov.vn/ke-hoach-mo/ke-hoach/${slug}/`);
      expect(JSON.parse(page.head.jsonLd)['@type'], slug).toBe('Legislation');
      // The seeds lack a number, a date or a name: none may read "Đã ban hành".
      expect(page.header.status.complete, slug).toBe(false);
    }
  });

  it('puts the first targets and deadlines (by date) and the basis in the key facts, cut short', () => {
    const plan = fixturePlan('a', {
      targets: [1, 2, 3, 4, 5].map(target),
      deadlines: [deadline('2024-12-01'), deadline('2024-03-01'), deadline('2024-06-01'), deadline('2024-09-01')],
    });
    const page = planPage(fixtureCatalog({ plans: [plan] }), 'a', { ctx });
    const { targets, deadlines } = page.keyFacts;
    expect(targets.total).toBe(5);
    expect(targets.items.map((t) => t.position)).toEqual([1, 2, 3].slice(0, KEY_FACTS_MAX));
    expect(targets.items[0]!.text.length).toBeLessThanOrEqual(KEY_FACT_TEXT_MAX + 1);
    expect(targets.items[0]!.text.endsWith('…')).toBe(true);
    // The full text stays whole in the section.
    expect(page.targets[0]!.text).toBe(target(1).text);
    expect(targets.items[1]!.keyValue).toBe('2%');
    expect(deadlines.items.map((d) => d.dateIso)).toEqual(['2024-03-01', '2024-06-01', '2024-09-01']);
    expect(deadlines.anchor).toBe('#thoi-han');
  });

  it('does not repeat a value the target text already states', () => {
    const plan = fixturePlan('a', { targets: [{ text: '100% cán bộ được học tập', value: 100, unit: '%' }, { text: 'Định tính', value: null, unit: null }] });
    const [quantified, qualitative] = planPage(fixtureCatalog({ plans: [plan] }), 'a', { ctx }).keyFacts.targets.items;
    expect(quantified!.keyValue).toBeNull();
    expect(qualitative!.keyValue).toBeNull();
  });

  it('folds the full text, the citations and long secondary lists, never the key sections', () => {
    const many = Array.from({ length: FOLD_AFTER + 1 }, (_, i) => ({ unit: `don-vi-${i}`, duties: ['Làm việc'] }));
    const agencies = [fixtureAgency('co-quan-a'), ...many.map((a) => fixtureAgency(a.unit))];
    const plan = fixturePlan('a', { assignments: many, targets: Array.from({ length: 20 }, (_, i) => target(i + 2)) });
    const sections = Object.fromEntries(planPage(fixtureCatalog({ plans: [plan], agencies }), 'a', { ctx }).sections.map((s) => [s.id, s.folded]));
    expect(sections).toMatchObject({ 'toan-van': true, 'van-ban-dan-chieu': true, 'don-vi-thuc-hien': true, 'chi-tieu': false, 'thoi-han': false, 'can-cu': false });
    const few = fixturePlan('b', { assignments: many.slice(0, 2) });
    const fewSections = planPage(fixtureCatalog({ plans: [few], agencies }), 'b', { ctx }).sections;
    expect(fewSections.find((s) => s.id === 'don-vi-thuc-hien')!.folded).toBe(false);
  });

  it('marks inferred values with what the copy says', () => {
    const catalog = seedCatalog();
    const page = planPage(catalog, 'dan-van-chinh-quyen-2024-ubnd-xa-minh-tam', { ctx });
    expect(page.header.placeInferred).toMatch(/không có dòng địa danh/);
    const submitted = page.deadlines.filter((d) => d.submitTo?.id === 'phong-noi-vu-huyen-hon-quan');
    expect(submitted.length).toBeGreaterThan(0);
    for (const d of submitted) expect(d.submitToInferred).toMatch(/chỉ ghi “Phòng Nội vụ”/);
    expect(page.official.placeAndDate).not.toMatch(/Minh Tâm/);
  });

  it('throws for a slug that is not in the catalog', () => {
    expect(() => planPage(fixtureCatalog({}), 'khong-co', { ctx })).toThrow(/khong-co/);
  });
});

describe('planPageView and planPageKey (the plan route)', () => {
  const contentRoot = fileURLToPath(new URL('../../../content', import.meta.url));

  it('is the page model with the kept original and the results reports, the same each time it is made', () => {
    const catalog = seedCatalog();
    const originals = catalogOriginals(catalog, contentRoot);
    expect(originals.size).toBeGreaterThan(0);
    for (const { slug } of catalog.plans) {
      const view = planPageView(catalog, slug, ctx, contentRoot);
      expect(view.page).toEqual(planPage(catalog, slug, { ctx, original: originals.get(slug) ?? null }));
      expect(view.reports).toEqual(planReports(catalog, slug));
      expect(planPageKey(seedCatalog(), slug, ctx, contentRoot)).toBe(planPageKey(catalog, slug, ctx, contentRoot));
    }
  });

  it('changes its key whenever the page changes: an edit to any seed plan, checked on every plan page', () => {
    const catalog = seedCatalog();
    const before = new Map(catalog.plans.map(({ slug }) => [slug, { view: planPageView(catalog, slug, ctx, contentRoot), key: planPageKey(catalog, slug, ctx, contentRoot) }]));
    const edits: [string, (plan: ReturnType<typeof seedContent>['plans'][number]) => void][] = [
      ['title', (plan) => void (plan.data = { ...plan.data, title: `${plan.data.title} (sửa đổi)` })],
      ['topics', (plan) => void (plan.data = { ...plan.data, topics: [plan.data.topics[0]!.toUpperCase(), ...plan.data.topics.slice(1)] })],
      ['body', (plan) => void (plan.body = `${plan.body}\nĐoạn bổ sung.`)],
    ];
    let changedPages = 0;
    for (const { slug: edited } of catalog.plans) {
      for (const [what, edit] of edits) {
        const content = seedContent();
        edit(content.plans.find((plan) => plan.slug === edited)!);
        const after = buildCatalog(content);
        for (const { slug } of after.plans) {
          const page = before.get(slug)!;
          const view = planPageView(after, slug, ctx, contentRoot);
          if (JSON.stringify(view) === JSON.stringify(page.view) && (slug !== edited || what !== 'body')) continue;
          changedPages += 1;
          expect(planPageKey(after, slug, ctx, contentRoot), `${slug} after the ${what} of ${edited} changed`).not.toBe(page.key);
        }
      }
    }
    // Every edit changes at least the edited plan's page; titles also change the pages that list it as related.
    expect(changedPages).toBeGreaterThan(catalog.plans.length * edits.length);
  });

  it('changes its key with the publish context and the results reports', () => {
    const catalog = seedCatalog();
    const [a] = catalog.plans;
    const key = planPageKey(catalog, a!.slug, ctx, contentRoot);
    expect(planPageKey(catalog, a!.slug, { ...ctx, base: '/' }, contentRoot)).not.toBe(key);
    const withReport = buildCatalog(seedContent());
    withReport.reports = [...(withReport.reports ?? []), { slug: 'bao-cao-them', data: { plans: [a!.slug] } } as never];
    expect(planPageKey(withReport, a!.slug, ctx, contentRoot), 'reports are in every key').not.toBe(key);
  });
});
