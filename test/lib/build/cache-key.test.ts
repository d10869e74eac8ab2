import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog';
import { catalogFingerprint, planDigest, planKey, renderKey } from '../../../src/lib/build/cache-key';
import { agencyListPageKey, agencyPageKey, documentListPageKey, documentPageKey, documentTypePageKey, planListKey } from '../../../src/lib/build/page-keys';
import { planListPages, planListText } from '../../../src/lib/portal/plan-filters';
import { DOCUMENT_CHAIN_MAX, documentListPages, documentPage, documentsByType, documentTypePath, documentUsageText } from '../../../src/lib/portal/documents';
import { paginate } from '../../../src/lib/portal/pagination';
import { deadlineYearPageLinks, deadlineYearPages } from '../../../src/lib/portal/deadlines';
import { seedContent } from '../portal/seed-catalog';
import { syntheticPlans } from '../portal/synthetic-catalog';
import type { Catalog } from '../../../src/lib/catalog/build';
import { agencyPage } from '../../../src/lib/portal/agencies';
import { AGENCY_RECORD_PLANS, agencyRecord } from '../../../src/lib/portal/reports';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const load = () => buildCatalog(loadContent(join(root, 'content')));

const catalog = load();
const [first, second] = catalog.plans;

describe('renderKey on the seed plans', () => {
  it('is the same for the same page model, and differs when anything shown differs', () => {
    const page = { title: 'Kế hoạch', rows: [{ label: 'Năm', value: 2024 }], flags: new Set(['a']) };
    expect(renderKey(catalog, page)).toBe(renderKey(catalog, structuredClone(page)));
    expect(renderKey(catalog, { ...page, title: 'Kế hoạch mở' })).not.toBe(renderKey(catalog, page));
    expect(renderKey(catalog, { ...page, rows: [{ label: 'Năm', value: 2025 }] })).not.toBe(renderKey(catalog, page));
    expect(renderKey(catalog, { ...page, flags: new Set(['b']) })).not.toBe(renderKey(catalog, page));
    expect(renderKey(catalog, new Map([['a', 1]]))).not.toBe(renderKey(catalog, new Map([['a', 2]])));
    expect(renderKey(catalog, 'a', 'b')).not.toBe(renderKey(catalog, 'ab'));
    expect(renderKey(catalog, page)).toMatch(/^[\w-]{43}$/);
  });

  it('hashes a plan entry as its digest: a list of plans changes with any plan in it', () => {
    expect(renderKey(catalog, [first, second])).toBe(renderKey(catalog, [first, second]));
    expect(renderKey(catalog, [first, second])).not.toBe(renderKey(catalog, [second, first]));
    const edited = load();
    const plan = edited.plans[0]!;
    plan.body = `${plan.body}\nĐoạn bổ sung.`;
    expect(planDigest(edited, plan)).not.toBe(planDigest(catalog, first!));
    expect(renderKey(edited, [plan])).not.toBe(renderKey(catalog, [first]));
  });

  it('adds the digest of the plan a row names by `plan` or `slug`, wherever the row appears', () => {
    const row = { plan: first!.slug, label: 'Hạn' };
    const edited = load();
    edited.plans[0]!.data = { ...edited.plans[0]!.data, title: `${edited.plans[0]!.data.title} (sửa đổi)` };
    expect(renderKey(edited, { rows: [row] })).not.toBe(renderKey(catalog, { rows: [row] }));
    expect(renderKey(edited, { rows: [{ slug: first!.slug }] })).not.toBe(renderKey(catalog, { rows: [{ slug: first!.slug }] }));
    // The same row twice, and a row holding another: both still hashed whole.
    const nested = { plan: first!.slug, child: { plan: second!.slug, note: 'x' } };
    expect(renderKey(catalog, [nested, nested])).not.toBe(renderKey(catalog, [nested, { ...nested, child: { ...nested.child, note: 'y' } }]));
    expect(renderKey(catalog, [row, row])).not.toBe(renderKey(catalog, [row, { ...row, label: 'Khác' }]));
  });

  it('hashes a row of the catalog as its kind, position and plan: equal across builds, changed with its plan', () => {
    const rowsOf = (built: typeof catalog): Record<string, object[]> => ({
      deadlines: built.deadlines,
      targets: built.targets,
      citations: built.citations,
      assignments: [...built.agencies.values()].flatMap((agency) => agency.assignments),
    });
    const rebuilt = load();
    for (const [kind, rows] of Object.entries(rowsOf(catalog))) {
      expect(rows.length, kind).toBeGreaterThan(0);
      expect(renderKey(rebuilt, rowsOf(rebuilt)[kind]), kind).toBe(renderKey(catalog, rows));
      // A copy is not the catalog's row: hashed whole, it comes to another key, which only costs a render.
      expect(renderKey(catalog, rows.map((row) => ({ ...row }))), kind).not.toBe(renderKey(catalog, rows));
      // Nor is a row of another catalog, though equal: it is hashed whole too.
      expect(renderKey(catalog, rowsOf(rebuilt)[kind]), kind).toBe(renderKey(catalog, rows.map((row) => ({ ...row }))));
    }
    // A plan's own item on its own is hashed whole: equal across builds, and a copy is the same item.
    const items = (built: typeof catalog) => [...built.deadlines.map((row) => row.deadline), ...built.targets.map((row) => row.target), ...built.citations.map((edge) => edge.reference)];
    expect(renderKey(rebuilt, items(rebuilt))).toBe(renderKey(catalog, items(catalog)));
    expect(renderKey(catalog, items(catalog).map((item) => ({ ...item })))).toBe(renderKey(catalog, items(catalog)));
    const plan = catalog.deadlines[0]!.plan;
    const content = loadContent(join(root, 'content'));
    const entry = content.plans.find((candidate) => candidate.slug === plan)!;
    entry.data = { ...entry.data, deadlines: entry.data.deadlines.map((deadline) => ({ ...deadline, task: `${deadline.task} (sửa)` })) };
    const edited = buildCatalog(content);
    const row = (built: typeof catalog) => built.deadlines.find((candidate) => candidate.plan === plan && candidate.position === 0)!;
    expect(renderKey(edited, row(edited))).not.toBe(renderKey(catalog, row(catalog)));
    expect(renderKey(edited, row(edited).deadline)).not.toBe(renderKey(catalog, row(catalog).deadline));
    expect(renderKey(catalog, row(catalog).deadline)).not.toBe(renderKey(catalog, row(catalog)));
    expect(renderKey(catalog, [row(catalog)])).not.toBe(renderKey(catalog, [catalog.deadlines.find((other) => other.plan === plan && other.position === 1) ?? catalog.targets[0]]));
  });

  it('changes with the agency registry, which every page prints names from', () => {
    const content = loadContent(join(root, 'content'));
    const agency = content.agencies[0]!;
    agency.data = { ...agency.data, name: `${agency.data.name} (mới)` };
    expect(renderKey(buildCatalog(content), 'x')).not.toBe(renderKey(catalog, 'x'));
  });

  it('refuses a circular model', () => {
    const page: Record<string, unknown> = { title: 'x' };
    page.self = page;
    expect(() => renderKey(catalog, page)).toThrow(/circular/);
  });
});

