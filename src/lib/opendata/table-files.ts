/**
 * The JSON and CSV files of the tables keyed chunk by chunk (table-keys.ts: plans, targets,
 * deadlines and citations), written from those chunks. Each chunk's part of a file is kept in the
 * content cache under the chunk's digest (the sha256 of its rows' JSON), the table, the format and
 * the open-data code: after an edit, only the chunks holding a changed row are built, checked
 * against the table's schema and written again, and the file is the parts joined. Until now every
 * edit of one plan built, checked and wrote plans.json and plans.csv whole: 7–8 s of a one-edit
 * rebuild at 50,000 plans (docs/scale.md).
 *
 * The parts join into the bytes of the file written whole (`toJson` of `{ $schema, count, items }`,
 * `tableCsv`); the tests compare them. Only the parts of the last file written are kept, so the
 * cache does not grow with edits.
 */
import { z } from 'astro/zod';
import { cachedBytes, cachedRecord, cacheKey, removeRecord, storeBytes, storeRecord } from '../content/cache';
import { openDataCode } from './code';
import { checkCsvColumns, csvRecords, tableColumns, tableCsvHead } from './csv';
import { nestedJson, toJson } from './json';
import { tableFileSchema, tableRowSchemas, type TableName } from './record-schemas';
import type { RowsChunk } from './table-keys';

/** Where the parts live in the content cache (src/lib/content/cache.ts), and the list of each file's. */
const PARTS = 'open-data-table-parts';
const PART_LISTS = 'open-data-table-part-lists';

export type ChunkedFormat = 'json' | 'csv';

/** A table as its chunks: the digests from `chunkedRowsDigest`, and the rows of a chunk when its part is missing. */
export interface ChunkedTable {
  name: TableName;
  /** Rows in the table (the file's `count`). */
  count: number;
  /** The chunks, in order, covering the rows 0 to `count` (`RowsDigest.parts`). */
  parts: readonly RowsChunk[];
  /** The rows from `start` to `end` (not included), built from the table's source. */
  rows(start: number, end: number): readonly object[];
  /**
   * The name the file's parts are kept under (the table and publish context), as for the chunks'
   * digests; without it every part is built and none is kept.
   */
  memo?: string;
}

/** Between the parts of a file: JSON array items are comma-separated, CSV records end with their own CRLF. */
const SEPARATOR: Record<ChunkedFormat, Buffer> = { json: Buffer.from(',\n'), csv: Buffer.alloc(0) };

/**
 * Checks rows against the table's row schema; an error names the rows by their place in the file
 * (`items[1027]`), as a check of the whole file would.
 */
function checkRows(name: TableName, rows: readonly object[], start: number): void {
  const result = z.array(tableRowSchemas[name]).safeParse(rows);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({ ...issue, path: ['items', Number(issue.path[0]) + start, ...issue.path.slice(1)] }));
  throw new Error(`Open data: ${name} does not match its schema: ${z.prettifyError(new z.ZodError(issues))}`);
}

/** One chunk's part of a file: its rows as they stand in the file's `items`, or its CSV records. */
function part(name: TableName, format: ChunkedFormat, rows: readonly object[], start: number): Buffer {
  checkRows(name, rows, start);
  if (format === 'json') return Buffer.from(rows.map((row) => nestedJson(row, 2)).join(',\n'));
  const columns = tableColumns(name);
  checkCsvColumns(name, columns, rows);
  return Buffer.from(csvRecords(columns, rows as Record<string, unknown>[]));
}

/**
 * A table's JSON (`{ $schema, count, items }`, with `schemaUrl`) or CSV file, joined from its chunks'
 * parts: kept ones from the content cache, the others built, checked and kept. Without `memo`, the
 * open-data code's fingerprint (the sources not there) or the content cache, every part is built.
 */
export function chunkedTableFile(table: ChunkedTable, format: ChunkedFormat, schemaUrl: string): Buffer {
  const { name, count } = table;
  const code = table.memo === undefined ? '' : openDataCode();
  const keys: string[] = [];
  const body: Buffer[] = [];
  if (format === 'json') {
    const empty = toJson(tableFileSchema(name).parse({ $schema: schemaUrl, count, items: [] }));
    if (count === 0) return Buffer.from(empty);
    // The whole file's JSON up to the items' "[", then the items, then what closes the array and file.
    body.push(Buffer.from(`${empty.slice(0, empty.lastIndexOf('[]'))}[\n`));
  } else {
    body.push(Buffer.from(tableCsvHead(name)));
  }
  let covered = 0;
  table.parts.forEach((chunk, i) => {
    if (chunk.start !== covered) throw new Error(`Open data: ${name} chunk ${i} starts at row ${chunk.start}, not ${covered}`);
    covered = chunk.end;
    const key = code ? cacheKey(code, name, format, chunk.digest) : undefined;
    let bytes = key === undefined ? undefined : cachedBytes(PARTS, key);
    if (bytes === undefined) {
      bytes = part(name, format, table.rows(chunk.start, chunk.end), chunk.start);
      if (key !== undefined) storeBytes(PARTS, key, bytes);
    }
    if (key !== undefined) keys.push(key);
    if (i > 0) body.push(SEPARATOR[format]);
    body.push(bytes);
  });
  if (covered !== count) throw new Error(`Open data: ${name} chunks cover ${covered} rows, not ${count}`);
  if (format === 'json') body.push(Buffer.from('\n  ]\n}\n'));
  if (code) keepOnly(cacheKey(table.memo!, format), keys);
  return Buffer.concat(body);
}

/** Removes the parts the file's previous version used and this one does not, and records this one's. */
function keepOnly(file: string, keys: string[]): void {
  const previous = cachedRecord<string[]>(PART_LISTS, file) ?? [];
  const used = new Set(keys);
  for (const key of previous) if (!used.has(key)) removeRecord(PARTS, key);
  if (previous.length !== keys.length || previous.some((key, i) => key !== keys[i])) storeRecord(PART_LISTS, file, keys);
}
