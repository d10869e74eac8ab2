import { describe, expect, it } from 'vitest';
import { RELATED_MAX, relatedPlans, relatedReasonText, titleKey } from '../../../src/lib/portal/related-plans';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureCatalog, fixturePlan, fixtureDocument, ref } from './fixture-catalog';

describe('titleKey', () => {
  it('drops the year so the same plan in another year shares the key', () => {
    expect(titleKey('Thực hiện công tác dân vận chính quyền năm 2024')).toBe('thuc hien cong tac dan van chinh quyen nam');
    expect(titleKey('Thực hiện công tác dân vận chính quyền năm 2025')).toBe(titleKey('Thực hiện công tác Dân vận chính quyền năm 2024'));
  });
});

describe('relatedPlans on the seed plans', () => {
  const catalog = seedCatalog();
  const plans = seedContent().plans;

  it('links the same plan title across years, both ways', () => {
    const pairs = plans.flatMap((a) => plans.filter((b) => b.data.year !== a.data.year && titleKey(b.data.title) === titleKey(a.data.title)).map((b) => [a.slug, b.slug]));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) {
      const entry = relatedPlans(catalog, a).find((r) => r.plan.slug === b);
      expect(entry?.reasons.map((r) => r.kind), `${a} → ${b}`).toContain('title');
    }
  });

  it('links plans of the same issuer and never a plan to itself', () => {
    for (const plan of plans) {
      const related = relatedPlans(catalog, plan.slug);
      expect(related.length).toBeLessThanOrEqual(RELATED_MAX);
      expect(related.some((r) => r.plan.slug === plan.slug)).toBe(false);
      const sameIssuer = plans.filter((p) => p.slug !== plan.slug && p.data.issuer === plan.data.issuer);
      for (const other of sameIssuer) expect(related.find((r) => r.plan.slug === other.slug)?.reasons.map((r) => r.kind)).toContain('issuer');
    }
  });
});

describe('relatedPlans ties', () => {
  it('puts the same plan of another year above a merely newer plan of the same issuer', () => {
    const catalog = fixtureCatalog({
      plans: [
        fixturePlan('nam-2024', { title: 'Kế hoạch dân vận năm 2024', year: 2024, issuer: 'co-quan-a' }),
        fixturePlan('nam-2025', { title: 'Kế hoạch dân vận năm 2025', year: 2025, issuer: 'co-quan-b' }),
        fixturePlan('khac', { title: 'Kế hoạch khác', year: 2026, issuer: 'co-quan-a' }),
      ],
    });
    expect(relatedPlans(catalog, 'nam-2024').map((r) => [r.plan.slug, r.reasons.map((x) => x.kind)])).toEqual([
      ['nam-2025', ['title']],
      ['khac', ['issuer']],
    ]);
  });

  it('ranks a shared basis with a shared issuer above a topic-only neighbour', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('1')],
      plans: [
        fixturePlan('a', { basis: [ref('1')] }),
        fixturePlan('b', { basis: [ref('1')], issuedOn: '2024-05-01' }),
        fixturePlan('c', { issuer: 'co-quan-b', issuedOn: '2024-09-01' }),
        fixturePlan('d', { issuer: 'co-quan-b', topics: ['Khác'] }),
      ],
    });
    expect(relatedPlans(catalog, 'a').map((r) => [r.plan.slug, r.reasons.map((x) => x.kind)])).toEqual([
      ['b', ['basis', 'issuer']],
      ['c', ['topic']],
    ]);
    expect(relatedPlans(catalog, 'b')[0].reasons).toEqual([{ kind: 'basis', document: '1' }, { kind: 'issuer', agency: 'co-quan-a' }]);
  });
});

describe('relatedReasonText', () => {
  const catalog = seedCatalog();

  it('names the shared basis document by type and number as the registry writes it', () => {
    expect(relatedReasonText(catalog, { kind: 'basis', document: '33-ct-ttg' })).toBe('Cùng thực hiện Chỉ thị số 33/CT-TTg');
    expect(relatedReasonText(catalog, { kind: 'basis', document: 'khong-co' })).toBe('Cùng căn cứ');
  });

  it('names the shared topic by its label, and the other ties in fixed words', () => {
    const topic = [...catalog.topics.values()][0];
    expect(relatedReasonText(catalog, { kind: 'topic', topic: topic.slug })).toBe(`Cùng chủ đề ${topic.label}`);
    expect(relatedReasonText(catalog, { kind: 'topic', topic: 'khong-co' })).toBe('Cùng chủ đề');
    expect(relatedReasonText(catalog, { kind: 'title' })).toBe('Cùng nội dung, năm khác');
    expect(relatedReasonText(catalog, { kind: 'issuer', agency: catalog.plans[0].data.issuer })).toBe('Cùng cơ quan ban hành');
  });
});
