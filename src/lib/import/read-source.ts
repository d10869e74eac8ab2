import mammoth from 'mammoth';
import { toNFC } from '../vn/text';

/** What the importer reads: the text plus how it was laid out. */
export interface SourceText {
  /** The text, NFC, "\n" line ends. */
  text: string;
  /** "txt"/"md": lines as extracted (often hard-wrapped); "docx": one paragraph per line. */
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

export type SourceFormat = 'txt' | 'md' | 'docx';

const FORMATS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx' };

// This module runs in Node (npm run import) and in the browser (the editor's import page): no
// node: imports here; reading from disk is in files.ts.
const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const extname = (path: string): string => /\.[^./\\]*$/.exec(basename(path))?.[0] ?? '';

/** sha256 of bytes, hex, through Web Crypto (global in Node 20+ and every browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The format a file name implies, or null when the importer cannot read it (.pdf, .doc…).
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

/**
 * Reads a .docx as plain text, one paragraph per line (mammoth's raw text separates paragraphs with
 * a blank line). Manual numbering typed in the paragraph ("I.", "1.", "a)") is kept; Word's automatic
 * list numbering is not part of the text and is lost, which the report mentions.
 */
async function readDocx(bytes: Uint8Array): Promise<{ text: string; warnings: string[]; autoNumbered: number }> {
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both take the same bytes.
  const input = { buffer: bytes, arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as { buffer: Buffer };
  const result = await mammoth.extractRawText(input);
  const warnings = result.messages.map((m) => m.message);
  // Word lists only show up in the HTML conversion: count their items so the report can warn.
  const html = await mammoth.convertToHtml(input);
  const autoNumbered = (html.value.match(/<li>/g) ?? []).length;
  return { text: toNFC(result.value.replace(/\r\n?/g, '\n')), warnings, autoNumbered };
}

/**
 * Reads bytes already in memory (tests, uploads). Throws on a format the importer does not read, with
 * a Vietnamese message for the person running the import.
 */
export async function readSourceBytes(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const format = sourceFormatOf(fileName);
  if (!format) {
    throw new Error(
      `không đọc được tệp "${basename(fileName)}": chỉ nhận .docx, .txt hoặc .md (với .pdf, hãy chép văn bản ra tệp .txt; với .doc, lưu lại thành .docx)`,
    );
  }
  const sha256 = await sha256Hex(bytes);
  if (format === 'docx') {
    const { text, warnings, autoNumbered } = await readDocx(bytes);
    return { text, format, fileName: basename(fileName), sha256, warnings, autoNumbered };
  }
  return { text: decodeText(bytes), format, fileName: basename(fileName), sha256, warnings: [], autoNumbered: 0 };
}
