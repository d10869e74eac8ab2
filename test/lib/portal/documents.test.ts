import { describe, expect, it } from 'vitest';
import {
  documentUsageText,
  capChain,
  countChain,
  documentPage,
  documentSearchPath,
  documentsByType,
  downwardChain,
  officialTextUrl,
  referencingPlans,
  upwardChain,
  type ChainNode,
} from '../../../src/lib/portal/documents';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureCatalog, fixtureDocument, fixturePlan, ref } from './fixture-catalog';
import { syntheticCatalog } from './synthetic-catalog';

/** Plans of the real content whose basis (or citations) name a document, read straight from the files. */
function plansReferencing(id: string, role: 'basis' | 'citations'): string[] {
  return seedContent()
    .plans.filter((plan) => plan.data[role].some((reference) => reference.document === id))
    .map((plan) => plan.slug);
}

function ids(nodes: ChainNode[], kind: ChainNode['kind']): string[] {
  return nodes.flatMap((node) => [...(node.kind === kind ? [node.kind === 'document' ? node.id : node.slug] : []), ...ids(node.children, kind)]);
}

describe('referencingPlans on the seed plans', () => {
  it('lists exactly the plans implementing and citing Chỉ thị 33/CT-TTg, by role', () => {
    const catalog = seedCatalog();
    const { basis, citation } = referencingPlans(catalog, '33-ct-ttg');
    expect(basis.map((r) => r.plan.slug).sort()).toEqual(plansReferencing('33-ct-ttg', 'basis').sort());
    expect(citation.map((r) => r.plan.slug).sort()).toEqual(plansReferencing('33-ct-ttg', 'citations').sort());
    expect(new Set([...basis, ...citation].map((r) => r.plan.slug)).size).toBeGreaterThanOrEqual(2);
  });

  it('puts Quy định 11 under one id with both spellings the plans use', () => {
    const { basis, citation } = referencingPlans(seedCatalog(), '11-qdi-tw-2019');
    const all = [...basis, ...citation];
    const expected = new Set([...plansReferencing('11-qdi-tw-2019', 'basis'), ...plansReferencing('11-qdi-tw-2019', 'citations')]);
    expect(new Set(all.map((r) => r.plan.slug))).toEqual(expected);
    expect(expected.size).toBe(3);
    expect(new Set(all.flatMap((r) => r.writtenAs))).toEqual(new Set(['11-QĐ/TW', '11-QĐi/TW']));
  });

  it('orders each role newest plan first and lists a plan once per role', () => {
    const catalog = seedCatalog();
    const rank = new Map(catalog.plans.map((p, i) => [p.slug, i]));
    for (const id of catalog.documents.keys()) {
      for (const list of Object.values(referencingPlans(catalog, id))) {
        const order = list.map((r) => rank.get(r.plan.slug)!);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(order.length);
      }
    }
  });

  it('returns empty lists for an unknown document', () => {
    expect(referencingPlans(seedCatalog(), 'khong-co')).toEqual({ basis: [], citation: [] });
  });

  it('lists a plan naming the document twice in one role once, with both spellings, newest plan first', () => {
    const twice = (id: string) => [ref(id), { ...ref(id), number: `${id}/KH.UBND` }];
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('d')],
      plans: [
        fixturePlan('cu', { issuedOn: '2024-01-05', basis: twice('d'), citations: [ref('d'), ref('d')] }),
        fixturePlan('moi', { issuedOn: '2024-03-05', basis: twice('d') }),
      ],
    });
    const { basis, citation } = referencingPlans(catalog, 'd');
    const rows = (list: typeof basis) => list.map((row) => [row.plan.slug, row.writtenAs, row.references.length]);
    expect(rows(basis)).toEqual([
      ['moi', ['d/KH-UBND', 'd/KH.UBND'], 2],
      ['cu', ['d/KH-UBND', 'd/KH.UBND'], 2],
    ]);
    expect(rows(citation)).toEqual([['cu', ['d/KH-UBND'], 2]]);
  });

  it('gives, for every document of 400 plans, what grouping the edges by plan and sorting the plans newest first gives', () => {
    const catalog = syntheticCatalog(400);
    const order = catalog.planOrder;
    let rows = 0;
    for (const [id, view] of catalog.documents) {
      const expected = { basis: new Map<string, { plan: string; writtenAs: string[]; references: unknown[] }>(), citation: new Map<string, { plan: string; writtenAs: string[]; references: unknown[] }>() };
      for (const edge of view.citedBy) {
        const entry = expected[edge.role].get(edge.plan) ?? { plan: edge.plan, writtenAs: [], references: [] };
        if (!entry.writtenAs.includes(edge.reference.number)) entry.writtenAs.push(edge.reference.number);
        entry.references.push(edge.reference);
        expected[edge.role].set(edge.plan, entry);
      }
      const got = referencingPlans(catalog, id);
      for (const role of ['basis', 'citation'] as const) {
        const sorted = [...expected[role].values()].sort((a, b) => order.get(a.plan)! - order.get(b.plan)!);
        expect(got[role].map((row) => ({ plan: row.plan.slug, writtenAs: row.writtenAs, references: row.references })), `${id} ${role}`).toEqual(sorted);
        rows += sorted.length;
      }
    }
    expect(rows).toBeGreaterThan(400);
  });
});

