import { stringify } from 'csv-stringify/sync';
import { tableRowSchemas, type TableName, type TableRows } from './record-schemas';

/** Separator of list cells (topics, plan slugs); datapackage.json declares it for `list` fields. */
export const LIST_DELIMITER = '; ';

/** Column names of a table, in file order: the keys of its row schema. */
export function tableColumns(name: TableName): string[] {
  return Object.keys(tableRowSchemas[name].shape);
}

/** Numbers stay numbers, so the formula guard can tell a negative value (-5) from text that starts with "-". */
function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(LIST_DELIMITER);
  if (typeof value === 'number') return value;
  return String(value);
}

/**
 * RFC 4180 CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends, one header row, fields quoted only when they must be. `null` is an
 * empty cell, lists are joined with "; ", dates stay ISO 8601 strings.
 * Text cells are neutralised against spreadsheet formulas (OWASP "CSV injection"): a text cell
 * starting with =, +, -, @, tab or carriage return (or their full-width forms) gets a leading "'",
 * so Excel shows it as text instead of running it. Number cells are left as they are: -5 is a value.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return csvRecords(columns, rows, { head: true });
}

/**
 * The records of `rows` as `toCsv` writes them, without the byte-order mark and header (`head`
 * false): a file's records written in parts join into the records of the whole, since each record
 * ends with its own CRLF (the table files of table-files.ts).
 */
export function csvRecords(columns: readonly string[], rows: readonly Record<string, unknown>[], { head = false }: { head?: boolean } = {}): string {
  return stringify(
    rows.map((row) => columns.map((column) => cell(row[column]))),
    {
      bom: head,
      header: head,
      columns: [...columns],
      record_delimiter: '\r\n',
      quote: '"',
      escape: '"',
      delimiter: ',',
      // csv-stringify only quotes a field holding the record delimiter itself; a bare LF must be quoted too.
      quoted_match: /[\r\n]/,
      escape_formulas: true,
    },
  );
}

/** The byte-order mark and header row of a table's CSV: `tableCsv` of no rows. */
export function tableCsvHead(name: TableName): string {
  return toCsv(tableColumns(name), []);
}

/** Throws if a row's keys drift from the table's schema columns (the JSON and CSV must agree). */
export function checkCsvColumns(name: TableName, columns: readonly string[], rows: readonly object[]): void {
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) {
      throw new Error(`Open data: ${name} row keys [${keys.join(', ')}] differ from the schema columns [${columns.join(', ')}]`);
    }
  }
}

/** One table as CSV; throws if a row's keys drift from the schema (the JSON and CSV must agree). */
export function tableCsv<T extends TableName>(name: T, rows: TableRows[T]): string {
  const columns = tableColumns(name);
  checkCsvColumns(name, columns, rows);
  return toCsv(columns, rows as unknown as Record<string, unknown>[]);
}
