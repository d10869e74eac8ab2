import { paths } from '../paths';
import { site } from '../../site.config';
import { apiPaths, urlOf } from './context';
import { LIST_DELIMITER } from './csv';
import { toJsonSchema } from './json-schema';
import type { OpenData } from './types';
import { tableNames, tableRowSchemas, type TableName } from './record-schemas';

/*
 * Frictionless Data Package v2 (https://datapackage.org/) describing the CSV tables: one resource
 * per CSV with a Table Schema derived from the same JSON Schema the JSON files are validated with,
 * primary keys, and foreign keys between tables.
 */

export interface TableSchemaField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'list';
  description?: string;
  format?: string;
  itemType?: 'string';
  delimiter?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number };
}

export interface ForeignKey {
  fields: string[];
  /** `resource` is omitted for a reference to the same table (Table Schema v2). */
  reference: { resource?: TableName; fields: string[] };
}

const PRIMARY_KEYS: Record<TableName, string[]> = {
  plans: ['slug'],
  targets: ['id'],
  deadlines: ['id'],
  citations: ['plan', 'role', 'position'],
  agencies: ['id'],
  documents: ['id'],
  reports: ['slug'],
  results: ['id'],
};

const FOREIGN_KEYS: Record<TableName, ForeignKey[]> = {
  plans: [{ fields: ['issuer'], reference: { resource: 'agencies', fields: ['id'] } }],
  targets: [{ fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } }],
  deadlines: [
    { fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } },
    { fields: ['owner'], reference: { resource: 'agencies', fields: ['id'] } },
    { fields: ['submitTo'], reference: { resource: 'agencies', fields: ['id'] } },
  ],
  citations: [
    { fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } },
    { fields: ['document'], reference: { resource: 'documents', fields: ['id'] } },
  ],
  agencies: [{ fields: ['parent'], reference: { fields: ['id'] } }],
  documents: [{ fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } }],
  reports: [{ fields: ['issuer'], reference: { resource: 'agencies', fields: ['id'] } }],
  results: [
    { fields: ['report'], reference: { resource: 'reports', fields: ['slug'] } },
    { fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } },
    { fields: ['target'], reference: { resource: 'targets', fields: ['id'] } },
  ],
};

interface JsonProp {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  description?: string;
  anyOf?: JsonProp[];
  items?: JsonProp;
}

/** JSON Schema property → Table Schema field (the CSV cell's lexical type). */
export function tableSchemaField(name: string, prop: JsonProp, required: boolean): TableSchemaField {
  // zod writes a nullable primitive as `type: [T, "null"]` and a nullable refined one as `anyOf`.
  const variants: JsonProp[] = prop.anyOf ?? (Array.isArray(prop.type) ? prop.type.map((type) => ({ ...prop, type })) : [prop]);
  const value = variants.find((v) => v.type !== 'null') ?? {};
  const nullable = variants.some((v) => v.type === 'null');
  const field: TableSchemaField = { name, type: 'string' };
  if (prop.description) field.description = prop.description;
  const constraints: NonNullable<TableSchemaField['constraints']> = {};
  if (value.type === 'string' && value.format === 'date') field.type = 'date';
  else if (value.type === 'string') {
    if (value.format === 'uri') field.format = 'uri';
    if (value.enum) constraints.enum = value.enum;
    if (value.pattern) constraints.pattern = value.pattern;
  } else if (value.type === 'integer') {
    field.type = 'integer';
    if (typeof value.minimum === 'number') constraints.minimum = value.minimum;
  } else if (value.type === 'number') field.type = 'number';
  else if (value.type === 'array') {
    field.type = 'list';
    field.itemType = 'string';
    field.delimiter = LIST_DELIMITER;
  } else if (value.enum) constraints.enum = value.enum;
  if (required && !nullable && field.type !== 'list') constraints.required = true;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

export function tableSchema(name: TableName) {
  const json = toJsonSchema(tableRowSchemas[name]) as { properties: Record<string, JsonProp>; required?: string[] };
  const required = new Set(json.required ?? []);
  return {
    fields: Object.entries(json.properties).map(([field, prop]) => tableSchemaField(field, prop, required.has(field))),
    missingValues: [''],
    primaryKey: PRIMARY_KEYS[name],
    foreignKeys: FOREIGN_KEYS[name],
  };
}

/** The CSV dialect every table is written with (see csv.ts). */
export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

export function dataPackage(openData: OpenData) {
  const { ctx, datasets } = openData;
  const titles = new Map(datasets.map((d) => [d.id as string, d]));
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'ke-hoach-mo',
    id: urlOf(ctx, apiPaths.dataPackage()),
    title: `${site.name}: dữ liệu mở các kế hoạch`,
    description: `Các bảng dữ liệu của ${site.name} (${site.agency}) dạng CSV UTF-8: kế hoạch, chỉ tiêu, thời hạn, văn bản căn cứ và trích dẫn, cơ quan, văn bản, báo cáo kết quả và kết quả theo chỉ tiêu. Cùng nội dung với các tệp JSON cùng tên.`,
    homepage: urlOf(ctx, paths.openData()),
    licenses: [{ name: 'CC-BY-4.0', path: site.license.url, title: site.license.name }],
    contributors: [{ title: site.agency, path: site.portalUrl, roles: ['publisher'] }],
    keywords: ['kế hoạch', 'dữ liệu mở', 'Tây Ninh'],
    resources: tableNames.map((name) => {
      const path = apiPaths.table(name, 'csv');
      const file = openData.summary(path);
      const dataset = titles.get(name);
      return {
        name,
        type: 'table',
        path: path.slice(path.lastIndexOf('/') + 1),
        title: dataset?.title ?? name,
        description: dataset?.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        dialect: CSV_DIALECT,
        schema: tableSchema(name),
      };
    }),
  };
}
