/**
 * Repairs text extracted from a signed plan (PDF copy, Word export) into blocks: paragraphs,
 * numbered items ("I.", "1.", "2.1", "a)") and bullets ("-", "+"). PDF extraction hard-wraps every
 * line, scatters blank lines, splits document numbers and dates over lines ("114-\nKL/TW",
 * "ngày 25/3/\n2024"), and leaves URLs and page numbers between pages; Word exports put one
 * paragraph per line and sometimes break a sentence in two.
 */
import { toNFC } from '../vn/text';
import { STATE_TYPE_CODES } from '../documents/document-number';
import { AUTHORITY_MARK } from './authority';

export type MarkerKind = 'roman' | 'decimal' | 'dotted' | 'letter' | 'bullet';

/** One paragraph-level piece of the text, reflowed onto one line. */
export interface Block {
  /** "item": numbered or lettered ("I.", "1.", "2.1", "a)"); "bullet": "-", "+", "•"; else "paragraph". */
  kind: 'item' | 'bullet' | 'paragraph';
  /** The marker as written ("II.", "3.1.", "a)", "-", "+"), or null for a paragraph. */
  marker: string | null;
  markerKind: MarkerKind | null;
  /** "2.1" → 2 parts, "1." → 1; used to tell "2.1" from "2.1.1". */
  depth: number;
  /** The text after the marker, on one line, whitespace collapsed. */
  text: string;
  /** 1-based line of the source where the block starts. */
  line: number;
}

export interface DroppedLine {
  line: number;
  text: string;
  reason: 'url' | 'page-number' | 'separator';
}

export interface RepairResult {
  blocks: Block[];
  /** Lines removed as extraction debris, for the review report. */
  dropped: DroppedLine[];
  /** "wrapped": hard-wrapped PDF text; "paragraphs": one paragraph per line (Word, Markdown). */
  layout: 'wrapped' | 'paragraphs';
}

export interface RepairOptions {
  /** Force a layout instead of guessing it from line lengths (.docx is always "paragraphs"). */
  layout?: 'wrapped' | 'paragraphs';
}

interface Line {
  text: string;
  line: number;
}

