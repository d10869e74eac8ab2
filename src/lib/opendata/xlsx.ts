/**
 * Each table as an Excel workbook (.xlsx), written with write-excel-file. Vietnamese-locale Excel
 * splits a CSV on ";" and so mangles it, while a workbook opens as it is. The CSV stays the
 * contract; the workbook is the same rows for people:
 *
 * - sheet 1 ("Dữ liệu"): one header row of Vietnamese column names, frozen, then one row per
 *   record; numbers are numbers, ISO days are Excel dates shown dd/mm/yyyy, lists are joined with
 *   "; " as in the CSV, null is an empty cell;
 * - sheet 2 ("Giải thích cột"): each column's Vietnamese name, its key in the CSV and JSON, and
 *   its description from the published schema.
 *
 * Column names come from the schema descriptions (`record-schemas.ts`), so a column is named and
 * explained in one place. The zip entries' timestamps are set to a fixed day, so the same rows give
 * the same bytes on every build (the checksums and the incremental build rely on it).
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import { LIST_DELIMITER } from './csv';
import { tableRowSchemas, type TableName, type TableRows } from './record-schemas';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column: key in the CSV and JSON, Vietnamese header, description from the schema. */
export interface XlsxColumn {
  key: string;
  header: string;
  description: string;
}

/** Header names where the description's first phrase does not make one. */
const HEADER_OVERRIDES: Partial<Record<string, string>> = {
  role: 'Vai trò (basis: căn cứ, citation: trích dẫn)',
};

/**
 * The header of a column: its description up to the first aside ("(", ":", ";", ", hoặc", ", cũng",
 * ", bắt đầu"), so "Số, hoặc trống khi bản sao chưa ghi số" heads its column as "Số".
 * @example columnHeader('deadlines', 'date') // 'Ngày'
 */
export function columnHeader(table: TableName, key: string): string {
  const override = HEADER_OVERRIDES[key];
  if (override) return override;
  const description = (tableRowSchemas[table].shape as Record<string, { description?: string }>)[key]?.description;
  if (!description) throw new Error(`Open data: column ${table}.${key} has no description in its schema`);
  return description.split(/\s*[(:;]|,\s*(?:hoặc|cũng|bắt đầu)\b/)[0]!.trim();
}

export function xlsxColumns(table: TableName): XlsxColumn[] {
  const shape = tableRowSchemas[table].shape as Record<string, { description?: string }>;
  return Object.keys(shape).map((key) => ({ key, header: columnHeader(table, key), description: shape[key]!.description ?? '' }));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return { value: value.map(String).join(LIST_DELIMITER), type: String };
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'boolean') return { value, type: Boolean };
  const text = String(value);
  if (ISO_DAY.test(text)) return { value: new Date(`${text}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
  return { value: text, type: String };
}

/** Width in characters for a column: its longest cell, within 10–60. */
function width(header: string, values: string[]): number {
  return Math.min(60, Math.max(10, header.length + 2, ...values.map((v) => v.length + 1)));
}

/** One table as an .xlsx workbook; the rows are the same as the CSV's and the JSON's. */
export async function tableXlsx<T extends TableName>(name: T, rows: TableRows[T]): Promise<Buffer> {
  const columns = xlsxColumns(name);
  const records = rows as unknown as Record<string, unknown>[];
  const header: Row = columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const, wrap: true }));
  const data: Row[] = [header, ...records.map((row) => columns.map((c) => cell(row[c.key])))];
  const sample = records.slice(0, 200);
  const widths = columns.map((c) => ({ width: width(c.header, sample.map((row) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key])))) }));
  const legend: Row[] = [
    ['Cột', 'Tên trường trong CSV và JSON', 'Ý nghĩa'].map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...columns.map((c) => [
      { value: c.header, type: String },
      { value: c.key, type: String },
      { value: c.description, type: String, wrap: true },
    ]),
  ];
  const workbook = await writeXlsxFile(
    [
      { data, sheet: 'Dữ liệu', columns: widths, stickyRowsCount: 1 },
      { data: legend, sheet: 'Giải thích cột', columns: [{ width: 40 }, { width: 28 }, { width: 80 }], stickyRowsCount: 1 },
    ],
    { fontFamily: 'Calibri', fontSize: 11 },
  ).toBuffer();
  return withFixedZipTimestamps(workbook);
}

/** DOS date of 1 January 1980 (the zip epoch), time 00:00: what every entry is stamped with. */
const ZIP_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Sets every entry's modification time in a zip file (local headers and central directory) to the
 * zip epoch, so the bytes depend on the content only. Only the timestamp fields change; CRCs and
 * offsets stay valid. Throws on anything that is not a plain single-disk zip.
 */
export function withFixedZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > out.length) throw new Error('xlsx: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let central = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(central) !== 0x02014b50) throw new Error('xlsx: malformed central directory');
    out.writeUInt16LE(0, central + 12);
    out.writeUInt16LE(ZIP_DATE, central + 14);
    const local = out.readUInt32LE(central + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('xlsx: malformed local header');
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(ZIP_DATE, local + 12);
    central += 46 + out.readUInt16LE(central + 28) + out.readUInt16LE(central + 30) + out.readUInt16LE(central + 32);
  }
  return out;
}
