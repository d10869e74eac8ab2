/**
 * The one reading of a plan's MDX body as plain text. The open data (`bodyText` in
 * /api/v1/plans/{slug}.json, via `mdxToPlainText`) and the search index (`src/lib/search/record.ts`,
 * via `mdxBlocks`) both come from here, so what a citizen finds and what a journalist downloads
 * cannot disagree.
 *
 * `mdxBlocks` reads the body into blocks (headings, paragraphs, list items, tables, fenced code);
 * `mdxToPlainText` renders them: blocks separated by a blank line, list items on a line each with
 * their marker ("- " or "1. ", as Vietnamese administrative texts write them), soft line breaks as
 * spaces. Entities (&lt;, &#123;) and backslash escapes (\{) are decoded; JSX tags,
 * `{expressions}`, comments and import/export lines are dropped. Pure: no Astro imports.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', deg: '°', times: '×', divide: '÷', plusmn: '±', le: '≤', ge: '≥', ne: '≠',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', percnt: '%', num: '#', lbrace: '{', rbrace: '}',
  lcub: '{', rcub: '}', lsqb: '[', rsqb: ']', lpar: '(', rpar: ')', ast: '*', lowbar: '_', grave: '`', bsol: '\\',
  verbar: '|', vert: '|', excl: '!', quest: '?', colon: ':', semi: ';', comma: ',', period: '.', sol: '/', equals: '=',
};

/**
 * Decodes HTML character references: numeric (`&#123;`, `&#x7B;`) and the common named ones.
 * Unknown names are left as written.
 * @example decodeEntities('Tỷ lệ &lt;50&#37; &amp; \&#123;x&#125;') // 'Tỷ lệ <50% & \{x}'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

// Backslash escapes are parked in the Private Use Area while syntax is stripped, then restored.
const ESCAPE_OPEN = '\uE000';
const ESCAPE_CLOSE = '\uE001';
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const PARKED = new RegExp(`${ESCAPE_OPEN}(\\d+)${ESCAPE_CLOSE}`, 'g');

function parkEscapes(text: string): string {
  return text.replace(ESCAPABLE, (_, c: string) => `${ESCAPE_OPEN}${c.charCodeAt(0)}${ESCAPE_CLOSE}`);
}

function restoreEscapes(text: string): string {
  return text.replace(PARKED, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Removes `{…}` expressions (balanced, possibly spanning lines) — escaped braces are already parked. */
