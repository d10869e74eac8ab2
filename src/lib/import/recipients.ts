/**
 * Nơi nhận: the recipients list after the body, one line each ("- UBND tỉnh;", "- Lưu: VT, VP."),
 * kept as written without the leading dash and the trailing ";" or ".".
 */
import { collapseWhitespace } from '../vn/text';
import type { Block } from './repair';
import { AUTHORITY_LINE, AUTHORITY_MARK } from './authority';

const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*/iu;
const SIGNATURE = AUTHORITY_LINE;

function isUpperShort(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.length < 60;
}

function clean(line: string): string {
  return collapseWhitespace(line.replace(/^[-–+•*]\s*/, '')).replace(/\s*[;.,]+$/, '');
}

const UPPER_TAIL = new RegExp(`^(.*?[;,])\\s+((?:(?:${AUTHORITY_MARK})\\s*)?[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*)$`, 'u');
const SIGNATURE_WORDS = new RegExp(`^(?:${AUTHORITY_MARK})|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|BÍ THƯ|ỦY BAN|UỶ BAN|THƯỜNG TRỰC|CHÁNH VĂN PHÒNG`, 'u');

/**
 * Separates the two columns of the page foot when extraction read them as one: "Nơi nhận: TM. ỦY
 * BAN NHÂN DÂN", "- UBND tỉnh; KT. CHỦ TỊCH" become a recipient line and a signature line each.
 * @example untangleTail(tail).map((b) => b.text) // ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'UBND tỉnh;', 'KT. CHỦ TỊCH', …]
 */
export function untangleTail(tail: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of tail) {
    const head = NOI_NHAN.exec(block.text);
    if (head && SIGNATURE.test(block.text.slice(head[0].length))) {
      out.push({ ...block, text: head[0].trim() }, { ...block, kind: 'paragraph', marker: null, markerKind: null, depth: 0, text: block.text.slice(head[0].length).trim() });
      continue;
    }
    const split = block.kind === 'bullet' ? UPPER_TAIL.exec(block.text) : null;
    if (split && SIGNATURE_WORDS.test(split[2]!)) {
      out.push({ ...block, text: split[1]! }, { ...block, kind: 'paragraph', marker: null, markerKind: null, depth: 0, text: split[2]!.trim() });
      continue;
    }
    out.push(block);
  }
  return out;
}

/**
 * Recipients from the tail blocks (from "Nơi nhận:" on).
 * @example extractRecipients(tail) // ['UBND tỉnh', 'Sở Nội vụ', 'BGĐ Sở', 'Lưu: VT, VP']
 */
export function extractRecipients(blocks: readonly Block[]): string[] {
  const tail = untangleTail(blocks);
  const start = tail.findIndex((b) => NOI_NHAN.test(b.text));
  if (start === -1) return [];
  const out: string[] = [];
  let lastRaw = '';
  // "Nơi nhận: - UBND tỉnh;" on one line.
  const inline = tail[start]!.text.replace(NOI_NHAN, '');
  for (const piece of inline.split(/\s+-\s+|^-\s*/u)) {
    if (clean(piece)) {
      out.push(clean(piece));
      lastRaw = piece.trim();
    }
  }
  for (const block of tail.slice(start + 1)) {
    if (block.kind === 'bullet') {
      out.push(clean(block.text));
      lastRaw = block.text;
      continue;
    }
    const text = block.text;
    // Signature lines may sit between recipients when the columns were read line by line.
    if (SIGNATURE.test(text) || isUpperShort(text)) continue;
    // A recipient wrapped in the narrow left column: "- Các phòng, đơn vị thuộc" + "Sở;".
    const last = out[out.length - 1];
    if (last !== undefined && !/[;.]$/.test(lastRaw) && /^(?:\p{Ll}|Sở(?![\p{L}\p{M}]))/u.test(text) && text.length < 40) {
      out[out.length - 1] = clean(`${last} ${text}`);
      lastRaw = text;
      continue;
    }
    break;
  }
  return out.filter(Boolean);
}
