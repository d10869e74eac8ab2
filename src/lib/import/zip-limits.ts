
/** What a .docx may expand to before the importer hands it to mammoth. A real plan is well under 1 MB of XML. */
export interface ZipLimits {
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (tiny XML parts compress very well). */
  ratioFloorBytes: number;
  /** Most entries a .docx may hold. */
  maxEntries: number;
}

export const DOCX_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
};

/** Why a zip was refused, in Vietnamese, to follow the file name in a message. */
export class ZipRefused extends Error {}

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks a .docx (a zip) before anything inflates it: reads the central directory and refuses too
 * many entries, entries or a total larger than the limits, and a compression ratio only a zip bomb
 * has; then inflates each entry with a hard output cap (node:zlib `maxOutputLength`) to prove that
 * no entry expands past what its header declares. Memory stays bounded by the limits, and a
 * 300 MB bomb is refused in milliseconds. Throws {@link ZipRefused} with a Vietnamese reason.
 * @example assertZipWithinLimits(await readFile('ke-hoach.docx')) // throws on a zip bomb
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS, inflateRaw?: InflateRaw): void {
  const buf = zipReader(bytes);
  const entries = readCentralDirectory(buf, limits);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipRefused(`phần "${entry.name}" giải nén ra ${MB(entry.uncompressedSize)}, vượt giới hạn ${MB(limits.maxEntryBytes)}`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new ZipRefused(`phần "${entry.name}" nén ${Math.round(ratio)} lần (tối đa ${limits.maxRatio} lần): dấu hiệu của "bom nén" (zip bomb)`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipRefused(`các phần giải nén ra hơn ${MB(limits.maxTotalBytes)}, vượt giới hạn`);
  }
  // Node inflates each entry under a cap (node:zlib); the browser, which has no synchronous
  // inflate, relies on the directory checks above (a staff member's own file, in their own tab).
  if (inflateRaw) for (const entry of entries) checkActualSize(buf, entry, inflateRaw);
}

/** node:zlib's `inflateRawSync`, or anything with its contract (throws ERR_BUFFER_TOO_LARGE past the cap). */
export type InflateRaw = (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;

interface ZipReader {
  bytes: Uint8Array;
  length: number;
  readUInt32LE(at: number): number;
  readUInt16LE(at: number): number;
  text(from: number, to: number): string;
  subarray(from: number, to: number): Uint8Array;
}

/** Little-endian reads over the bytes, the same in Node and the browser (no Buffer). */
function zipReader(bytes: Uint8Array): ZipReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder('utf-8');
  return {
    bytes,
    length: bytes.length,
    readUInt32LE: (at) => view.getUint32(at, true),
    readUInt16LE: (at) => view.getUint16(at, true),
    text: (from, to) => utf8.decode(bytes.subarray(from, to)),
    subarray: (from, to) => bytes.subarray(from, to),
  };
}

function readCentralDirectory(buf: ZipReader, limits: ZipLimits): CentralEntry[] {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipRefused('không phải tệp .docx hợp lệ (không tìm thấy mục lục của tệp nén; tệp có thể bị hỏng hoặc bị đổi đuôi)');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipRefused('tệp nén dạng ZIP64 quá lớn cho một văn bản .docx');
  if (count > limits.maxEntries) throw new ZipRefused(`tệp nén có ${count} phần, vượt giới hạn ${limits.maxEntries}`);
  if (offset + size > eocd) throw new ZipRefused('mục lục của tệp nén bị hỏng');
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('mục lục của tệp nén bị hỏng');
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: CentralEntry = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
      name: buf.text(at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipRefused(`phần "${entry.name}" quá lớn (ZIP64)`);
    entries.push(entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry with its declared size as a hard cap: a header that lies about the size is refused, not believed. */
function checkActualSize(buf: ZipReader, entry: CentralEntry, inflateRaw: InflateRaw): void {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipRefused(`phần "${entry.name}" của tệp nén bị hỏng`);
  if (entry.flags & 0x1) throw new ZipRefused('tệp .docx được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipRefused(`phần "${entry.name}" của tệp nén bị cắt cụt`);
  if (entry.method === 0) return;
  if (entry.method !== 8) throw new ZipRefused(`phần "${entry.name}" dùng kiểu nén không hỗ trợ (${entry.method})`);
  let inflated: Uint8Array;
  try {
    inflated = inflateRaw(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipRefused(`phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo (${entry.uncompressedSize} byte): tệp bị sửa đổi hoặc là "bom nén"`);
    }
    throw new ZipRefused(`phần "${entry.name}" của tệp nén bị hỏng (không giải nén được)`);
  }
  if (inflated.length !== entry.uncompressedSize) throw new ZipRefused(`phần "${entry.name}" của tệp nén bị hỏng (sai kích thước)`);
}
