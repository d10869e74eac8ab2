import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { jsonSchemaFor, schemaNames } from '../../../src/lib/opendata/json-schema';
import { openData, PREFIX, ctx } from './real-content';

function compile(name: (typeof schemaNames)[number]) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(jsonSchemaFor(name, ctx));
}

describe('JSON Schemas generated from the zod record schemas', () => {
  it.each(schemaNames)('%s is a strict draft 2020-12 schema with its own URL as $id', (name) => {
    const schema = jsonSchemaFor(name, ctx);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`${PREFIX}api/v1/schema/${name}.json`);
    expect(() => compile(name)).not.toThrow();
  });

  it('marks ISO dates with format "date" and a pattern, nullable ones as anyOf [date, null]', () => {
    const plan = jsonSchemaFor('plan', ctx) as any;
    expect(plan.properties.issuedOn.anyOf[0]).toMatchObject({ type: 'string', format: 'date' });
    expect(plan.properties.issuedOn.anyOf[1]).toEqual({ type: 'null' });
    expect(plan.properties.deadlines.items.properties.date).toMatchObject({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(plan.required).toEqual(expect.arrayContaining(['issuedOn', 'number', 'basis', 'bodyText']));
    expect(plan.additionalProperties).toBe(false);
  });

  it('accepts every published JSON file of the real content', () => {
    const validators = new Map(schemaNames.map((name) => [`${PREFIX}api/v1/schema/${name}.json`, compile(name)]));
    const jsonFiles = openData.allFiles().filter((f) => f.format === 'JSON');
    expect(jsonFiles.length).toBeGreaterThanOrEqual(6 + 5);
    for (const file of jsonFiles) {
      const data = JSON.parse(openData.text(file.path));
      const validate = validators.get(data.$schema);
      expect(validate, `${file.path}: $schema ${data.$schema}`).toBeDefined();
      expect(validate!(data), `${file.path}: ${JSON.stringify(validate!.errors)}`).toBe(true);
    }
  });

  it('rejects a record that breaks the contract', () => {
    const validate = compile('deadlines');
    const good = JSON.parse(openData.text('api/v1/deadlines.json'));
    expect(validate(good)).toBe(true);
    const badDate = structuredClone(good);
    badDate.items[0].date = '25/3/2024';
    expect(validate(badDate)).toBe(false);
    const extra = structuredClone(good);
    extra.items[0].ghiChu = 'x';
    expect(validate(extra)).toBe(false);
    const missing = structuredClone(good);
    delete missing.items[0].qualifier;
    expect(validate(missing)).toBe(false);
  });
});