describe('documentsByType', () => {
  it('groups every registry document once, legal weight first, newest first inside a type', () => {
    const catalog = seedCatalog();
    const groups = documentsByType(catalog);
    expect(groups.reduce((n, g) => n + g.documents.length, 0)).toBe(catalog.documents.size);
    for (const group of groups) {
      expect(group.documents.every((d) => d.data.type === group.type)).toBe(true);
      const dates = group.documents.map((d) => d.data.date ?? `${d.data.year}-00-00`);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    const types = groups.map((g) => g.type);
    if (types.includes('Luật') && types.includes('Quyết định')) expect(types.indexOf('Luật')).toBeLessThan(types.indexOf('Quyết định'));
  });
});

describe('the implementation chain', () => {
  it('goes upward through the whole registry basis closure of every seed document', () => {
    const catalog = seedCatalog();
    for (const [id, view] of catalog.documents) {
      const closure = new Set<string>();
      const queue = [...view.data.basis, ...(view.plan ? catalog.planBySlug.get(view.plan)!.data.basis.map((r) => r.document) : [])];
      while (queue.length) {
        const next = queue.shift()!;
        if (closure.has(next) || next === id || !catalog.documents.has(next)) continue;
        closure.add(next);
        const parent = catalog.documents.get(next)!;
        queue.push(...parent.data.basis, ...(parent.plan ? catalog.planBySlug.get(parent.plan)!.data.basis.map((r) => r.document) : []));
      }
      expect(new Set(ids(upwardChain(catalog, id), 'document')), id).toEqual(closure);
    }
  });

  it('shows the Sở plan implementing the provincial plan that implements Chỉ thị 33 below the Chỉ thị', () => {
    const catalog = seedCatalog();
    const provincial = [...catalog.documents.values()].filter((d) => d.data.basis.includes('33-ct-ttg')).map((d) => d.id);
    const expectedPlans = new Set([...plansReferencing('33-ct-ttg', 'basis'), ...provincial.flatMap((id) => plansReferencing(id, 'basis'))]);
    const chain = downwardChain(catalog, '33-ct-ttg');
    expect(new Set(ids(chain, 'document'))).toEqual(new Set(provincial));
    expect(new Set(ids(chain, 'plan'))).toEqual(expectedPlans);
    expect(expectedPlans.size).toBeGreaterThan(0);
  });

  it('stays finite on a basis cycle and lists each document once', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('1', { basis: ['2'] }), fixtureDocument('2', { basis: ['3'] }), fixtureDocument('3', { basis: ['1', '2'] })],
    });
    const up = upwardChain(catalog, '1');
    // 1 → 2 → 3 → (1, the start, and 2 again): the repeats are left out.
    expect(ids(up, 'document')).toEqual(['2', '3']);
    expect(countChain(up)).toBe(2);
    // 2 is implemented by 1 and 3 directly; 3 also implements 1 but is already listed one level up.
    const down = downwardChain(catalog, '2');
    expect(ids(down, 'document')).toEqual(['1', '3']);
    expect(down.map((n) => n.children.length)).toEqual([0, 0]);
    expect(countChain(down)).toBe(2);
  });

  it('lists a plan once even when it implements the document directly and through another', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('10', { type: 'Chỉ thị' }), fixtureDocument('20', { basis: ['10'] })],
      plans: [fixturePlan('ke-hoach-a', { basis: [ref('10'), ref('20')] })],
    });
    const chain = downwardChain(catalog, '10');
    expect(ids(chain, 'plan')).toEqual(['ke-hoach-a']);
    expect(countChain(chain)).toBe(2);
  });

  it('continues below a plan that is itself a registry document', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('10', { type: 'Chỉ thị' }), fixtureDocument('20', { plan: 'ke-hoach-tinh' })],
      plans: [fixturePlan('ke-hoach-tinh', { basis: [ref('10')] }), fixturePlan('ke-hoach-so', { basis: [ref('20')] })],
    });
    const [node] = downwardChain(catalog, '10');
    expect(node).toMatchObject({ kind: 'document', id: '20', plan: 'ke-hoach-tinh' });
    expect(node.children).toEqual([{ kind: 'plan', slug: 'ke-hoach-so', children: [] }]);
    // Upward from the Sở plan's document side: 20 (the provincial plan) implements 10 through its plan's basis.
    expect(ids(upwardChain(catalog, '20'), 'document')).toEqual(['10']);
  });
});

