/**
 * The site's Content-Security-Policy, in one place: the `<meta>` in src/layouts/Base.astro, the
 * `public/_headers` file and the nginx/Apache examples in docs/bao-mat.md all print this policy
 * (test/lib/security/csp.test.ts keeps them equal).
 *
 * Every script, style, font and image is a file from the site itself ('self' is the origin, so the
 * policy holds under any sub-path such as /ke-hoach-mo/). No inline script, no inline style, no
 * eval; Pagefind's search index is WebAssembly, which needs 'wasm-unsafe-eval' (it allows compiling
 * wasm, not JavaScript eval). JSON-LD `<script type="application/ld+json">` is data, which CSP does
 * not block.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Directives a browser ignores in a `<meta>` policy; they only work as an HTTP header. */
export const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [['frame-ancestors', "'self'"]];

function serialize(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export function contentSecurityPolicy(): string {
  return serialize(CSP_DIRECTIVES);
}

/** The policy as an HTTP header: the meta policy plus what only a header can say. */
export function contentSecurityPolicyHeader(): string {
  return serialize([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);
}

/**
 * The staff editor's policy (`/quan-tri/`, Decap CMS), looser than the site's because Decap needs
 * it: it compiles its config schema with ajv (`new Function`, so 'unsafe-eval'), styles itself
 * with inline `<style>` (emotion), shows media as data:/blob: URLs and talks to the agency's git
 * host, whose address is set per deployment (so any https: origin). The share-card previews are
 * blob: URLs, and Chromium may fetch one when its download link is clicked, so connect-src allows
 * blob: (only the page's own objects: a blob: URL cannot name another origin's). The editor is
 * never framed.
 * The public pages never get this policy, and the editor's own pages (`/quan-tri/nhap/`) also carry
 * the site's policy in their `<meta>`: both apply, so they stay as strict as the site.
 */
export const EDITOR_CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob: https:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' blob: https:"],
  ['frame-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Where the editor is served, relative to the site's base. */
export const EDITOR_PATH = 'quan-tri/';

/** The editor's policy for its `<meta>`. */
export function editorContentSecurityPolicy(): string {
  return serialize(EDITOR_CSP_DIRECTIVES);
}

/** The editor's policy as an HTTP header: never inside a frame. */
export function editorContentSecurityPolicyHeader(): string {
  return serialize([...EDITOR_CSP_DIRECTIVES, ['frame-ancestors', "'none'"]]);
}

/** The CSP header a page gets, by its path relative to the site's base (`quan-tri/`, `ke-hoach/x/`). */
export function contentSecurityPolicyHeaderFor(path: string): string {
  return path.replace(/^\//, '').startsWith(EDITOR_PATH) ? editorContentSecurityPolicyHeader() : contentSecurityPolicyHeader();
}

/** Security headers for every response, beside the CSP. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/**
 * `_headers` in Cloudflare Pages' format: every path gets the site's CSP and the security headers,
 * except the editor, which detaches the site's CSP (`! Content-Security-Policy`: a request
 * matching several rules would otherwise get both policies, and the stricter one breaks Decap)
 * and gets its own.
 */
export function headersFile(): string {
  const lines = [
    '/*',
    `  Content-Security-Policy: ${contentSecurityPolicyHeader()}`,
    ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    `/${EDITOR_PATH}*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${editorContentSecurityPolicyHeader()}`,
  ];
  return `${lines.join('\n')}\n`;
}