describe('planKey', () => {
  it("is renderKey's key of a plan and text, for every seed plan: keys kept by earlier builds stay valid", () => {
    for (const plan of catalog.plans) {
      expect(planKey(catalog, plan, 'https://ubnd.tayninh.gov.vn', '/'), plan.slug).toBe(renderKey(catalog, plan, 'https://ubnd.tayninh.gov.vn', '/'));
    }
    expect(planKey(catalog, first!, 'a', 'b')).not.toBe(planKey(catalog, first!, 'ab'));
    expect(planKey(catalog, first!, 'x')).not.toBe(planKey(catalog, second!, 'x'));
  });

  it('changes with the plan, and keys a plan that is not the catalog\'s as renderKey does', () => {
    const edited = load();
    const plan = edited.plans[0]!;
    plan.body = `${plan.body}\nĐoạn bổ sung.`;
    expect(planKey(edited, plan, 'x')).not.toBe(planKey(catalog, first!, 'x'));
    const copy = structuredClone(first!);
    expect(planKey(catalog, copy, 'x')).toBe(renderKey(catalog, copy, 'x'));
    expect(planKey(catalog, copy, 'x'), 'a copy is hashed whole, not as the catalog\'s plan').not.toBe(planKey(catalog, first!, 'x'));
  });
});

