/**
 * The shape of a plan once its text is repaired: the head (issuer, Số, place and date, "KẾ HOẠCH" and
 * the title), the body (from the opening "Thực hiện …/Căn cứ …" paragraph to the closing "…/."),
 * the tail (Nơi nhận, signature), and the numbered sections of the body.
 */
import { foldVietnamese } from '../vn/text';
import type { Block, MarkerKind } from './repair';
import { AUTHORITY_LINE } from './authority';
import { KE_HOACH_LINE as KE_HOACH } from './letterhead';

export interface DocumentParts {
  /** Blocks before the opening paragraph. */
  head: Block[];
  /** From the opening paragraph to the closing sentence. */
  body: Block[];
  /** Nơi nhận and the signature block. */
  tail: Block[];
  /** Index in `body` of the first block after the opening paragraph(s), i.e. after the enactment sentence. */
  openingEnd: number;
}

/** A numbered section of the body: "II. NỘI DUNG", "1. Văn phòng Sở", "2.1 Công tác …". */
export interface Section {
  /** The item block that opens the section. */
  block: Block;
  /** 1 for the top level ("I." or, without Roman numerals, "1."). */
  level: number;
  /** Paragraphs and bullets directly under the heading, before any subsection. */
  content: Block[];
  children: Section[];
}

export interface Outline {
  /** Blocks before the first numbered section (the opening paragraphs). */
  preamble: Block[];
  sections: Section[];
}

const OPENING_START = /^(?:Thực hiện|Căn cứ|Triển khai|Thi hành|Theo|Trên cơ sở|Để|Nhằm|Tiếp tục thực hiện)(?![\p{L}\p{M}])/u;
const DOC_REFERENCE = /\bsố\s*\d+\s*[/-]|\d+\s*\/\s*\d{4}\s*\/|\d+[/-]\p{Lu}/u;
const ENACTMENT = /(?:ban hành|xây dựng|lập|đề ra)\s+(?:các\s+)?kế hoạch\b/iu;
const NOI_NHAN = /^Nơi\s+nhận\b/iu;
const AUTHORITY = AUTHORITY_LINE;

/**
 * Sentences of a paragraph, split after ".", "!" or "?" followed by a capital letter. Dates and
 * numbers ("25.3.2024", "TT.ĐU") do not split, since no space follows their dots.
 */
export function splitSentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[.!?…]["”’)]*\s+(?=["“(]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    // "TP. Hồ Chí Minh", "Q. Giám đốc": an abbreviation, not a sentence end.
    if (/(?:^|\s)(?:TP|Q|KT|TM|TL|TX|TT|P|Tp)\.\s+$/u.test(text.slice(Math.max(0, m.index - 4), end))) continue;
    out.push({ text: text.slice(start, end).trim(), index: start });
    start = end;
  }
  if (start < text.length) out.push({ text: text.slice(start).trim(), index: start });
  return out.filter((s) => s.text);
}

/**
 * Where the enactment sentence ("Sở Thông tin và Truyền thông ban hành Kế hoạch …") starts in a
 * paragraph, or -1. A sentence that cites a numbered document before the verb is a basis clause
 * ("Căn cứ Quyết định số 2631/QĐ-UBND … ban hành Kế hoạch cải cách hành chính"), not the enactment.
 */
export function findEnactment(text: string): number {
  for (const s of splitSentences(text)) {
    // "…; Kế hoạch số 1243/KH-UBND …; Sở … ban hành Kế hoạch": each clause after a ";" counts on its own.
    for (const clause of s.text.matchAll(/[^;]+;?\s*/g)) {
      const m = ENACTMENT.exec(clause[0]);
      if (m && m.index < 160 && !DOC_REFERENCE.test(clause[0].slice(0, m.index))) return s.index + clause.index;
    }
  }
  return -1;
}

function isOpening(block: Block, next: Block | undefined): boolean {
  // Bases listed as dashes ("- Căn cứ Luật …") open the body like a paragraph does.
  if (block.kind === 'bullet' && /^Căn cứ(?![\p{L}\p{M}])/u.test(block.text)) return true;
  if (block.kind !== 'paragraph') return false;
  if (findEnactment(block.text) === 0) return true;
  // "Căn cứ …" never belongs to a letterhead or a title: the legal bases open the body.
  if (/^Căn cứ(?![\p{L}\p{M}])/u.test(block.text)) return true;
  if (!OPENING_START.test(block.text)) return false;
  return DOC_REFERENCE.test(block.text) || (next !== undefined && next.kind === 'paragraph' && findEnactment(next.text) === 0);
}

function isTopItem(block: Block): boolean {
  return block.kind === 'item' && (block.markerKind === 'roman' || block.markerKind === 'decimal');
}

/**
 * Splits repaired blocks into head, body and tail.
 * @example splitParts(repairText(seed).blocks).body[0].text // 'Thực hiện Kế hoạch số 100-KH/BDVTU …'
 */
