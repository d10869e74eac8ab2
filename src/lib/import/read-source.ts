import mammoth from 'mammoth';
import { toNFC } from '../vn/text';
import { assertZipWithinLimits, ZipRefused, type InflateRaw } from './zip-limits';
import { readPdfText } from './pdf-text';

/** What the importer reads: the text plus how it was laid out. */
export interface SourceText {
  /** The text, NFC, "\n" line ends. */
  text: string;
  /** "txt"/"md"/"pdf": lines as extracted (often hard-wrapped); "docx": one paragraph per line. */
  format: SourceFormat;
  /** File name without folders, for `source.file`. */
  fileName: string;
  /** sha256 of the file's bytes, hex, for `source.sha256`. */
  sha256: string;
  /** Warnings from the .docx reader (unsupported elements…), in English as mammoth gives them. */
  warnings: string[];
  /** .docx only: paragraphs numbered by Word's automatic lists, whose numbers are not in `text`. */
  autoNumbered: number;
}

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf';

const FORMATS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx', '.pdf': 'pdf' };

// This module runs in Node (npm run import) and in the browser (the editor's import page): no
// node: imports here; reading from disk is in files.ts.
const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const extname = (path: string): string => /\.[^./\\]*$/.exec(basename(path))?.[0] ?? '';

/** node:zlib's capped inflate in Node (npm run import), none in the browser (see zip-limits.ts). */
async function nodeInflateRaw(): Promise<InflateRaw | undefined> {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  const zlib = await import('node:zlib');
  return zlib.inflateRawSync;
}

/** sha256 of bytes, hex, through Web Crypto (global in Node 20+ and every browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The format a file name implies, or null when the importer cannot read it (.doc, .odt…).
 * @example sourceFormatOf('Ke hoach 859.DOCX') // 'docx'
 */
export function sourceFormatOf(fileName: string): SourceFormat | null {
  return FORMATS[extname(fileName).toLowerCase()] ?? null;
}

/**
 * Decodes a plain-text export: UTF-8 (BOM dropped), or UTF-16 when the file says so with a BOM
 * (Notepad's "Unicode"). Line ends become "\n"; text becomes NFC, since PDF extractors leave
 * decomposed letters ("ẫ" as a + ̃ + ̂).
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return toNFC(text.replace(/\r\n?/g, '\n'));
}

/** Control characters a text export never holds (tab, line feed, carriage return and form feed aside). */
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

/**
 * Why `bytes` cannot be a plain-text plan, in Vietnamese, or undefined when they can: a binary file
 * renamed .txt (NUL bytes or control characters), bytes that are not UTF-8 (nor UTF-16 with a BOM),
 * or no text at all.
 */
export function textProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'tệp rỗng';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return bytes.includes(0)
        ? 'không phải tệp văn bản (có byte 0: đây là tệp nhị phân, có thể bị đổi đuôi)'
        : 'không phải văn bản UTF-8 (có thể lưu bằng bảng mã cũ TCVN3, VNI hay Windows-1258); hãy lưu lại với bảng mã UTF-8';
    }
  }
  const text = decodeText(bytes);
  const controls = text.match(BINARY_CONTROL)?.length ?? 0;
  if (controls > 0) return `không phải tệp văn bản (có ${controls} ký tự điều khiển: có thể là tệp nhị phân bị đổi đuôi)`;
  if (text.trim() === '') return 'tệp không có chữ nào';
  return undefined;
}

/**
 * Reads a .docx as plain text, one paragraph per line (mammoth's raw text separates paragraphs with
 * a blank line). Manual numbering typed in the paragraph ("I.", "1.", "a)") is kept; Word's automatic
 * list numbering is not part of the text and is lost, which the report mentions.
 */
async function readDocx(bytes: Uint8Array, name: string): Promise<{ text: string; warnings: string[]; autoNumbered: number }> {
  if (bytes.length === 0) throw new Error(`không đọc được tệp "${name}": tệp rỗng`);
  // Before mammoth inflates anything: a zip bomb must be refused by its directory, not run out of memory.
  try {
    assertZipWithinLimits(bytes, undefined, await nodeInflateRaw());
  } catch (error) {
    if (error instanceof ZipRefused) throw new Error(`không đọc được tệp "${name}": ${error.message}`);
    throw error;
  }
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both take the same bytes.
  const input = { buffer: bytes, arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as { buffer: Buffer };
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  let html: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.extractRawText(input);
    // Word lists only show up in the HTML conversion: count their items so the report can warn.
    html = await mammoth.convertToHtml(input);
  } catch {
    throw new Error(`không đọc được tệp "${name}": tệp .docx bị hỏng (thiếu phần nội dung word/document.xml hoặc XML sai); hãy mở bằng Word và lưu lại`);
  }
  const warnings = result.messages.map((m) => m.message);
  const autoNumbered = (html.value.match(/<li>/g) ?? []).length;
  return { text: toNFC(result.value.replace(/\r\n?/g, '\n')), warnings, autoNumbered };
}

/**
 * Reads bytes already in memory (tests, uploads). Throws on a format the importer does not read, on
 * empty, binary or non-UTF-8 text, and on a corrupt or oversized .docx (a zip bomb), with
 * a Vietnamese message for the person running the import.
 */
export async function readSourceBytes(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const format = sourceFormatOf(fileName);
  if (!format) {
    throw new Error(
      `không đọc được tệp "${basename(fileName)}": chỉ nhận .docx, .pdf (có lớp chữ), .txt hoặc .md (với .doc, lưu lại thành .docx)`,
    );
  }
  const name = basename(fileName);
  const sha256 = await sha256Hex(bytes);
  if (format === 'docx') {
    const { text, warnings, autoNumbered } = await readDocx(bytes, name);
    if (text.trim() === '') throw new Error(`không đọc được tệp "${name}": văn bản .docx không có chữ nào (có thể chỉ chứa ảnh chụp; hãy dùng bản có chữ)`);
    return { text, format, fileName: name, sha256, warnings, autoNumbered };
  }
  if (format === 'pdf') {
    const { text } = await readPdfText(bytes, name);
    return { text, format, fileName: name, sha256, warnings: [], autoNumbered: 0 };
  }
  const problem = textProblem(bytes);
  if (problem) throw new Error(`không đọc được tệp "${name}": ${problem}`);
  return { text: decodeText(bytes), format, fileName: name, sha256, warnings: [], autoNumbered: 0 };
}
