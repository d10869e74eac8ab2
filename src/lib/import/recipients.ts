/**
 * Nơi nhận: the recipients list after the body, one line each ("- UBND tỉnh;", "- Lưu: VT, VP."),
 * kept as written without the leading dash and the trailing ";" or ".".
 */
import { collapseWhitespace } from '../vn/text';
import type { Block } from './repair';

const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*/iu;
const SIGNATURE = /^(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu}/u;

function isUpperShort(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.length < 60;
}

function clean(line: string): string {
  return collapseWhitespace(line.replace(/^[-–+•*]\s*/, '')).replace(/\s*[;.,]+$/, '');
}

/**
 * Recipients from the tail blocks (from "Nơi nhận:" on).
 * @example extractRecipients(tail) // ['UBND tỉnh', 'Sở Nội vụ', 'BGĐ Sở', 'Lưu: VT, VP']
 */
export function extractRecipients(tail: readonly Block[]): string[] {
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
    if (SIGNATURE.test(text) || isUpperShort(text)) break;
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
