/**
 * The one pipeline by which a plan's MDX body becomes HTML, used by the content check (for its
 * problems) and by the content loader (for the page), never by Vite: the body is PARSED as MDX
 * (satteri, the Rust MDX parser Astro's own Markdown uses) and never compiled or evaluated.
 *
 *   parse (mdast) → reject ESM, expressions and anything outside `body-policy.ts` → mdast→hast →
 *   hast-util-sanitize with the explicit schema → heading ids → HTML string
 *
 * The check reports every violation with its line; the renderer refuses a body with any, and its
 * sanitizer drops whatever the allowlist does not name, so nothing runs or reaches a page even
 * when the check is bypassed.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import { findMdxHazards } from './body';
import { cached, cacheKey } from './cache';
import { mdxBlocks, plainTextOfBlocks, type TextBlock } from './plain-text';
import {
  BODY_COMPONENTS,
  BODY_ELEMENTS,
  DANGEROUS_ELEMENTS,
  GLOBAL_ATTRIBUTES,
  propertyName,
  SANITIZE_SCHEMA,
  URL_ATTRIBUTES,
  URL_EXPECTED,
  urlProblem,
} from './body-policy';

/** Markdown features of plan bodies: GFM (tables, strikethrough) and typographic punctuation, as Astro's default Markdown. */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

/** A problem in a body, at its line in the file. */
export interface BodyIssue {
  /** 1-based line in the file. */
  line: number;
  /** Vietnamese, without the "dòng N: " prefix. */
  message: string;
  found?: string;
  expected?: string;
}

/** A parsed body: an mdast tree whose positions are body-relative (line 1 = the body's first line). */
export interface BodyTree {
  type: 'root';
  children: MdxNode[];
}

interface Point {
  line: number;
  column: number;
}

/** The mdast and MDX node shapes the pipeline reads (satteri produces the unified ones). */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: { start: Point; end: Point };
  [key: string]: unknown;
}

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Thrown by `renderBody` when a body carries something the policy refuses. */
export class UnsafeBodyError extends Error {
  constructor(readonly issues: readonly BodyIssue[]) {
    super(issues.map((i) => `dòng ${i.line}: ${i.message}`).join('\n'));
    this.name = 'UnsafeBodyError';
  }
}

/**
 * Parses an MDX body without evaluating anything. A syntax error (an unclosed `<div>`, a bare
 * `<`, an unbalanced `{`) comes back as issues in Vietnamese at their file lines.
 * @example parseBody('## Mục đích\n\nNhằm…', 30) // { tree: { type: 'root', children: [heading, paragraph] } }
 */
export function parseBody(body: string, firstLine = 1): { tree: BodyTree; issues?: undefined } | { tree?: undefined; issues: BodyIssue[] } {
  try {
    return { tree: mdxToMdast(body, { features: FEATURES }) as unknown as BodyTree };
  } catch (error) {
    return { issues: syntaxIssues(body, firstLine, error instanceof Error ? error.message : String(error)) };
  }
}

const PARSE_ERROR = /^(\d+):(\d+): ([\s\S]*?)(?: \(\d+:\d+\))?(?: \(([\w:-]+)\))?$/;

/** The parser's error in Vietnamese, plus every bare `<` or `{` elsewhere (the parser stops at the first). */
function syntaxIssues(body: string, firstLine: number, raw: string): BodyIssue[] {
  const match = PARSE_ERROR.exec(raw.trim());
  const line = match ? Number(match[1]) + firstLine - 1 : firstLine;
  const detail = match ? match[3]! : raw;
  const hazards = findMdxHazards(body, firstLine);
  const here = hazards.find((h) => h.line === line && h.char !== '}');
  const issues: BodyIssue[] = [translateSyntaxError(detail, line, body.split(/\r?\n/)[line - firstLine] ?? '', here)];
  for (const h of hazards) {
    if (h.line === line || h.char === '}') continue;
    issues.push(hazardIssue(h));
  }
  return issues.sort((a, b) => a.line - b.line);
}

function hazardIssue(h: ReturnType<typeof findMdxHazards>[number]): BodyIssue {
  if (h.autolink) return { line: h.line, message: "MDX không nhận liên kết dạng <…>; viết [chữ](địa chỉ) hoặc bỏ dấu '<' '>'", found: h.excerpt };
  return { line: h.line, message: `ký tự '${h.char}' phải viết là ${h.char === '<' ? '&lt;' : `\\${h.char}`}`, found: h.excerpt, expected: JSON.stringify(h.fixed) };
}

const excerpt = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text).trim();

