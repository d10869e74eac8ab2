import type { Catalog } from '../catalog/build';
import { plainKey, planKey, renderKey } from '../build/cache-key';
import { bytesFileAt, cached, cachedBytesFile, cachedRecord, cacheKey, holdsBytes, pruneBytes, recordPack, storeBytes } from '../content/cache';
import { sizeAndSha256 } from './checksums';
import { apiPaths, urlOf, type PublishContext } from './context';
import { dataPackage } from './datapackage';
import { dcatCatalog } from './dcat';
import { tableCsv } from './csv';
import { tableXlsx } from './xlsx';
import { atomFeed, feedArchivePath, feedPages, feedPageShown, jsonFeed } from './feeds';
import { calendarKey, deadlinesCalendar, deadlinesCalendarPieces } from './ical';
import { openDataCode } from './code';
import { jsonSchemaFor, schemaNames } from './json-schema';
import { toJson } from './json';
import { checked, planRecordSchema, tableFileSchema, type TableName } from './record-schemas';
import { calendarAgencies, contentModified, latestPlanDate, latestReportDate, planRecord, tableRows, tableSources } from './records';
import { CHUNKED_FORMATS, chunkedTableFile, type ChunkedFormat } from './table-files';
import { catalogRowKeys, chunkedRowsDigest, type RowsDigest } from './table-keys';
import { tableFilesFromElsewhere } from './made-elsewhere';
import { type Dataset, type DatasetId, type FileSummary, type OpenData, type OpenDataFile, type PublishedKind } from './types';

export * from './types';

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

/** Where kept file summaries live in the content cache (src/lib/content/cache.ts): each on its own, and in one pack per context. */
const SUMMARY_NAMESPACE = 'open-data-summaries';
const SUMMARY_PACKS = 'open-data-summary-packs';
/**
 * Where the bytes of the files published as files (`asFile`) live in the content cache, under their
 * summaries' keys: the plan records apart from the tables, since each kind is pruned by the step
 * that publishes it (src/lib/opendata/publish.ts).
 */
const FILE_NAMESPACES: Record<PublishedKind, string> = { record: 'open-data-files', table: 'open-data-table-files' };

/**
 * Whether the content cache holds any table's file: not before the first build with this
 * code, whose tables are all made where the catalogs need their sizes (src/lib/opendata/publish.ts).
 */
export function tableFilesKept(): boolean {
  return holdsBytes(FILE_NAMESPACES.table);
}

/** A table's file (or the site's calendar) given in pieces (`OpenDataFile.pieces`), published as a file, not by a route. */
const asTableFile = (pieces: () => readonly Uint8Array[]) => ({ pieces, render: () => Buffer.concat(pieces()), asFile: 'table' as const });


/** The tables keyed chunk by chunk: one row per plan, or per item of a plan (table-keys.ts). */
const PLAN_ROW_TABLES: ReadonlySet<TableName> = new Set(['plans', 'targets', 'deadlines', 'citations']);

