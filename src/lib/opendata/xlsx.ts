/**
 * Each table as an Excel workbook (.xlsx). Vietnamese-locale Excel splits a CSV on ";" and so
 * mangles it, while a workbook opens as it is. The CSV stays the contract; the workbook is the same
 * rows for people:
 *
 * - sheet 1 ("Dữ liệu"): one header row of Vietnamese column names, bold and frozen, then one row
 *   per record; numbers are numbers, ISO days are Excel dates shown dd/mm/yyyy, lists are joined
 *   with "; " as in the CSV, null is an empty cell; text is in the shared strings table;
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
 */
import { crc32, deflateRawSync } from 'node:zlib';
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
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
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
    `<Relationship Id="rId${SHEET_NAMES.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${SHEET_NAMES.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
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

/** The workbook's shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];

  ref(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.index.set(text, at);
      // xml:space keeps the leading and trailing spaces a reader would otherwise drop.
      this.items.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`);
    }
    return at;
  }

  xml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.items.length}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** One cell's XML, typed as `tableXlsx` describes; '' for an empty cell. */
function cellXml(ref: string, value: unknown, strings: SharedStrings, style: number = STYLE.plain): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"${style ? ` s="${style}"` : ''}><v>${value ? 1 : 0}</v></c>`;
  const text = Array.isArray(value) ? value.map(String).join(LIST_DELIMITER) : String(value);
  if (text === '') return '';
  if (typeof value === 'string' && ISO_DAY.test(text)) return `<c r="${ref}" s="${STYLE.date}"><v>${excelDay(text)}</v></c>`;
  return `<c r="${ref}" t="s"${style ? ` s="${style}"` : ''}><v>${strings.ref(text)}</v></c>`;
}

/** A worksheet: the rows (the first frozen as the header), each cell with its style, and column widths. */
function sheetXml(rows: { values: unknown[]; styles: readonly number[] }[], widths: number[], strings: SharedStrings, selected: boolean): string {
  const letters = widths.map((_, i) => columnName(i));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
  ];
  rows.forEach(({ values, styles }, r) => {
    let cells = '';
    for (let c = 0; c < values.length; c++) cells += cellXml(`${letters[c]}${r + 1}`, values[c], strings, styles[c]);
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** Width in characters for a column: its longest cell, within 10–60. */
function width(header: string, values: string[]): number {
  return Math.min(60, Math.max(10, header.length + 2, ...values.map((v) => v.length + 1)));
}

/** One table as an .xlsx workbook; the rows are the same as the CSV's and the JSON's. */
export async function tableXlsx<T extends TableName>(name: T, rows: TableRows[T]): Promise<Buffer> {
  const columns = xlsxColumns(name);
  const records = rows as unknown as Record<string, unknown>[];
  const strings = new SharedStrings();
  const plain = columns.map(() => STYLE.plain);
  const data = [
    { values: columns.map((c) => c.header), styles: columns.map(() => STYLE.header) },
    ...records.map((row) => ({ values: columns.map((c) => row[c.key]), styles: plain })),
  ];
  const sample = records.slice(0, 200);
  const widths = columns.map((c) => width(c.header, sample.map((row) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key])))));
  const legend = [
    { values: ['Cột', 'Tên trường trong CSV và JSON', 'Ý nghĩa'], styles: [STYLE.bold, STYLE.bold, STYLE.bold] },
    ...columns.map((c) => ({ values: [c.header, c.key, c.description], styles: [STYLE.plain, STYLE.plain, STYLE.wrap] })),
  ];
  const sheets = [sheetXml(data, widths, strings, true), sheetXml(legend, [40, 28, 80], strings, false)];
  const files: Record<string, Uint8Array> = {};
  for (const [path, xml] of Object.entries(PACKAGE_FILES)) files[path] = Buffer.from(xml, 'utf8');
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = Buffer.from(xml, 'utf8')));
  files['xl/sharedStrings.xml'] = Buffer.from(strings.xml(), 'utf8');
  return zipFiles(files);
}

/** DOS date of 1 January 1980 (the zip epoch), time 00:00: what every entry is stamped with. */
const ZIP_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip file of `files` (APPNOTE 6.3: deflated entries, no extra fields, UTF-8 names), every entry
 * stamped with the zip epoch so the bytes depend on the content only. Deflated by Node's zlib,
 * twice as fast as a JavaScript deflate at the same level.
 */
export function zipFiles(files: Record<string, Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of Object.entries(files)) {
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 name
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(ZIP_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
    if (offset > 0xffffffff) throw new Error('xlsx: over 4 GB needs Zip64');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