/** MDX's English syntax errors, as a content author can act on them. */
function translateSyntaxError(detail: string, line: number, text: string, hazard: ReturnType<typeof findMdxHazards>[number] | undefined): BodyIssue {
  let m: RegExpExecArray | null;
  if ((m = /^Expected a closing tag for `<([^>]*)>`/.exec(detail))) {
    return { line, message: `thẻ <${m[1]}> mở ở dòng này nhưng không được đóng`, found: excerpt(text), expected: `</${m[1]}> trước dòng trống tiếp theo, hoặc <${m[1]} /> nếu thẻ không có nội dung` };
  }
  if ((m = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>`/.exec(detail))) {
    return { line, message: `thẻ đóng </${m[1]}> không khớp với thẻ mở <${m[2]}>`, found: excerpt(text), expected: `</${m[2]}>` };
  }
  if ((m = /^Unexpected closing tag `<\/([^>]*)>`, expected an open tag first/.exec(detail))) {
    return { line, message: `thẻ đóng </${m[1]}> không có thẻ mở tương ứng`, found: excerpt(text), expected: `xoá </${m[1]}>, hoặc viết &lt; nếu là dấu nhỏ hơn` };
  }
  if (/^Unexpected end of file in expression/.test(detail) || /^Could not parse expression/.test(detail)) {
    return { line, message: "dấu '{' mở một biểu thức JavaScript, không được phép trong nội dung", found: excerpt(text), expected: "viết \\{ và \\} để hiện dấu ngoặc nhọn" };
  }
  if (/before attribute value/.test(detail)) {
    return { line, message: 'giá trị thuộc tính của thẻ phải đặt trong dấu nháy kép', found: excerpt(text), expected: 'ví dụ <abbr title="Ủy ban nhân dân">UBND</abbr>' };
  }
  if (/to create a comment in MDX/.test(detail)) {
    return { line, message: 'chú thích HTML <!-- … --> không dùng được trong MDX', found: excerpt(text), expected: '{/* chú thích */}' };
  }
  if (hazard) return hazardIssue(hazard);
  if (/Unexpected character after `<`/.test(detail)) {
    return { line, message: "ký tự '<' không mở một thẻ hợp lệ", found: excerpt(text), expected: '&lt; nếu là dấu nhỏ hơn' };
  }
  return { line, message: `lỗi cú pháp MDX: ${detail.replace(/\s*\((?:mdx|micromark)[\w:-]*\)$/, '')}`, found: excerpt(text) };
}

/** An expression that is only a `/* comment *\/`: allowed, it renders nothing. */
const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

const lineOf = (node: MdxNode, firstLine: number): number => (node.position?.start.line ?? 1) + firstLine - 1;

function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes('.');
}

/** Allowed attribute names (lower-case HTML names) of an element or component. */
function allowedAttributes(name: string): Set<string> | undefined {
  const own = isComponentName(name) ? BODY_COMPONENTS[name] : BODY_ELEMENTS[name];
  return own ? new Set([...GLOBAL_ATTRIBUTES, ...own]) : undefined;
}

/**
 * Every part of a parsed body that the policy refuses, in document order: import/export,
 * `{expressions}`, elements and components outside the allowlist, event handlers and other
 * attributes it does not name, expression attributes, and URLs that are not http(s), mailto or
 * site-relative (in Markdown links and images as in `<a href>`).
 */
export function findBodyViolations(tree: BodyTree, firstLine = 1): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const visit = (node: MdxNode): void => {
    const line = lineOf(node, firstLine);
    switch (node.type) {
      case 'mdxjsEsm':
        issues.push({
          line,
          message: 'không được dùng import/export trong nội dung kế hoạch',
          found: excerpt(String(node.value).split('\n', 1)[0]!),
          expected: 'xoá dòng này; nội dung chỉ gồm văn bản Markdown',
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!COMMENT_ONLY.test(String(node.value))) {
          issues.push({
            line,
            message: "biểu thức JavaScript {…} không được phép trong nội dung",
            found: excerpt(`{${String(node.value)}}`),
            expected: 'viết \\{ và \\} để hiện dấu ngoặc nhọn',
          });
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, line, issues);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const why = urlProblem(node.url ?? '');
        if (why) {
          const what = node.type === 'image' ? 'ảnh' : 'liên kết';
          issues.push({ line, message: `${what} có ${why}, không được phép`, found: excerpt(node.url ?? ''), expected: URL_EXPECTED });
        }
        break;
      }
    }
    node.children?.forEach(visit);
  };
  tree.children.forEach(visit);
  return issues;
}

function checkElement(node: MdxNode, line: number, issues: BodyIssue[]): void {
  const name = node.name;
  if (!name) {
    issues.push({ line, message: 'thẻ rỗng <>…</> không được phép', expected: 'bỏ <> và </>' });
    return;
  }
  const allowed = allowedAttributes(name);
  if (!allowed) {
    if (isComponentName(name)) {
      const known = Object.keys(BODY_COMPONENTS);
      issues.push({
        line,
        message: `thành phần <${name}> không có trong danh sách được phép`,
        expected: known.length > 0 ? `một trong: ${known.map((k) => `<${k}>`).join(', ')}` : 'văn bản Markdown; nội dung kế hoạch không dùng thành phần nào',
      });
    } else {
      const dangerous = DANGEROUS_ELEMENTS.has(name.toLowerCase());
      issues.push({
        line,
        message: `thẻ <${name}> không được phép trong nội dung${dangerous ? ' (có thể chạy mã hoặc nhúng trang khác)' : ''}`,
        expected: dangerous ? 'xoá thẻ này; nội dung kế hoạch chỉ gồm văn bản' : `Markdown, hoặc một trong các thẻ: ${Object.keys(BODY_ELEMENTS).join(', ')}`,
      });
    }
    return;
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push({ line, message: `biểu thức JavaScript trong thẻ <${name}> không được phép`, found: excerpt(`{${String(attribute.value)}}`), expected: 'thuộc tính dạng tên="giá trị"' });
      continue;
    }
    const attr = attribute.name ?? '';
    const value = attribute.value;
    if (/^on/i.test(attr)) {
      issues.push({ line, message: `thuộc tính sự kiện ${attr} (chạy mã JavaScript) không được phép`, found: excerpt(`${attr}=${typeof value === 'string' ? JSON.stringify(value) : '{…}'}`), expected: 'xoá thuộc tính này' });
      continue;
    }
    if (value && typeof value === 'object') {
      issues.push({ line, message: `giá trị của thuộc tính ${attr} là biểu thức JavaScript, không được phép`, found: excerpt(`${attr}={${value.value}}`), expected: `${attr}="giá trị"` });
      continue;
    }
    const html = attr.toLowerCase();
    if (!allowed.has(html)) {
      issues.push({ line, message: `thuộc tính ${attr} không được phép trên thẻ <${name}>`, expected: `một trong: ${[...allowed].join(', ')}` });
      continue;
    }
    if (URL_ATTRIBUTES.has(html) && typeof value === 'string') {
      const why = urlProblem(value);
      if (why) issues.push({ line, message: `thuộc tính ${attr} có ${why}, không được phép`, found: excerpt(value), expected: URL_EXPECTED });
    }
  }
}

