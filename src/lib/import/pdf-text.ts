/**
 * The text layer of a PDF as the importer wants it: lines in reading order, the two columns of a
 * letterhead or a signature block one after the other (left column first), running headers, footers
 * and page numbers dropped. Reads through unpdf (a maintained, bundled pdf.js build that also runs in
 * a browser: this module touches no file system, so a browser editor can bundle it). A scanned PDF
 * has no text layer: reading it throws a Vietnamese message that OCR is not supported.
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { toNFC } from '../vn/text';

/** One run of text on a page, PDF coordinates (origin bottom-left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  y: number;
  segments: Segment[];
}

/** Text runs of one baseline, split where the gap is wide enough to be a column gutter. */
function lineOf(items: PdfTextItem[], y: number): Line {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  for (const item of sorted) {
    const size = item.fontSize || 10;
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < size * 2.5) {
      const space = gap > size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ' ' : '';
      last.text += space + item.str;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else segments.push({ text: item.str, x0: item.x, x1: item.x + item.width });
  }
  return { y, segments: segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text) };
}

/** Groups a page's runs into lines, top to bottom. */
function linesOf(page: PdfPage): Line[] {
  const items = page.items.filter((i) => i.str.trim());
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const tolerance = (item.fontSize || 10) * 0.5;
    if (group && Math.abs(group[0]!.y - item.y) <= tolerance) group.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => lineOf(g, g[0]!.y)).filter((l) => l.segments.length);
}

const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/iu;
const lineText = (l: Line): string => l.segments.map((s) => s.text).join(' ');
// Running headers and footers repeat with only their page number changing.
const repeatKey = (text: string): string => text.replace(/\d+/g, '#').toLowerCase();

/**
 * Reading order of one page: runs of lines that keep clear of the page's middle are two columns
 * (the letterhead, the Nơi nhận / signature block) and are read left column first.
 */
function pageText(lines: Line[], width: number): string[] {
  const middle = width / 2;
  const crosses = (l: Line) => l.segments.some((s) => s.x0 < middle && s.x1 > middle);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (crosses(lines[i]!)) {
      out.push(lineText(lines[i]!));
      i++;
      continue;
    }
    // Two columns: lines with text on both sides of the middle, and the lines around them that go on
    // one column.
    const twoSided = (l: Line) => l.segments.some((s) => s.x1 <= middle) && l.segments.some((s) => s.x0 >= middle);
    if (!twoSided(lines[i]!)) {
      out.push(lineText(lines[i]!));
      i++;
      continue;
    }
    const seen: Segment[][] = [[], []];
    const note = (l: Line) => l.segments.forEach((seg) => seen[seg.x1 <= middle ? 0 : 1]!.push(seg));
    const continues = (l: Line) =>
      !crosses(l) &&
      (twoSided(l) ||
        l.segments.every((seg) =>
          // Centred under a line of its column (letterheads), or starting where one starts (Nơi nhận).
          seen[seg.x1 <= middle ? 0 : 1]!.some((o) => Math.abs((o.x0 + o.x1) / 2 - (seg.x0 + seg.x1) / 2) < 40 || Math.abs(o.x0 - seg.x0) < 6),
        ));
    let j = i;
    while (j < lines.length && continues(lines[j]!)) note(lines[j++]!);
    const run = lines.slice(i, j);
    for (const side of [(seg: Segment) => seg.x1 <= middle, (seg: Segment) => seg.x0 >= middle]) {
      for (const l of run) {
        const text = l.segments.filter(side).map((seg) => seg.text).join(' ');
        if (text) out.push(text);
      }
    }
    i = j;
  }
  return out;
}

/**
 * The text of positioned pages: reading order per page, without page numbers and without lines that
 * repeat at the top or bottom of several pages (running headers and footers).
 * @example pdfPagesToText([{ width: 595, height: 842, items: [{ str: 'KẾ HOẠCH', x: 250, y: 700, width: 80, fontSize: 13 }] }]) // 'KẾ HOẠCH'
 */
export function pdfPagesToText(pages: readonly PdfPage[]): string {
  const perPage = pages.map((p) => linesOf(p));
  // Running headers and footers sit in the page's top or bottom margin (the outer 6% of its height).
  const inMargin = (l: Line, page: PdfPage) => l.y > page.height * 0.94 || l.y < page.height * 0.06;
  const marginCounts = new Map<string, number>();
  perPage.forEach((lines, p) => {
    const keys = new Set(lines.filter((l) => inMargin(l, pages[p]!)).map((l) => repeatKey(lineText(l))));
    for (const key of keys) marginCounts.set(key, (marginCounts.get(key) ?? 0) + 1);
  });
  const running = (l: Line, page: PdfPage): boolean => {
    if (!inMargin(l, page)) return false;
    const text = lineText(l);
    return PAGE_NUMBER.test(text) || (marginCounts.get(repeatKey(text)) ?? 0) > 1;
  };
  const out: string[] = [];
  perPage.forEach((lines, p) => {
    const kept = lines.filter((l) => !running(l, pages[p]!));
    out.push(...pageText(kept, pages[p]!.width));
  });
  return toNFC(out.join('\n'));
}

/** Thrown for a PDF without a text layer (a scan): the message is for the person importing. */
export class PdfWithoutTextError extends Error {}
/** Thrown for bytes pdf.js cannot open. */
export class PdfUnreadableError extends Error {}

/**
 * Reads the pages of a PDF with their text runs.
 * @example (await readPdfPages(bytes))[0].items[0].str // 'ỦY BAN NHÂN DÂN'
 */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    throw new PdfUnreadableError(`tệp PDF hỏng hoặc không đúng định dạng PDF, không đọc được (${(error as Error).message})`);
  }
  try {
    const { items } = await extractTextItems(pdf);
    const pages: PdfPage[] = [];
    for (let i = 0; i < items.length; i++) {
      const page = await pdf.getPage(i + 1);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({
        width: x1 - x0,
        height: y1 - y0,
        items: items[i]!.map((t) => ({ str: t.str, x: t.x - x0, y: t.y - y0, width: t.width, fontSize: t.fontSize })),
      });
    }
    return pages;
  } finally {
    await pdf.cleanup();
  }
}

/**
 * The text of a PDF for the importer. Throws `PdfWithoutTextError` when the pages carry no text.
 * @example (await readPdfText(bytes, 'ke-hoach.pdf')).text.startsWith('ỦY BAN NHÂN DÂN') // true
 */
export async function readPdfText(bytes: Uint8Array, fileName: string): Promise<{ text: string; pages: number }> {
  let pages: PdfPage[];
  try {
    pages = await readPdfPages(bytes);
  } catch (error) {
    if (error instanceof PdfUnreadableError) throw new PdfUnreadableError(`không đọc được tệp "${fileName}": ${error.message}`);
    throw error;
  }
  const text = pdfPagesToText(pages);
  // A scan may still carry a stray word (a stamp, a page number): under 20 letters is no text layer.
  if (text.replace(/[^\p{L}]/gu, '').length < 20) {
    throw new PdfWithoutTextError(
      `tệp "${fileName}" là PDF không có lớp chữ (bản chụp/quét ảnh): chương trình chưa hỗ trợ nhận dạng chữ (OCR). ` +
        'Hãy dùng tệp .docx hoặc PDF xuất trực tiếp từ Word, hoặc chép nội dung văn bản ra tệp .txt rồi nhập lại.',
    );
  }
  return { text, pages: pages.length };
}
