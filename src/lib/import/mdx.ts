/**
 * Turns the repaired body into MDX that always compiles: Roman sections and numbered items with
 * content become headings (## / ### / ####), numbered items without content stay an ordered list,
 * bullets become lists ("+" nested under "-"), and every character MDX or Markdown would misread is
 * escaped (`<` → `&lt;`, `{` → `&#123;`, `}` → `&#125;`, `*`, `_`, `[`, leading `#`, `>`, `-`…).
 * Also renders the frontmatter in the style of the curated plans (every string double-quoted).
 */
import type { Outline, Section } from './outline';
import type { Block } from './repair';

/**
 * Escapes running text for an MDX paragraph or heading.
 * @example escapeMdxText('Tỷ lệ <5% và {x}') // 'Tỷ lệ &lt;5% và &#123;x&#125;'
 */
export function escapeMdxText(text: string): string {
  let out = text
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/([*_`[\]~|])/g, '\\$1');
  // What would start a block construct at the beginning of a line.
  out = out
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+=])(?=\s|$|[-=]+\s*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(import|export)(?=\s)/, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`);
  return out;
}

type Line = { text: string; list: 'ol' | 'ul' | null };

function headingLine(section: Section): string {
  const hashes = '#'.repeat(Math.min(6, section.level + 1));
  const marker = section.block.marker ? `${section.block.marker} ` : '';
  return `${hashes} ${escapeMdxText(`${marker}${section.block.text}`).replace(/^(\d{1,9})\\([.)])/, '$1$2')}`;
}

function isHeading(section: Section): boolean {
  return section.block.markerKind === 'roman' || section.content.length > 0 || section.children.length > 0;
}

function blockLines(block: Block, previous: Line | undefined): Line {
  if (block.kind === 'bullet') {
    // "+" under a list item nests: indented to the parent item's text ("- " or "12. ").
    const parent = block.marker === '+' && previous && previous.list !== null ? /^(\s*)(?:-|\d+\.)\s/.exec(previous.text) : null;
    const indent = parent ? (parent[1] ? parent[1] : ' '.repeat(parent[0].length)) : '';
    return { text: `${indent}- ${escapeMdxText(block.text)}`, list: 'ul' };
  }
  if (block.kind === 'item' && block.markerKind === 'decimal') {
    const n = block.marker!.replace(/[.)]$/, '');
    return { text: `${n}. ${escapeMdxText(block.text)}`, list: 'ol' };
  }
  const marker = block.marker ? `${block.marker} ` : '';
  return { text: escapeMdxText(`${marker}${block.text}`), list: null };
}

/**
 * The MDX body for an outline. Consecutive list items form one tight list; everything else is
 * separated by a blank line.
 */
export function renderBody(outline: Outline): string {
  const lines: Line[] = [];
  const push = (line: Line): void => {
    lines.push(line);
  };
  const emitBlocks = (blocks: readonly Block[]): void => {
    for (const b of blocks) push(blockLines(b, lines[lines.length - 1]));
  };
  const emitSection = (section: Section): void => {
    if (isHeading(section)) {
      push({ text: headingLine(section), list: null });
      emitBlocks(section.content);
      section.children.forEach(emitSection);
    } else push(blockLines(section.block, lines[lines.length - 1]));
  };
  emitBlocks(outline.preamble);
  outline.sections.forEach(emitSection);

  let out = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (i > 0) out += prev && prev.list !== null && prev.list === line.list ? '\n' : '\n\n';
    out += line.text;
  });
  return `${out}\n`;
}

// ——— Frontmatter ———

type Yaml = string | number | boolean | null | undefined | Yaml[] | { [key: string]: Yaml };

function scalar(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // JSON strings are valid YAML double-quoted scalars.
  return JSON.stringify(value);
}

function isScalar(v: Yaml): v is string | number | boolean | null | undefined {
  return v === null || v === undefined || typeof v !== 'object';
}

function emit(value: Yaml, indent: string, out: string[], key: string | null, flowArrays: ReadonlySet<string>): void {
  const prefix = key === null ? '' : `${key}: `;
  if (isScalar(value)) {
    out.push(`${indent}${prefix}${scalar(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || (key !== null && flowArrays.has(key) && value.every(isScalar))) {
      out.push(`${indent}${prefix}[${value.map((v) => scalar(v as string)).join(', ')}]`);
      return;
    }
    out.push(`${indent}${key}:`);
    for (const item of value) {
      if (isScalar(item)) out.push(`${indent}  - ${scalar(item)}`);
      else if (Array.isArray(item)) throw new Error('nested arrays are not used in plan frontmatter');
      else {
        const inner: string[] = [];
        for (const [k, v] of Object.entries(item)) emit(v, `${indent}    `, inner, k, flowArrays);
        inner[0] = `${indent}  - ${inner[0]!.trimStart()}`;
        out.push(...inner);
      }
    }
    return;
  }
  out.push(`${indent}${key}:`);
  for (const [k, v] of Object.entries(value)) emit(v, `${indent}  `, out, k, flowArrays);
}

/**
 * YAML frontmatter with every string double-quoted (dates too: unquoted dates roll over), short lists
 * (`topics`, `recipients`) on one line, as in the curated plans.
 * @example renderFrontmatter({ title: 'Thực hiện …', issuedOn: null, topics: ['Dân vận chính quyền'] })
 * // '---\ntitle: "Thực hiện …"\nissuedOn: null\ntopics: ["Dân vận chính quyền"]\n---\n'
 */
export function renderFrontmatter(data: Record<string, Yaml>, flowArrays: readonly string[] = ['topics', 'recipients']): string {
  const out: string[] = [];
  const flow = new Set(flowArrays);
  for (const [k, v] of Object.entries(data)) emit(v, '', out, k, flow);
  return `---\n${out.join('\n')}\n---\n`;
}

/** A registry file (`content/agencies/*.yaml`, `content/documents/*.yaml`): the same quoting, no fences. */
export function renderYaml(data: Record<string, Yaml>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(data)) emit(v, '', out, k, new Set(['aliases', 'basis']));
  return `${out.join('\n')}\n`;
}

/** The whole draft file: frontmatter, blank line, body. */
export function renderPlanFile(frontmatter: Record<string, Yaml>, body: string): string {
  return `${renderFrontmatter(frontmatter)}\n${body}`;
}

export type { Yaml };
