/**
 * The JSON, CSV and Excel files of the tables keyed chunk by chunk (table-keys.ts: plans, targets,
 * deadlines and citations), written from those chunks. Each chunk's part of a file is kept in the
 * content cache under the chunk's digest (the sha256 of its rows' JSON), the table, the format and
 * the open-data code (and for a workbook the chunk's first row, which its rows' XML numbers from):
 * after an edit, only the chunks holding a changed row are built, checked against the table's
 * schema and written again, and the file is the parts joined. Until now every edit of one plan
 * built, checked and wrote plans.json, plans.csv and plans.xlsx whole: 9–11 s of a one-edit
 * rebuild at 50,000 plans (docs/scale.md).
 *
 * The parts join into the bytes of the file written whole (`toJson` of `{ $schema, count, items }`,
 * `tableCsv`, `tableXlsx`); the tests compare them. Only the parts of the last file written are
 * kept, so the cache does not grow with edits.
 */
import { z } from 'astro/zod';
import { bytesFileAt, cachedBytes, cachedRecord, cacheKey, removeRecord, storeBytes, storeRecord } from '../content/cache';
import { openDataCode } from './code';
import { checkCsvColumns, csvRecords, tableColumns, tableCsvHead } from './csv';
import { nestedJson, toJson } from './json';
import { checked, tableFileSchema, tableRowSchemas, type TableName, type TableRows } from './record-schemas';
import type { RowsChunk } from './table-keys';
import { dataRowsXml, packRun, WIDTH_SAMPLE_ROWS, workbookFromParts, type PackedRun } from './xlsx';

/** Where the parts live in the content cache (src/lib/content/cache.ts), and the list of each file's. */
export const TABLE_PARTS = 'open-data-table-parts';
const PART_LISTS = 'open-data-table-part-lists';

/** The files of a table written from its chunks. */
export const CHUNKED_FORMATS = ['json', 'csv', 'xlsx'] as const;

export type ChunkedFormat = (typeof CHUNKED_FORMATS)[number];

/** A table as its chunks: the digests from `chunkedRowsDigest`, and the rows of a chunk when its part is missing. */
export interface ChunkedTable {
  name: TableName;
  /** Rows in the table (the file's `count`). */
  count: number;
  /** The chunks, in order, covering the rows 0 to `count` (`RowsDigest.parts`). */
  parts: readonly RowsChunk[];
  /** The rows of a chunk, from `start` to `end` (not included), built from the table's source. */
  rows(start: number, end: number): readonly object[];
  /** The first `count` rows, which size a workbook's columns. */
  firstRows(count: number): readonly object[];
  /**
   * The name the file's parts are kept under (the table and publish context), as for the chunks'
   * digests; without it every part is built and none is kept.
   */
  memo?: string;
}

/** Between the parts of a JSON file (its items are comma-separated; CSV records and sheet rows end themselves). */
const JSON_SEPARATOR = Buffer.from(',\n');

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

/**
 * One chunk's part of a file: its rows as they stand in the file's `items`, its CSV records, or its
 * sheet rows. `checked`: the rows are known to match the schema (`rowsChecked`).
 */
function part(name: TableName, format: ChunkedFormat, rows: readonly object[], start: number, checked = false): Buffer {
  if (!checked) checkRows(name, rows, start);
  if (format === 'json') return Buffer.from(rows.map((row) => nestedJson(row, 2)).join(',\n'));
  if (format === 'xlsx') return runBytes(packRun(dataRowsXml(name, rows as TableRows[TableName], start)));
  const columns = tableColumns(name);
  checkCsvColumns(name, columns, rows);
  return Buffer.from(csvRecords(columns, rows as Record<string, unknown>[]));
}

/**
 * The content-cache key of a chunk's part of a file. A workbook's rows are numbered from the top of
 * the sheet, so its part is kept for the chunk's place too (a plan added above it moves it, and it is
 * written again), and for the zlib that deflated it: another zlib may deflate the same rows to other
 * bytes, and a workbook joining runs of two would differ from a cold build's.
 */
export function tablePartKey(name: TableName, format: ChunkedFormat, chunk: RowsChunk, code = openDataCode()): string {
  return cacheKey(code, name, format, chunk.digest, format === 'xlsx' ? `${chunk.start}|${process.versions.zlib}` : '');
}

/** A workbook's part as kept: the CRC-32 and length of its rows' XML (32 bits each, little-endian), then their deflated bytes. */
function runBytes(run: PackedRun): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(run.crc, 0);
  head.writeUInt32LE(run.size, 4);
  return Buffer.concat([head, run.packed]);
}

