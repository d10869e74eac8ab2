import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { tableColumns } from '../../../src/lib/opendata/csv';
import { tableNames } from '../../../src/lib/opendata/record-schemas';
import { openData } from './real-content';

const pkg = JSON.parse(openData.text('api/v1/datapackage.json'));
const resources = new Map<string, any>(pkg.resources.map((r: any) => [r.name, r]));

/** A CSV cell read the way the Table Schema says: what a Frictionless reader would get. */
function castCell(field: any, cell: string): unknown {
  if (cell === '') return field.type === 'list' ? [] : null;
  switch (field.type) {
    case 'integer':
      expect(cell).toMatch(/^-?\d+$/);
      return Number(cell);
    case 'number':
      return Number(cell);
    case 'date':
      expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      return cell;
    case 'list':
      return cell.split(field.delimiter);
    default:
      return cell;
  }
}

function table(name: string): Record<string, unknown>[] {
  const resource = resources.get(name);
  const fields = new Map<string, any>(resource.schema.fields.map((f: any) => [f.name, f]));
  const records = parse(openData.text(`api/v1/${resource.path}`), { bom: true, columns: true }) as Record<string, string>[];
  return records.map((record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, castCell(fields.get(k), v)])));
}

describe('datapackage.json', () => {
  it('is a Data Package v2 with one CSV resource per table', () => {
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect([...resources.keys()]).toEqual(tableNames);
    for (const r of pkg.resources) {
      expect(r).toMatchObject({ type: 'table', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', path: `${r.name}.csv` });
      expect(r.dialect).toMatchObject({ header: true, delimiter: ',', lineTerminator: '\r\n' });
    }
  });

  it('gives each resource its exact size and sha256', () => {
    for (const r of pkg.resources) {
      const body = openData.text(`api/v1/${r.path}`);
      expect(r.bytes).toBe(Buffer.byteLength(body));
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
    }
  });

  it.each(tableNames)('%s: Table Schema fields are the CSV columns, and typed cells equal the JSON rows', (name) => {
    const fields = resources.get(name).schema.fields;
    expect(fields.map((f: any) => f.name)).toEqual(tableColumns(name));
    const json = JSON.parse(openData.text(`api/v1/${name}.json`)).items;
    expect(table(name)).toEqual(json);
  });

  it.each(tableNames)('%s: the primary key is unique and required fields are filled', (name) => {
    const { schema } = resources.get(name);
    const rows = table(name);
    const keys = rows.map((row) => schema.primaryKey.map((k: string) => row[k]).join('|'));
    expect(new Set(keys).size).toBe(rows.length);
    for (const field of schema.fields.filter((f: any) => f.constraints?.required)) {
      for (const row of rows) expect(row[field.name], `${name}.${field.name}`).not.toBeNull();
    }
  });

  it.each(tableNames)('%s: every foreign key points at an existing row', (name) => {
    const { schema } = resources.get(name);
    const rows = table(name);
    for (const fk of schema.foreignKeys) {
      const target = table(fk.reference.resource ?? name);
      const keys = new Set(target.map((row) => fk.reference.fields.map((k: string) => row[k]).join('|')));
      for (const row of rows) {
        const values = fk.fields.map((k: string) => row[k]);
        if (values.some((v: unknown) => v === null)) continue;
        expect(keys.has(values.join('|')), `${name}.${fk.fields} = ${values} → ${fk.reference.resource ?? name}`).toBe(true);
      }
    }
  });
});
