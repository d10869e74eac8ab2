import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader, headersFile } from '../../../src/lib/security/csp';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('Content-Security-Policy', () => {
  const policy = new Map(contentSecurityPolicy().split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));

  it("allows only the site's own files, no inline script or style, and WebAssembly for Pagefind", () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:|data:/);
  });

  it('leaves frame-ancestors to the header, where browsers read it', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(contentSecurityPolicyHeader()).toBe(`${contentSecurityPolicy()}; frame-ancestors 'self'`);
  });

  it('public/_headers and docs/bao-mat.md print the same policy', () => {
    expect(readFileSync(`${ROOT}public/_headers`, 'utf8')).toBe(headersFile());
    const docs = readFileSync(`${ROOT}docs/bao-mat.md`, 'utf8');
    expect(docs).toContain(`add_header Content-Security-Policy "${contentSecurityPolicyHeader()}" always;`);
    expect(docs).toContain(`Header always set Content-Security-Policy "${contentSecurityPolicyHeader()}"`);
  });
});
