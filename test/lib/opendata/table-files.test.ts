import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cachedBytes, cacheKey } from '../../../src/lib/content/cache';
import { openDataCode } from '../../../src/lib/opendata/code';
import { tableCsv } from '../../../src/lib/opendata/csv';
import { toJson } from '../../../src/lib/opendata/json';
import type { TableName, TableRows } from '../../../src/lib/opendata/record-schemas';
import { chunkedTableFile, type ChunkedFormat } from '../../../src/lib/opendata/table-files';
import { MAX_CHUNK_ROWS, chunkedRowsDigest } from '../../../src/lib/opendata/table-keys';
import { openData } from './real-content';

const SCHEMA_URL = 'https://cong.example.gov.vn/ke-hoach-mo/api/v1/schema/table.json';

/**
 * A long made-up table: the real content's rows of `name` (Vietnamese text, commas, quotes), copied
 * `copies` times, each copy's `url` marked so that no two rows are alike. Rows stay valid for the
 * table's schema, where every table has a `url` column.
 */
function longTable<T extends TableName>(name: T, copies: number): TableRows[T] {
  const real = openData.rows[name] as unknown as { url: string }[];
  return Array.from({ length: copies }, (_, copy) => real.map((row) => ({ ...row, url: `${row.url}#ban-${copy}` }))).flat() as unknown as TableRows[T];
}

/** `rows` with the url of row `at` changed in a way no earlier run made (parts are kept by content, across runs). */
const editUrl = <R extends { url: string }>(rows: readonly R[], at: number): R[] => rows.map((row, i) => (i === at ? { ...row, url: `${row.url}-sua-${randomUUID()}` } : row));

/** The file as `chunkedTableFile` writes it from `rows`, with the chunks' digests kept under `memo`, and how many rows it built. */
function written(name: TableName, format: ChunkedFormat, rows: readonly object[], memo: string) {
  const built = { rows: 0 };
  const identity = (row: object) => JSON.stringify(row);
  const { parts } = chunkedRowsDigest({ items: rows, identity, row: (row) => row }, 'scope', memo);
  const rowsOf = (start: number, end: number) => {
    built.rows += end - start;
    return rows.slice(start, end);
  };
  const body = chunkedTableFile({ name, count: rows.length, parts, rows: rowsOf, memo }, format, SCHEMA_URL);
  return { body: body.toString('utf8'), built: built.rows, parts };
}

/** The file written whole, as before the chunks. */
function whole(name: TableName, format: ChunkedFormat, rows: readonly object[]): string {
  return format === 'json' ? toJson({ $schema: SCHEMA_URL, count: rows.length, items: rows }) : tableCsv(name, rows as never);
}

describe('chunkedTableFile', () => {
  for (const name of ['plans', 'targets', 'deadlines', 'citations'] as const) {
    for (const format of ['json', 'csv'] as const) {
      it(`joins the parts of ${name}.${format} into the bytes of the file written whole, before and after an edit`, () => {
        const memo = `test-${randomUUID()}`;
        const rows = longTable(name, Math.ceil(3000 / openData.rows[name].length));
        const first = written(name, format, rows, memo);
        expect(first.parts.length).toBeGreaterThan(2);
        expect(first.body).toBe(whole(name, format, rows));

        const again = written(name, format, rows, memo);
        expect(again.body).toBe(first.body);
        expect(again.built, 'every part is kept').toBe(0);

        const edited = editUrl(rows as { url: string }[], 1500);
        const afterEdit = written(name, format, edited, memo);
        expect(afterEdit.body).toBe(whole(name, format, edited));
        expect(afterEdit.built, 'only the edited row’s chunk (or two) is built').toBeLessThanOrEqual(2 * MAX_CHUNK_ROWS);
        expect(afterEdit.built).toBeGreaterThan(0);
      });
    }
  }

  it('writes an empty table as the whole file would be', () => {
    for (const format of ['json', 'csv'] as const) expect(written('plans', format, [], `test-${randomUUID()}`).body).toBe(whole('plans', format, []));
  });

  it('keeps only the parts of the last file written', () => {
    const memo = `test-${randomUUID()}`;
    const rows = longTable('plans', 1);
    const first = written('plans', 'json', rows, memo);
    const partKey = (digest: string) => cacheKey(openDataCode(), 'plans', 'json', digest);
    expect(cachedBytes('open-data-table-parts', partKey(first.parts[0]!.digest))).toBeDefined();
    const edited = editUrl(rows, 0);
    const second = written('plans', 'json', edited, memo);
    expect(second.parts[0]!.digest).not.toBe(first.parts[0]!.digest);
    expect(cachedBytes('open-data-table-parts', partKey(first.parts[0]!.digest)), 'the edited chunk’s old part is removed').toBeUndefined();
    expect(cachedBytes('open-data-table-parts', partKey(second.parts[0]!.digest))).toBeDefined();
  });

  it('fails on a row that breaks the schema, naming its place in the file', () => {
    const rows = longTable('plans', Math.ceil(2000 / openData.rows.plans.length));
    const broken = rows.map((row, i) => (i === 1234 ? { ...row, url: 'không phải địa chỉ' } : row));
    expect(() => written('plans', 'json', broken, `test-${randomUUID()}`)).toThrow(/plans does not match its schema[\s\S]*items\[1234\]\.url/);
  });

  it('fails on a CSV row whose columns drift from the schema', () => {
    // The same fields in another order: valid for the schema, but not the CSV's columns.
    const rows = longTable('targets', 1).map(({ url, ...row }) => ({ url, ...row }));
    expect(() => written('targets', 'csv', rows, `test-${randomUUID()}`)).toThrow(/targets row keys \[.*\] differ from the schema columns/);
  });
});