function buildOpenData(catalog: Catalog, ctx: PublishContext): OpenData {
  const sources = tableSources(catalog, ctx);
  // Each table's rows are built when a file of it is rendered, not for its key.
  const rows = tableRows(catalog, ctx, sources);
  const context = JSON.stringify([ctx.site, ctx.base]);
  const code = openDataCode();
  // A table file is a function of its rows (which hold the URLs of the publish context) and code,
  // so its key is a digest of its rows (table-keys.ts). The tables of plans and of their items
  // (hundreds of thousands of rows at 50,000 plans) keep each chunk's digest between builds under
  // the chunk's plans' digests. A row of the agencies' or documents' table gathers many plans, and
  // those tables are keyed by what their rows read (`inputs`, records.ts); reports and results are small.
  const rowDigests = new Map<TableName, RowsDigest>();
  const rowsDigest = (name: TableName): RowsDigest => {
    let digest = rowDigests.get(name);
    if (digest === undefined) {
      const scope = plainKey(catalog, 'table rows', name, context);
      const byPlan = PLAN_ROW_TABLES.has(name);
      const source = byPlan ? { ...sources[name], ...catalogRowKeys(catalog) } : sources[name];
      digest = chunkedRowsDigest(source, scope, byPlan ? `${name}|${context}` : undefined);
      rowDigests.set(name, digest);
    }
    return digest;
  };
  // A table whose rows each gather many plans (agencies, documents) is keyed by what its rows read
  // (`inputs`), without building or serializing them.
  const rowsKey = (name: TableName) => {
    const { inputs } = sources[name];
    return `${context}|${inputs ? plainKey(catalog, 'table inputs', name, context, inputs()) : rowsDigest(name).digest}`;
  };
  // The JSON, CSV and Excel files of those tables are joined from their chunks' kept parts (table-files.ts).
  // A chunk whose parts are missing is built once for its JSON, CSV and Excel parts, and let go once
  // all three took it (a chunk whose other parts were kept stays until the build ends).
  const chunkRows = new Map<string, { rows: readonly object[]; uses: number }>();
  const chunkedFile = (name: TableName, format: ChunkedFormat) => {
    const { items, row } = sources[name];
    const build = (start: number, end: number) => items.slice(start, end).map((item) => row(item));
    const rowsOf = (start: number, end: number) => {
      const id = `${name}:${start}:${end}`;
      let built = chunkRows.get(id);
      if (!built) chunkRows.set(id, (built = { rows: build(start, end), uses: 0 }));
      if (++built.uses === CHUNKED_FORMATS.length) chunkRows.delete(id);
      return built.rows;
    };
    const table = { name, count: items.length, parts: rowsDigest(name).parts, rows: rowsOf, firstRows: (count: number) => build(0, count), memo: `${name}|${context}` };
    return chunkedTableFile(table, format, urlOf(ctx, apiPaths.schema(name)));
  };
  const modified = contentModified(catalog);
  const modifiedOf = (slugs: string[]): string | null => latestPlanDate(slugs.map((slug) => catalog.planBySlug.get(slug)));

  // Every table's files are published as files from their pieces (`asTableFile`): those of a row per
  // plan or per item of a plan are large (160 MB of citations.json at 50,000 plans) and joined from
  // their chunks' kept parts; the others are written whole.
  const tableFiles = (name: TableName): OpenDataFile[] => {
    const chunked = PLAN_ROW_TABLES.has(name);
    const pieces = (format: ChunkedFormat) => () => (chunked ? chunkedFile(name, format) : [wholeFile(name, format)]);
    const formats = { json: 'JSON', csv: 'CSV', xlsx: 'XLSX' } as const;
    return CHUNKED_FORMATS.map((format) => ({
      path: apiPaths.table(name, format),
      format: formats[format],
      ...(format === 'xlsx' ? {} : { schema: apiPaths.schema(name) }),
      ...asTableFile(pieces(format)),
      key: () => rowsKey(name),
    }));
  };
  /** A table's file written whole from its rows: the agencies', documents', reports' and results' tables. */
  const wholeFile = (name: TableName, format: ChunkedFormat): Buffer => {
    if (format === 'xlsx') return tableXlsx(name, rows[name]);
    if (format === 'csv') return Buffer.from(tableCsv(name, rows[name]));
    return Buffer.from(toJson(checked(tableFileSchema(name), { $schema: urlOf(ctx, apiPaths.schema(name)), count: rows[name].length, items: rows[name] }, name)));
  };

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
        // A record shows the plan and the registries it names, addressed in the publish context (its
        // address and base path, as text: nothing in the key is looked up among the catalog's rows).
        key: () => planKey(catalog, plan, ctx.site, ctx.base),
        // 50,000 of them at 50,000 plans: written as files after the pages, not as Astro's pages (publish.ts).
        asFile: 'record' as const,
      })),
    },
    tableDataset('targets', 'targets', [], catalog.targets.map((t) => t.plan)),
    tableDataset(
      'deadlines',
      'deadlines',
      [{ path: apiPaths.deadlinesIcs(), format: 'iCalendar', ...asTableFile(() => deadlinesCalendarPieces(catalog, ctx)), key: () => calendarKey(catalog, ctx) }],
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
        key: () => calendarKey(catalog, ctx, { agency }),
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
      description: 'Các kế hoạch mới nhất trước, dạng Atom và JSON Feed, để theo dõi bằng trình đọc tin: 50 kế hoạch mới nhất, các kế hoạch cũ hơn ở các trang lưu trữ feed/luu-tru/{n}.xml và .json (RFC 5005, next_url của JSON Feed).',
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
    key: () => context,
  }));

  const metadataFiles: OpenDataFile[] = [
    { path: apiPaths.dcat(), format: 'JSON-LD', render: () => toJson(dcatCatalog(openData)) },
    { path: apiPaths.dataPackage(), format: 'Data Package', render: () => toJson(dataPackage(openData)) },
  ];
  // An archive page shows its entries (each names its plan or report) and its neighbours.
  const feedArchiveFiles: OpenDataFile[] = feedPages(catalog).archives.flatMap((archive) => {
    // Both formats show the same entries: hashed once.
    let shown: string | undefined;
    const key = (format: string) => `${format}|${(shown ??= renderKey(catalog, feedPageShown(catalog, archive), ctx))}`;
    return [
      { path: feedArchivePath(archive.page!, 'xml'), format: 'Atom' as const, render: () => atomFeed(catalog, ctx, archive.page), key: () => key('xml') },
      { path: feedArchivePath(archive.page!, 'json'), format: 'JSON Feed' as const, render: () => jsonFeed(catalog, ctx, archive.page), key: () => key('json') },
    ];
  });
  const registry: OpenDataFile[] = [...datasets.flatMap((d) => d.files), ...schemaFiles, ...metadataFiles, ...feedArchiveFiles];
  // Each key is computed once: the route asks for it, and so does the file's kept summary (a feed
  // archive's key hashes 46 KB of entries, the site calendar's 1.5 MB of rows, at 5,000 plans).
  for (const file of registry) {
    const { key } = file;
    if (!key) continue;
    let value: string | undefined;
    file.key = () => (value ??= key());
  }
  const byPath = new Map(registry.map((f) => [f.path, f]));
  if (byPath.size !== registry.length) throw new Error('Open data: two files share a path');
  /** Sizes and checksums: of the files rendered in this build, and of those kept from earlier builds. */
  const rendered = new Map<string, FileSummary>();
  const summaries = new Map<string, FileSummary>();
  /** The key a file's summary is kept under: its path, its inputs' key and the code; none for a file without a key. */
  const summaryKey = (path: string): string | undefined => {
    const key = byPath.get(path)?.key;
    return key && code ? cacheKey(SUMMARY_NAMESPACE, code, path, key()) : undefined;
  };

  // The summaries a build reads together (every plan's record, for catalog.jsonld), in one record.
  const pack = code ? recordPack<FileSummary>(SUMMARY_PACKS, cacheKey(SUMMARY_PACKS, code, context)) : undefined;
  // The tables' summaries (25) are kept on their own only: the build's content process
  // makes those files, and a pack it saved with them alone would drop every other entry.
  const packs = (path: string) => byPath.get(path)?.asFile !== 'table';

  /** The summary an earlier build kept for this file's key, remembered for this build; none when missing. */
  const keptSummary = (path: string): FileSummary | undefined => {
    const key = summaryKey(path);
    if (key === undefined) return undefined;
    const inPack = packs(path);
    const packed = inPack ? pack?.get(key) : undefined;
    const kept = packed ?? cachedRecord<FileSummary>(SUMMARY_NAMESPACE, key);
    if (kept) summaries.set(path, kept);
    if (kept && !packed && inPack) pack?.set(key, kept);
    return kept;
  };

  /**
   * Renders a file (in pieces, for a file that has them) and keeps its size and checksum for this
   * build and, under its key, for later ones; a file published as a file keeps its bytes too, so
   * that one sized for the DCAT catalog before it is published is not rendered twice.
   */
  const renderKept = (path: string): { body: string | Buffer | readonly Uint8Array[]; summary: FileSummary } => {
    const entry = byPath.get(path);
    if (!entry) throw new Error(`Open data: no file "${path}" in the registry`);
    const body = entry.pieces ? entry.pieces() : entry.render();
    const result = sizeAndSha256(body);
    rendered.set(path, result);
    const key = summaryKey(path);
    if (key !== undefined) {
      // Kept on its own too, so a build stopped before its pack was saved loses no summary.
      const summary = cached<FileSummary>(SUMMARY_NAMESPACE, key, () => result);
      if (packs(path)) pack?.set(key, summary);
      if (entry.asFile) storeBytes(FILE_NAMESPACES[entry.asFile], key, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    }
    return { body, summary: result };
  };

  /** The registry entry of a file published as a file, and the key its bytes are kept under (none without a cache). */
  const publishedFile = (path: string): { namespace: string; key: string | undefined } => {
    const entry = byPath.get(path);
    if (!entry?.asFile) throw new Error(`Open data: "${path}" is not published as a file`);
    return { namespace: FILE_NAMESPACES[entry.asFile], key: summaryKey(path) };
  };

  const openData: OpenData = {
    catalog,
    ctx,
    rows,
    datasets,
    schemaFiles,
    metadataFiles,
    feedArchiveFiles,
    modified,
    allFiles: () => registry,
    entry: (path) => byPath.get(path),
    file(path) {
      const { body, summary } = renderKept(path);
      return { body: typeof body === 'string' || body instanceof Uint8Array ? body : Buffer.concat(body), ...summary };
    },
    keptFile(path) {
      const { namespace, key } = publishedFile(path);
      const kept = key === undefined ? undefined : cachedBytesFile(namespace, key);
      if (kept) return { file: kept, rendered: false };
      const { body } = renderKept(path);
      const stored = key === undefined ? undefined : cachedBytesFile(namespace, key);
      return stored ? { file: stored, rendered: true } : { body };
    },
    keptFileAt(path) {
      const { namespace, key } = publishedFile(path);
      return key === undefined ? undefined : bytesFileAt(namespace, key);
    },
    pruneKeptFiles: (kind, keep, written) => pruneBytes(FILE_NAMESPACES[kind], keep, written),
    summary(path) {
      const { bytes, sha256 } = rendered.get(path) ?? summaries.get(path) ?? keptSummary(path) ?? renderKept(path).summary;
      return { bytes, sha256 };
    },
    async prepareSummaries() {
      // The tables' files may be in the making in the build's content process: their summaries then come from there.
      await tableFilesFromElsewhere();
    },
    text(path) {
      const { body } = openData.file(path);
      if (typeof body === 'string') return body;
      if (byPath.get(path)!.format === 'XLSX') throw new Error(`Open data: "${path}" is binary, not text`);
      return body.toString('utf8');
    },
  };
  return openData;
}

