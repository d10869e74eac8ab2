import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog, formatPlanNumber, topicSlugOf, type Catalog } from '../../../src/lib/catalog';
import { slugify } from '../../../src/lib/vn/slug';
import type { Plan } from '../../../src/schemas/plan';

const root = fileURLToPath(new URL('../../../content', import.meta.url));
const content = loadContent(root);
const catalog: Catalog = buildCatalog(content);

describe('buildCatalog on the five seed plans', () => {
  it('loads the real content without problems', () => {
    expect(content.problems).toEqual([]);
    expect(catalog.plans).toHaveLength(5);
  });

  it('orders plans newest first by issue date, falling back to the year', () => {
    const years = catalog.plans.map((p) => p.data.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(catalog.plans[0].slug).toBe('dan-van-chinh-quyen-2025-so-vhttdl-tay-ninh');
    expect(catalog.years).toEqual([2025, 2024, 2023]);
  });

  it('gives each plan its position in that order', () => {
    expect([...catalog.planOrder]).toEqual(catalog.plans.map((p, i) => [p.slug, i]));
  });

  it('has one citation edge per basis and citation entry, with the role', () => {
    const expected = content.plans.reduce((n, p) => n + p.data.basis.length + p.data.citations.length, 0);
    expect(catalog.citations).toHaveLength(expected);
    const basisEdges = catalog.citations.filter((e) => e.role === 'basis');
    expect(basisEdges).toHaveLength(content.plans.reduce((n, p) => n + p.data.basis.length, 0));
  });

  it('lists, for every document, the plans implementing it (basis) newest first, each once', () => {
    let checked = 0;
    for (const view of catalog.documents.values()) {
      const expected = catalog.plans.filter((p) => p.data.basis.some((r) => r.document === view.id)).map((p) => p.slug);
      expect(view.implementedByPlans, view.id).toEqual(expected);
      if (expected.length > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(catalog.documents.get('33-ct-ttg')!.implementedByPlans).toContain('trien-khai-chi-thi-33-ct-ttg-so-tttt-tay-ninh');
  });

  it('gathers every plan citing Chỉ thị 33/CT-TTg, implementers first', () => {
    const doc = catalog.documents.get('33-ct-ttg')!;
    const citing = content.plans
      .filter((p) => [...p.data.basis, ...p.data.citations].some((r) => r.document === '33-ct-ttg'))
      .map((p) => p.slug)
      .sort();
    expect(citing.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(doc.citedBy.map((e) => e.plan))].sort()).toEqual(citing);
    expect(doc.citedBy[0]).toMatchObject({ plan: 'trien-khai-chi-thi-33-ct-ttg-so-tttt-tay-ninh', role: 'basis' });
    // The provincial plan 1243/KH-UBND implements the Chỉ thị: the chain downward.
    expect(doc.implementedByDocuments).toContain('1243-kh-ubnd');
  });

  it('resolves Quy định 11 written two ways to one document cited by three plans', () => {
    const doc = catalog.documents.get('11-qdi-tw-2019')!;
    const spellings = new Set(doc.citedBy.map((e) => e.reference.number));
    expect(spellings).toEqual(new Set(['11-QĐ/TW', '11-QĐi/TW']));
    expect(new Set(doc.citedBy.map((e) => e.plan)).size).toBe(3);
  });

  it('sorts every deadline by date and indexes them by owner', () => {
    const total = content.plans.reduce((n, p) => n + p.data.deadlines.length, 0);
    expect(catalog.deadlines).toHaveLength(total);
    const dates = catalog.deadlines.map((d) => d.deadline.date);
    expect(dates).toEqual([...dates].sort());
    const owned = [...catalog.agencies.values()].reduce((n, a) => n + a.deadlines.length, 0);
    expect(owned).toBe(total);
    const minhTam = content.plans.find((p) => p.slug === 'dan-van-chinh-quyen-2024-ubnd-xa-minh-tam')!;
    expect(minhTam.data.deadlines).toHaveLength(5);
  });

  it("breaks ties of equal dates by the plans' order, then by position, and lists a document's edges basis first, newest plan first", () => {
    // Copies of one plan with the same deadlines and references, issued on other days: every date
    // and every document is shared by all of them, and each copy has two deadlines on one day.
    const base = content.plans.find((p) => p.data.deadlines.length > 1 && p.data.basis.length > 0)!;
    const days = ['2024-05-02', '2023-01-15', '2024-11-30', '2023-07-01', '2024-05-03'];
    const plans = days.map((issuedOn, i) => ({
      slug: `ban-sao-${i}`,
      data: { ...base.data, issuedOn, deadlines: [...base.data.deadlines, base.data.deadlines[0]!], citations: [...base.data.citations, base.data.basis[0]!] } as Plan,
    }));
    const copies = buildCatalog({ plans, agencies: content.agencies, documents: content.documents });
    const order = new Map(copies.plans.map((p, i) => [p.slug, i]));
    const expected = copies.plans
      .flatMap((p) => p.data.deadlines.map((deadline, position) => ({ plan: p.slug, position, date: deadline.date })))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a.plan)! - order.get(b.plan)! || a.position - b.position));
    expect(copies.deadlines.map(({ plan, position }) => [plan, position])).toEqual(expected.map(({ plan, position }) => [plan, position]));
    const doc = copies.documents.get(base.data.basis[0]!.document)!;
    const edges = doc.citedBy.map(({ plan, role, position }) => [role, order.get(plan), position]);
    expect(edges).toEqual([...edges].sort((a, b) => (a[0] === b[0] ? 0 : a[0] === 'basis' ? -1 : 1) || Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2])));
    expect(new Set(edges.map(([role]) => role))).toEqual(new Set(['basis', 'citation']));
  });

  it("keeps each plan's rows by slug: the very rows of the cross-plan lists, at their positions", () => {
    for (const row of catalog.deadlines) expect(catalog.rowsByPlan.get(row.plan)!.deadlines[row.position]).toBe(row);
    for (const row of catalog.targets) expect(catalog.rowsByPlan.get(row.plan)!.targets[row.position]).toBe(row);
    for (const edge of catalog.citations) expect(catalog.rowsByPlan.get(edge.plan)![edge.role === 'basis' ? 'basis' : 'citations'][edge.position]).toBe(edge);
    for (const agency of catalog.agencies.values()) for (const row of agency.assignments) expect(catalog.rowsByPlan.get(row.plan)!.assignments[row.position]).toBe(row);
    expect([...catalog.rowsByPlan.keys()]).toEqual(catalog.plans.map((p) => p.slug));
  });

  it("slugifies each topic label once: every label of a plan has the slug of its topic's page", () => {
    const labels = new Set(catalog.plans.flatMap((p) => p.data.topics));
    expect([...catalog.topicSlugs.keys()].sort()).toEqual([...labels].sort());
    for (const label of labels) {
      expect(topicSlugOf(catalog, label)).toBe(slugify(label));
      expect(catalog.topics.get(topicSlugOf(catalog, label))!.plans.length).toBeGreaterThan(0);
    }
    // A label no plan has is slugified as it comes.
    expect(topicSlugOf(catalog, 'Chuyển đổi số')).toBe('chuyen-doi-so');
  });

  it('links agencies to their parents, children and plans', () => {
    const so = catalog.agencies.get('so-tttt-tay-ninh')!;
    expect(so.ancestors).toEqual(['ubnd-tinh-tay-ninh']);
    expect(so.children).toContain('van-phong-so-tttt-tay-ninh');
    expect(so.plans).toHaveLength(3);
    expect(catalog.agencies.get('ubnd-tinh-tay-ninh')!.children).toContain('so-tttt-tay-ninh');
  });

  it('groups plans by topic under a slug of the label', () => {
    const topic = catalog.topics.get('dan-chu-o-co-so')!;
    expect(topic.label).toBe('Dân chủ ở cơ sở');
    expect(topic.plans).toContain('dan-chu-co-so-2024-so-tttt-tay-ninh');
  });

  it('scales linearly: 10,000 synthetic plans index in seconds, not minutes', () => {
    const base = content.plans[0];
    const plans = Array.from({ length: 10_000 }, (_, i) => ({ slug: `p-${i}`, data: { ...base.data, year: 2000 + (i % 26) } as Plan }));
    const started = performance.now();
    const big = buildCatalog({ plans, agencies: content.agencies, documents: content.documents });
    expect(big.plans).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('formatPlanNumber', () => {
  it('joins số and ký hiệu in the state and Party grammars', () => {
    expect(formatPlanNumber({ number: '859', symbol: 'KH-UBND' })).toBe('859/KH-UBND');
    expect(formatPlanNumber({ number: '110', symbol: 'KH/BDVTU-BCSĐUBND' })).toBe('110-KH/BDVTU-BCSĐUBND');
  });
  it('marks an unnumbered copy and knows when there is no Số line at all', () => {
    expect(formatPlanNumber({ number: null, symbol: 'KH-SVHTTDL' })).toBe('…/KH-SVHTTDL');
    expect(formatPlanNumber({ number: null, symbol: null })).toBeNull();
  });
});

describe('drafts ("dự thảo") stay off the public portal', () => {
  // The real content with one plan turned back into a draft, as the editor saves an import.
  const [draft, ...published] = content.plans;
  const withDraft = buildCatalog({ ...content, plans: [{ ...draft!, data: { ...draft!.data, status: 'dự thảo' } }, ...published] });

  it('leaves the draft out of every list, index and dataset the portal publishes', () => {
    expect(withDraft.plans.map((p) => p.slug)).toEqual(catalog.plans.map((p) => p.slug).filter((s) => s !== draft!.slug));
    expect(withDraft.planBySlug.has(draft!.slug)).toBe(false);
    for (const rows of [withDraft.deadlines, withDraft.targets, withDraft.citations]) expect(rows.some((r) => r.plan === draft!.slug)).toBe(false);
    for (const agency of withDraft.agencies.values()) {
      expect(agency.plans).not.toContain(draft!.slug);
      expect(agency.deadlines.some((r) => r.plan === draft!.slug)).toBe(false);
    }
    for (const doc of withDraft.documents.values()) expect(doc.implementedByPlans).not.toContain(draft!.slug);
  });

  it('still publishes the plans that are issued', () => {
    expect(withDraft.plans).toHaveLength(content.plans.length - 1);
  });
});
