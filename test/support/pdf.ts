/**
 * Test PDFs with a real Vietnamese text layer, made with pdf-lib and Be Vietnam Pro (its Latin and
 * Vietnamese subsets, each character drawn with the subset that has its glyph), the way a signed
 * plan exported from Word looks: an optional two-column letterhead and signature block, wrapped body
 * lines, a running header, and page numbers in the footer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
const fontBytes = (subset: string) => readFileSync(require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-400-normal.woff`));

export interface PdfLayout {
  /** Two columns side by side at the top of page 1: left (issuer, Số) and right (motto, date). */
  letterhead?: { left: string[]; right: string[] };
  /** Body lines, wrapped to the page width. */
  lines: string[];
  /** Two columns side by side after the body: left (Nơi nhận) and right (signature). */
  signature?: { left: string[]; right: string[] };
  /** A line printed at the top of every page. */
  runningHeader?: string;
  /** Print "Trang n/N" at the bottom of every page. */
  pageNumbers?: boolean;
  fontSize?: number;
}

interface Fonts {
  latin: PDFFont;
  vietnamese: PDFFont;
  hasLatin: (cp: number) => boolean;
}

/** Splits text into runs drawn with the font that has their glyphs. */
function runs(text: string, fonts: Fonts): Array<{ text: string; font: PDFFont }> {
  const out: Array<{ text: string; font: PDFFont }> = [];
  for (const ch of text) {
    const font = fonts.hasLatin(ch.codePointAt(0)!) ? fonts.latin : fonts.vietnamese;
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

function widthOf(text: string, fonts: Fonts, size: number): number {
  return runs(text, fonts).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}

function draw(page: PDFPage, text: string, x: number, y: number, size: number, fonts: Fonts): void {
  let cx = x;
  for (const r of runs(text, fonts)) {
    page.drawText(r.text, { x: cx, y, size, font: r.font });
    cx += r.font.widthOfTextAtSize(r.text, size);
  }
}

function wrap(line: string, maxWidth: number, fonts: Fonts, size: number): string[] {
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && widthOf(next, fonts, size) > maxWidth) {
      out.push(current);
      current = word;
    } else current = next;
  }
  if (current || out.length === 0) out.push(current);
  return out;
}

/**
 * A PDF of the layout, as bytes.
 * @example await makePdf({ lines: ['KẾ HOẠCH', 'Thực hiện công tác dân vận năm 2024'] })
 */
export async function makePdf(layout: PdfLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const latinBytes = fontBytes('latin');
  const latinFont = fontkit.create(latinBytes);
  const fonts: Fonts = {
    latin: await doc.embedFont(latinBytes, { subset: true }),
    vietnamese: await doc.embedFont(fontBytes('vietnamese'), { subset: true }),
    hasLatin: (cp) => latinFont.hasGlyphForCodePoint(cp),
  };
  const size = layout.fontSize ?? 11;
  const [width, height] = [595, 842];
  const margin = 56;
  const leading = size * 1.5;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([width, height]);
    pages.push(page);
    y = height - margin;
    if (layout.runningHeader) {
      draw(page, layout.runningHeader, margin, height - 30, 9, fonts);
    }
  };
  const need = (lines: number) => {
    if (y - lines * leading < margin) newPage();
  };
  const columns = (block: { left: string[]; right: string[] }) => {
    const rows = Math.max(block.left.length, block.right.length);
    need(rows);
    for (let i = 0; i < rows; i++) {
      const left = block.left[i];
      const right = block.right[i];
      if (left) draw(page, left, margin + (width / 2 - margin - widthOf(left, fonts, size)) / 2, y, size, fonts);
      if (right) draw(page, right, width / 2 + (width / 2 - margin - widthOf(right, fonts, size)) / 2, y, size, fonts);
      y -= leading;
    }
  };
  newPage();
  if (layout.letterhead) columns(layout.letterhead);
  for (const line of layout.lines) {
    for (const piece of wrap(line, width - 2 * margin, fonts, size)) {
      need(1);
      if (piece) draw(page, piece, margin, y, size, fonts);
      y -= leading;
    }
  }
  if (layout.signature) columns(layout.signature);
  if (layout.pageNumbers) {
    pages.forEach((p, i) => draw(p, `Trang ${i + 1}/${pages.length}`, width / 2 - 20, 30, 9, fonts));
  }
  return doc.save();
}

/** A PDF page with no text at all, like a scan (an empty page stands in for the image). */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, borderWidth: 1 });
  return doc.save();
}
