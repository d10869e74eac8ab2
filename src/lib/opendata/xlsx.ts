/**
 * Each table as an Excel workbook (.xlsx). Vietnamese-locale Excel splits a CSV on ";" and so
 * mangles it, while a workbook opens as it is. The CSV stays the contract; the workbook is the same
 * rows for people:
 *
 * - sheet 1 ("Dữ liệu"): one header row of Vietnamese column names, bold and frozen, then one row
 *   per record; numbers are numbers, ISO days are Excel dates shown dd/mm/yyyy, lists are joined
 *   with "; " as in the CSV, null is an empty cell; text is written in its cell (an inline string),
 *   so that a run of rows is written the same wherever the rest of the table changes;
 * - sheet 2 ("Giải thích cột"): each column's Vietnamese name, its key in the CSV and JSON, and
 *   its description from the published schema.
 *
 * Column names come from the schema descriptions (`record-schemas.ts`), so a column is named and
 * explained in one place. The zip entries' timestamps are set to a fixed day, so the same rows give
 * the same bytes on every build (the checksums and the incremental build rely on it).
 *
 * The sheets are written here as SpreadsheetML (ECMA-376 part 1, §18) and zipped with zlib. The
 * write-excel-file package did the same through a generic XML builder, at five times the cost:
 * 4.6 s for the four large tables of 5,000 plans, 61 s at 50,000, after every edit that touched
 * them (docs/scale.md).
 *
 * The data rows of a sheet are a function of the rows and the place of the first (`dataRowsXml`),
 * so the tables written chunk by chunk (table-files.ts) keep each chunk's rows deflated on their own
 * (`packRun`, as pigz deflates a file in blocks) and join them (`workbookFromParts`). `tableXlsx`
 * writes the same sheets from the rows in one run. Text was in the shared strings table until
 * 5 December 2026, which numbers each text by where it first appears in the whole workbook.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { LIST_DELIMITER } from './csv';
import { xmlText } from './xml';
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

/** Cell styles, as indexes into styles.xml's cellXfs. */
const STYLE = { plain: 0, header: 1, date: 2, wrap: 3, bold: 4 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const SHEET_NAMES = ['Dữ liệu', 'Giải thích cột'] as const;

const PACKAGE_FILES: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    SHEET_NAMES.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets>${SHEET_NAMES.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    SHEET_NAMES.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${SHEET_NAMES.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': STYLES_XML,
};

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days from Excel's day zero (30 December 1899, 1900 date system) to an ISO day. */
function excelDay(iso: string): number {
  return (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** One cell's XML, typed as `tableXlsx` describes; '' for an empty cell. */
function cellXml(ref: string, value: unknown, style: number = STYLE.plain): string {
  if (value === null || value === undefined) return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"${s}><v>${value ? 1 : 0}</v></c>`;
  const text = Array.isArray(value) ? value.map(String).join(LIST_DELIMITER) : String(value);
  if (text === '') return '';
  if (typeof value === 'string' && ISO_DAY.test(text)) return `<c r="${ref}" s="${STYLE.date}"><v>${excelDay(text)}</v></c>`;
  // xml:space keeps the leading and trailing spaces a reader would otherwise drop.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${xmlText(text)}</t></is></c>`;
}

interface SheetRow {
  values: readonly unknown[];
  styles: readonly number[];
}

/** Rows of a sheet as `<row>` XML, the first numbered `firstRow` (1-based, as Excel counts). */
function rowsXml(rows: readonly SheetRow[], firstRow: number): string {
  let xml = '';
  const letters: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const { values, styles } = rows[r]!;
    const at = firstRow + r;
    xml += `<row r="${at}">`;
    for (let c = 0; c < values.length; c++) xml += cellXml(`${(letters[c] ??= columnName(c))}${at}`, values[c], styles[c]);
    xml += '</row>';
  }
  return xml;
}

/** A worksheet's XML up to its rows: the header frozen, column widths. */
function sheetHead(widths: readonly number[], selected: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>` +
    '<sheetData>'
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';

/** Width in characters for a column: its longest cell, within 10–60. */
function width(header: string, values: string[]): number {
  return Math.min(60, Math.max(10, header.length + 2, ...values.map((v) => v.length + 1)));
}

/** How many rows from the top of a table size its columns. */
export const WIDTH_SAMPLE_ROWS = 200;

/**
 * The data rows of a table's first sheet, as XML: `rows` are the table's rows from its row
 * `firstIndex` (0-based; the header is sheet row 1, so they start at sheet row `firstIndex + 2`).
 */
export function dataRowsXml<T extends TableName>(name: T, rows: readonly TableRows[T][number][], firstIndex: number): string {
  const columns = xlsxColumns(name);
  const plain = columns.map(() => STYLE.plain);
  const records = rows as unknown as Record<string, unknown>[];
  return rowsXml(records.map((row) => ({ values: columns.map((c) => row[c.key]), styles: plain })), firstIndex + 2);
}

/**
 * A run of a zip entry's bytes deflated on its own: `packed` ends on a byte boundary with an empty
 * stored block and no final block (zlib's sync flush), so runs joined in order, then a final block,
 * inflate to their texts joined. `crc` and `size` are the CRC-32 and length of the text.
 */
export interface PackedRun {
  packed: Uint8Array;
  crc: number;
  size: number;
}

/** `text` as a run of a deflated entry (see PackedRun). */
export function packRun(text: string | Uint8Array): PackedRun {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { packed: deflateRawSync(bytes, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(bytes), size: bytes.length };
}

/** An empty final block of fixed Huffman codes (BFINAL 1, BTYPE 01, end of block): what ends a run of sync-flushed parts. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** A deflated zip entry made of runs (its text is theirs, joined in order). */
export interface PackedEntry {
  packed: Uint8Array[];
  crc: number;
  size: number;
}

/** Joins runs into one entry: their deflated bytes and a final block, the CRC-32 of their texts joined. */
function joinRuns(runs: readonly PackedRun[]): PackedEntry {
  let crc = 0;
  let size = 0;
  for (const run of runs) {
    crc = crc32Combine(crc, run.crc, run.size);
    size += run.size;
  }
  return { packed: [...runs.map((run) => run.packed), FINAL_BLOCK], crc, size };
}

/**
 * The CRC-32 of two texts joined, from the CRC-32 of each and the second's length (zlib's
 * crc32_combine, by its "GF(2) matrix" method): the parts of a sheet are not kept as text.
 */
export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1 >>> 0;
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
    return sum >>> 0;
  };
  const square = (into: Uint32Array, matrix: Uint32Array) => {
    for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]!);
  };
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial: the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crc1 >>> 0;
  let length = length2;
  // Apply length2 zero bytes to crc1: the first squaring gives the operator for one zero byte.
  do {
    square(even, odd);
    if (length & 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    square(odd, even);
    if (length & 1) crc = times(odd, crc);
    length = Math.floor(length / 2);
  } while (length !== 0);
  return (crc ^ crc2) >>> 0;
}

/**
 * A table's workbook from its data rows (`packRun` of `dataRowsXml`: of the whole table, or of its
 * runs of rows in order) and its first rows (`WIDTH_SAMPLE_ROWS` of them, or all), which size the
 * columns: the file's bytes in pieces, in order (`zipPieces`), not joined.
 */
export function workbookFromParts<T extends TableName>(name: T, sample: readonly TableRows[T][number][], dataRows: readonly PackedRun[]): Uint8Array[] {
  const columns = xlsxColumns(name);
  const records = sample.slice(0, WIDTH_SAMPLE_ROWS) as unknown as Record<string, unknown>[];
  const widths = columns.map((c) => width(c.header, records.map((row) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key])))));
  const header = rowsXml([{ values: columns.map((c) => c.header), styles: columns.map(() => STYLE.header) }], 1);
  const legend = [
    { values: ['Cột', 'Tên trường trong CSV và JSON', 'Ý nghĩa'], styles: [STYLE.bold, STYLE.bold, STYLE.bold] },
    ...columns.map((c) => ({ values: [c.header, c.key, c.description], styles: [STYLE.plain, STYLE.plain, STYLE.wrap] })),
  ];
  const files: Record<string, Uint8Array | PackedEntry> = {};
  for (const [path, xml] of Object.entries(PACKAGE_FILES)) files[path] = Buffer.from(xml, 'utf8');
  files['xl/worksheets/sheet1.xml'] = joinRuns([packRun(sheetHead(widths, true) + header), ...dataRows, packRun(SHEET_TAIL)]);
  files['xl/worksheets/sheet2.xml'] = Buffer.from(sheetHead([40, 28, 80], false) + rowsXml(legend, 1) + SHEET_TAIL);
  return zipPieces(files);
}

/** One table as an .xlsx workbook; the rows are the same as the CSV's and the JSON's. */
export function tableXlsx<T extends TableName>(name: T, rows: TableRows[T]): Buffer {
  return Buffer.concat(workbookFromParts(name, rows, [packRun(dataRowsXml(name, rows, 0))]));
}

/** DOS date of 1 January 1980 (the zip epoch), time 00:00: what every entry is stamped with. */
const ZIP_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip file of `files` (APPNOTE 6.3: deflated entries, no extra fields, UTF-8 names), every entry
 * stamped with the zip epoch so the bytes depend on the content only. Deflated by Node's zlib,
 * twice as fast as a JavaScript deflate at the same level.
 */
export function zipFiles(files: Record<string, Uint8Array | PackedEntry>): Buffer {
  return Buffer.concat(zipPieces(files));
}

/**
 * `zipFiles`' bytes in pieces, in order, not joined: a workbook of a large table (25 MB at 50,000
 * plans) is written piece by piece (src/lib/opendata/publish.ts).
 */
export function zipPieces(files: Record<string, Uint8Array | PackedEntry>): Uint8Array[] {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of Object.entries(files)) {
    const name = Buffer.from(path, 'utf8');
    const entry = data instanceof Uint8Array ? { packed: [deflateRawSync(data, { level: 6 })], crc: crc32(data), size: data.length } : data;
    const { crc } = entry;
    const packedLength = entry.packed.reduce((sum, run) => sum + run.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 name
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(ZIP_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packedLength, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, ...entry.packed);
    centrals.push(central, name);
    offset += local.length + name.length + packedLength;
    if (offset > 0xffffffff) throw new Error('xlsx: over 4 GB needs Zip64');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...locals, directory, end];
}
