import { describe, expect, it } from 'vitest';
import { planRecord, rowId, tableRows, contentModified, latestPlanDate, planEntryDate } from '../../../src/lib/opendata/records';
import { planRecordSchema, tableRowSchemas, tableNames } from '../../../src/lib/opendata/record-schemas';
import { formatPlanNumber } from '../../../src/lib/catalog/plan-number';
import { catalog, content, ctx, PREFIX } from './real-content';

const rows = tableRows(catalog, ctx);

describe('plan records (/api/v1/plans/{slug}.json)', () => {
  it('has the real content to check', () => {
    expect(content.problems).toEqual([]);
    expect(catalog.plans.length).toBeGreaterThanOrEqual(5);
  });

  for (const plan of catalog.plans) {
    describe(plan.slug, () => {
      const record = planRecord(catalog, plan, ctx);

      it('matches its published schema', () => {
        const result = planRecordSchema.safeParse(record);
        expect(result.success, result.error?.message).toBe(true);
      });

      it('keeps every frontmatter field, with URLs under the deployment base', () => {
        for (const field of Object.keys(plan.data)) expect(record).toHaveProperty(field);
        expect(record.slug).toBe(plan.slug);
        expect(record.url).toBe(`${PREFIX}ke-hoach/${plan.slug}/`);
        expect(record.$schema).toBe(`${PREFIX}api/v1/schema/plan.json`);
        expect(record.identifier).toBe(formatPlanNumber(plan.data));
        expect(record.recipients).toEqual(plan.data.recipients);
        expect(record.signer).toEqual(plan.data.signer);
        expect(record.bodyText.length).toBeGreaterThan(500);
      });

      it('resolves agencies to objects from the registry', () => {
        expect(record.issuer.id).toBe(plan.data.issuer);
        expect(record.issuer.name).toBe(catalog.agencies.get(plan.data.issuer)!.data.name);
        expect(record.issuer.url).toBe(`${PREFIX}co-quan/${plan.data.issuer}/`);
        record.deadlines.forEach((d, i) => {
          expect(d.owner.id).toBe(plan.data.deadlines[i]!.owner);
          expect(d.submitTo?.id ?? null).toBe(plan.data.deadlines[i]!.submitTo);
          expect(d.id).toBe(`${plan.slug}#${i + 1}`);
        });
        expect(record.assignments.map((a) => a.unit.id)).toEqual(plan.data.assignments.map((a) => a.unit));
      });

      it('resolves every reference to its canonical document id and registry number', () => {
        for (const [mine, theirs] of [
          [record.basis, plan.data.basis],
          [record.citations, plan.data.citations],
        ] as const) {
          expect(mine.map((r) => r.number)).toEqual(theirs.map((r) => r.number));
          for (const ref of mine) {
            expect(catalog.documents.has(ref.document), ref.document).toBe(true);
            expect(ref.documentNumber).toBe(catalog.documents.get(ref.document)!.data.number);
            expect(ref.documentUrl).toBe(`${PREFIX}van-ban/${ref.document}/`);
          }
        }
      });
    });
  }
});

describe('tables', () => {
  it.each(tableNames)('%s rows match the row schema, with keys in column order', (name) => {
    const columns = Object.keys(tableRowSchemas[name].shape);
    for (const row of rows[name]) {
      const result = tableRowSchemas[name].safeParse(row);
      expect(result.success, result.error?.message).toBe(true);
      expect(Object.keys(row)).toEqual(columns);
    }
  });

  it('has one plan row per plan, with counts equal to the plan lists', () => {
    expect(rows.plans.map((r) => r.slug)).toEqual(catalog.plans.map((p) => p.slug));
    for (const row of rows.plans) {
      const data = catalog.planBySlug.get(row.slug)!.data;
      expect([row.basisCount, row.citationCount, row.targetCount, row.deadlineCount, row.assignmentCount, row.recipientCount]).toEqual([
        data.basis.length,
        data.citations.length,
        data.targets.length,
        data.deadlines.length,
        new Set(data.assignments.map((a) => a.unit)).size,
        data.recipients.length,
      ]);
      expect(row.dataUrl).toBe(`${PREFIX}api/v1/plans/${row.slug}.json`);
    }
  });

  it('gives targets and deadlines stable, unique "{slug}#{position}" ids', () => {
    for (const name of ['targets', 'deadlines'] as const) {
      const ids = rows[name].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const row of rows[name]) expect(row.id).toBe(rowId(row.plan, row.position));
    }
    const total = catalog.plans.reduce((n, p) => n + p.data.deadlines.length, 0);
    expect(rows.deadlines).toHaveLength(total);
    for (const row of rows.deadlines) {
      expect(row.date).toBe(catalog.planBySlug.get(row.plan)!.data.deadlines[row.position - 1]!.date);
    }
    expect(rows.deadlines.map((r) => r.date)).toEqual([...rows.deadlines.map((r) => r.date)].sort());
  });

  it('has one citation row per basis and citation, with its role', () => {
    const expected = catalog.plans.flatMap((p) => [
      ...p.data.basis.map((r, i) => `${p.slug}|basis|${i + 1}|${r.document}`),
      ...p.data.citations.map((r, i) => `${p.slug}|citation|${i + 1}|${r.document}`),
    ]);
    expect(rows.citations.map((r) => `${r.plan}|${r.role}|${r.position}|${r.document}`).sort()).toEqual(expected.sort());
  });

  it('lists, for each document, the plans implementing and citing it, agreeing with the citation rows', () => {
    for (const doc of rows.documents) {
      const edges = rows.citations.filter((c) => c.document === doc.id);
      expect(new Set(doc.implementedBy)).toEqual(new Set(edges.filter((e) => e.role === 'basis').map((e) => e.plan)));
      expect(new Set(doc.citedBy)).toEqual(new Set(edges.filter((e) => e.role === 'citation').map((e) => e.plan)));
    }
    expect(rows.documents.map((d) => d.id)).toEqual([...rows.documents.map((d) => d.id)].sort());
  });

  it('gives a calendar URL to exactly the agencies that own deadlines', () => {
    for (const agency of rows.agencies) {
      const owns = rows.deadlines.some((d) => d.owner === agency.id);
      expect(agency.calendarUrl).toBe(owns ? `${PREFIX}api/v1/deadlines/${agency.id}.ics` : null);
      expect(agency.deadlineCount).toBe(rows.deadlines.filter((d) => d.owner === agency.id).length);
    }
  });
});

describe('content dates', () => {
  it('dates a plan by its issue date, else 1 January of its year', () => {
    for (const plan of catalog.plans) expect(planEntryDate(plan)).toBe(plan.data.issuedOn ?? `${plan.data.year}-01-01`);
  });

  it('takes "modified" from the newest plan, never from the clock', () => {
    expect(contentModified(catalog)).toBe(catalog.plans.map(planEntryDate).sort().at(-1));
    expect(contentModified({ ...catalog, plans: [] })).toBeNull();
  });

  it('takes a subset\'s date from its own plans and skips slugs the catalog does not know', () => {
    const oldest = [...catalog.plans].sort((a, b) => planEntryDate(a).localeCompare(planEntryDate(b)))[0]!;
    expect(latestPlanDate([oldest, undefined])).toBe(planEntryDate(oldest));
    expect(latestPlanDate([undefined])).toBeNull();
  });
});
