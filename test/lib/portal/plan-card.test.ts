import { describe, expect, it } from 'vitest';
import { CARD_SUMMARY_MAX, planCardHtml } from '../../../src/lib/portal/plan-card';
import { planCard } from '../../../src/lib/plan-view';
import { seedCatalog } from './seed-catalog';

const catalog = seedCatalog();

describe('planCardHtml', () => {
  it('links the plan, its issuer and its topics under the base path, with number and date', () => {
    const seed = catalog.plans[0]!;
    const plan = { ...seed, data: { ...seed.data, issuedOn: '2024-03-25' } };
    const card = planCard(plan, catalog.agencies);
    const html = planCardHtml(card, { base: '/ke-hoach-mo/' });
    expect(html.startsWith(`<li class="plan-card" data-plan="${plan.slug}"><h3 class="plan-card__title"><a href="/ke-hoach-mo/ke-hoach/${plan.slug}/">`)).toBe(true);
    expect(html).toContain(`<a href="/ke-hoach-mo/co-quan/${plan.data.issuer}/">`);
    expect(html).toContain(`<div><dt>Ngày:</dt><dd><time datetime="2024-03-25">25/3/2024</time></dd></div>`);
    expect(html).toContain(`<dd class="doc-number">${card.number}</dd>`);
    expect(html.match(/class="tag"/g)?.length).toBe(plan.data.topics.length);
    expect(html).not.toContain('plan-card__summary');
  });

  it('prints the summary on request, the date as text when only the year is known, and the heading level asked for', () => {
    const plan = catalog.plans.find((p) => !p.data.issuedOn)!;
    const html = planCardHtml(planCard(plan, catalog.agencies), { base: '/', level: 2, summary: true });
    expect(html).toContain(`<dt>Ngày:</dt><dd>Năm ${plan.data.year}</dd>`);
    expect(html).toContain('<h2 class="plan-card__title">');
    expect(html).toContain('<p class="plan-card__summary">');
  });

  it('cuts a long summary at a word with "…", so that a page of cards stays bounded, and prints a short one whole', () => {
    const plan = catalog.plans.find((p) => p.data.summary.length > CARD_SUMMARY_MAX)!;
    const summaryOf = (summary: string) =>
      /<p class="plan-card__summary">(.*?)<\/p>/.exec(planCardHtml({ ...planCard(plan, catalog.agencies), summary }, { base: '/', summary: true }))![1]!;
    const cut = summaryOf(plan.data.summary);
    expect(cut.length).toBeLessThanOrEqual(CARD_SUMMARY_MAX + 1);
    expect(cut.endsWith('…')).toBe(true);
    expect(plan.data.summary.startsWith(cut.slice(0, -1))).toBe(true);
    expect(plan.data.summary[cut.length - 1]).toMatch(/[\s,;:.]/);
    expect(summaryOf('Kế hoạch ngắn.')).toBe('Kế hoạch ngắn.');
  });

  it('escapes every text', () => {
    const plan = catalog.plans[0]!;
    const card = { ...planCard(plan, catalog.agencies), title: '<script>"x" & y</script>' };
    expect(planCardHtml(card, { base: '/' })).toContain('&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;');
  });
});
