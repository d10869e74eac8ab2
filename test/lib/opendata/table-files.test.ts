import { randomUUID } from 'node:crypto';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedBytes, removeRecord, storeBytes } from '../../../src/lib/content/cache';
import { tableCsv } from '../../../src/lib/opendata/csv';
import { toJson } from '../../../src/lib/opendata/json';
import { tableXlsx } from '../../../src/lib/opendata/xlsx';
import type { TableName, TableRows } from '../../../src/lib/opendata/record-schemas';
import { CHUNKED_FORMATS, TABLE_PARTS, chunkedTableFile, tablePartKey, type ChunkedFormat } from '../../../src/lib/opendata/table-files';
import { MAX_CHUNK_ROWS, chunkedRowsDigest, type RowsChunk } from '../../../src/lib/opendata/table-keys';
import { zipEntries } from '../../support/zip';
import { openData } from './real-content';

const SCHEMA_URL = 'https://cong.example.gov.vn/ke-hoach-mo/api/v1/schema/table.json';

/**
 * A long made-up table: the real content's rows of `name` (Vietnamese text, commas, quotes), copied
 * `copies` times, each copy's `url` marked so that no two rows are alike. Rows stay valid for the
 * table's schema, where every table has a `url` column.
 */
function longTable<T extends TableName>(name: T, copies: number, tag = ''): TableRows[T] {
  const real = openData.rows[name] as unknown as { url: string }[];
  return Array.from({ length: copies }, (_, copy) => real.map((row) => ({ ...row, url: `${row.url}#ban-${copy}${tag}` }))).flat() as unknown as TableRows[T];
}

/** `rows` with the url of row `at` changed in a way no earlier run made (parts are kept by content, across runs). */
const editUrl = <R extends { url: string }>(rows: readonly R[], at: number): R[] => rows.map((row, i) => (i === at ? { ...row, url: `${row.url}-sua-${randomUUID()}` } : row));

/** The names parts were kept under in this file's tests: their parts are removed when the tests end. */
const memos = new Set<string>();
afterAll(() => {
  const none = { name: 'plans' as const, count: 0, parts: [], rows: () => [], firstRows: () => [] };
  for (const memo of memos) for (const format of CHUNKED_FORMATS) chunkedTableFile({ ...none, memo }, format, SCHEMA_URL);
});

/**
 * The file as `chunkedTableFile` writes it from `rows`, with the chunks' digests and parts kept under
 * `memo`: as text to compare (`text`), as bytes, and how many rows it built for its parts.
 */
function written(name: TableName, format: ChunkedFormat, rows: readonly object[], memo: string) {
  memos.add(memo);
  const built = { rows: 0 };
  const identity = (row: object) => JSON.stringify(row);
  const { parts } = chunkedRowsDigest({ items: rows, identity, row: (row) => row }, 'scope', memo);
  const rowsOf = (start: number, end: number) => {
    built.rows += end - start;
    return rows.slice(start, end);
  };
  const table = { name, count: rows.length, parts, rows: rowsOf, firstRows: (count: number) => rows.slice(0, count) };
  const bytes = Buffer.concat(chunkedTableFile({ ...table, memo }, format, SCHEMA_URL));
  return { body: text(format, bytes), bytes, built: built.rows, parts, cold: () => Buffer.concat(chunkedTableFile(table, format, SCHEMA_URL)) };
}

/**
 * A file as text to compare: JSON and CSV as they are; a workbook as its entries inflated (their
 * lengths and checksums checked), since its sheet is deflated in runs where `tableXlsx` deflates it
 * in one.
 */
function text(format: ChunkedFormat, body: Buffer): string {
  if (format !== 'xlsx') return body.toString('utf8');
  return JSON.stringify(Object.entries(zipEntries(body)).map(([path, data]) => [path, data.toString('utf8')]));
}

/** The file written whole, as before the chunks. */
async function whole(name: TableName, format: ChunkedFormat, rows: readonly object[]): Promise<string> {
  if (format === 'xlsx') return text(format, await tableXlsx(name, rows as never));
  return format === 'json' ? toJson({ $schema: SCHEMA_URL, count: rows.length, items: rows }) : tableCsv(name, rows as never);
}

