import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  contentSecurityPolicyHeader,
  contentSecurityPolicyHeaderFor,
  editorContentSecurityPolicy,
  editorContentSecurityPolicyHeader,
  headersFile,
} from '../../../src/lib/security/csp';
import { headersFromFile } from '../../support/headers';

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

  it('public/_headers and docs/bao-mat.md print the same policies', () => {
    expect(readFileSync(`${ROOT}public/_headers`, 'utf8')).toBe(headersFile());
    const docs = readFileSync(`${ROOT}docs/bao-mat.md`, 'utf8');
    for (const header of [contentSecurityPolicyHeader(), editorContentSecurityPolicyHeader()]) {
      expect(docs).toContain(`add_header Content-Security-Policy "${header}" always;`);
      expect(docs).toContain(`Header always set Content-Security-Policy "${header}"`);
    }
  });

  it('gives the editor (Decap CMS) what it needs, and nothing more, only under /quan-tri/', () => {
    const editor = new Map(editorContentSecurityPolicy().split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));
    expect(editor.get('script-src')).toBe("'self' 'unsafe-eval'");
    expect(editor.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(editor.get('object-src')).toBe("'none'");
    expect(editor.get('script-src')).not.toMatch(/unsafe-inline|https?:|\*/);
    expect(editorContentSecurityPolicyHeader()).toMatch(/frame-ancestors 'none'$/);
    expect(contentSecurityPolicyHeaderFor('quan-tri/')).toBe(editorContentSecurityPolicyHeader());
    expect(contentSecurityPolicyHeaderFor('/quan-tri/decap/decap-cms.js')).toBe(editorContentSecurityPolicyHeader());
    expect(contentSecurityPolicyHeaderFor('ke-hoach/quan-tri/')).toBe(contentSecurityPolicyHeader());
  });

  it('_headers sends each path exactly one policy: the site’s, or the editor’s under /quan-tri/', () => {
    const file = headersFile();
    for (const path of ['/', '/ke-hoach/dan-van-2024/', '/tim-kiem/', '/api/v1/plans.json', '/quan-tri-khac/']) {
      const headers = headersFromFile(file, path);
      expect(headers.get('content-security-policy'), path).toBe(contentSecurityPolicyHeader());
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    for (const path of ['/quan-tri/', '/quan-tri/config.yml', '/quan-tri/nhap/']) {
      const headers = headersFromFile(file, path);
      expect(headers.get('content-security-policy'), path).toBe(editorContentSecurityPolicyHeader());
      expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});