const cache = new WeakMap<Catalog, Map<string, OpenData>>();

/**
 * Every open data made in this process, by any copy of this module: a build runs the pages from
 * Astro's bundle and its integrations from the sources, two copies with a `createOpenData` cache
 * each (`sharedOpenData`).
 */
const made = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.open-data')] ??= new WeakMap()) as WeakMap<Catalog, Map<string, OpenData>>;

const contextKey = (ctx: PublishContext) => `${ctx.site}|${ctx.base}`;

/** A catalog's open data by publish context, in `map`. */
function byContextOf(map: WeakMap<Catalog, Map<string, OpenData>>, catalog: Catalog): Map<string, OpenData> {
  let byContext = map.get(catalog);
  if (!byContext) map.set(catalog, (byContext = new Map()));
  return byContext;
}

/** The open data of a catalog, built once per catalog and publish context; files render lazily, when asked for. */
export function createOpenData(catalog: Catalog, ctx: PublishContext): OpenData {
  const key = contextKey(ctx);
  const mine = byContextOf(cache, catalog);
  let openData = mine.get(key);
  if (!openData) {
    mine.set(key, (openData = buildOpenData(catalog, ctx)));
    const all = byContextOf(made, catalog);
    if (!all.has(key)) all.set(key, openData);
  }
  return openData;
}

/**
 * `createOpenData`, taking the one another copy of this module made for the same catalog and
 * publish context: for a build's steps after the pages (src/integrations/open-data-files.ts), which
 * then reuse every file's key and summary the pages computed instead of computing them again (the
 * plan records' keys and the tables' keys were 2–3 s of Astro's thread in a one-edit rebuild at
 * 50,000 plans). Not for `astro dev`, whose pages reload this module's code when it is edited, where
 * the first copy's would be kept.
 */
export function sharedOpenData(catalog: Catalog, ctx: PublishContext): OpenData {
  return made.get(catalog)?.get(contextKey(ctx)) ?? createOpenData(catalog, ctx);
}
