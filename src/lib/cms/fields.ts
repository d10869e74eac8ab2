import type { z } from 'astro/zod';
import { agencyId, documentId, isoDate } from '../../schemas/common';

/**
 * A Decap CMS field (the subset this project generates). Decap's config format is shared by Sveltia
 * CMS, so the same fields work in either editor.
 */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'select' | 'datetime' | 'list' | 'object' | 'relation' | 'markdown' | 'hidden' | 'boolean';
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: string[];
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  /** relation widget */
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  /** datetime widget */
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  /** list widget */
  allow_add?: boolean;
  add_to_top?: boolean;
}

/** Vietnamese label and help text of one field, keyed by its path ("targets.value"). */
export interface FieldLabel {
  label: string;
  hint?: string;
  /** Multi-line text area instead of a one-line input. */
  multiline?: boolean;
  /** Summary template of a list item ("{{fields.text}}"). */
  summary?: string;
}

export type FieldLabels = Readonly<Record<string, FieldLabel>>;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** A registry the relation widget reads its choices from, detected by the schema object itself. */
const RELATIONS = new Map<z.core.$ZodType, Pick<CmsField, 'collection' | 'search_fields' | 'display_fields'>>([
  [agencyId, { collection: 'agencies', search_fields: ['name', 'shortName'], display_fields: ['{{name}} ({{slug}})'] }],
  [documentId, { collection: 'documents', search_fields: ['number', 'title', 'aliases.*'], display_fields: ['{{type}} {{number}} ({{slug}})'] }],
]);

interface Unwrapped {
  schema: z.core.$ZodType;
  nullable: boolean;
  hasDefault: boolean;
  defaultValue: unknown;
}

/** Peels `.default()`, `.nullable()` and `.optional()` off a schema and says which were there. */
function unwrap(schema: z.core.$ZodType): Unwrapped {
  const out: Unwrapped = { schema, nullable: false, hasDefault: false, defaultValue: undefined };
  for (;;) {
    const def = defOf(out.schema);
    if (def.type === 'default') {
      out.hasDefault = true;
      const value = def.defaultValue;
      out.defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
    } else if (def.type === 'nullable' || def.type === 'optional') out.nullable = true;
    else return out;
    out.schema = def.innerType as z.core.$ZodType;
  }
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  error?: (issue: unknown) => unknown;
}

function checksOf(schema: z.core.$ZodType): CheckDef[] {
  return ((defOf(schema).checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);
}

function messageOf(check: CheckDef, fallback: string): string {
  const message = check.error?.({});
  return typeof message === 'string' ? message : fallback;
}

/**
 * The Decap CMS fields of a zod object schema: one field per key, with required flags, patterns,
 * enums, number bounds, ISO dates as date pickers, registry ids as relation (select) widgets and
 * arrays as list widgets. Generated at build time, so a schema change cannot drift from the form.
 * Throws when a key has no Vietnamese label, naming the path to add to `labels`.
 */
export function cmsFields(schema: z.ZodObject, labels: FieldLabels, prefix = ''): CmsField[] {
  return Object.entries(schema.shape).map(([name, child]) => cmsField(name, child as z.core.$ZodType, labels, prefix ? `${prefix}.${name}` : name));
}

function cmsField(name: string, schema: z.core.$ZodType, labels: FieldLabels, path: string): CmsField {
  const text = labels[path];
  if (!text) throw new Error(`CMS: no Vietnamese label for field "${path}" (add it to src/lib/cms/labels.ts)`);
  const { schema: inner, nullable, hasDefault, defaultValue } = unwrap(schema);
  const field: CmsField = { name, label: text.label, widget: 'string' };
  if (text.hint) field.hint = text.hint;
  if (nullable || hasDefault) field.required = false;
  if (hasDefault && defaultValue !== null && !(Array.isArray(defaultValue) && defaultValue.length === 0)) field.default = defaultValue;

  const relation = RELATIONS.get(inner);
  if (relation) return { ...field, widget: 'relation', value_field: '{{slug}}', ...relation };

  const def = defOf(inner);
  switch (def.type) {
    case 'string':
      return stringField(field, inner, text);
    case 'number':
      return numberField(field, inner);
    case 'boolean':
      return { ...field, widget: 'boolean' };
    case 'enum':
      return { ...field, widget: 'select', options: Object.values(def.entries as Record<string, string>) };
    case 'object':
      return { ...field, widget: 'object', collapsed: false, fields: cmsFields(inner as z.ZodObject, labels, path) };
    case 'array':
      return listField(field, def.element as z.core.$ZodType, labels, path, text);
    default:
      throw new Error(`CMS: field "${path}" has a zod type the editor cannot show (${def.type})`);
  }
}

function stringField(field: CmsField, schema: z.core.$ZodType, text: FieldLabel): CmsField {
  const checks = checksOf(schema);
  if (isIsoDate(schema)) {
    // ISO dates (src/schemas/common.ts isoDate): a date picker that stores "YYYY-MM-DD".
    return { ...field, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD/MM/YYYY', time_format: false, picker_utc: true };
  }
  const out: CmsField = { ...field, widget: text.multiline ? 'text' : 'string' };
  const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
  if (regex?.pattern) out.pattern = [regex.pattern.source, messageOf(regex, 'không đúng định dạng')];
  // z.url() is a string whose own def carries the format; the editor accepts only http(s) links.
  if ((defOf(schema) as Def & { format?: string }).format === 'url') out.pattern = ['^https?://\\S+$', 'cần một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://'];
  return out;
}

// `isoDate` is a refined string; its check objects survive .nullable()/.default() clones, so they identify it.
const isoDateChecks = new Set((defOf(isoDate).checks as unknown[] | undefined) ?? []);
const isIsoDate = (schema: z.core.$ZodType) => ((defOf(schema).checks as unknown[] | undefined) ?? []).some((c) => isoDateChecks.has(c));

function numberField(field: CmsField, schema: z.core.$ZodType): CmsField {
  const out: CmsField = { ...field, widget: 'number', value_type: 'float' };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) out.value_type = 'int';
    if (check.check === 'greater_than' && typeof check.value === 'number') out.min = check.value;
    if (check.check === 'less_than' && typeof check.value === 'number') out.max = check.value;
  }
  return out;
}

function listField(field: CmsField, element: z.core.$ZodType, labels: FieldLabels, path: string, text: FieldLabel): CmsField {
  const inner = unwrap(element).schema;
  const out: CmsField = { ...field, widget: 'list', collapsed: true };
  if (text.summary) out.summary = text.summary;
  if (defOf(inner).type === 'object') return { ...out, fields: cmsFields(inner as z.ZodObject, labels, path) };
  const item = cmsField('item', element, { ...labels, [`${path}.item`]: labels[`${path}.item`] ?? { label: text.label } }, `${path}.item`);
  return { ...out, field: item };
}