describe('officialTextUrl', () => {
  it('forms the vbpl.vn search for a central legal document from its number', () => {
    expect(officialTextUrl({ type: 'Chỉ thị', number: '33/CT-TTg', issuer: 'Thủ tướng Chính phủ' })).toBe(
      'https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=33%2FCT-TTg',
    );
    expect(officialTextUrl({ type: 'Nghị định', number: '59/2023/NĐ-CP', issuer: 'Chính phủ' })).toMatch(/Keyword=59%2F2023%2FN%C4%90-CP$/);
    expect(officialTextUrl({ type: 'Luật', number: '10/2022/QH15', issuer: 'Quốc hội' })).not.toBeNull();
    expect(officialTextUrl({ type: 'Quyết định', number: '319/QĐ-BNV', issuer: 'Bộ Nội vụ' })).not.toBeNull();
  });

  it('gives none for Party documents, local plans and công văn', () => {
    expect(officialTextUrl({ type: 'Quy định', number: '11-QĐi/TW', issuer: 'Bộ Chính trị' })).toBeNull();
    expect(officialTextUrl({ type: 'Chỉ thị', number: '18-CT/TW', issuer: 'Ban Bí thư' })).toBeNull();
    expect(officialTextUrl({ type: 'Kế hoạch', number: '859/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh' })).toBeNull();
    expect(officialTextUrl({ type: 'Quyết định', number: '2631/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh' })).toBeNull();
    expect(officialTextUrl({ type: 'Công văn', number: '1432/BNV-CTTN', issuer: 'Bộ Nội vụ' })).toBeNull();
  });

  it('links every seed Chỉ thị of the Thủ tướng and no Party document of the registry', () => {
    for (const view of seedCatalog().documents.values()) {
      const url = officialTextUrl(view.data);
      if (view.data.issuer === 'Thủ tướng Chính phủ' && view.data.type === 'Chỉ thị') expect(url, view.id).not.toBeNull();
      if (/^\d+-/.test(view.data.number)) expect(url, view.id).toBeNull();
    }
  });
});

describe('documentPage', () => {
  it('holds every plan citing Quy định 11 and Chỉ thị 33 (far below the cap), the same as referencingPlans', () => {
    const catalog = seedCatalog();
    for (const id of ['11-qdi-tw-2019', '33-ct-ttg']) {
      const model = documentPage(catalog, id)!;
      const full = referencingPlans(catalog, id);
      for (const role of ['basis', 'citation'] as const) {
        expect(model.referencing[role].items).toEqual(full[role]);
        expect(model.referencing[role].capped).toBe(false);
      }
      expect(model.down.nodes).toEqual(downwardChain(catalog, id));
    }
    expect(documentPage(catalog, 'khong-co')).toBeUndefined();
  });

  it('caps each role at the newest plans and links to a search for the number', () => {
    const catalog = fixtureCatalog({
      plans: ['a', 'b', 'c'].map((slug, i) => fixturePlan(slug, { issuedOn: `2024-0${i + 1}-01`, basis: [ref('1')] })),
      documents: [fixtureDocument('1', { number: '33/CT-TTg' })],
    });
    const model = documentPage(catalog, '1', 2, 2)!;
    expect(model.referencing.basis.items.map((r) => r.plan.slug)).toEqual(['c', 'b']);
    expect(model.referencing.basis.total).toBe(3);
    expect(model.referencing.basis.capped).toBe(true);
    expect(model.down.total).toBe(3);
    expect(countChain(model.down.nodes)).toBe(2);
    expect(model.searchPath).toBe('tim-kiem/?q=33%2FCT-TTg');
  });
});

describe('capChain', () => {
  it('keeps the first nodes in reading order, depth first', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('1'), fixtureDocument('2', { basis: ['1'] }), fixtureDocument('3', { basis: ['2'] }), fixtureDocument('4', { basis: ['1'] })],
    });
    const down = downwardChain(catalog, '1');
    expect(countChain(down)).toBe(3);
    const cut = capChain(down, 2);
    expect(cut).toMatchObject({ total: 3, capped: true });
    expect(ids(cut.nodes, 'document')).toEqual(ids(down, 'document').slice(0, 2));
    expect(capChain(down, 3)).toEqual({ nodes: down, total: 3, capped: false });
  });
});

describe('documentSearchPath', () => {
  it('searches the number as written', () => {
    expect(documentSearchPath('11-QĐi/TW')).toBe(`tim-kiem/?q=${encodeURIComponent('11-QĐi/TW')}`);
  });
});

describe('documentUsageText', () => {
  it('counts each plan referencing Chỉ thị 33/CT-TTg once, whether it cites or implements it', () => {
    const catalog = seedCatalog();
    const plans = seedContent().plans.filter((p) => [...p.data.basis, ...p.data.citations].some((r) => r.document === '33-ct-ttg'));
    expect(plans.length).toBeGreaterThanOrEqual(2);
    expect(documentUsageText(catalog.documents.get('33-ct-ttg')!)).toBe(`${plans.length} kế hoạch trên cổng`);
  });

  it('says a document only other documents name is not used by any plan here', () => {
    const catalog = fixtureCatalog({
      documents: [fixtureDocument('goc'), fixtureDocument('con', { basis: ['goc'] })],
      plans: [fixturePlan('a', { basis: [ref('con')], citations: [ref('con')] })],
    });
    expect(documentUsageText(catalog.documents.get('goc')!)).toBe('chỉ được văn bản khác nêu');
    expect(documentUsageText(catalog.documents.get('con')!)).toBe('1 kế hoạch trên cổng');
  });
});
