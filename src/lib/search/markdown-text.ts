/** One block of a plan body as plain text. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item';
  /** Heading level (1–6) for headings. */
  level?: number;
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of one line of Markdown/MDX inline syntax: links and images keep their text,
 * emphasis and code markers go, entities and backslash escapes are decoded, JSX/HTML tags dropped.
 * @example inlineText('**trước ngày 15/11/2025.** \\{x\\} &lt;50%') // 'trước ngày 15/11/2025. {x} <50%'
 */
export function inlineText(line: string): string {
  return line
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/&(lt|gt|amp|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'&])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text of an MDX plan body, block by block (headings, paragraphs, list items), for the search
 * index. Only what the seed bodies use is understood: ATX headings, lists, tables, quotes,
 * emphasis, links; import/export lines, JSX comments and tags are dropped.
 * @example markdownBlocks('## 1. Mục đích\n\nNhằm…\n- Một') // [{ kind: 'heading', level: 2, text: '1. Mục đích' }, { kind: 'paragraph', text: 'Nhằm…' }, { kind: 'item', text: 'Một' }]
 */
export function markdownBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let item: string[] | null = null;
  let inEsm = false;

  const flush = () => {
    if (item) {
      const text = inlineText(item.join(' '));
      if (text) blocks.push({ kind: 'item', text });
      item = null;
    }
    if (paragraph.length) {
      const text = inlineText(paragraph.join(' '));
      if (text) blocks.push({ kind: 'paragraph', text });
      paragraph = [];
    }
  };

  for (const raw of body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (inEsm) {
      if (line.trim() === '') inEsm = false;
      continue;
    }
    if (/^(import|export)\s/.test(line)) {
      flush();
      inEsm = true;
      continue;
    }
    if (line.trim() === '' || /^ {0,3}(`{3,}|~{3,})/.test(line) || /^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(line);
    if (heading) {
      flush();
      const text = inlineText(heading[2]!);
      if (text) blocks.push({ kind: 'heading', level: heading[1]!.length, text });
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
    if (/^\s*\|/.test(line)) {
      flush();
      const cells = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map(inlineText).filter(Boolean);
      if (cells.length) blocks.push({ kind: 'paragraph', text: cells.join(' – ') });
      continue;
    }
    const listItem = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (listItem) {
      flush();
      item = [listItem[1]!];
      continue;
    }
    const text = line.replace(/^\s*>\s?/, '');
    // A line right after a list item continues it (Markdown's lazy continuation).
    if (item) item.push(text);
    else paragraph.push(text);
  }
  flush();
  return blocks;
}