const ROMAN = /^([IVXL]{1,5})\.\s+(?=\S)/;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\p{L})/u;
const DECIMAL = /^(\d{1,2})[.)]\s+(?=\S)/;
const LETTER = /^([a-zđ])\)\s+(?=\S)/u;
const BULLET = /^([-–—•+*])\s*(?=\S)/;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/i;
const SEPARATOR = /^[\s_=~*.·…-]{3,}$/;
const TERMINAL = /[.;:!?…]["”’)]*$/;
// Where the signature block and the recipients start: never part of the paragraph before.
const HARD_START = new RegExp(`^(?:Nơi nhận|${AUTHORITY_MARK})`, 'u');
// "Sở X ban hành Kế hoạch …": the sentence that closes the opening "Thực hiện …" paragraph.
const ENACTMENT_START = /^[\p{Lu}][^.;:]{0,120}?\s(?:ban hành|xây dựng)\s+(?:các\s+)?kế hoạch\b/iu;
// The opening "Thực hiện …/Căn cứ …" paragraph, capitalised: it never continues the title above it.
const OPENING_LINE = /^(?:Thực hiện|Căn cứ)\s.{0,80}?\bsố\s*\d/u;
// After a full stop, a sentence whose subject is a unit ("Phòng Công nghệ thông tin … đẩy mạnh …")
// or the closing "Trên đây là …" starts a new paragraph even when the line above looks full.
const NEW_SUBJECT = /^(?:(?:Các\s+)?(?:Phòng|Văn phòng|Thanh tra|Trung tâm|Đài|Chi cục|Ban|Sở|UBND|Ủy ban|Uỷ ban|Công an|Bộ phận|Hội|Đoàn)\s|Các\s+(?:phòng|đơn vị|bộ phận|cơ quan|sở|ban)(?![\p{L}\p{M}])|Trên đây là(?![\p{L}\p{M}]))/u;

const TYPE_THEN_SLASH = new RegExp(String.raw`(\d+\/(?:\d{4}\/)?(?:${Object.keys(STATE_TYPE_CODES).join('|')}))(?:\s+\/\s*|\/\s+)(?=\p{Lu})`, 'gu');

/** Markdown and Word-export noise: headings "##", emphasis "**", escaped punctuation "\.". */
export function stripMarkdown(line: string): string[] {
  let s = line.replace(/^\s{0,3}#{1,6}\s+/, '');
  // "**2.3 Công tác kiểm tra, giám sát:** Xây dựng …": a bold run-in heading starts a new block.
  const runIn = /^\s*(?:\*\*|__)((?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+[^*_]+?)(?:\*\*|__)\s*(\S.*)$/u.exec(s);
  if (runIn && !/^[.;,]/.test(runIn[2]!)) {
    return [...stripMarkdown(runIn[1]!.replace(/:\s*$/, '')), ...stripMarkdown(runIn[2]!.replace(/^:\s*/, ''))];
  }
  s = s
    .replace(/\*{2,3}|_{2,3}(?=\S)|(?<=\S)_{2,3}/g, '')
    .replace(/^\s*\*(?=\S)|(?<=\S)\*\s*$/g, '')
    .replace(/\\([\\.\-+*_#()[\]!`>])/g, '$1');
  return [s];
}

function cleanLine(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+$/, '')
    .replace(/^\s+/, '');
}

function markerOf(text: string): { kind: Block['kind']; markerKind: MarkerKind; marker: string; depth: number; rest: string } | null {
  let m = ROMAN.exec(text);
  if (m && /^\s*[\p{Lu}\d]/u.test(text.slice(m[0].length))) {
    return { kind: 'item', markerKind: 'roman', marker: `${m[1]}.`, depth: 1, rest: text.slice(m[0].length) };
  }
  m = DOTTED.exec(text);
  if (m) {
    const marker = m[0].trim();
    return { kind: 'item', markerKind: 'dotted', marker, depth: m[1]!.split('.').length, rest: text.slice(m[0].length) };
  }
  m = DECIMAL.exec(text);
  if (m) return { kind: 'item', markerKind: 'decimal', marker: m[0].trim(), depth: 1, rest: text.slice(m[0].length) };
  m = LETTER.exec(text);
  if (m) return { kind: 'item', markerKind: 'letter', marker: `${m[1]})`, depth: 1, rest: text.slice(m[0].length) };
  m = BULLET.exec(text);
  if (m && text.length > 1) {
    const marker = m[1] === '+' ? '+' : '-';
    return { kind: 'bullet', markerKind: 'bullet', marker, depth: 1, rest: text.slice(m[0].length) };
  }
  return null;
}

function isUpperLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function startsLower(text: string): boolean {
  return /^[\p{Ll}]/u.test(text);
}

/** Number and date pieces that must be glued back without a space: "110-KH/BDVTU-" + "BCSĐUBND", "25/3/" + "2024". */
function joinsTight(prev: string, next: string): boolean {
  if (/[\p{L}\d]-$/u.test(prev) && /^[\p{Lu}\d]/u.test(next)) return true;
  if (/\d\/$|\d\/\p{Lu}[\p{L}\d]*\/$/u.test(prev) && /^[\p{L}\d]/u.test(next)) return true;
  if (/(?:số|\d)\s*\d+(?:[/-]\p{Lu}[\p{L}\d]*)*$/u.test(prev) && /^[-/]\p{Lu}/u.test(next)) return true;
  return false;
}

/** Whether a line break inside a bullet-looking "- xã hội" is really the hyphen of "kinh tế - xã hội". */
function isHyphenContinuation(prevText: string, line: string): boolean {
  return /^[-–]\s+\p{Ll}/u.test(line) && !TERMINAL.test(prevText);
}

// Capitalised common nouns that continue a phrase across a line break ("… quản lý hành chính" + "Nhà nước, …").
const PROPER_START = /^(?:Nhà nước|Nhân dân|Đảng|Chính phủ|Trung ương|Mặt trận|Tổ quốc|Việt Nam|Quốc hội|Thủ tướng|Hồ Chí Minh|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Đảng ủy)(?![\p{L}\p{M}])/u;
// Words a wrapped heading line can end with when the heading goes on below ("… Đảng và" + "Nhà nước").
const OPEN_END = /(?:[,;–-]|\s(?:và|hoặc|của|với|các|cho|về|tại|trong|theo|là|được|để|những|đối|từ|đến|trên|dưới|nhằm|gắn|số))$/u;

/** A numbered heading ("4. Thực hiện … tố cáo") followed by a capitalised line: the body starts there. */
function endsHeading(itemSoFar: string, prev: string, next: string): boolean {
  return /^\p{Lu}/u.test(next) && !/[.!?]\s/.test(itemSoFar) && !TERMINAL.test(prev) && !OPEN_END.test(prev) && !PROPER_START.test(next);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Hard-wrapped text has lines of a similar width; one-paragraph-per-line text has many long lines. */
function guessLayout(lines: Line[]): 'wrapped' | 'paragraphs' {
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 20);
  if (lengths.length === 0) return 'paragraphs';
  const long = lengths.filter((n) => n > 140).length;
  return long / lengths.length > 0.15 ? 'paragraphs' : 'wrapped';
}

/**
 * Document numbers with a stray space on one side of a separator, as PDF copies print them:
 * "302/KH- UBND" → "302/KH-UBND", "1847/QĐ -TTg" → "1847/QĐ-TTg". A dash with spaces on both sides
 * is prose ("giai đoạn 2021 - 2025", "Ban Dân vận – Ban Cán sự") and is left alone.
 * @example repairDocumentNumbers('Kế hoạch số 302/KH- UBND ngày 18/10/2022') // 'Kế hoạch số 302/KH-UBND ngày 18/10/2022'
 */
export function repairDocumentNumbers(text: string): string {
  const CODE = String.raw`\p{Lu}[\p{L}\d]*`;
  const oneSided = new RegExp(String.raw`(\d+(?:/\d{4})?(?:[/-]${CODE})+)(?:([/-])\s+|\s+([/-]))(?=${CODE})`, 'gu');
  // "103/QĐ /BVHTTDL": after a state type code only "-" can follow, so a spaced "/" is a misprinted "-".
  let out = text.replace(TYPE_THEN_SLASH, '$1-');
  for (let i = 0; i < 3; i++) {
    const next = out.replace(oneSided, (_m, head: string, a?: string, b?: string) => `${head}${a ?? b}`);
    if (next === out) break;
    out = next;
  }
  // "số 302 /KH-UBND", "số 302/ KH-UBND": spaces around the first slash after "số".
  return out.replace(/(\bsố\s+\d+)\s*\/\s*(?=\p{Lu})/gu, '$1/');
}

/**
 * Dates with stray spaces: "ngày 25/ 3/2024", "ngày 25 /3/ 2024" → "ngày 25/3/2024".
 * @example repairDates('trước ngày 10/ 11 /2024') // 'trước ngày 10/11/2024'
 */
export function repairDates(text: string): string {
  return text
    // A year broken by a space: "ngày 16/7/20 21".
    .replace(/(\bngày\s+\d{1,2}\/\d{1,2}\/)(\d{2}) (\d{2})(?!\d)/gu, '$1$2$3')
    .replace(/(\bngày\s+)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})(?!\d)/gu, '$1$2$3$4$3$5');
}

/** Inline repairs applied to every reflowed block. */
function repairInline(text: string): string {
  return repairDates(repairDocumentNumbers(separateGluedWords(text.replace(/\s+/g, ' ').trim())));
}

/**
 * Words the extractor glued to a number: "số872/QĐ-UBND", "QĐ-UBNDngày 09/5/2013", "ngày12/4/2013".
 * @example separateGluedWords('Quyết định số872/QĐ-UBNDngày 09/5/2013') // 'Quyết định số 872/QĐ-UBND ngày 09/5/2013'
 */
export function separateGluedWords(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{M}])(số|ngày)(?=\d)/gu, '$1 ')
    .replace(/(\d[/-][\p{Lu}\d/-]*\p{Lu})(?=(?:ngày|của|về|năm)(?![\p{L}\p{M}]))/gu, '$1 ');
}