describe('chunkedTableFile', () => {
  for (const name of ['plans', 'targets', 'deadlines', 'citations'] as const) {
    for (const format of CHUNKED_FORMATS) {
      it(`joins the parts of ${name}.${format} into the bytes of the file written whole, before and after an edit`, async () => {
        const memo = `test-${randomUUID()}`;
        const rows = longTable(name, Math.ceil(3000 / openData.rows[name].length));
        const first = written(name, format, rows, memo);
        expect(first.parts.length).toBeGreaterThan(2);
        expect(first.body).toBe(await whole(name, format, rows));

        const again = written(name, format, rows, memo);
        expect(again.built, 'every part is kept').toBe(0);
        expect(again.bytes.equals(again.cold()), 'the file from kept parts is the file from none, byte for byte').toBe(true);

        const edited = editUrl(rows as { url: string }[], 1500);
        const afterEdit = written(name, format, edited, memo);
        expect(afterEdit.body).toBe(await whole(name, format, edited));
        expect(afterEdit.bytes.equals(afterEdit.cold())).toBe(true);
        expect(afterEdit.built, 'only the edited row’s chunk (or two) is built').toBeLessThanOrEqual(2 * MAX_CHUNK_ROWS);
        expect(afterEdit.built).toBeGreaterThan(0);
      });
    }
  }

  it('writes a workbook of many runs that a spreadsheet reader reads back row for row', async () => {
    const rows = longTable('deadlines', Math.ceil(3000 / openData.rows.deadlines.length));
    const { parts } = chunkedRowsDigest({ items: rows, identity: (row) => JSON.stringify(row), row: (row) => row }, 'scope');
    expect(parts.length).toBeGreaterThan(2);
    const slice = (start: number, end: number) => rows.slice(start, end);
    const workbook = Buffer.concat(chunkedTableFile({ name: 'deadlines', count: rows.length, parts, rows: slice, firstRows: (count) => slice(0, count) }, 'xlsx', SCHEMA_URL));
    const [sheet] = await readXlsxFile(workbook);
    expect(sheet!.data).toHaveLength(rows.length + 1);
    const taskColumn = Object.keys(rows[0]!).indexOf('task');
    expect(sheet!.data.slice(1).map((row) => row[taskColumn])).toEqual(rows.map((row) => row.task));
  });

  it('writes an empty table as the whole file would be', async () => {
    for (const format of CHUNKED_FORMATS) expect(written('plans', format, [], `test-${randomUUID()}`).body).toBe(await whole('plans', format, []));
  });

  it('writes a workbook’s rows again where a row added above them moves them, and keeps them where nothing does', () => {
    const memo = `test-${randomUUID()}`;
    // Rows no earlier run wrote: parts are kept by content and place, across runs.
    const rows = longTable('plans', Math.ceil(3000 / openData.rows.plans.length), randomUUID());
    written('plans', 'xlsx', rows, memo);
    const moved = written('plans', 'xlsx', [editUrl(rows, 0)[0]!, ...rows], memo);
    expect(moved.built, 'every row below the new one has a new number').toBeGreaterThan(rows.length / 2);
    const json = `test-${randomUUID()}`;
    written('plans', 'json', rows, json);
    expect(written('plans', 'json', [editUrl(rows, 0)[0]!, ...rows], json).built, 'JSON rows are not numbered').toBeLessThanOrEqual(2 * MAX_CHUNK_ROWS);
  });

  it('keeps only the parts of the last file written', () => {
    const memo = `test-${randomUUID()}`;
    const rows = longTable('plans', 1);
    const first = written('plans', 'json', rows, memo);
    const kept = (chunk: RowsChunk) => cachedBytes(TABLE_PARTS, tablePartKey('plans', 'json', chunk));
    expect(kept(first.parts[0]!)).toBeDefined();
    const edited = editUrl(rows, 0);
    const second = written('plans', 'json', edited, memo);
    expect(second.parts[0]!.digest).not.toBe(first.parts[0]!.digest);
    expect(kept(first.parts[0]!), 'the edited chunk’s old part is removed').toBeUndefined();
    expect(kept(second.parts[0]!)).toBeDefined();
  });

  it('fails on a row that breaks the schema, naming its place in the file', () => {
    const rows = longTable('plans', Math.ceil(2000 / openData.rows.plans.length));
    const broken = rows.map((row, i) => (i === 1234 ? { ...row, url: 'không phải địa chỉ' } : row));
    expect(() => written('plans', 'json', broken, `test-${randomUUID()}`)).toThrow(/plans does not match its schema[\s\S]*items\[1234\]\.url/);
  });

  it('checks a workbook’s rows against the schema unless a JSON or CSV part of the same rows shows they passed', () => {
    const rows = longTable('plans', Math.ceil(2000 / openData.rows.plans.length), randomUUID());
    const broken = rows.map((row, i) => (i === 1234 ? { ...row, url: 'không phải địa chỉ' } : row));
    expect(() => written('plans', 'xlsx', broken, `test-${randomUUID()}`)).toThrow(/plans does not match its schema[\s\S]*items\[1234\]\.url/);
    // A JSON part is kept only once its rows passed: one kept for these rows stands for that check.
    const { parts } = chunkedRowsDigest({ items: broken, identity: (row) => JSON.stringify(row), row: (row) => row }, 'scope');
    const chunk = parts.find((p) => p.start <= 1234 && 1234 < p.end)!;
    const key = tablePartKey('plans', 'json', chunk);
    storeBytes(TABLE_PARTS, key, Buffer.from('{}'));
    try {
      expect(() => written('plans', 'xlsx', broken, `test-${randomUUID()}`)).not.toThrow();
    } finally {
      removeRecord(TABLE_PARTS, key);
    }
  });

  it('fails on a CSV row whose columns drift from the schema', () => {
    // The same fields in another order: valid for the schema, but not the CSV's columns.
    const rows = longTable('targets', 1).map(({ url, ...row }) => ({ url, ...row }));
    expect(() => written('targets', 'csv', rows, `test-${randomUUID()}`)).toThrow(/targets row keys \[.*\] differ from the schema columns/);
  });
});
