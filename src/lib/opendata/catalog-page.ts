import { paths, withBase } from '../paths';
import { formatBytes } from '../vn/numbers';
import { formatVietnameseDate } from '../vn/dates';
import { site } from '../../site.config';
import { API_ROOT, apiPaths, urlOf } from './context';
import { formatSha256Sums } from './checksums';
import { memberUrlPattern, type Dataset, type DatasetId, type FileCollection, type FileFormat, type OpenData, type OpenDataFile } from './types';

/*
 * The /du-lieu-mo/ page as data: every dataset with its files, sizes (the bytes the build
 * serves), formats, licence, last change and a one-line example of use. A dataset of one file
 * per plan or per agency is described by its count, total size, URL pattern and index instead of
 * a link per file, so the page stays the same size however many plans there are.
 */

/**
 * Members of a collection linked one by one on the page: none for the plan files (plans.json
 * lists them and each plan page links its own), the agency calendars up to 50 (past that, the
 * agency pages and /thoi-han/ link each one).
 */
export const COLLECTION_LIST_MAX: Partial<Record<DatasetId, number>> = { 'plan-records': 0, 'agency-calendars': 50 };

export interface CatalogPageFile {
  /** Link relative to the site (base included). */
  href: string;
  /** Absolute URL, for copy-paste into curl or a calendar. */
  url: string;
  format: FileFormat;
  label: string;
  bytes: number;
  size: string;
}

export interface UsageExample {
  /** "command": a shell line to show as code; "steps": an instruction in words. */
  kind: 'command' | 'steps';
  text: string;
}

/** A dataset of one file per plan or agency, described once. */
export interface CatalogPageCollection {
  /** Members and their total size in bytes, as served. */
  count: number;
  bytes: number;
  totalSize: string;
  format: FileFormat;
  /** Absolute URL pattern of a member: "https://…/api/v1/plans/{slug}.json". */
  pattern: string;
  /** Field of the index's items that fills the pattern, and the one holding each member's URL. */
  keyField: string;
  urlField: string;
  /** The file whose items list every member (plans.json, agencies.json). */
  index: CatalogPageFile;
  /** Members not linked on the page. */
  unlisted: number;
  /** Pages linking each member, for the ones not listed here (labels fit mid-sentence). */
  elsewhere: { label: string; href: string }[];
}

export interface CatalogPageDataset {
  id: string;
  title: string;
  description: string;
  modifiedText: string;
  modified: string | null;
  formats: FileFormat[];
  /** The files linked on the page: every file, or for a collection at most its list cap. */
  files: CatalogPageFile[];
  /** Set for a dataset of one file per plan or agency. */
  collection: CatalogPageCollection | null;
  /** More files than fit in a line: list them folded. */
  many: boolean;
  totalSize: string;
  examples: UsageExample[];
}

export interface CatalogPage {
  datasets: CatalogPageDataset[];
  metadata: CatalogPageFile[];
  licence: { name: string; url: string };
  modifiedText: string;
  /** Vietnamese licence terms, one sentence each. */
  terms: string[];
}

