import { z } from 'astro/zod';
import { isoDate, planRecordSchema, tableFileSchema, tableNames, type TableName } from './record-schemas';
import { apiPaths, urlOf, type PublishContext } from './context';

/** Published JSON Schemas: one per table file, plus `plan` for `/api/v1/plans/{slug}.json`. */
export const schemaNames = ['plan', ...tableNames] as const;
export type SchemaName = (typeof schemaNames)[number];

const TITLES: Record<SchemaName, string> = {
  plan: 'Một kế hoạch (/api/v1/plans/{mã}.json)',
  plans: 'Danh sách kế hoạch (/api/v1/plans.json)',
  targets: 'Chỉ tiêu (/api/v1/targets.json)',
  deadlines: 'Thời hạn (/api/v1/deadlines.json)',
  citations: 'Quan hệ kế hoạch → văn bản (/api/v1/citations.json)',
  agencies: 'Cơ quan, đơn vị (/api/v1/agencies.json)',
  documents: 'Văn bản được căn cứ hoặc trích dẫn (/api/v1/documents.json)',
  reports: 'Báo cáo kết quả (/api/v1/reports.json)',
  results: 'Kết quả theo chỉ tiêu (/api/v1/results.json)',
};

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
// `isoDate` is a refined string, which JSON Schema cannot see; its checks survive .describe() and
// .nullable() clones, so they identify it wherever a record reuses it.
const isoDateChecks = new Set(isoDate._zod.def.checks ?? []);

function isIsoDate(schema: z.core.$ZodType): boolean {
  const checks = (schema._zod.def as { checks?: unknown[] }).checks;
  return schema._zod.def.type === 'string' && !!checks?.some((check) => isoDateChecks.has(check as never));
}

export function zodSchemaFor(name: SchemaName): z.ZodType {
  return name === 'plan' ? planRecordSchema : tableFileSchema(name as TableName);
}

/** Draft 2020-12 JSON Schema of any record schema, with ISO dates marked `format: date`. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      if (isIsoDate(zodSchema)) {
        jsonSchema.format = 'date';
        jsonSchema.pattern = ISO_DATE_PATTERN;
      }
    },
  }) as Record<string, unknown>;
}

/**
 * JSON Schema (draft 2020-12) of a published JSON file, generated from the zod record schemas.
 * `io: 'output'` describes the data as published: defaulted fields are always present (required),
 * nullable ones are `anyOf [T, null]`, and no extra properties are allowed.
 */
export function jsonSchemaFor(name: SchemaName, ctx: PublishContext): Record<string, unknown> {
  const { $schema, description, ...rest } = toJsonSchema(zodSchemaFor(name));
  return {
    $schema,
    $id: urlOf(ctx, apiPaths.schema(name)),
    title: TITLES[name],
    description,
    ...rest,
  };
}
