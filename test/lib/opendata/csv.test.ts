import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { LIST_DELIMITER, tableColumns, toCsv } from '../../../src/lib/opendata/csv';
import { tableNames } from '../../../src/lib/opendata/record-schemas';
import { openData } from './real-content';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('writes a BOM, one header row, CRLF line ends and RFC 4180 quoting', () => {
    const csv = toCsv(['a', 'b', 'c'], [
      { a: 'Sở "TTTT", Tây Ninh', b: null, c: ['x', 'y'] },
      { a: 'hai\ndòng', b: 100, c: [] },
    ]);
    expect(csv).toBe(`${BOM}a,b,c\r\n"Sở ""TTTT"", Tây Ninh",,x${LIST_DELIMITER}y\r\n"hai\ndòng",100,\r\n`);
  });

  it('neutralises text cells a spreadsheet would run as a formula (OWASP), and leaves numbers alone', () => {
    const formulas = ['=HYPERLINK("http://x.example","bấm")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1', '＋1', '－1', '＠1'];
    const csv = toCsv(['text', 'value'], [...formulas.map((text) => ({ text, value: -5 })), { text: ['=a', 'b'], value: 0 }]);
    const rows = parse(csv, { bom: true, columns: true }) as Array<{ text: string; value: string }>;
    expect(rows.map((r) => r.text)).toEqual([...formulas.map((f) => `'${f}`), `'=a${LIST_DELIMITER}b`]);
    // A negative number is a value, not a formula; it stays a number Excel can sum.
    expect(rows.map((r) => r.value)).toEqual([...formulas.map(() => '-5'), '0']);
    expect(toCsv(['text'], [{ text: 'Kế hoạch - 2024' }, { text: '100%' }])).toBe(`${BOM}text\r\nKế hoạch - 2024\r\n100%\r\n`);
  });
});

/** What a JSON value becomes in the CSV: text a spreadsheet would run as a formula gets a leading "'". */
function csvText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.join(LIST_DELIMITER) : String(value);
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}

describe.each(tableNames)('%s.csv', (name) => {
  const csv = openData.text(`api/v1/${name}.csv`);
  const json = JSON.parse(openData.text(`api/v1/${name}.json`));

  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
  });

  it('has one header row naming the columns of the JSON rows', () => {
    const [header] = parse(csv, { bom: true, to_line: 1 }) as string[][];
    expect(header).toEqual(tableColumns(name));
    expect(Object.keys(json.items[0] ?? {})).toEqual(json.items.length ? header : []);
  });

  it('parses back to the JSON rows', () => {
    const records = parse(csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(records).toHaveLength(json.count);
    records.forEach((record, i) => {
      const row = json.items[i];
      for (const [key, value] of Object.entries(row)) {
        expect(record[key], `${name}[${i}].${key}`).toBe(csvText(value));
      }
    });
  });
});
