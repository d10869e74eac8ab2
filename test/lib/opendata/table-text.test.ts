import { describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../../src/lib/catalog/build';
import { apiPaths, urlOf, type PublishContext } from '../../../src/lib/opendata/context';
import { tableCsv } from '../../../src/lib/opendata/csv';
import { toJson } from '../../../src/lib/opendata/json';
import { openDataCode } from '../../../src/lib/opendata/code';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { tableRows } from '../../../src/lib/opendata/records';
import { isPieceTable, rowJsonText, tableJsonText, tableText, type PieceTable } from '../../../src/lib/opendata/table-text';
import { tableNames } from '../../../src/lib/opendata/record-schemas';
import { catalog, content, ctx } from './real-content';

const PIECE_TABLES = tableNames.filter(isPieceTable);

/** The table's text from kept pieces, as the open data makes it. */
function text(of: Catalog, name: PieceTable, publish: PublishContext = ctx, rows = tableRows(of, publish)[name]) {
  return tableText(of, name, rows, { context: JSON.stringify([publish.site, publish.base]), schemaUrl: urlOf(publish, apiPaths.schema(name)), code: openDataCode() });
}

/** The table serialized whole, as before pieces: the bytes the pieces must give. */
function whole(of: Catalog, name: PieceTable, publish: PublishContext = ctx) {
  const rows = tableRows(of, publish)[name];
  return { json: toJson({ $schema: urlOf(publish, apiPaths.schema(name)), count: rows.length, items: rows }), csv: tableCsv(name, rows) };
}

function expectWhole(of: Catalog, publish: PublishContext = ctx) {
  for (const name of PIECE_TABLES) {
    const pieces = text(of, name, publish);
    const expected = whole(of, name, publish);
    expect(pieces.json(), `${name}.json`).toBe(expected.json);
    expect(pieces.csv(), `${name}.csv`).toBe(expected.csv);
  }
}

/** The real content with the first plan that has deadlines, targets and citations changed by `change`. */
function withPlan(change: (data: (typeof content.plans)[number]['data']) => Partial<(typeof content.plans)[number]['data']>): Catalog {
  const plan = content.plans.find((p) => p.data.deadlines.length && p.data.targets.length && p.data.citations.length)!;
  return buildCatalog({ ...content, plans: content.plans.map((p) => (p === plan ? { ...p, data: { ...p.data, ...change(p.data) } } : p)) });
}

describe('tables from kept row texts', () => {
  it('are the pieces of the plans, targets, deadlines and citations tables', () => {
    expect(PIECE_TABLES).toEqual(['plans', 'targets', 'deadlines', 'citations']);
  });

  it('give the bytes of the whole table serialized, for every piece table of the real content', () => {
    expectWhole(catalog);
    expectWhole(catalog); // again, from the kept texts
  });

  it('give the whole table after an edit that the kept texts do not hold: quotes, line breaks, formulas, astral and separator characters', () => {
    const tricky = 'Chỉ tiêu "100%"\nhai dòng, =SUM(A1) <script>&</script> 𝔸 \u2028 tách';
    const edited = withPlan((data) => ({
      summary: tricky,
      targets: data.targets.map((t, i) => (i === 0 ? { ...t, text: `=${t.text}` } : t)),
      deadlines: data.deadlines.map((d, i) => (i === 0 ? { ...d, task: `${d.task}\r\n(sửa) "gấp"` } : d)),
    }));
    expectWhole(edited);
    expect(text(edited, 'plans').json()).toContain(JSON.stringify(tricky));
  });

  it('give an empty table as the whole serialization does', () => {
    expect(tableJsonText('https://x.example/s.json', [])).toBe(toJson({ $schema: 'https://x.example/s.json', count: 0, items: [] }));
    expect(rowJsonText({ a: [], b: { c: 1 } })).toBe(toJson({ s: 1, items: [{ a: [], b: { c: 1 } }] }).split('\n').slice(3, 9).join('\n'));
  });

  it('reuse the text kept for a row whose key is known, and serialize only rows with new keys', () => {
    text(catalog, 'plans').json();
    const rows = tableRows(catalog, ctx).plans.map((row, i) => (i === 0 ? { ...row, summary: 'không được đọc lại' } : row));
    // Same catalog rows, so the same keys: the first row's kept text stands, not this changed copy.
    expect(text(catalog, 'plans', ctx, rows).json()).not.toContain('không được đọc lại');
    const edited = withPlan(() => ({ summary: 'tóm tắt mới' }));
    expect(text(edited, 'plans').json()).toContain('tóm tắt mới');
    expect(text(edited, 'plans').key()).not.toBe(text(catalog, 'plans').key());
  });

  it('are keyed by their bytes: a summary edit changes the plans table key, not the tables the summary is not in', () => {
    const edited = withPlan(() => ({ summary: 'chỉ sửa tóm tắt' }));
    expect(text(edited, 'plans').key()).not.toBe(text(catalog, 'plans').key());
    for (const name of ['targets', 'deadlines', 'citations'] as const) {
      expect(text(edited, name).key(), name).toBe(text(catalog, name).key());
      expect(text(edited, name).json(), name).toBe(text(catalog, name).json());
    }
    const deadline = withPlan((data) => ({ deadlines: data.deadlines.map((d, i) => (i === 0 ? { ...d, task: `${d.task} (sửa)` } : d)) }));
    expect(text(deadline, 'deadlines').key()).not.toBe(text(catalog, 'deadlines').key());
  });

  it('never reuse texts made with other registries or another publish context, though the plans are the same', () => {
    const issuer = catalog.plans[0]!.data.issuer;
    const renamed = buildCatalog({ ...content, agencies: content.agencies.map((a) => (a.id === issuer ? { ...a, data: { ...a.data, name: `${a.data.name} (tên mới)` } } : a)) });
    text(catalog, 'plans').json();
    expect(text(renamed, 'plans').key()).not.toBe(text(catalog, 'plans').key());
    expectWhole(renamed);
    expect(text(renamed, 'plans').csv()).toContain('(tên mới)');
    const elsewhere: PublishContext = { site: 'https://khac.example.gov.vn', base: '/' };
    expect(text(catalog, 'deadlines', elsewhere).key()).not.toBe(text(catalog, 'deadlines').key());
    expectWhole(catalog, elsewhere);
  });

  it('check each new row against the published schema and name the table and row', () => {
    const bad = withPlan(() => ({ year: 'năm nay' as unknown as number }));
    expect(() => text(bad, 'plans').json()).toThrow(/Open data: plans row \d+ does not match its schema/);
  });

  it('are what the open data publishes', async () => {
    const published = await createOpenData(withPlan(() => ({ summary: 'bản đã sửa' })), ctx, { workbooks: false });
    for (const name of PIECE_TABLES) {
      expect(published.text(apiPaths.table(name, 'json')), name).toBe(whole(published.catalog, name).json);
      expect(published.text(apiPaths.table(name, 'csv')), name).toBe(whole(published.catalog, name).csv);
    }
  });
});