/** mdast-util-to-hast handlers for the MDX nodes: allowed elements become plain hast elements, anything else is refused. */
function mdxHandlers(firstLine: number): Record<string, Handler> {
  const refuse = (node: MdxNode): never => {
    throw new UnsafeBodyError([{ line: lineOf(node, firstLine), message: `không được phép: ${node.type}` }]);
  };
  const element = (state: State, node: MdxNode): Element | undefined => {
    const name = node.name ?? '';
    const allowed = allowedAttributes(name);
    if (!allowed || isComponentName(name)) return refuse(node);
    const properties: Properties = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value === 'object') return refuse(node);
      properties[propertyName(attribute.name!.toLowerCase())] = attribute.value ?? true;
    }
    const children = state.all(node as never) as ElementContent[];
    const result: Element = {
      type: 'element',
      tagName: name,
      properties,
      children: node.type === 'mdxJsxFlowElement' ? (state.wrap(children, true) as ElementContent[]) : children,
    };
    state.patch(node as never, result);
    return result;
  };
  const expression = (_state: State, node: MdxNode): undefined => {
    if (!COMMENT_ONLY.test(String(node.value))) refuse(node);
    return undefined;
  };
  return {
    mdxjsEsm: (_state, node) => refuse(node as MdxNode),
    mdxFlowExpression: expression as Handler,
    mdxTextExpression: expression as Handler,
    mdxJsxFlowElement: element as Handler,
    mdxJsxTextElement: element as Handler,
  };
}

function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : '';
}

function elements(tree: HastRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: ElementContent | HastRoot): void => {
    if (node.type === 'element') out.push(node);
    if ('children' in node) node.children.forEach((child) => visit(child as ElementContent));
  };
  visit(tree);
  return out;
}

/**
 * Ids for h1–h6 from their text (github-slugger, as Astro's Markdown does), so sections can be
 * linked; a heading that has one (the footnotes' label) keeps it.
 */