function dropExpressions(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

const JSX_TAG = /<\/?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?\s*\/?>|<>|<\/>/g;
const INLINE_CODE = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/** Strips inline Markdown from one paragraph's text (code spans are protected first). */
function stripInline(text: string): string {
  const codes: string[] = [];
  let s = text.replace(INLINE_CODE, (_, __, code: string) => {
    codes.push(code.replace(/^ (.*) $/s, '$1'));
    return `\uE002${codes.length - 1}\uE003`;
  });
  s = s
    .replace(JSX_TAG, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  // Emphasis: strong before emphasis; "_" only at word edges (snake_case and e-mail addresses stay).
  for (let i = 0; i < 3; i++) {
    s = s
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/\*(?=[^\s*])([\s\S]*?[^\s*])\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
  }
  return s.replace(/\uE002(\d+)\uE003/g, (_, i: string) => codes[Number(i)]!);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+\s*)?$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const ORDERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/;

/** One block of a plan body as plain text. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'table' | 'code';
  /** Heading level (1–6), for headings. */
  level?: number;
  /** List marker as published ("-" or "1."; "2)" and "*" are normalised), for items. */
  marker?: string;
  /** For items: which list of the body (0, 1, …) the item belongs to; items of one list share it. */
  list?: number;
  /**
   * Plain text without syntax; items without their marker. Tables: a row a line, cells separated by
   * tabs. Code: verbatim. Hard line breaks are "\n".
   */
  text: string;
}

interface RawBlock {
  kind: 'heading' | 'paragraph' | 'list' | 'code' | 'table';
  level?: number;
  /** Paragraph and heading: one entry (with its continuation lines); list: one per item; table: rows. */
  lines: string[];
  markers?: string[];
}

/** Splits the body into raw blocks (inline syntax untouched). */
function readBlocks(body: string): RawBlock[] {
  let text = body.normalize('NFC').replace(/\r\n?/g, '\n');
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  let fence: string | undefined;
  let inEsm = false;

  const close = () => {
    if (current && current.lines.length > 0) blocks.push(current);
    current = undefined;
  };

  for (const raw of text.split('\n')) {
    if (fence !== undefined) {
      const end = FENCE.exec(raw);
      if (end && end[1]![0] === fence[0] && end[1]!.length >= fence.length && raw.trim() === end[1]) {
        fence = undefined;
        close();
      } else current!.lines.push(raw);
      continue;
    }
    if (inEsm) {
      if (raw.trim() === '') inEsm = false;
      continue;
    }
    const open = FENCE.exec(raw);
    if (open) {
      close();
      fence = open[1]!;
      current = { kind: 'code', lines: [] };
      continue;
    }
    if (/^(import|export)\s/.test(raw) && !current) {
      inEsm = true;
      continue;
    }
    const line = raw.replace(/^ {0,3}>\s?/, '');
    if (line.trim() === '' || THEMATIC_BREAK.test(line) || LINK_DEFINITION.test(line)) {
      close();
      continue;
    }
    // A line that is only JSX or an expression (a component, a comment) is a block boundary.
    // Escapes are parked before expressions are dropped so that "\{" survives as a literal brace.
    const visible = dropExpressions(parkEscapes(line)).replace(JSX_TAG, '').trim();
    if (visible === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', level: heading[1]!.length, lines: [heading[2]!] });
      continue;
    }
    if (/^\s*\|/.test(line) || (current?.kind === 'table' && line.includes('|'))) {
      if (current?.kind !== 'table') {
        close();
        current = { kind: 'table', lines: [] };
      }
      if (!TABLE_DELIMITER.test(line)) current.lines.push(line);
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      if (current?.kind !== 'list') {
        close();
        current = { kind: 'list', lines: [], markers: [] };
      }
      current.markers!.push(bullet ? '-' : `${ordered![2]}.`);
      current.lines.push(bullet ? bullet[2]! : ordered![3]!);
      continue;
    }
    if (current?.kind === 'list' || current?.kind === 'paragraph') {
      // Lazy or indented continuation of the current paragraph or list item.
      current.lines[current.lines.length - 1] += `\n${line}`;
      continue;
    }
    close();
    current = { kind: 'paragraph', lines: [line] };
  }
  close();
  return blocks;
}

/**
 * The blocks of an MDX body as plain text, in order. Empty headings, paragraphs, tables and code
 * blocks are left out; a list item is kept even when its text is empty.
 * @example mdxBlocks('## 1. Mục đích\n\nNhằm…\n- Một\n2) Hai')
 * // [{ kind: 'heading', level: 2, text: '1. Mục đích' }, { kind: 'paragraph', text: 'Nhằm…' },
 * //  { kind: 'item', marker: '-', list: 0, text: 'Một' }, { kind: 'item', marker: '2.', list: 0, text: 'Hai' }]
 */
export function mdxBlocks(body: string): TextBlock[] {
  const out: TextBlock[] = [];
  let list = 0;
  for (const block of readBlocks(body)) {
    if (block.kind === 'list') {
      block.lines.forEach((item, i) => out.push({ kind: 'item', marker: block.markers![i]!, list, text: inlineText(item) }));
      list++;
      continue;
    }
    let text: string;
    if (block.kind === 'code') text = block.lines.join('\n');
    else if (block.kind === 'table') {
      text = block.lines.map((row) => splitTableRow(row).map((cell) => inlineText(cell)).join('\t')).join('\n');
    } else text = inlineText(block.lines[0]!);
    if (text.trim() === '') continue;
    out.push(block.kind === 'heading' ? { kind: 'heading', level: block.level!, text } : { kind: block.kind, text });
  }
  return out;
}

/**
 * Converts an MDX body to plain text: the blocks of `mdxBlocks`, separated by a blank line; the
 * items of one list on consecutive lines, each with its marker.
 * @example mdxToPlainText('## 1. Mục đích\n\nNhằm **triển khai**\ntốt &lt;…&gt;.\n\n- Một\n- Hai')
 * // '1. Mục đích\n\nNhằm triển khai tốt <…>.\n\n- Một\n- Hai'
 */
export function mdxToPlainText(body: string): string {
  return plainTextOfBlocks(mdxBlocks(body));
}

/**
 * `mdxToPlainText` of blocks already read by `mdxBlocks` (the build keeps a body's blocks in the
 * content cache, for the open data and the search index alike: src/lib/content/mdx-body.ts).
 */
export function plainTextOfBlocks(blocks: readonly TextBlock[]): string {
  const parts: string[] = [];
  let previous: TextBlock | undefined;
  for (const block of blocks) {
    if (block.kind === 'item') {
      const line = block.text ? `${block.marker} ${block.text}` : block.marker!;
      if (previous?.kind === 'item' && previous.list === block.list) parts[parts.length - 1] += `\n${line}`;
      else parts.push(line);
    } else parts.push(block.text);
    previous = block;
  }
  return parts.join('\n\n');
}

function splitTableRow(row: string): string[] {
  const parked = parkEscapes(row.trim()).replace(/^\|/, '').replace(/\|$/, '');
  return parked.split('|').map((cell) => cell.trim());
}

/**
 * Plain text of inline Markdown/MDX (one paragraph, list item, heading or table cell): soft line
 * breaks become spaces, hard breaks (two trailing spaces, trailing backslash) "\n"; emphasis, code
 * and link syntax go (link and image text stays), `{expressions}` and JSX tags are dropped, escapes
 * and entities decoded, runs of spaces collapsed.
 * @example inlineText('**trước ngày 15/11/2025.** \\{x\\} &lt;50%') // 'trước ngày 15/11/2025. {x} <50%'
 */
export function inlineText(text: string): string {
  let s = parkEscapes(text);
  s = dropExpressions(s);
  s = s
    .split('\n')
    .map((line, i, all) => {
      const trimmed = line.replace(/^\s+/, '');
      if (i === all.length - 1) return trimmed.trimEnd();
      // A hard line break: two trailing spaces or a trailing backslash.
      return / {2,}$/.test(trimmed) || /\\$/.test(trimmed)
        ? `${trimmed.replace(/(?: {2,}|\\)$/, '')}\uE004`
        : `${trimmed.trimEnd()} `;
    })
    .join('');
  s = stripInline(s);
  s = restoreEscapes(s);
  s = decodeEntities(s);
  return s.replace(/[ \t]+/g, ' ').replace(/\uE004/g, '\n').trim();
}
