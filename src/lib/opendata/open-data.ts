import type { Catalog } from '../catalog/build';
import { sha256Hex } from './checksums';
import { z } from 'astro/zod';
import { apiPaths, urlOf, type PublishContext } from './context';
import { dataPackage } from './datapackage';
import { dcatCatalog } from './dcat';
import { tableCsv } from './csv';
import { atomFeed, jsonFeed } from './feeds';
import { deadlinesCalendar } from './ical';
import { jsonSchemaFor, schemaNames } from './json-schema';
import { toJson } from './json';
import { planRecordSchema, tableFileSchema, type TableName, type TableRows } from './record-schemas';
import { calendarAgencies, contentModified, latestPlanDate, latestReportDate, planRecord, tableRows } from './records';

/*
 * The registry of every open-data file: its path, format and how to render it. Endpoints, the
 * DCAT catalog, datapackage.json, the /du-lieu-mo/ page and the tests all read this one list, so
 * a file cannot be published without being described, sized and checksummed.
 */

export type FileFormat = 'JSON' | 'CSV' | 'iCalendar' | 'Atom' | 'JSON Feed' | 'JSON Schema' | 'JSON-LD' | 'Data Package' | 'SHA256SUMS';

export const MEDIA_TYPES: Record<FileFormat, string> = {
  JSON: 'application/json',
  CSV: 'text/csv',
  iCalendar: 'text/calendar',
  Atom: 'application/atom+xml',
  'JSON Feed': 'application/feed+json',
  'JSON Schema': 'application/schema+json',
  'JSON-LD': 'application/ld+json',
  'Data Package': 'application/json',
  SHA256SUMS: 'text/plain',
};

/** `Content-Type` an endpoint answers with (text formats are UTF-8). */
export function contentType(format: FileFormat): string {
  return `${MEDIA_TYPES[format]}; charset=utf-8`;
}

export interface OpenDataFile {
  /** Site path relative to the base: "api/v1/plans.json", "feed.xml". */
  path: string;
  format: FileFormat;
  /** URL path of the JSON Schema the file conforms to ("api/v1/schema/plans.json"), if any. */
  schema?: string;
  /** Short Vietnamese label ("Sở TTTT" for an agency calendar); the dataset title otherwise. */
  label?: string;
  render: () => string;
}

export type DatasetId =
  | 'plans'
  | 'plan-records'
  | 'targets'
  | 'deadlines'
  | 'agency-calendars'
  | 'citations'
  | 'agencies'
  | 'documents'
  | 'reports'
  | 'results'
  | 'feeds';

/**
 * A dataset published as one file per member (one per plan, one per agency). The catalog and
 * /du-lieu-mo/ describe it once, by the file that lists every member's URL and the pattern those
 * URLs follow, so neither grows with the content; SHA256SUMS still lists every member.
 */
export interface FileCollection {
  /** Path pattern of a member, relative to the base; `{keyField}` stands for the member's key: "api/v1/plans/{slug}.json". */
  pattern: string;
  /** Published file whose items list every member ("api/v1/plans.json"). */
  index: string;
  /** Field of the index's items that fills the pattern ("slug"). */
  keyField: string;
  /** Field of the index's items that holds the member's absolute URL ("dataUrl"). */
  urlField: string;
  format: FileFormat;
  /** JSON Schema every member conforms to, if any. */
  schema?: string;
}

/**
 * Absolute URL pattern of a collection's members, braces kept (a URL parser would escape them).
 * @example memberUrlPattern({ site: 'https://a.vn', base: '/' }, collection) // 'https://a.vn/api/v1/plans/{slug}.json'
 */
export function memberUrlPattern(ctx: PublishContext, collection: FileCollection): string {
  return `${urlOf(ctx, '')}${collection.pattern}`;
}

export interface Dataset {
  id: DatasetId;
  title: string;
  description: string;
  keywords: string[];
  /** Latest content date that the dataset reflects (ISO), or null when there is no content. */
  modified: string | null;
  files: OpenDataFile[];
  /** Set when `files` are the members of a collection (one file per plan or agency). */
  collection?: FileCollection;
}

export interface RenderedFile {
  body: string;
  /** Size in bytes of the UTF-8 body, as served. */
  bytes: number;
  /** sha256 of the body, hex. */
  sha256: string;
}

export interface OpenData {
  catalog: Catalog;
  ctx: PublishContext;
  rows: TableRows;
  /** The datasets a reader downloads (what DCAT and /du-lieu-mo/ list). */
  datasets: Dataset[];
  /** The JSON Schemas of the JSON files. */
  schemaFiles: OpenDataFile[];
  /** The DCAT catalog and datapackage.json. */
  metadataFiles: OpenDataFile[];
  /** Renders (once) and returns a file by its path; throws for an unknown path. */
  file(path: string): RenderedFile;
  /** Every published file known to the registry, datasets first. */
  allFiles(): OpenDataFile[];
  /** The registry entry of a path, if published. */
  entry(path: string): OpenDataFile | undefined;
  /** Latest content date across all plans. */
  modified: string | null;
}

