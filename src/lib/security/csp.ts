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

/** Security headers for every response, beside the CSP. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/**
 * `_headers` for Netlify, Cloudflare Pages and hosts that read the same format: every path gets the
 * CSP header and the security headers.
 */
export function headersFile(): string {
  const lines = ['/*', `  Content-Security-Policy: ${contentSecurityPolicyHeader()}`, ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`)];
  return `${lines.join('\n')}\n`;
}
