/**
 * What a plan body may contain: the one allowlist that both the content check (which names every
 * violation) and the renderer's sanitizer (which drops anything else, even when the check was
 * bypassed) are built from. Plan bodies come from staff and from imported Word/PDF files, so
 * nothing here can carry script: no event handlers, no `style`, no `id`/`name` (DOM clobbering),
 * and URLs only with http(s), mailto or no scheme at all (site-relative).
 */
import type { Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';

/** HTML elements an author may write in a body, with the attributes each accepts (beyond `GLOBAL_ATTRIBUTES`). */
export const BODY_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], div: [], span: [],
  strong: [], b: [], em: [], i: [], u: [], s: [], del: ['cite', 'datetime'], ins: ['cite', 'datetime'],
  sub: [], sup: [], small: [], mark: [], abbr: [], q: ['cite'], cite: [], time: ['datetime'],
  h2: [], h3: [], h4: [], h5: [], h6: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
  blockquote: ['cite'], pre: [], code: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: [], col: ['span'],
  th: ['colspan', 'rowspan', 'scope', 'align'], td: ['colspan', 'rowspan', 'align'],
  figure: [], figcaption: [],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
};

/** Attributes every allowed element accepts. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['title', 'lang'];

/** Attributes whose value is a URL, checked against `URL_SCHEMES`. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

/** URL schemes a link or image may use; a URL without a scheme (site-relative, `#…`) is allowed too. */
export const URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * The project's own components an author may use in a body (`<Name …/>`), each rendered to plain
 * HTML by the body renderer. None is needed by the plans published so far; a component is added
 * here together with its renderer in `mdx-body.ts`, never as executable MDX.
 */
export const BODY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {};

/** Elements that are never allowed, named in the check's message because they are the usual attack. */
export const DANGEROUS_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'option', 'link', 'meta', 'base', 'svg', 'math', 'template', 'video', 'audio', 'source', 'track', 'canvas', 'noscript',
]);

/**
 * The scheme of a URL as a browser reads it (tabs and newlines removed, leading spaces and control
 * characters ignored), lower-cased, or undefined when it has none (a relative URL).
 * @example urlScheme(' Java\tScript:alert(1)') // 'javascript'
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Why a URL may not be published, or undefined when it may: http(s), mailto, or a relative URL
 * (but not `//host/…`, which leaves the site without saying how).
 * @example urlProblem('javascript:alert(1)') // 'địa chỉ dùng giao thức "javascript:"'
 */
export function urlProblem(url: string): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined) {
    return /^\s*[\\/]{2}/.test(url) ? 'địa chỉ bắt đầu bằng "//" (thiếu giao thức)' : undefined;
  }
  return URL_SCHEMES.includes(scheme) ? undefined : `địa chỉ dùng giao thức "${scheme}:"`;
}

/** What an author may use instead, for messages. */
export const URL_EXPECTED = 'địa chỉ http://, https://, mailto: hoặc đường dẫn trong trang (bắt đầu bằng "/" hoặc "#")';

/** The hast property name of an HTML attribute ("colspan" → "colSpan"), as the sanitizer's schema names it. */
export function propertyName(attribute: string): string {
  return find(html, attribute).property;
}

const properties = (attributes: readonly string[]): string[] => attributes.map(propertyName);

/**
 * The sanitizer's schema (hast-util-sanitize, the engine of rehype-sanitize): the elements above,
 * plus what Markdown itself produces (code language classes, table alignment, GFM task lists and
 * footnotes). Written out rather than taken from GitHub's default so that every allowed name is
 * visible here. Heading ids are added after sanitizing, from the heading text.
 */
export const SANITIZE_SCHEMA: Schema = {
  strip: ['script', 'style'],
  clobberPrefix: 'user-content-',
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  tagNames: [...Object.keys(BODY_ELEMENTS), 'section', 'input'],
  attributes: {
    ...Object.fromEntries(Object.entries(BODY_ELEMENTS).map(([tag, attributes]) => [tag, properties(attributes)])),
    '*': properties(GLOBAL_ATTRIBUTES),
    a: ['href', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', ['ariaLabel', /^Quay lại chỗ dẫn chú thích [\d-]+$/], ['className', 'data-footnote-backref']],
    code: [['className', /^language-./]],
    h2: [['className', 'visually-hidden'], 'id'],
    li: [...properties(BODY_ELEMENTS.li!), 'id', ['className', 'task-list-item']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ul: [['className', 'contains-task-list']],
    ol: [...properties(BODY_ELEMENTS.ol!), ['className', 'contains-task-list']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: [...URL_SCHEMES], src: ['http', 'https'], cite: ['http', 'https'] },
  ancestors: { li: ['ol', 'ul'], tbody: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], td: ['table'], th: ['table'], input: ['li'] },
};