const TABLE_TEXT: Record<TableName, { title: string; description: string; keywords: string[] }> = {
  plans: {
    title: 'Danh sách kế hoạch',
    description: 'Mỗi kế hoạch một dòng: số/ký hiệu, trích yếu, cơ quan ban hành, ngày, năm, chủ đề, tóm tắt và số chỉ tiêu, thời hạn, văn bản căn cứ.',
    keywords: ['kế hoạch', 'văn bản'],
  },
  targets: {
    title: 'Chỉ tiêu',
    description: 'Mọi chỉ tiêu của mọi kế hoạch, kèm năm và chủ đề để so sánh giữa các năm.',
    keywords: ['chỉ tiêu'],
  },
  deadlines: {
    title: 'Thời hạn',
    description: 'Mọi việc có thời hạn trong các kế hoạch: ngày, việc phải làm, đơn vị thực hiện, nơi nhận kết quả.',
    keywords: ['thời hạn', 'báo cáo'],
  },
  citations: {
    title: 'Văn bản căn cứ và trích dẫn',
    description: 'Mỗi dòng là một quan hệ kế hoạch → văn bản, với vai trò căn cứ (basis) hoặc trích dẫn (citation), và số/ký hiệu như kế hoạch ghi.',
    keywords: ['căn cứ', 'trích dẫn', 'văn bản'],
  },
  agencies: {
    title: 'Cơ quan, đơn vị',
    description: 'Các cơ quan ban hành và đơn vị được giao nhiệm vụ: tên, cấp, cơ quan cấp trên, kế hoạch liên quan.',
    keywords: ['cơ quan', 'đơn vị'],
  },
  reports: {
    title: 'Báo cáo kết quả',
    description: 'Mỗi báo cáo kết quả thực hiện kế hoạch một dòng: số/ký hiệu, cơ quan ban hành, ngày, kỳ báo cáo, các kế hoạch được báo cáo, số chỉ tiêu đạt và các thời hạn báo cáo đã hoàn thành.',
    keywords: ['báo cáo', 'kết quả'],
  },
  results: {
    title: 'Kết quả theo chỉ tiêu',
    description: 'Mỗi kết quả một dòng: chỉ tiêu của kế hoạch (mã trong targets), con số cam kết, con số hoặc kết quả định tính đạt được, trạng thái theo đánh giá của báo cáo (đạt, vượt, chưa đạt, đang thực hiện) và câu báo cáo làm căn cứ.',
    keywords: ['kết quả', 'chỉ tiêu', 'báo cáo'],
  },
  documents: {
    title: 'Văn bản được căn cứ hoặc trích dẫn',
    description: 'Danh mục văn bản (Chỉ thị, Nghị định, Kết luận…) với mã chuẩn, số/ký hiệu, các cách viết khác và các kế hoạch căn cứ hoặc nhắc đến.',
    keywords: ['văn bản', 'pháp luật'],
  },
};

