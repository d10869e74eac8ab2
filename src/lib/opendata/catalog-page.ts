import { withBase } from '../paths';
import { formatVietnameseDate } from '../vn/dates';
import { site } from '../../site.config';
import { API_ROOT, apiPaths, urlOf } from './context';
import { formatSha256Sums } from './checksums';
import type { FileFormat, OpenData, OpenDataFile } from './open-data';

/*
 * The /du-lieu-mo/ page as data: every dataset with its files, sizes (the bytes the build
 * serves), formats, licence, last change and a one-line example of use.
 */

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

export interface CatalogPageDataset {
  id: string;
  title: string;
  description: string;
  modifiedText: string;
  modified: string | null;
  formats: FileFormat[];
  files: CatalogPageFile[];
  /** More files than fit in a line (one per plan, one per agency): list them folded. */
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

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/**
 * A file size for people: "8,8 kB", "1,2 MB", "512 byte" (SI units, as browsers show downloads).
 * @example formatBytes(8785) // '8,8 kB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${numberFormat.format(bytes / 1000)} kB`;
  return `${numberFormat.format(bytes / 1_000_000)} MB`;
}

/** The SHA256SUMS the build writes, computed from the same renders (paths relative to api/v1/). */
export function expectedSha256Sums(openData: OpenData): string {
  return formatSha256Sums(
    openData
      .allFiles()
      .filter((file) => file.path.startsWith(API_ROOT))
      .map((file) => ({ path: file.path.slice(API_ROOT.length), sha256: openData.file(file.path).sha256 })),
  );
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function examplesFor(dataset: { id: string; files: OpenDataFile[] }, url: (path: string) => string): UsageExample[] {
  const examples: UsageExample[] = [];
  const first = (format: FileFormat) => dataset.files.find((f) => f.format === format);
  const json = first('JSON');
  if (json) {
    examples.push({
      kind: 'command',
      text: dataset.id === 'plan-records' ? `curl -s ${url(json.path)} | jq '.deadlines'` : `curl -s ${url(json.path)} | jq '.items[0]'`,
    });
  }
  const csv = first('CSV');
  if (csv) {
    examples.push({
      kind: 'steps',
      text: `Mở bằng Excel: Dữ liệu → Từ văn bản/CSV → chọn tệp ${fileName(csv.path)} đã tải về (tiếng Việt hiển thị đúng vì tệp là UTF-8 có BOM).`,
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

export function catalogPage(openData: OpenData): CatalogPage {
  const { ctx } = openData;
  const url = (path: string) => urlOf(ctx, path);
  const pageFile = (file: OpenDataFile, fallbackLabel: string): CatalogPageFile => {
    const { bytes } = openData.file(file.path);
    return { href: withBase(ctx.base, file.path), url: url(file.path), format: file.format, label: file.label ?? fallbackLabel, bytes, size: formatBytes(bytes) };
  };
  // A plan without an issue date is dated 1 January of its year; say "năm 2025", not a day nobody signed.
  const issueDates = new Set(openData.catalog.plans.map((p) => p.data.issuedOn).filter((d): d is string => d !== null));
  const dateText = (iso: string | null) =>
    iso === null ? 'chưa có dữ liệu' : issueDates.has(iso) || !iso.endsWith('-01-01') ? formatVietnameseDate(iso, 'long') : `năm ${iso.slice(0, 4)}`;

  const datasets = openData.datasets.map((dataset) => {
    const files = dataset.files.map((file) => pageFile(file, fileName(file.path)));
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    return {
      id: dataset.id,
      title: dataset.title,
      description: dataset.description,
      modified: dataset.modified,
      modifiedText: dateText(dataset.modified),
      formats: [...new Set(dataset.files.map((f) => f.format))],
      files,
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