describe('catalogFingerprint', () => {
  it('is the same for the same content read twice, and changes with any plan or registry entry', () => {
    expect(catalogFingerprint(load())).toBe(catalogFingerprint(catalog));
    const body = load();
    body.plans[1]!.body = `${body.plans[1]!.body}\nĐoạn bổ sung.`;
    expect(catalogFingerprint(body)).not.toBe(catalogFingerprint(catalog));
    const agency = load();
    const [id, entry] = [...agency.agencies][0]!;
    agency.agencies.set(id, { ...entry, data: { ...entry.data, name: `${entry.data.name} (mới)` } });
    expect(catalogFingerprint(agency)).not.toBe(catalogFingerprint(catalog));
    const fewer = load();
    fewer.planBySlug.delete(fewer.plans.at(-1)!.slug);
    expect(catalogFingerprint(fewer)).not.toBe(catalogFingerprint(catalog));
  });
});

describe('agencyPageKey', () => {
  /**
   * The seed plans, plus copies of one agency's plan (older each), so that it has more plans than its
   * page lists; the copies give it no duty or deadline, so only the plan list and the record show them.
   */
  function withManyPlans(change?: (plans: ReturnType<typeof loadContent>['plans']) => void) {
    const content = loadContent(join(root, 'content'));
    const model = content.plans.find((plan) => plan.data.targets.length > 0)!;
    for (let i = 1; i <= AGENCY_RECORD_PLANS + 5; i++) {
      // Older and older: 2001-01-25 down to 2001-01-01.
      const issuedOn = `2001-01-${String(AGENCY_RECORD_PLANS + 6 - i).padStart(2, '0')}`;
      content.plans.push({ ...model, slug: `${model.slug}-ban-sao-${i}`, data: { ...model.data, title: `${model.data.title} (bản sao ${i})`, issuedOn, year: 2001, deadlines: [], assignments: [] } });
    }
    change?.(content.plans);
    return { catalog: buildCatalog(content), issuer: model.data.issuer, oldest: `${model.slug}-ban-sao-${AGENCY_RECORD_PLANS + 5}` };
  }

  it('changes when a plan the page does not list changes a total it prints', () => {
    const before = withManyPlans();
    const page = agencyPage(before.catalog, before.issuer);
    expect(page.plans.map((plan) => plan.slug), 'the oldest copy is not listed').not.toContain(before.oldest);
    const after = withManyPlans((plans) => {
      const plan = plans.find((p) => p.slug === before.oldest)!;
      plan.data = { ...plan.data, targets: [...plan.data.targets, { ...plan.data.targets[0]! }] };
    });
    expect(agencyRecord(after.catalog, after.issuer).totals.targets).toBe(agencyRecord(before.catalog, before.issuer).totals.targets + 1);
    expect(agencyPageKey(after.catalog, after.issuer)).not.toBe(agencyPageKey(before.catalog, before.issuer));
  });
});

describe("the keys of an agency's duties", () => {
  /** The plans an agency page shows other than by duties: those it lists, and those its deadline rows come from. */
  const shownOtherwise = (page: ReturnType<typeof agencyPage>) => new Set([...page.plans.map((plan) => plan.slug), ...[...page.deadlines, ...page.unitDeadlines, ...page.receives].map((row) => row.plan)]);

  /** An agency with duties in a plan that reaches its page by those duties only, and the catalog with one more such duty. */
  function dutyRewritten() {
    const built = load();
    const [id, task] = [...built.agencies.keys()].flatMap((agency) => {
      const page = agencyPage(built, agency);
      return page.tasks.filter((t) => !shownOtherwise(page).has(t.plan.slug)).map((t) => [agency, t] as const);
    })[0]!;
    const content = loadContent(join(root, 'content'));
    const entry = content.plans.find((plan) => plan.slug === task.plan.slug)!;
    const at = entry.data.assignments.findIndex((assignment) => assignment.unit === id);
    const assignments = entry.data.assignments.map((assignment, i) => (i === at ? { ...assignment, duties: [...assignment.duties, 'Nhiệm vụ bổ sung của phép thử.'] } : assignment));
    entry.data = { ...entry.data, assignments };
    return { id, slug: task.plan.slug, before: built, after: buildCatalog(content) };
  }
  const taskPage = (catalog: ReturnType<typeof load>, id: string) => ({
    agency: catalog.agencies.get(id)!,
    kind: 'nhiem-vu' as const,
    firstPagePath: `co-quan/${id}/nhiem-vu/`,
    slice: paginate(agencyPage(catalog, id).tasks, 1)[0]!,
  });

  it('change the agency page and its duty list page when a listed plan gives the agency a duty more', () => {
    const { id, slug, before, after } = dutyRewritten();
    expect(agencyPage(after, id).tasks.find((task) => task.plan.slug === slug)!.duties).toContain('Nhiệm vụ bổ sung của phép thử.');
    expect(shownOtherwise(agencyPage(before, id)).has(slug), 'the plan is on the page by its duties only').toBe(false);
    expect(agencyPageKey(load(), id)).toBe(agencyPageKey(before, id));
    expect(agencyPageKey(after, id)).not.toBe(agencyPageKey(before, id));
    expect(taskPage(before, id).slice.items[0]!.plan.slug).toBe(slug);
    const again = load();
    expect(agencyListPageKey(again, taskPage(again, id))).toBe(agencyListPageKey(before, taskPage(before, id)));
    expect(agencyListPageKey(after, taskPage(after, id))).not.toBe(agencyListPageKey(before, taskPage(before, id)));
  });
});