export function splitParts(blocks: Block[]): DocumentParts {
  const keHoach = blocks.findIndex((b) => KE_HOACH.test(b.text));
  // The title follows "KẾ HOẠCH" (on its line or the next one) even when it cites a document.
  const from = keHoach === -1 ? 0 : blocks[keHoach]!.text.replace(KE_HOACH, '').trim() ? keHoach + 1 : keHoach + 2;
  let start = -1;
  for (let i = from; i < blocks.length; i++) {
    if (isOpening(blocks[i]!, blocks[i + 1])) {
      start = i;
      break;
    }
    if (isTopItem(blocks[i]!)) break;
  }
  if (start === -1) {
    const firstItem = blocks.findIndex((b, i) => i >= from && isTopItem(b));
    start = firstItem === -1 ? from : firstItem;
    // Without a "KẾ HOẠCH" line, paragraphs before the first section are the plan's opening, not a head.
    if (keHoach === -1 && firstItem > 0) start = headEnd(blocks, firstItem);
  }

  let tailStart = blocks.findIndex((b, i) => i >= start && b.kind === 'paragraph' && NOI_NHAN.test(b.text));
  if (tailStart === -1) {
    const closing = blocks.findIndex((b, i) => i >= start && /\.\/\.\s*$/.test(b.text));
    if (closing !== -1) tailStart = closing + 1;
    else {
      tailStart = blocks.length;
      while (tailStart > start && isSignatureLine(blocks[tailStart - 1]!)) tailStart--;
    }
  }
  const body = blocks.slice(start, tailStart);
  return { head: blocks.slice(0, start), body, tail: blocks.slice(tailStart), openingEnd: openingEnd(body) };
}

/** Head lines (issuer, Số, place and date) at the very top of a text that has no "KẾ HOẠCH" line. */
function headEnd(blocks: Block[], limit: number): number {
  let i = 0;
  // Decorations ("*", "-----") carry no letters and belong to the letterhead too.
  while (i < limit && blocks[i]!.kind === 'paragraph' && (isHeadLine(blocks[i]!.text) || !/\p{L}/u.test(blocks[i]!.text))) i++;
  return i;
}

/** A line of the letterhead: "SỞ THÔNG TIN …", "Số: 859/KH-UBND", "Tây Ninh, ngày …", the national motto. */
export function isHeadLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && text.length < 120) return true;
  if (/^Số\s*:?\s*(?:[\d./…_ -]*[/-]|\d|$)/u.test(text) && text.length < 60) return true;
  if (/,\s*ngày\s+[\d.…_ ]*tháng/u.test(text) && text.length < 80) return true;
  return /^Độc lập\s*[-–]\s*Tự do/u.test(text);
}

function isSignatureLine(block: Block): boolean {
  if (block.kind !== 'paragraph') return false;
  const t = block.text;
  if (AUTHORITY.test(t)) return true;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && t.length < 60) return true;
  if (/^\(?(?:đã ký|ký tên|ký, ghi rõ)/iu.test(t)) return true;
  return /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u.test(t) && t.length < 40;
}

function openingEnd(body: Block[]): number {
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.kind !== 'paragraph') return i;
    if (findEnactment(b.text) !== -1) return i + 1;
    if (i > 0 && !OPENING_START.test(b.text)) return i;
  }
  return body.length;
}

/** "roman", "decimal", "dotted2" …: the kind of numbering, which decides the level. */
function levelKey(block: Block): string {
  return block.markerKind === 'dotted' ? `dotted${block.depth}` : String(block.markerKind as MarkerKind);
}

/**
 * Numbered sections of the body. Levels follow the order in which numbering styles first appear:
 * "I." then "1." in most plans; "1." then "2.1" in plans without Roman numerals.
 */
export function buildOutline(body: Block[]): Outline {
  const levels = new Map<string, number>();
  for (const b of body) {
    if (b.kind === 'item' && !levels.has(levelKey(b))) levels.set(levelKey(b), levels.size + 1);
  }
  const outline: Outline = { preamble: [], sections: [] };
  const stack: Section[] = [];
  for (const block of body) {
    if (block.kind === 'item') {
      const level = levels.get(levelKey(block))!;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const section: Section = { block, level, content: [], children: [] };
      if (stack.length) stack[stack.length - 1]!.children.push(section);
      else outline.sections.push(section);
      stack.push(section);
    } else if (stack.length) {
      const top = stack[stack.length - 1]!;
      // Text after subsections belongs to the last subsection: plans rarely return to the parent.
      top.content.push(block);
    } else outline.preamble.push(block);
  }
  return outline;
}

/** Every block of a section, its heading and subsections included, in order. */
export function sectionBlocks(section: Section): Block[] {
  return [section.block, ...section.content, ...section.children.flatMap(sectionBlocks)];
}

/**
 * The first top-level section whose heading matches (diacritics and case ignored).
 * @example findSection(outline, 'to chuc thuc hien')?.block.text // 'TỔ CHỨC THỰC HIỆN'
 */
export function findSection(outline: Outline, foldedHeading: string): Section | undefined {
  const walk = (sections: Section[]): Section | undefined => {
    for (const s of sections) {
      if (foldVietnamese(s.block.text).includes(foldedHeading)) return s;
    }
    for (const s of sections) {
      const found = walk(s.children);
      if (found) return found;
    }
    return undefined;
  };
  return walk(outline.sections);
}
