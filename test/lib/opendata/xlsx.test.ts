import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { strToU8, unzipSync } from 'fflate';
import { tableColumns } from '../../../src/lib/opendata/csv';
import { tableRowSchemas, type TableName } from '../../../src/lib/opendata/record-schemas';
import { crc32, inflateRawSync } from 'node:zlib';
import { columnHeader, crc32Combine, packRun, tableXlsx, xlsxColumns, zipFiles } from '../../../src/lib/opendata/xlsx';
import { zipEntries } from '../../support/zip';
import { openData } from './real-content';

const tables = Object.keys(tableRowSchemas) as TableName[];

describe('column headers', () => {
  it.each(tables)('%s: one Vietnamese header per CSV column, none empty, none repeated', (table) => {
    const columns = xlsxColumns(table);
    expect(columns.map((c) => c.key)).toEqual(tableColumns(table));
    const headers = columns.map((c) => c.header);
    for (const header of headers) expect(header, table).toMatch(/^\S.{1,60}$/);
    expect(new Set(headers).size, `${table}: ${headers.join(' | ')}`).toBe(headers.length);
  });

  it('takes the first phrase of the schema description', () => {
    expect(columnHeader('plans', 'number')).toBe('Số');
    expect(columnHeader('plans', 'slug')).toBe('Mã kế hoạch');
    expect(columnHeader('deadlines', 'date')).toBe('Ngày');
    expect(columnHeader('targets', 'position')).toBe('Thứ tự trong danh sách của kế hoạch');
    expect(columnHeader('citations', 'role')).toMatch(/^Vai trò/);
  });
});

describe('tableXlsx on the real content', () => {
  it.each(tables)('%s.xlsx reads back as the rows of %s.json, Vietnamese intact, numbers and dates typed', async (table) => {
    const workbook = openData.file(`api/v1/${table}.xlsx`).body as Buffer;
    const json = JSON.parse(openData.file(`api/v1/${table}.json`).body as string) as { items: Record<string, unknown>[] };
    const columns = xlsxColumns(table);
    const sheets = await readXlsxFile(workbook);
    expect(sheets.map((s) => s.sheet)).toEqual(['Dữ liệu', 'Giải thích cột']);
    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual(columns.map((c) => c.header));
    expect(rows).toHaveLength(json.items.length);
    rows.forEach((row, i) => {
      columns.forEach((column, j) => {
        const value = json.items[i]![column.key];
        const cell = row[j];
        const where = `${table}[${i}].${column.key}`;
        if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) expect(cell ?? null, where).toBeNull();
        else if (Array.isArray(value)) expect(cell, where).toBe(value.join('; '));
        else if (typeof value === 'number') expect(cell, where).toBe(value);
        else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) expect((cell as unknown as Date).toISOString().slice(0, 10), where).toBe(value);
        else expect(cell, where).toBe(String(value));
      });
    });
    // The legend sheet names and explains every column.
    expect(sheets[1]!.data.slice(1).map((r) => [r[0], r[1]])).toEqual(columns.map((c) => [c.header, c.key]));
  });

  it('writes Vietnamese text as it is (NFC), in its cells', () => {
    const files = unzipSync(openData.file('api/v1/plans.xlsx').body as Buffer);
    expect(files['xl/sharedStrings.xml']).toBeUndefined();
    const strings = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(strings).toContain('Trích yếu');
    expect(strings).toContain(openData.catalog.plans[0]!.data.title);
    expect(strings).toBe(strings.normalize('NFC'));
  });

  it('gives the same bytes for the same rows, whenever it runs', async () => {
    const rows = openData.rows.targets;
    const first = await tableXlsx('targets', rows);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip timestamps have a 2 s resolution
    expect((await tableXlsx('targets', rows)).equals(first)).toBe(true);
  });
});