describe('planListKey', () => {
  /** The first page of the plans of the seeds' oldest year: a year filter, as /ke-hoach/nam/{year}/ shows it. */
  const yearPage = (catalog: ReturnType<typeof load>) => {
    const year = Math.min(...catalog.plans.map((plan) => plan.data.year));
    return planListPages(catalog).find((page) => page.option?.kind === 'nam' && page.option.value === String(year) && page.slice.page === 1)!;
  };
  const unlisted = (catalog: ReturnType<typeof load>) => catalog.plans.find((plan) => !yearPage(catalog).slice.items.includes(plan))!;

  it('stays the same when a plan the page does not list changes its body', () => {
    const content = loadContent(join(root, 'content'));
    const entry = content.plans.find((plan) => plan.slug === unlisted(catalog).slug)!;
    entry.body = `${entry.body}\nĐoạn bổ sung.`;
    const edited = buildCatalog(content);
    expect(planDigest(edited, edited.planBySlug.get(entry.slug)!)).not.toBe(planDigest(catalog, unlisted(catalog)));
    expect(planListKey(edited, yearPage(edited))).toBe(planListKey(catalog, yearPage(catalog)));
  });

  it('hashes the filter by what the page prints of it, not by its member list, which it shows through its slice', () => {
    const page = yearPage(catalog);
    const reordered = { ...page, option: { ...page.option!, plans: [...page.option!.plans].reverse() } };
    expect(planListKey(catalog, reordered)).toBe(planListKey(catalog, page));
    expect(planListKey(catalog, { ...page, option: { ...page.option!, count: page.option!.count + 1 } })).not.toBe(planListKey(catalog, page));
    expect(planListKey(catalog, { ...page, slice: { ...page.slice, total: page.slice.total + 1 } })).not.toBe(planListKey(catalog, page));
  });

  it('changes when a plan the page does not list changes a filter count the page prints', () => {
    const content = loadContent(join(root, 'content'));
    const other = unlisted(catalog);
    const entry = content.plans.find((plan) => plan.slug === other.slug)!;
    entry.data = { ...entry.data, topics: [...entry.data.topics, 'Chủ đề mới của phép thử'] };
    const edited = buildCatalog(content);
    expect(yearPage(edited).slice.items.map((plan) => plan.slug)).toEqual(yearPage(catalog).slice.items.map((plan) => plan.slug));
    expect(planListKey(edited, yearPage(edited))).not.toBe(planListKey(catalog, yearPage(catalog)));
  });
});

describe('the keys of later pages of a list', () => {
  // 600 plans over 11 years: every year's list has a second page.
  const { agencies, documents } = seedContent();
  const plans = syntheticPlans(600);
  const before = buildCatalog({ plans, agencies, documents });
  const pageOf = (catalog: Catalog, kind: string, value: string, page: number) => planListPages(catalog).find((p) => p.option?.kind === kind && p.option.value === value && p.slice.page === page)!;
  const year = String(plans[0]!.data.year);
  // A plan added to another year's list (a copy of a plan of that year): the counts of its year,
  // agency and topics change, and no link is added or removed.
  const other = plans.find((plan) => String(plan.data.year) !== year)!;
  const added = { ...other, slug: `${other.slug}-moi`, data: { ...other.data, title: `${other.data.title} (mới)` } };
  const after = buildCatalog({ plans: [...plans, added], agencies, documents });

  it('stay when a plan joins another list: their navigation prints no counts', () => {
    expect(pageOf(before, 'nam', year, 2).slice.items).toEqual(pageOf(after, 'nam', year, 2).slice.items);
    expect(planListKey(after, pageOf(after, 'nam', year, 2))).toBe(planListKey(before, pageOf(before, 'nam', year, 2)));
    // What the page prints beside its slice and filters is the same too (a key that stays must).
    const text = (catalog: Catalog) => planListText(catalog, pageOf(catalog, 'nam', year, 2).option, 2);
    expect(text(after)).toEqual(text(before));
    expect(planListText(after, pageOf(after, 'nam', year, 1).option)).not.toEqual(planListText(before, pageOf(before, 'nam', year, 1).option));
    expect(planListKey(after, pageOf(after, 'nam', year, 1)), 'the first page prints the counts').not.toBe(planListKey(before, pageOf(before, 'nam', year, 1)));
    const years = (catalog: Catalog) => deadlineYearPages(catalog).filter((page) => page.slice.page > 1 && !added.data.deadlines.some((d) => d.date.startsWith(String(page.year))));
    expect(years(before).length).toBeGreaterThan(0);
    expect(years(after).map((page) => renderKey(after, page, deadlineYearPageLinks(after, page)))).toEqual(years(before).map((page) => renderKey(before, page, deadlineYearPageLinks(before, page))));
  });
});

