import type { Catalog } from '../catalog/build';
import type { PublishContext } from './context';
import { urlOf } from './context';
import type { TableRows } from './record-schemas';

/*
 * Types and constants of the open-data registry (open-data.ts builds it; dcat.ts, datapackage.ts
 * and catalog-page.ts read it), in their own file so that they do not import the registry.
 *
 * The registry of every open-data file: its path, format and how to render it. Endpoints, the
 * DCAT catalog, datapackage.json, the /du-lieu-mo/ page and the tests all read this one list, so
 * a file cannot be published without being described, sized and checksummed.
 */

export type FileFormat = 'JSON' | 'CSV' | 'XLSX' | 'iCalendar' | 'Atom' | 'JSON Feed' | 'JSON Schema' | 'JSON-LD' | 'Data Package' | 'SHA256SUMS';

export const MEDIA_TYPES: Record<FileFormat, string> = {
  JSON: 'application/json',
  CSV: 'text/csv',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  iCalendar: 'text/calendar',
  Atom: 'application/atom+xml',
  'JSON Feed': 'application/feed+json',
  'JSON Schema': 'application/schema+json',
  'JSON-LD': 'application/ld+json',
  'Data Package': 'application/json',
  SHA256SUMS: 'text/plain',
};

/** `Content-Type` an endpoint answers with (text formats are UTF-8; a workbook is binary). */
export function contentType(format: FileFormat): string {
  return format === 'XLSX' ? MEDIA_TYPES[format] : `${MEDIA_TYPES[format]}; charset=utf-8`;
}

export interface OpenDataFile {
  /** Site path relative to the base: "api/v1/plans.json", "feed.xml". */
  path: string;
  format: FileFormat;
  /** URL path of the JSON Schema the file conforms to ("api/v1/schema/plans.json"), if any. */
  schema?: string;
  /** Short Vietnamese label ("Sở TTTT" for an agency calendar); the dataset title otherwise. */
  label?: string;
  /** The file's bytes: text (UTF-8 when served) or binary (a workbook). */
  render: () => string | Buffer;
  /**
   * The same bytes in pieces, in order, for a table's file (up to 255 MB at 50,000 plans), which is
   * hashed and written piece by piece, never joined; `render` joins them.
   */
  pieces?: () => readonly Uint8Array[];
  /**
   * A key of everything the file is made from but the code (its rows, or the plan and registries
   * it shows, and the publish context), where one is cheaper than rendering: the route's
   * incremental cache key, and the key its size and checksum are kept under between builds.
   */
  key?: () => string;
  /**
   * Published as a file after the pages (src/lib/opendata/publish.ts), not by a route: its bytes
   * are kept in the content cache under its summary's key whenever it is rendered. A plan's
   * `record` (50,000 of them, staged by the build's content process); a `table`'s file
   * (25, up to 250 MB each, which a route would hold in memory, hand to Astro and have read back).
   */
  asFile?: PublishedKind;
}

/** The files published as files, not by routes: each plan's record, and the whole tables' files. */
export type PublishedKind = 'record' | 'table';

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

/** What the catalogs (DCAT, datapackage.json, /du-lieu-mo/) say of a file: its size and checksum. */
export interface FileSummary {
  /** Size in bytes of the body as served (text in UTF-8). */
  bytes: number;
  /** sha256 of the body, hex. */
  sha256: string;
}

export interface RenderedFile {
  body: string | Buffer;
  /** Size in bytes of the body as served (text in UTF-8). */
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
  /**
   * The feeds' archive pages (`feed/luu-tru/{n}.xml|json`, RFC 5005): published and checksummed,
   * reached from the feeds themselves, not listed one by one in the catalog.
   */
  feedArchiveFiles: OpenDataFile[];
  /**
   * Renders and returns a file by its path; throws for an unknown path. The body is not kept (a
   * build serves each file once, and 50,000 plans' records would not fit in memory); its size and
   * checksum are, for `summary`.
   */
  file(path: string): RenderedFile;
  /**
   * Size and checksum of a file: of its render in this build, or, for a file with a `key`, as
   * kept from an earlier build under that key and the code's fingerprint (rendered and kept when
   * missing). A one-plan edit so sizes 5,000 unchanged plan records without rendering them.
   */
  summary(path: string): FileSummary;
  /**
   * What publishes a file marked `asFile`: the content-cache file holding its bytes, to link into
   * the out dir (rendered and stored first when the cache lacks it, `rendered`); or its bytes, when
   * there is no cache to keep them in (the cache off, a read-only checkout).
   */
  keptFile(path: string): { file: string; rendered: boolean } | { body: string | Buffer | readonly Uint8Array[] };
  /**
   * Where the content cache keeps the bytes of a file marked `asFile` (or would, once it is
   * rendered), and whether they are there now; never renders. Undefined when there is no cache.
   */
  keptFileAt(path: string): { file: string; kept: boolean } | undefined;
  /**
   * Removes from the content cache the bytes of files marked `asFile` as `kind` that are not in
   * `keep` (files from `keptFile`); how many. Given `written` (the files of `keep` still to be
   * rendered), only when due (`pruneBytes`).
   */
  pruneKeptFiles(kind: PublishedKind, keep: ReadonlySet<string>, written?: number): number;
  /**
   * Settles once every file can be sized by `summary` without waiting: once the build's content
   * process is done making the tables' files (src/lib/opendata/made-elsewhere.ts), whose summaries
   * it then reads instead of making them again.
   */
  prepareSummaries(): Promise<void>;
  /** The body of a text file (JSON, CSV, iCalendar…); throws for a binary one (a workbook). */
  text(path: string): string;
  /** Every published file known to the registry, datasets first. */
  allFiles(): OpenDataFile[];
  /** The registry entry of a path, if published. */
  entry(path: string): OpenDataFile | undefined;
  /** Latest content date across all plans. */
  modified: string | null;
}
