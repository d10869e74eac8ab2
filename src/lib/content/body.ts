import { findControlCharacter } from '../../schemas/common';

/** A character in an MDX body that MDX would read as JSX or as a JavaScript expression. */
export interface MdxHazard {
  /** 1-based line in the file. */
  line: number;
  /** The offending character: "<", "{" or "}". */
  char: '<' | '{' | '}';
  /** A short excerpt of the line around the character. */
  excerpt: string;
  /** The same excerpt with the character escaped, as the author should write it. */
  fixed: string;
  /** True when the "<" opens an autolink (`<https://…>`), which MDX does not support. */
  autolink: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ESCAPES: Record<MdxHazard['char'], string> = { '<': '&lt;', '{': '\\{', '}': '\\}' };
/** `<Name`, `</Name`, `<>` or `</>`: the name must end where attributes or the tag end begin. */
const TAG_OPEN = /^<\/?(?:[A-Za-z$_][\w$.:-]*(?=[\s/>]|$)|>)/;
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/;
const EXCERPT_RADIUS = 30;

/**
 * Finds bare `<`, `{` and `}` outside code, JSX tags and `{/* comments *\/}` — the characters that
 * make an MDX file fail to compile (or silently evaluate `{…}` as code). `firstLine` is the file
 * line of the body's first line, so reported lines match the editor.
 * @example findMdxHazards('Tỷ lệ <50%', 30) // [{ line: 30, char: '<', excerpt: 'Tỷ lệ <50%', fixed: 'Tỷ lệ &lt;50%', … }]
 */
export function findMdxHazards(body: string, firstLine = 1): MdxHazard[] {
  const hazards: MdxHazard[] = [];
  const lines = body.split(/\r?\n/);
  let fence: string | undefined;
  let inEsm = false;
  // Multi-line state: inside a JSX tag (with attribute quotes and {…} depth) or a {/* comment */}.
  let inTag = false;
  let quote: string | undefined;
  let depth = 0;
  let inComment = false;
  // Where the current tag opened, to report it when it never closes (MDX would fail there).
  let tagOpen: { line: string; at: number; lineNo: number } | undefined;

  lines.forEach((line, index) => {
    const lineNo = firstLine + index;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
      return;
    }
    if (inEsm) {
      if (line.trim() === '') inEsm = false;
      return;
    }
    if (inTag && line.trim() === '' && tagOpen) {
      hazards.push(hazard(tagOpen.line, tagOpen.at, tagOpen.lineNo, '<', false));
      inTag = false;
      quote = undefined;
      depth = 0;
    }
    if (!inTag && !inComment) {
      const open = FENCE.exec(line);
      if (open) {
        fence = open[1];
        return;
      }
      if (/^(import|export)\s/.test(line)) {
        inEsm = true;
        return;
      }
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (inComment) {
        if (line.startsWith('*/', i)) {
          const after = line.slice(i + 2).match(/^\s*\}/);
          if (after) {
            inComment = false;
            i += 1 + after[0].length;
          }
        }
        continue;
      }
      if (inTag) {
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (depth > 0) {
          if (c === '{') depth++;
          else if (c === '}') depth--;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '{') depth++;
        else if (c === '>') inTag = false;
        continue;
      }
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '`') {
        const run = /^`+/.exec(line.slice(i))![0];
        const close = findClosingBackticks(line, i + run.length, run.length);
        i = close === -1 ? i + run.length - 1 : close + run.length - 1;
        continue;
      }
      if (c === '<') {
        const autolink = AUTOLINK.test(line.slice(i));
        if (!autolink && TAG_OPEN.test(line.slice(i))) {
          inTag = true;
          tagOpen = { line, at: i, lineNo };
          continue;
        }
        hazards.push(hazard(line, i, lineNo, '<', autolink));
        continue;
      }
      if (c === '{') {
        if (/^\{\s*\/\*/.test(line.slice(i))) {
          inComment = true;
          i = line.indexOf('/*', i) + 1;
          continue;
        }
        hazards.push(hazard(line, i, lineNo, '{', false));
        continue;
      }
      if (c === '}') hazards.push(hazard(line, i, lineNo, '}', false));
    }
  });
  if (inTag && tagOpen) hazards.push(hazard(tagOpen.line, tagOpen.at, tagOpen.lineNo, '<', false));
  return hazards.sort((a, b) => a.line - b.line);
}

function findClosingBackticks(line: string, from: number, length: number): number {
  for (let j = line.indexOf('`', from); j !== -1; j = line.indexOf('`', j + 1)) {
    const run = /^`+/.exec(line.slice(j))![0];
    if (run.length === length) return j;
    j += run.length - 1;
  }
  return -1;
}

/** Start and end of an excerpt around `at`, widened to whole words. */
function excerptBounds(line: string, at: number): [number, number] {
  let start = Math.max(0, at - EXCERPT_RADIUS);
  if (start > 0) start = line.lastIndexOf(' ', start) + 1;
  let end = Math.min(line.length, at + EXCERPT_RADIUS);
  if (end < line.length) {
    const space = line.indexOf(' ', end);
    end = space === -1 ? line.length : space;
  }
  return [start, end];
}

function hazard(line: string, at: number, lineNo: number, char: MdxHazard['char'], autolink: boolean): MdxHazard {
  const [start, end] = excerptBounds(line, at);
  const pre = (start > 0 ? '…' : '') + line.slice(start, at).trimStart();
  const post = line.slice(at + 1, end).trimEnd() + (end < line.length ? '…' : '');
  return { line: lineNo, char, excerpt: `${pre}${char}${post}`, fixed: `${pre}${ESCAPES[char]}${post}`, autolink };
}

/** A line that is not in Unicode NFC, with the first decomposed mark found. */
export interface NfcHazard {
  line: number;
  excerpt: string;
  /** The first combining mark, as "U+0303", or undefined when the difference is elsewhere. */
  mark?: string;
}

/** Lines of `body` that change under NFC normalization (decomposed Vietnamese letters). */
export function findNonNfcLines(body: string, firstLine = 1): NfcHazard[] {
  // Normalization never reaches across a line break, so a body in NFC has every line in NFC.
  if (body === body.normalize('NFC')) return [];
  const out: NfcHazard[] = [];
  body.split(/\r?\n/).forEach((line, index) => {
    if (line === line.normalize('NFC')) return;
    const markAt = line.search(/\p{M}/u);
    const [start, end] = excerptBounds(line, markAt === -1 ? 0 : markAt);
    const excerpt = (start > 0 ? '…' : '') + line.slice(start, end) + (end < line.length ? '…' : '');
    const hazard: NfcHazard = { line: firstLine + index, excerpt };
    if (markAt !== -1) hazard.mark = `U+${line.codePointAt(markAt)!.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(hazard);
  });
  return out;
}

/** A body line holding a control character that XML and JSON outputs must not carry. */
export interface ControlCharacterHazard {
  line: number;
  /** The character as "U+000B". */
  codePoint: string;
}

/** Lines of `body` with a control character (other than tab), e.g. a vertical tab pasted from Word. */
export function findControlCharacterLines(body: string, firstLine = 1): ControlCharacterHazard[] {
  // Line breaks are not control characters here: most bodies are checked in one pass.
  if (findControlCharacter(body) === undefined) return [];
  const out: ControlCharacterHazard[] = [];
  body.split(/\r?\n/).forEach((line, index) => {
    const codePoint = findControlCharacter(line.replace(/\r$/, ''));
    if (codePoint) out.push({ line: firstLine + index, codePoint });
  });
  return out;
}

/** What a body's text alone holds that the outputs must not carry. */
export interface BodyTextHazards {
  control: ControlCharacterHazard[];
  nonNfc: NfcHazard[];
}

/**
 * `findControlCharacterLines` and `findNonNfcLines` of a body: found once when its file is read and
 * kept with the file's parse (src/lib/content/load.ts), so a build does not scan every unchanged
 * body again (0.2 s of each build at 5,000 plans).
 */
export function findBodyTextHazards(body: string, firstLine = 1): BodyTextHazards {
  return { control: findControlCharacterLines(body, firstLine), nonNfc: findNonNfcLines(body, firstLine) };
}