function runOf(bytes: Buffer): PackedRun {
  return { crc: bytes.readUInt32LE(0), size: bytes.readUInt32LE(4), packed: bytes.subarray(8) };
}

/**
 * A table's JSON (`{ $schema, count, items }`, with `schemaUrl`), CSV or Excel file, from its chunks'
 * parts: kept ones from the content cache, the others built, checked and kept. Without `memo`, the
 * open-data code's fingerprint (the sources not there) or the content cache, every part is built.
 * The file's bytes come in pieces, in order, not joined: the file is written and hashed piece by
 * piece (src/lib/opendata/publish.ts), where joining them copied up to 160 MB at 50,000 plans.
 */
export function chunkedTableFile(table: ChunkedTable, format: ChunkedFormat, schemaUrl: string): Uint8Array[] {
  const { name, count } = table;
  const code = table.memo === undefined ? '' : openDataCode();
  let covered = 0;
  table.parts.forEach((chunk, i) => {
    if (chunk.start !== covered) throw new Error(`Open data: ${name} chunk ${i} starts at row ${chunk.start}, not ${covered}`);
    covered = chunk.end;
  });
  if (covered !== count) throw new Error(`Open data: ${name} chunks cover ${covered} rows, not ${count}`);
  const parts = keptChunkParts(
    TABLE_PARTS,
    table.parts,
    code ? { file: cacheKey(table.memo!, format), key: (chunk) => tablePartKey(name, format, chunk, code) } : undefined,
    (chunk) => part(name, format, table.rows(chunk.start, chunk.end), chunk.start, format === 'xlsx' && code !== '' && rowsChecked(name, chunk, code)),
  );

  if (format === 'xlsx') return workbookFromParts(name, table.firstRows(Math.min(count, WIDTH_SAMPLE_ROWS)) as TableRows[TableName], parts.map(runOf));
  if (format === 'csv') return [Buffer.from(tableCsvHead(name)), ...parts];
  const empty = toJson(checked(tableFileSchema(name), { $schema: schemaUrl, count, items: [] }, name));
  if (count === 0) return [Buffer.from(empty)];
  // The whole file's JSON up to the items' "[", the items (comma-separated), what closes the array and file.
  const items = parts.flatMap((bytes, i) => (i === 0 ? [bytes] : [JSON_SEPARATOR, bytes]));
  return [Buffer.from(`${empty.slice(0, empty.lastIndexOf('[]'))}[\n`), ...items, Buffer.from('\n  ]\n}\n')];
}

/**
 * Whether a chunk's rows were checked against the schema by this open-data code already: a part is
 * kept only once its rows passed (`part`), and the JSON and CSV parts are kept by the rows' digest
 * alone. A workbook's part is kept for its place too, so a plan added at the top of a table moves
 * every chunk below it and their sheet rows are written again: checking each of those rows again
 * was a quarter of that work (0.8 s of a plan added at 5,000 plans).
 */
function rowsChecked(name: TableName, chunk: RowsChunk, code: string): boolean {
  return (['json', 'csv'] as const).some((format) => bytesFileAt(TABLE_PARTS, tablePartKey(name, format, chunk, code))?.kept === true);
}

/**
 * The part of a file each chunk makes: kept in the content cache's `namespace` under `kept.key(chunk)`
 * when there, else made by `build` and kept. The parts the file's previous version used (listed under
 * `kept.file`) and this one does not are removed. Without `kept`, every part is built and none kept.
 */
export function keptChunkParts(
  namespace: string,
  chunks: readonly RowsChunk[],
  kept: { file: string; key: (chunk: RowsChunk) => string } | undefined,
  build: (chunk: RowsChunk) => Buffer,
): Buffer[] {
  if (!kept) return chunks.map(build);
  const keys = chunks.map(kept.key);
  const parts = chunks.map((chunk, i) => {
    let bytes = cachedBytes(namespace, keys[i]!);
    if (bytes === undefined) storeBytes(namespace, keys[i]!, (bytes = build(chunk)));
    return bytes;
  });
  keepOnly(namespace, kept.file, keys);
  return parts;
}

/** Removes the parts the file's previous version used and this one does not, and records this one's. */
function keepOnly(namespace: string, file: string, keys: string[]): void {
  const previous = cachedRecord<string[]>(PART_LISTS, file) ?? [];
  const used = new Set(keys);
  for (const key of previous) if (!used.has(key)) removeRecord(namespace, key);
  if (previous.length !== keys.length || previous.some((key, i) => key !== keys[i])) storeRecord(PART_LISTS, file, keys);
}