describe('documentTypePageKey', () => {
  /** A page of every registry document of the seeds' most common type, as /van-ban/loai/{type}/ lists them. */
  function typePage(catalog: ReturnType<typeof load>) {
    const { type, documents } = documentsByType(catalog).sort((a, b) => b.documents.length - a.documents.length)[0]!;
    return { type, firstPagePath: documentTypePath(type), slice: paginate(documents, 50)[0]! };
  }
  const citing = (catalog: ReturnType<typeof load>) => {
    const ids = new Set(typePage(catalog).slice.items.map((view) => view.id));
    return catalog.plans.find((plan) => [...plan.data.basis, ...plan.data.citations].some((ref) => ref.document && ids.has(ref.document)))!;
  };

  it('stays the same when a plan citing a listed document changes what the list does not print', () => {
    const edited = load();
    const plan = citing(edited);
    plan.body = `${plan.body}\nĐoạn bổ sung.`;
    plan.data = { ...plan.data, title: `${plan.data.title} (sửa đổi)` };
    expect(documentTypePageKey(edited, typePage(edited))).toBe(documentTypePageKey(catalog, typePage(catalog)));
  });

  it('changes when the number of plans using a listed document changes', () => {
    const content = loadContent(join(root, 'content'));
    const built = buildCatalog(content);
    const plan = citing(built);
    const kept = [...plan.data.basis, ...plan.data.citations].find((ref) => ref.document && typePage(built).slice.items.some((view) => view.id === ref.document))!;
    const entry = content.plans.find((p) => p.slug === plan.slug)!;
    entry.data = { ...entry.data, basis: entry.data.basis.filter((ref) => ref.document !== kept.document), citations: entry.data.citations.filter((ref) => ref.document !== kept.document) };
    const without = buildCatalog(content);
    const usage = (c: ReturnType<typeof load>) => documentUsageText(c.documents.get(kept.document!)!);
    expect(usage(without)).not.toBe(usage(catalog));
    expect(documentTypePageKey(without, typePage(without))).not.toBe(documentTypePageKey(catalog, typePage(catalog)));
  });
});