/** The SHA256SUMS the build writes, computed from the same renders (paths relative to api/v1/). */
export function expectedSha256Sums(openData: OpenData): string {
  return formatSha256Sums(
    openData
      .allFiles()
      .filter((file) => file.path.startsWith(API_ROOT))
      .map((file) => ({ path: file.path.slice(API_ROOT.length), sha256: openData.summary(file.path).sha256 })),
  );
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function examplesFor(dataset: Dataset, url: (path: string) => string): UsageExample[] {
  const examples: UsageExample[] = [];
  const { collection } = dataset;
  if (collection) {
    // The index gives every member's address: one line lists them all, the next fetches one.
    const filter = collection.urlField === 'dataUrl' ? `.items[].${collection.urlField}` : `.items[].${collection.urlField} // empty`;
    examples.push({ kind: 'command', text: `curl -s ${url(collection.index)} | jq -r '${filter}'` });
  }
  const first = (format: FileFormat) => dataset.files.find((f) => f.format === format);
  const json = first('JSON');
  if (json) {
    examples.push({
      kind: 'command',
      text: dataset.id === 'plan-records' ? `curl -s ${url(json.path)} | jq '.deadlines'` : `curl -s ${url(json.path)} | jq '.items[0]'`,
    });
  }
  const xlsx = first('XLSX');
  if (xlsx) {
    examples.push({
      kind: 'steps',
      text: `Mở bằng Excel hoặc LibreOffice: tải tệp ${fileName(xlsx.path)} và mở trực tiếp; tên cột bằng tiếng Việt, số là số, ngày là ngày (dd/mm/yyyy). Trang tính "Giải thích cột" ghi ý nghĩa từng cột và tên trường tương ứng trong CSV, JSON.`,
    });
  }
  const csv = first('CSV');
  if (csv) {
    examples.push({
      kind: 'steps',
      text: `Mở bằng Excel: Dữ liệu → Từ văn bản/CSV → chọn tệp ${fileName(csv.path)} đã tải về (tiếng Việt hiển thị đúng vì tệp là UTF-8 có BOM). Ô chữ bắt đầu bằng =, +, -, @ hoặc dấu tab được thêm dấu ' ở đầu để Excel không chạy nó như công thức; ô số (kể cả số âm như -5) giữ nguyên là số.`,
    });
  }
  const ics = first('iCalendar');
  if (ics) {
    examples.push({
      kind: 'steps',
      text: `Đăng ký lịch: dán địa chỉ ${url(ics.path)} vào Google Calendar (Thêm lịch khác → Từ URL) hoặc Outlook (Thêm lịch → Đăng ký từ web).`,
    });
  }
  const feed = first('Atom') ?? first('JSON Feed');
  if (feed) {
    examples.push({ kind: 'steps', text: `Theo dõi: dán địa chỉ ${url(feed.path)} vào trình đọc tin (Feedly, Thunderbird, NetNewsWire…).` });
  }
  return examples;
}

/** The page model; `listMax` overrides COLLECTION_LIST_MAX (a missing entry lists no member). */
export function catalogPage(openData: OpenData, options: { listMax?: Partial<Record<DatasetId, number>> } = {}): CatalogPage {
  const listMax = options.listMax ?? COLLECTION_LIST_MAX;
  const { ctx } = openData;
  const url = (path: string) => urlOf(ctx, path);
  const pageFile = (file: OpenDataFile, fallbackLabel: string): CatalogPageFile => {
    const { bytes } = openData.summary(file.path);
    return { href: withBase(ctx.base, file.path), url: url(file.path), format: file.format, label: file.label ?? fallbackLabel, bytes, size: formatBytes(bytes) };
  };
  // A plan without an issue date is dated 1 January of its year; say "năm 2025", not a day nobody signed.
  const issueDates = new Set(openData.catalog.plans.map((p) => p.data.issuedOn).filter((d): d is string => d !== null));
  const dateText = (iso: string | null) =>
    iso === null ? 'chưa có dữ liệu' : issueDates.has(iso) || !iso.endsWith('-01-01') ? formatVietnameseDate(iso, 'long') : `năm ${iso.slice(0, 4)}`;

  const collectionOf = (dataset: Dataset, collection: FileCollection, bytes: number, listed: number): CatalogPageCollection => {
    const unlisted = dataset.files.length - listed;
    const elsewhere =
      unlisted === 0
        ? []
        : collection.format === 'iCalendar'
          ? [
              { label: 'trang của từng cơ quan', href: withBase(ctx.base, paths.agencies()) },
              { label: 'danh sách đơn vị ở trang Thời hạn', href: withBase(ctx.base, `${paths.deadlines()}#theo-don-vi`) },
            ]
          : [{ label: 'trang của từng kế hoạch', href: withBase(ctx.base, paths.plans()) }];
    return {
      count: dataset.files.length,
      bytes,
      totalSize: formatBytes(bytes),
      format: collection.format,
      pattern: memberUrlPattern(ctx, collection),
      keyField: collection.keyField,
      urlField: collection.urlField,
      index: pageFile(openData.entry(collection.index)!, fileName(collection.index)),
      unlisted,
      elsewhere,
    };
  };

  const datasets = openData.datasets.map((dataset): CatalogPageDataset => {
    const total = dataset.files.reduce((sum, f) => sum + openData.summary(f.path).bytes, 0);
    const cap = dataset.collection ? (listMax[dataset.id] ?? 0) : Infinity;
    const files = dataset.files.slice(0, cap).map((file) => pageFile(file, fileName(file.path)));
    return {
      id: dataset.id,
      title: dataset.title,
      description: dataset.description,
      modified: dataset.modified,
      modifiedText: dateText(dataset.modified),
      formats: [...new Set(dataset.files.map((f) => f.format))],
      files,
      collection: dataset.collection ? collectionOf(dataset, dataset.collection, total, files.length) : null,
      many: files.length > 3,
      totalSize: formatBytes(total),
      examples: examplesFor(dataset, url),
    };
  });

  const sums = expectedSha256Sums(openData);
  const metadata: CatalogPageFile[] = [
    ...openData.metadataFiles.map((file) =>
      pageFile(file, file.path === apiPaths.dcat() ? 'Danh mục DCAT-AP 3 (JSON-LD)' : 'Mô tả gói dữ liệu (Frictionless Data Package)'),
    ),
    ...openData.schemaFiles.map((file) => pageFile(file, fileName(file.path))),
    {
      href: withBase(ctx.base, apiPaths.checksums()),
      url: url(apiPaths.checksums()),
      format: 'SHA256SUMS',
      label: 'Mã băm SHA-256 của mọi tệp dữ liệu (SHA256SUMS)',
      bytes: Buffer.byteLength(sums, 'utf8'),
      size: formatBytes(Buffer.byteLength(sums, 'utf8')),
    },
  ];

  return {
    datasets,
    metadata,
    licence: { name: site.license.name, url: site.license.url },
    modifiedText: dateText(openData.modified),
    terms: [
      'Mở: mọi tệp trên trang này là dữ liệu mở theo Điều 43 Luật Giao dịch điện tử năm 2023 (Luật số 20/2023/QH15): cơ quan, tổ chức, cá nhân được tự do truy cập, sao chép, chia sẻ, sử dụng và tái sử dụng, kết hợp với dữ liệu khác, dùng trong sản phẩm, dịch vụ thương mại hoặc phi thương mại.',
      'Miễn phí và không cần đăng ký: không tài khoản, không khóa API, không phải khai báo danh tính khi tải về.',
      `Được tái sử dụng theo giấy phép ${site.license.name}: chỉ cần ghi nguồn “${site.name} – ${site.agency}” kèm địa chỉ của tệp.`,
      'Định dạng mở, địa chỉ ổn định: JSON, CSV (UTF-8), iCalendar, Atom, JSON Feed; phiên bản v1 chỉ được bổ sung, không đổi tên hay bỏ trường.',
      'Toàn vẹn: mỗi tệp có mã băm SHA-256 trong SHA256SUMS; cùng nội dung luôn cho ra cùng tệp. Văn bản đã ký là bản có giá trị pháp lý.',
    ],
  };
}
