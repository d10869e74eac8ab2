import { describe, expect, it } from 'vitest';
import { agencyLevelLabel } from '../../../src/lib/agency-level';
import { agenciesByLevel, agencyPage, agencyTree, agencyTreeMeta, type AgencyTreeNode } from '../../../src/lib/portal/agencies';
import { seedCatalog, seedContent } from './seed-catalog';
import { fixtureAgency, fixtureCatalog, fixturePlan } from './fixture-catalog';
import { syntheticCatalog } from './synthetic-catalog';

function flatten(nodes: AgencyTreeNode[], parent: string | null = null): { id: string; parent: string | null }[] {
  return nodes.flatMap((n) => [{ id: n.agency.id, parent }, ...flatten(n.children, n.agency.id)]);
}

describe('agencyTree', () => {
  it('places every registry agency once, under its parent', () => {
    const catalog = seedCatalog();
    const flat = flatten(agencyTree(catalog));
    expect(flat.map((n) => n.id).sort()).toEqual([...catalog.agencies.keys()].sort());
    for (const { id, parent } of flat) {
      const declared = catalog.agencies.get(id)!.data.parent;
      expect(parent, id).toBe(declared && catalog.agencies.has(declared) ? declared : null);
    }
  });

  it('survives a parent cycle in bad content', () => {
    const catalog = fixtureCatalog({ agencies: [fixtureAgency('a', { parent: 'b' }), fixtureAgency('b', { parent: 'a' }), fixtureAgency('c')] });
    expect(flatten(agencyTree(catalog)).map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('groups by level without losing anyone', () => {
    const catalog = seedCatalog();
    const groups = agenciesByLevel(catalog);
    expect(groups.reduce((n, g) => n + g.agencies.length, 0)).toBe(catalog.agencies.size);
    for (const g of groups) expect(g.agencies.every((a) => a.data.level === g.level)).toBe(true);
  });
});

describe('agencyPage on the seed content', () => {
  const content = seedContent();

  it('gathers, for every agency, the plans it issued, its duties and the deadlines it owns or receives', () => {
    const catalog = seedCatalog();
    for (const id of catalog.agencies.keys()) {
      const page = agencyPage(catalog, id);
      expect(page.plans.map((p) => p.slug).sort(), id).toEqual(content.plans.filter((p) => p.data.issuer === id).map((p) => p.slug).sort());
      const owned = content.plans.flatMap((p) => p.data.deadlines.filter((d) => d.owner === id).map((d) => `${p.slug} ${d.date} ${d.task}`));
      expect(page.deadlines.map((r) => `${r.plan} ${r.deadline.date} ${r.deadline.task}`).sort(), id).toEqual(owned.sort());
      expect(page.hasDeadlineFeed).toBe(owned.length > 0);
      const received = content.plans.flatMap((p) => p.data.deadlines.filter((d) => d.submitTo === id));
      expect(page.receives.length, id).toBe(received.length);
      const duties = content.plans.flatMap((p) => p.data.assignments.filter((a) => a.unit === id).flatMap((a) => a.duties));
      expect(page.tasks.flatMap((t) => t.duties).sort(), id).toEqual(duties.sort());
      const dates = page.deadlines.map((r) => r.deadline.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('gathers the deadlines of an agency’s units, all levels down', () => {
    const catalog = seedCatalog();
    const below = (id: string): string[] => content.agencies.filter((a) => a.data.parent === id).flatMap((a) => [a.id, ...below(a.id)]);
    let checked = 0;
    for (const id of catalog.agencies.keys()) {
      const units = new Set(below(id));
      const expected = content.plans.flatMap((p) => p.data.deadlines.filter((d) => units.has(d.owner)));
      const page = agencyPage(catalog, id);
      expect(page.unitDeadlines.length, id).toBe(expected.length);
      expect(page.unitDeadlines.every((r) => units.has(r.deadline.owner))).toBe(true);
      // By date, then owner in Vietnamese dictionary order.
      const order = (rows: typeof page.unitDeadlines) => rows.map((r) => `${r.deadline.date} ${r.deadline.owner}`);
      const sorted = [...page.unitDeadlines].sort(
        (a, b) => (a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : new Intl.Collator('vi').compare(a.deadline.owner, b.deadline.owner)),
      );
      expect(order(page.unitDeadlines), id).toEqual(order(sorted));
      // The lists are made once per catalog: a page model's list is its own copy, so changing it
      // leaves the next model as it was.
      page.unitDeadlines.reverse();
      expect(order(agencyPage(catalog, id).unitDeadlines), id).toEqual(order(sorted));
      if (expected.length > 0) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('links a unit to its parent and its parent to it', () => {
    const catalog = seedCatalog();
    const child = content.agencies.find((a) => a.data.parent && catalog.agencies.has(a.data.parent))!;
    expect(agencyPage(catalog, child.id).parent?.id).toBe(child.data.parent);
    expect(agencyPage(catalog, child.data.parent!).children.map((c) => c.id)).toContain(child.id);
    expect(agencyPage(catalog, child.id).ancestors[0].id).toBe(child.data.parent);
  });

  it('refuses an unknown id in Vietnamese', () => {
    expect(() => agencyPage(seedCatalog(), 'khong-co')).toThrow(/Không có cơ quan "khong-co"/);
  });
});

describe('agencyPage lists on a small catalog', () => {
  // Two units whose names sort the other way from their ids: the page lists units by name, their
  // same-day deadlines go by owner.
  const agencies = [fixtureAgency('cha'), fixtureAgency('a-con', { name: 'Phòng Z', parent: 'cha' }), fixtureAgency('b-con', { name: 'Phòng A', parent: 'cha' })];
  const deadline = (owner: string, date: string) => ({ date, task: `Báo cáo của ${owner}`, owner });
  const catalog = fixtureCatalog({
    agencies,
    plans: [
      fixturePlan('cu', { issuer: 'cha', issuedOn: '2024-01-05', assignments: [{ unit: 'a-con', duties: ['Việc cũ'] }], deadlines: [deadline('b-con', '2024-06-30')] }),
      fixturePlan('moi', {
        issuer: 'cha',
        issuedOn: '2024-03-05',
        assignments: [
          { unit: 'a-con', duties: ['Việc một'] },
          { unit: 'b-con', duties: ['Việc khác'] },
          { unit: 'a-con', duties: ['Việc hai', 'Việc ba'] },
        ],
        deadlines: [deadline('b-con', '2024-06-30'), deadline('a-con', '2024-06-30'), deadline('a-con', '2024-05-31')],
      }),
    ],
  });

  it("joins a plan's duties for a unit under that plan, newest plan first", () => {
    expect(agencyPage(catalog, 'a-con').tasks.map((task) => [task.plan.slug, task.duties])).toEqual([
      ['moi', ['Việc một', 'Việc hai', 'Việc ba']],
      ['cu', ['Việc cũ']],
    ]);
  });

  it("orders the units' deadlines by date, then owner, then plan", () => {
    expect(catalog.agencies.get('cha')!.children, 'units by name').toEqual(['b-con', 'a-con']);
    expect(agencyPage(catalog, 'cha').unitDeadlines.map((row) => `${row.deadline.date} ${row.deadline.owner} ${row.plan}`)).toEqual([
      '2024-05-31 a-con moi',
      '2024-06-30 a-con moi',
      '2024-06-30 b-con moi',
      '2024-06-30 b-con cu',
    ]);
  });
});

describe('agencyPage on 400 plans', () => {
  const catalog = syntheticCatalog(400);
  const all = (id: string) => agencyPage(catalog, id, Number.MAX_SAFE_INTEGER);

  it("gives each agency's duties by plan, newest plan first, as grouping its assignments by plan and sorting the plans would", () => {
    let grouped = 0;
    for (const [id, agency] of catalog.agencies) {
      const byPlan = new Map<string, string[]>();
      for (const row of agency.assignments) byPlan.set(row.plan, [...(byPlan.get(row.plan) ?? []), ...row.assignment.duties]);
      const expected = [...byPlan].sort((a, b) => catalog.planOrder.get(a[0])! - catalog.planOrder.get(b[0])!);
      expect(all(id).tasks.map((task) => [task.plan.slug, task.duties]), id).toEqual(expected);
      grouped += expected.filter(([, duties]) => duties.length > 1).length;
    }
    expect(grouped, 'some plan gives a unit more than one duty').toBeGreaterThan(0);
  });

  it("gives each agency's unit deadlines as a stable sort of its units' deadlines by date, then owner in dictionary order", () => {
    const collator = new Intl.Collator('vi');
    let ties = 0;
    for (const [id] of catalog.agencies) {
      const got = all(id).unitDeadlines;
      const expected = [...got]
        .sort((a, b) => catalog.planOrder.get(a.plan)! - catalog.planOrder.get(b.plan)! || a.position - b.position)
        .sort((a, b) => (a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : collator.compare(a.deadline.owner, b.deadline.owner)));
      expect(got.map((row) => `${row.plan}#${row.position}`), id).toEqual(expected.map((row) => `${row.plan}#${row.position}`));
      ties += got.filter((row, i) => i > 0 && row.deadline.date === got[i - 1]!.deadline.date && row.deadline.owner !== got[i - 1]!.deadline.owner).length;
    }
    expect(ties, 'some day has deadlines of two units').toBeGreaterThan(0);
  });
});

describe('agencyLevelLabel', () => {
  it('names every level of the schema, and passes an unknown one through', async () => {
    const { agencyLevels } = await import('../../../src/schemas/agency');
    
    for (const level of agencyLevels) expect(agencyLevelLabel(level)).not.toBe(level);
    expect(agencyLevelLabel('khác')).toBe('khác');
  });
});

describe('agencyPage caps its lists', () => {
  it('keeps the newest plans and the latest deadlines, with the totals', () => {
    const catalog = seedCatalog();
    const issuer = [...catalog.agencies.values()].find((a) => a.plans.length >= 2)!;
    const page = agencyPage(catalog, issuer.id, 1);
    expect(page.plans.map((p) => p.slug)).toEqual([issuer.plans[0]]);
    expect(page.totals.plans).toBe(issuer.plans.length);
    const owner = [...catalog.agencies.values()].find((a) => a.deadlines.length >= 2)!;
    const capped = agencyPage(catalog, owner.id, 1);
    expect(capped.deadlines).toEqual([owner.deadlines.at(-1)]);
    expect(capped.totals.deadlines).toBe(owner.deadlines.length);
    expect(capped.hasDeadlineFeed).toBe(true);
    const full = agencyPage(catalog, owner.id);
    expect(capped.tasks.length).toBe(Math.min(1, full.tasks.length));
    expect(capped.totals.tasks).toBe(full.tasks.length);
  });

  it('holds every seed list whole under the default cap', () => {
    const catalog = seedCatalog();
    for (const id of catalog.agencies.keys()) {
      const page = agencyPage(catalog, id);
      expect(page.plans.length).toBe(page.totals.plans);
      expect(page.deadlines.length + page.unitDeadlines.length + page.receives.length).toBe(page.totals.deadlines + page.totals.unitDeadlines + page.totals.receives);
    }
  });
});

describe('agencyTreeMeta', () => {
  const [agency] = seedCatalog().agencies.values();
  const level = agencyLevelLabel(agency.data.level);

  it('reads the level, then only the counts that are not zero', () => {
    expect(agencyTreeMeta({ agency, planCount: 0, deadlineCount: 0 })).toBe(level);
    expect(agencyTreeMeta({ agency, planCount: 2, deadlineCount: 0 })).toBe(`${level}; 2 kế hoạch`);
    expect(agencyTreeMeta({ agency, planCount: 0, deadlineCount: 5 })).toBe(`${level}; 5 thời hạn`);
    expect(agencyTreeMeta({ agency, planCount: 2, deadlineCount: 5 })).toBe(`${level}; 2 kế hoạch · 5 thời hạn`);
  });
});

describe('agencyPage showPlans', () => {
  it('shows the plans panel for an issuer, and for an agency with nothing else, but not for a busy unit that issues nothing', () => {
    const catalog = seedCatalog();
    let busyUnits = 0;
    for (const id of catalog.agencies.keys()) {
      const page = agencyPage(catalog, id);
      const busy = page.totals.tasks + page.totals.deadlines + page.totals.unitDeadlines > 0;
      expect(page.showPlans, id).toBe(page.totals.plans > 0 || !busy);
      if (busy && page.totals.plans === 0) busyUnits++;
    }
    // The seed content has units that only receive duties (the case the rule exists for).
    expect(busyUnits).toBeGreaterThan(0);
  });
});