describe('documentPageKey', () => {
  /**
   * The seeds plus older copies of a plan that has a basis, so that its first basis document has more
   * implementing plans than its page lists or draws in its chain; `change` edits the copies before
   * the catalog is built.
   */
  function withManyImplementing(change?: (copies: ReturnType<typeof loadContent>['plans']) => void) {
    const content = loadContent(join(root, 'content'));
    const model = content.plans.find((plan) => plan.data.basis.some((ref) => ref.document))!;
    const document = model.data.basis.find((ref) => ref.document)!.document!;
    const count = DOCUMENT_CHAIN_MAX + 5;
    const copies = Array.from({ length: count }, (_, i) => ({
      ...model,
      slug: `${model.slug}-ban-sao-${i + 1}`,
      // Older and older, one day apart from 2001-03-01.
      data: { ...model.data, title: `${model.data.title} (bản sao ${i + 1})`, issuedOn: new Date(Date.UTC(2001, 2, 1 - i)).toISOString().slice(0, 10), year: 2001 },
    }));
    change?.(copies);
    return { catalog: buildCatalog({ ...content, plans: [...content.plans, ...copies] }), document, oldest: copies.at(-1)!.slug };
  }

  it("keys a list page by the plans it lists: a listed plan's reference written anew changes it, the other page keeps its key", () => {
    const keys = (built: ReturnType<typeof withManyImplementing>) =>
      documentListPages(built.catalog)
        .filter((page) => page.view.id === built.document && page.role === 'basis')
        .map((page) => documentListPageKey(built.catalog, page));
    const before = keys(withManyImplementing());
    expect(before).toHaveLength(2);
    expect(keys(withManyImplementing())).toEqual(before);
    const rewritten = withManyImplementing((copies) => {
      const newest = copies[0]!;
      const basis = newest.data.basis.map((ref) => (ref.document === newest.data.basis.find((r) => r.document)!.document ? { ...ref, number: `${ref.number}/sửa` } : ref));
      newest.data = { ...newest.data, basis };
    });
    const after = keys(rewritten);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it('stays the same when a plan the page does not list changes, and changes with the totals it prints', () => {
    const before = withManyImplementing();
    const page = documentPage(before.catalog, before.document)!;
    expect(page.referencing.basis.items.map((item) => item.plan.slug)).not.toContain(before.oldest);
    expect(JSON.stringify(page.down.nodes)).not.toContain(before.oldest);
    const retitled = withManyImplementing((copies) => {
      const oldest = copies.at(-1)!;
      oldest.data = { ...oldest.data, title: `${oldest.data.title} (sửa đổi)` };
      oldest.body = `${oldest.body}\nĐoạn bổ sung.`;
    });
    expect(documentPageKey(retitled.catalog, retitled.document)).toBe(documentPageKey(before.catalog, before.document));
    const fewer = withManyImplementing((copies) => void copies.pop());
    expect(documentPageKey(fewer.catalog, fewer.document)).not.toBe(documentPageKey(before.catalog, before.document));
  });

  it('changes when a plan it lists writes its reference to the document anew', () => {
    const before = withManyImplementing();
    const rewritten = withManyImplementing((copies) => {
      const newest = copies[0]!;
      newest.data = { ...newest.data, basis: newest.data.basis.map((ref) => (ref.document === before.document ? { ...ref, number: `${ref.number}/sửa` } : ref)) };
    });
    const listed = documentPage(rewritten.catalog, rewritten.document)!.referencing.basis.items.find((item) => item.plan.slug.endsWith('-ban-sao-1'))!;
    expect(listed.writtenAs.some((number) => number.endsWith('/sửa'))).toBe(true);
    expect(documentPageKey(rewritten.catalog, rewritten.document)).not.toBe(documentPageKey(before.catalog, before.document));
  });
});

describe('the keys of agency and document list pages', () => {
  it('differ by slice, list and owner, and stay the same for the same page', () => {
    const slices = paginate(catalog.deadlines, 2);
    const agency = [...catalog.agencies.values()][0]!;
    const agencyPageOf = (kind: 'thoi-han' | 'nhan-bao-cao', slice: (typeof slices)[number]) => ({ agency, kind, firstPagePath: `co-quan/${agency.id}/${kind}/`, slice });
    const key = agencyListPageKey(catalog, agencyPageOf('thoi-han', slices[0]!));
    expect(agencyListPageKey(catalog, agencyPageOf('thoi-han', slices[0]!))).toBe(key);
    expect(agencyListPageKey(catalog, agencyPageOf('thoi-han', slices[1]!))).not.toBe(key);
    expect(agencyListPageKey(catalog, agencyPageOf('nhan-bao-cao', slices[0]!))).not.toBe(key);

    const plans = paginate(catalog.plans.map((plan) => ({ plan, writtenAs: [], references: [] })), 1);
    const [view, other] = [...catalog.documents.values()];
    const documentPageOf = (role: 'basis' | 'citation', of: typeof view, slice: (typeof plans)[number]) => ({ view: of!, role, firstPagePath: `van-ban/${of!.id}/`, slice });
    const documentKey = documentListPageKey(catalog, documentPageOf('basis', view, plans[0]!));
    expect(documentListPageKey(catalog, documentPageOf('basis', view, plans[0]!))).toBe(documentKey);
    expect(documentListPageKey(catalog, documentPageOf('basis', view, plans[1]!))).not.toBe(documentKey);
    expect(documentListPageKey(catalog, documentPageOf('citation', view, plans[0]!))).not.toBe(documentKey);
    expect(documentListPageKey(catalog, documentPageOf('basis', other, plans[0]!))).not.toBe(documentKey);
  });
});