function addHeadingIds(tree: HastRoot): void {
  const slugger = new GithubSlugger();
  for (const node of elements(tree)) {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id !== 'string') node.properties.id = slugger.slug(textOf(node));
  }
}

/**
 * The sanitizer prefixes generated ids ("fn-1" → "user-content-fn-1") against DOM clobbering, but
 * not the `#fn-1` links to them (GitHub fixes those in the browser): point in-page links at the
 * prefixed id when only that one exists.
 */
function relinkPrefixedIds(tree: HastRoot): void {
  const all = elements(tree);
  const ids = new Set(all.map((node) => node.properties.id).filter((id): id is string => typeof id === 'string'));
  for (const node of all) {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) continue;
    const prefixed = `${SANITIZE_SCHEMA.clobberPrefix}${href.slice(1)}`;
    if (!ids.has(href.slice(1)) && ids.has(prefixed)) node.properties.href = `#${prefixed}`;
  }
}

/** GFM footnotes in Vietnamese, their label hidden the way the site hides text for screen readers only. */
const FOOTNOTES = {
  clobberPrefix: '',
  footnoteLabel: 'Chú thích',
  footnoteLabelProperties: { className: ['visually-hidden'] },
  footnoteBackLabel: (index: number, rerun: number) => `Quay lại chỗ dẫn chú thích ${index + 1}${rerun > 1 ? `-${rerun}` : ''}`,
};

/**
 * Renders a parsed body to sanitized HTML. Throws `UnsafeBodyError` when the body carries anything
 * the policy refuses (the check reports the same), then sanitizes the result with the explicit
 * schema anyway, so a gap in the policy still cannot publish script.
 */
export function renderBody(tree: BodyTree, firstLine = 1): string {
  const issues = findBodyViolations(tree, firstLine);
  if (issues.length > 0) throw new UnsafeBodyError(issues);
  const hast = toHast(tree as never, { handlers: mdxHandlers(firstLine), allowDangerousHtml: false, ...FOOTNOTES }) as HastRoot;
  const clean = sanitize(hast, SANITIZE_SCHEMA) as HastRoot;
  relinkPrefixedIds(clean);
  addHeadingIds(clean);
  return toHtml(clean);
}

/** A body checked and, when it passed, rendered. */
export interface ProcessedBody {
  /** Every syntax error and policy violation, by line. */
  issues: BodyIssue[];
  /** The sanitized HTML, when there are no issues. */
  html?: string;
}

/**
 * Parse, check and render in one go: what the content check and the content loader both run
 * (through the on-disk cache in `body-cache.ts`).
 * @example processBody('Tỷ lệ {x}', 40).issues[0].message // 'biểu thức JavaScript {…} không được phép trong nội dung'
 */
export function processBody(body: string, firstLine = 1): ProcessedBody {
  const parsed = parseBody(body, firstLine);
  if (!parsed.tree) return { issues: parsed.issues };
  const issues = findBodyViolations(parsed.tree, firstLine);
  if (issues.length > 0) return { issues };
  return { issues: [], html: renderBody(parsed.tree, firstLine) };
}

/**
 * `processBody` through the on-disk cache: a body seen before (same text, same first line, same
 * pipeline code) is not parsed or rendered again, whether the check or the build asks first.
 */
export function processBodyCached(body: string, firstLine = 1): ProcessedBody {
  return cached('bodies', cacheKey('body', String(firstLine), body), () => processBody(body, firstLine));
}

/**
 * The sanitized HTML of a plan's or report's body, through the cache the content check filled.
 * @example bodyHtml(catalog.planBySlug.get(slug)!)
 */
export function bodyHtml(entry: { body?: string; bodyLine?: number }): string {
  return entry.body === undefined ? '' : processBodyCached(entry.body, entry.bodyLine).html ?? '';
}

/**
 * `mdxBlocks` through the on-disk cache: the blocks of a body seen before are read back instead of
 * read from the MDX again (about 1–2 ms a plan). The search index (its records are built by the
 * build's content process, src/lib/search/record-cache.ts) and the open data's `bodyText` (the
 * pages' process, later) both take them from here, so a cold build reads each body once, not once
 * for each.
 */
export function textBlocksCached(body: string): TextBlock[] {
  return cached('text-blocks', cacheKey('text-blocks', body), () => mdxBlocks(body));
}

/**
 * `mdxToPlainText` of the cached blocks: the open data's `bodyText` of a body seen before costs
 * no reading of its MDX (the DCAT catalog sizes every plan record, so without the cache a one-plan
 * edit re-read every body).
 */
export function plainTextCached(body: string): string {
  return plainTextOfBlocks(textBlocksCached(body));
}