/**
 * Splits extracted text into repaired blocks.
 * @example repairText('Thực hiện Kế hoạch số 110-KH/BDVTU-\n\nBCSĐUBND ngày 18/3/2024.').blocks[0].text
 * // 'Thực hiện Kế hoạch số 110-KH/BDVTU-BCSĐUBND ngày 18/3/2024.'
 */
export function repairText(raw: string, options: RepairOptions = {}): RepairResult {
  const dropped: DroppedLine[] = [];
  const lines: Line[] = [];
  toNFC(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .forEach((rawLine, i) => {
      // Table debris of a two-column letterhead or signature block: each "|" cell is a line of its own.
      for (const piece of rawLine.split('|').flatMap((cell) => stripMarkdown(cell))) {
        const text = cleanLine(piece);
        if (!text) continue;
        if (URL_LINE.test(text)) dropped.push({ line: i + 1, text, reason: 'url' });
        else if (PAGE_NUMBER.test(text)) dropped.push({ line: i + 1, text, reason: 'page-number' });
        else if (SEPARATOR.test(text) && !/\p{L}/u.test(text) && text !== './.') dropped.push({ line: i + 1, text, reason: 'separator' });
        else lines.push({ text, line: i + 1 });
      }
    });

  const layout = options.layout ?? guessLayout(lines);
  // A line is "full" when it reaches close to the usual width: the paragraph goes on below it.
  const widths = lines.map((l) => l.text.length).filter((n) => n >= 30);
  // Too few long lines to know the width: no line counts as full.
  const width = widths.length >= 3 ? median(widths) : Infinity;
  const isFull = (text: string): boolean => layout === 'wrapped' && text.length >= width * 0.8;

  const blocks: Block[] = [];
  let current: { block: Block; lastLine: string; parts: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    current.block.text = repairInline(current.parts.join(''));
    if (current.block.text || current.block.kind !== 'paragraph') blocks.push(current.block);
    current = undefined;
  };

  for (const { text, line } of lines) {
    const prev = current?.lastLine;
    let join = false;
    let tight = false;
    if (current && prev !== undefined) {
      const marker = markerOf(text);
      if (joinsTight(prev, text)) {
        join = true;
        tight = true;
      } else if (HARD_START.test(text) || /\.\/\.$/.test(prev)) join = false;
      else if (marker && !isHyphenContinuation(prev, text)) join = false;
      else if (startsLower(text) && !TERMINAL.test(prev)) join = true;
      // "… ban hành ngày" / "25 tháng 7 năm 2022": a date or number cut after its label goes on below.
      else if (/(?:^|\s)(?:ngày|tháng|năm|số)$/u.test(prev) && /^\d/.test(text)) join = true;
      else if (marker) join = true; // hyphen continuation "kinh tế \n- xã hội"
      else if (layout === 'paragraphs') join = false;
      else if (isUpperLine(prev) !== isUpperLine(text)) join = false;
      else if (TERMINAL.test(prev) && ENACTMENT_START.test(text)) join = false;
      else if (OPENING_LINE.test(text) && !OPEN_END.test(prev)) join = false;
      else if (/\.["”’)]*$/.test(prev) && NEW_SUBJECT.test(text)) join = false;
      else if (current.block.kind === 'item' && endsHeading(current.parts.join(''), prev, text)) join = false;
      else join = isFull(prev);
    }
    if (join && current) {
      current.parts.push(tight ? '' : ' ', text);
      current.lastLine = text;
      continue;
    }
    flush();
    const marker = markerOf(text);
    current = {
      block: {
        kind: marker?.kind ?? 'paragraph',
        marker: marker?.marker ?? null,
        markerKind: marker?.markerKind ?? null,
        depth: marker?.depth ?? 0,
        text: '',
        line,
      },
      lastLine: text,
      parts: [marker ? marker.rest : text],
    };
  }
  flush();
  return { blocks, dropped, layout };
}

/** The block as one line of text, marker included. */
export function blockText(block: Block): string {
  return block.marker ? `${block.marker} ${block.text}` : block.text;
}