function buildOpenData(catalog: Catalog, ctx: PublishContext): OpenData {
  const rows = tableRows(catalog, ctx);
  const modified = contentModified(catalog);
  const modifiedOf = (slugs: string[]): string | null => latestPlanDate(slugs.map((slug) => catalog.planBySlug.get(slug)));

  const tableFiles = (name: TableName): OpenDataFile[] => [
    {
      path: apiPaths.table(name, 'json'),
      format: 'JSON',
      schema: apiPaths.schema(name),
      render: () => toJson(checked(tableFileSchema(name), { $schema: urlOf(ctx, apiPaths.schema(name)), count: rows[name].length, items: rows[name] }, name)),
    },
    { path: apiPaths.table(name, 'csv'), format: 'CSV', schema: apiPaths.schema(name), render: () => tableCsv(name, rows[name]) },
  ];

  // Reports are dated by their own issue, not by the plans they report on.
  const reportsModified = latestReportDate(catalog);
  const tableDataset = (name: TableName, id: DatasetId, extra: OpenDataFile[] = [], modifiedSlugs?: string[], fixedModified?: string | null): Dataset => ({
    id,
    ...TABLE_TEXT[name],
    modified: fixedModified !== undefined ? fixedModified : modifiedSlugs ? modifiedOf(modifiedSlugs) : modified,
    files: [...tableFiles(name), ...extra],
  });

  const datasets: Dataset[] = [
    tableDataset('plans', 'plans'),
    {
      id: 'plan-records',
      title: 'Toàn văn từng kế hoạch',
      description:
        'Mỗi kế hoạch một tệp JSON: mọi trường (căn cứ, trích dẫn, chỉ tiêu, thời hạn, phân công, nơi nhận, người ký), cơ quan và văn bản đã được đối chiếu với danh mục, và toàn văn dạng văn bản thuần.',
      keywords: ['kế hoạch', 'toàn văn'],
      modified,
      collection: { pattern: apiPaths.plan('{slug}'), index: apiPaths.plans('json'), keyField: 'slug', urlField: 'dataUrl', format: 'JSON', schema: apiPaths.schema('plan') },
      files: catalog.plans.map((plan) => ({
        path: apiPaths.plan(plan.slug),
        format: 'JSON' as const,
        schema: apiPaths.schema('plan'),
        label: plan.slug,
        render: () => toJson(checked(planRecordSchema, planRecord(catalog, plan, ctx), plan.slug)),
      })),
    },
    tableDataset('targets', 'targets', [], catalog.targets.map((t) => t.plan)),
    tableDataset(
      'deadlines',
      'deadlines',
      [{ path: apiPaths.deadlinesIcs(), format: 'iCalendar', render: () => deadlinesCalendar(catalog, ctx) }],
      catalog.deadlines.map((d) => d.plan),
    ),
    {
      id: 'agency-calendars',
      title: 'Lịch thời hạn theo đơn vị',
      description: 'Mỗi đơn vị có việc phải làm một lịch iCalendar riêng, để đăng ký vào Google Calendar hoặc Outlook.',
      keywords: ['thời hạn', 'lịch', 'iCalendar'],
      modified: modifiedOf(catalog.deadlines.map((d) => d.plan)),
      collection: { pattern: apiPaths.agencyIcs('{id}'), index: apiPaths.table('agencies', 'json'), keyField: 'id', urlField: 'calendarUrl', format: 'iCalendar' },
      files: calendarAgencies(catalog).map((agency) => ({
        path: apiPaths.agencyIcs(agency),
        format: 'iCalendar' as const,
        label: catalog.agencies.get(agency)!.data.name,
        render: () => deadlinesCalendar(catalog, ctx, { agency }),
      })),
    },
    tableDataset('citations', 'citations', [], catalog.citations.map((c) => c.plan)),
    tableDataset('agencies', 'agencies'),
    tableDataset('documents', 'documents'),
    tableDataset('reports', 'reports', [], undefined, reportsModified),
    tableDataset('results', 'results', [], undefined, reportsModified),
    {
      id: 'feeds',
      title: 'Tin kế hoạch mới',
      description: 'Các kế hoạch mới nhất trước, dạng Atom và JSON Feed, để theo dõi bằng trình đọc tin.',
      keywords: ['tin mới', 'Atom', 'JSON Feed'],
      modified,
      files: [
        { path: apiPaths.atom(), format: 'Atom', render: () => atomFeed(catalog, ctx) },
        { path: apiPaths.jsonFeed(), format: 'JSON Feed', render: () => jsonFeed(catalog, ctx) },
      ],
    },
  ];

  const schemaFiles: OpenDataFile[] = schemaNames.map((name) => ({
    path: apiPaths.schema(name),
    format: 'JSON Schema',
    label: `JSON Schema của ${name === 'plan' ? 'plans/{mã}.json' : `${name}.json`}`,
    render: () => toJson(jsonSchemaFor(name, ctx)),
  }));

  const metadataFiles: OpenDataFile[] = [
    { path: apiPaths.dcat(), format: 'JSON-LD', render: () => toJson(dcatCatalog(openData)) },
    { path: apiPaths.dataPackage(), format: 'Data Package', render: () => toJson(dataPackage(openData)) },
  ];
  const registry: OpenDataFile[] = [...datasets.flatMap((d) => d.files), ...schemaFiles, ...metadataFiles];
  const byPath = new Map(registry.map((f) => [f.path, f]));
  if (byPath.size !== registry.length) throw new Error('Open data: two files share a path');
  const rendered = new Map<string, RenderedFile>();

  const openData: OpenData = {
    catalog,
    ctx,
    rows,
    datasets,
    schemaFiles,
    metadataFiles,
    modified,
    allFiles: () => registry,
    entry: (path) => byPath.get(path),
    file(path) {
      const cached = rendered.get(path);
      if (cached) return cached;
      const entry = byPath.get(path);
      if (!entry) throw new Error(`Open data: no file "${path}" in the registry`);
      const body = entry.render();
      const result = { body, bytes: Buffer.byteLength(body, 'utf8'), sha256: sha256Hex(body) };
      rendered.set(path, result);
      return result;
    },
  };
  return openData;
}

/** Validates a record against its published schema before it is written: the build fails rather than publish bad data. */
function checked<T>(schema: z.ZodType, value: T, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Open data: ${what} does not match its schema: ${z.prettifyError(result.error)}`);
  return value;
}

const cache = new WeakMap<Catalog, Map<string, OpenData>>();

/** The open data of a catalog, built once per catalog and publish context (files render lazily, once). */
export function createOpenData(catalog: Catalog, ctx: PublishContext): OpenData {
  const key = `${ctx.site}|${ctx.base}`;
  let byContext = cache.get(catalog);
  if (!byContext) cache.set(catalog, (byContext = new Map()));
  let openData = byContext.get(key);
  if (!openData) byContext.set(key, (openData = buildOpenData(catalog, ctx)));
  return openData;
}
