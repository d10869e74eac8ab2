/**
 * Text fitting for share cards: wrap, shrink the font size stepwise, then truncate with "…".
 * The width of a run of text comes from an injected `measure`, so the rules are unit-tested with a
 * fake measure and the renderer passes one built from the very fonts the renderer draws with.
 */

/** Width in pixels of `text` set at `fontSize` px in the given weight. */
export type Measure = (text: string, fontSize: number, weight: number) => number;

export interface FitOptions {
  /** Width of the box in pixels. */
  maxWidth: number;
  /** Lines the box can hold. */
  maxLines: number;
  /** Font sizes to try, largest first; the last one is used (and the text truncated) when none fits. */
  sizes: readonly number[];
  weight: number;
  measure: Measure;
  /** Height of the box in pixels; with `lineHeight`, lowers `maxLines` for the larger sizes. */
  maxHeight?: number;
  /** Line height as a multiple of the font size (default 1.2). */
  lineHeight?: number;
  /**
   * Even out line lengths (like CSS `text-wrap: balance`): keep the line count but wrap at the
   * narrowest width that still gives it, so a title does not end with one orphaned word.
   */
  balance?: boolean;
}

export interface FittedText {
  /** Lines to draw, each no wider than `maxWidth`; at most `maxLines`. */
  lines: string[];
  fontSize: number;
  /** True when text was cut and the last line ends with "…". */
  truncated: boolean;
}

export const ELLIPSIS = '…';

// Document numbers and URLs have no spaces but may break after these ("110-KH/BDVTU-BCSĐUBND").
const SOFT_BREAK_AFTER = /[/\-–—.,;:_)]/;
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Splits a word too wide for a line at soft break points, then at grapheme boundaries. */
function breakWord(word: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let current = '';
  let lastSoftBreak = -1;
  for (const g of splitGraphemes(word)) {
    const candidate = current + g;
    if (current === '' || fits(candidate)) {
      current = candidate;
      if (SOFT_BREAK_AFTER.test(g)) lastSoftBreak = current.length;
      continue;
    }
    // Prefer breaking after the last "/" or "-" when it keeps at least a third of the line.
    if (lastSoftBreak > current.length / 3 && lastSoftBreak < current.length) {
      pieces.push(current.slice(0, lastSoftBreak));
      current = current.slice(lastSoftBreak) + g;
    } else {
      pieces.push(current);
      current = g;
    }
    lastSoftBreak = SOFT_BREAK_AFTER.test(g) ? current.length : -1;
    while (current.length > 1 && !fits(current)) {
      // A single grapheme wider than the box cannot be helped; anything longer is split again.
      const [head, ...rest] = splitGraphemes(current);
      pieces.push(head!);
      current = rest.join('');
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap: as many words per line as fit; a word wider than the line is broken.
 * @example wrapText('Kế hoạch năm 2024', (s) => s.length <= 8) // ['Kế hoạch', 'năm 2024']
 */
export function wrapText(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (fits(word)) {
      line = word;
    } else {
      const pieces = breakWord(word, fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Cuts `text` so that `text + "…"` fits, at a word boundary when that keeps most of the line.
 * @example truncateWithEllipsis('Thực hiện dân chủ', (s) => s.length <= 12) // 'Thực hiện…'
 */
export function truncateWithEllipsis(text: string, fits: (line: string) => boolean): string {
  const chars = splitGraphemes(text);
  const prefix = (n: number) => chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
  // Binary search for the longest prefix that fits with the ellipsis (width grows with length).
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(prefix(mid))) low = mid;
    else high = mid - 1;
  }
  let cut = chars.slice(0, low).join('');
  if (low < chars.length) {
    // Whole words (or whole parts of a document number) read better, unless that throws away
    // more than a third of the line.
    const lastBreak = Math.max(cut.lastIndexOf(' '), ...[...cut.matchAll(/[/-]/g)].map((m) => m.index! + 1));
    if (lastBreak > cut.length * (2 / 3)) cut = cut.slice(0, lastBreak);
  }
  cut = cut.replace(/[\s,;:.\-–—/(]+$/u, '');
  return cut + ELLIPSIS;
}

function balanceLines(text: string, lines: string[], fontSize: number, { maxWidth, weight, measure }: FitOptions): string[] {
  if (lines.length < 2) return lines;
  let low = 0;
  let high = maxWidth;
  let best = lines;
  // Binary search on the width, to a pixel: the narrowest that keeps the same number of lines.
  while (high - low > 1) {
    const width = (low + high) / 2;
    const candidate = wrapText(text, (line) => measure(line, fontSize, weight) <= width);
    if (candidate.length <= lines.length) {
      high = width;
      best = candidate;
    } else {
      low = width;
    }
  }
  return best;
}

/**
 * Fits text into a box: wraps at the largest size that holds it in `maxLines`; if none does,
 * wraps at the smallest size and truncates the last line with "…". Never returns a line wider
 * than `maxWidth` (except a lone grapheme wider than the box) nor more than `maxLines` lines.
 */
export function fitText(input: string, options: FitOptions): FittedText {
  const { maxWidth, sizes, weight, measure, maxHeight, lineHeight = 1.2 } = options;
  if (sizes.length === 0) throw new RangeError('fitText needs at least one font size');
  const linesAt = (fontSize: number) =>
    Math.max(1, Math.min(options.maxLines, maxHeight === undefined ? Infinity : Math.floor(maxHeight / (fontSize * lineHeight))));
  const text = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return { lines: [], fontSize: sizes[0]!, truncated: false };

  for (const fontSize of sizes) {
    const fits = (line: string) => measure(line, fontSize, weight) <= maxWidth;
    const lines = wrapText(text, fits);
    if (lines.length <= linesAt(fontSize)) {
      return { lines: options.balance ? balanceLines(text, lines, fontSize, options) : lines, fontSize, truncated: false };
    }
  }

  const fontSize = sizes.at(-1)!;
  const maxLines = linesAt(fontSize);
  const fits = (line: string) => measure(line, fontSize, weight) <= maxWidth;
  const lines = wrapText(text, fits).slice(0, maxLines - 1);
  // The last line takes as much of the rest of the text as fits with the ellipsis (not just the
  // words wrapping put there: a long document number would leave it half empty), and always ends
  // with the ellipsis, so a cut never looks like a natural line end.
  let consumed = 0;
  for (const line of lines) {
    consumed += line.length;
    if (text[consumed] === ' ') consumed++;
  }
  lines.push(truncateWithEllipsis(text.slice(consumed), fits));
  return { lines, fontSize, truncated: true };
}