describe('tableXlsx on awkward text', () => {
  it('escapes markup, keeps edge spaces, drops what XML cannot carry, and types only real days as dates', async () => {
    const row = structuredClone(openData.rows.agencies[0]!) as Record<string, unknown>;
    const [textKey, listKey] = ['name', 'plans'];
    expect(typeof row[textKey]).toBe('string');
    expect(Array.isArray(row[listKey])).toBe(true);
    row[textKey] = ' Sở <Nội vụ> & "Tư pháp"\u0001 ';
    row[listKey] = ['2024-01-31'];
    const sheets = await readXlsxFile(await tableXlsx('agencies', [row] as never), { trim: false });
    const columns = xlsxColumns('agencies').map((c) => c.key);
    const [, values] = sheets[0]!.data;
    expect(values![columns.indexOf(textKey)]).toBe(' Sở <Nội vụ> & "Tư pháp" ');
    // A list of one day stays text, as in the CSV.
    expect(values![columns.indexOf(listKey)]).toBe('2024-01-31');
  });
});

describe('zipFiles', () => {
  /** Each entry's time and date, from its central directory entry (offset 12) and its local header (offset 10). */
  const stamps = (zip: Buffer) => {
    const out: number[] = [];
    for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4, 'latin1')) {
      out.push(zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14));
      const local = zip.readUInt32LE(at + 42);
      out.push(zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12));
    }
    return out;
  };

  it('unzips to the same files, Vietnamese names and text intact, every entry stamped 1 January 1980', () => {
    const files = { 'a.txt': strToU8('một'), 'thư mục/tệp.xml': strToU8('<t>hai &amp; ba</t>'.repeat(500)), 'rỗng.txt': new Uint8Array() };
    const zip = zipFiles(files);
    expect(unzipSync(zip)).toEqual(files);
    expect(stamps(zip)).toEqual(Array.from({ length: 3 }, () => [0, 0x21, 0, 0x21]).flat());
    // Deflated: the repeated text takes far less room than it holds.
    expect(zip.length).toBeLessThan(2_000);
  });

  it('stamps the workbooks the same way', () => {
    const workbook = openData.file('api/v1/agencies.xlsx').body as Buffer;
    expect(Object.keys(unzipSync(workbook))).toContain('xl/workbook.xml');
    expect(new Set(stamps(workbook))).toEqual(new Set([0, 0x21]));
  });
});

describe('runs of a deflated entry', () => {
  const text = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => 'Kế hoạch số <1> & "2"\n'[(i * seed) % 23]).join(''));

  it('combines CRC-32s as the CRC-32 of the texts joined, whatever their lengths', () => {
    for (const [a, b] of [[0, 0], [0, 5], [5, 0], [1, 1], [100, 3], [3, 100_000], [70_000, 123_457]] as const) {
      const [first, second] = [text(a, 7), text(b, 11)];
      expect(crc32Combine(crc32(first), crc32(second), second.length), `${a} + ${b} bytes`).toBe(crc32(Buffer.concat([first, second])));
    }
  });

  it('joins runs deflated on their own into one entry that inflates to their texts joined, checksum and length right', () => {
    const texts = [text(40_000, 3), text(0, 1), text(1, 5), text(90_000, 13)];
    const runs = texts.map((t) => packRun(t));
    // Each run ends on a byte boundary with a sync flush (an empty stored block), and none is final.
    for (const run of runs) expect([...run.packed.subarray(-4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
    const entry = { packed: [...runs.map((run) => run.packed), Buffer.from([0x03, 0x00])], crc: 0, size: 0 };
    expect(inflateRawSync(Buffer.concat(entry.packed)).equals(Buffer.concat(texts))).toBe(true);
    const zip = zipFiles({ 'một.txt': texts[0]!, 'ghép.xml': { ...entry, crc: crc32(Buffer.concat(texts)), size: Buffer.concat(texts).length } });
    expect(zipEntries(zip)['ghép.xml']!.equals(Buffer.concat(texts))).toBe(true);
    expect(zipEntries(zip)['một.txt']!.equals(texts[0]!)).toBe(true);
  });
});

