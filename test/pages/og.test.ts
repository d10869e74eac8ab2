/**
 * Share previews of the built site (DIST_DIR, default dist/, which `npm test` builds first): every
 * plan page carries og: and twitter: tags whose image is a file of the build with the declared
 * size, both cards exist and stay under 200 KB, and the share block works without scripts from
 * any network.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/load';
import { readPngSize } from '../lib/og/png';
import { decodeEntities, dist, root } from '../support/built-site';

const content = loadContent(join(root, 'content'));
const agencyName = new Map(content.agencies.map((a) => [a.id, a.data.name]));


/** Content of every <meta property|name="key"> of the page, by key. */
function metaTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /\b(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const value = /\bcontent="([^"]*)"/.exec(tag)?.[1];
    if (key && value !== undefined) tags.set(key, [...(tags.get(key) ?? []), decodeEntities(value)]);
  }
  return tags;
}

function readPage(path: string): string {
  const file = join(dist, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build, or set DIST_DIR)`);
  return readFileSync(file, 'utf8');
}

/** The built file an absolute URL of the site points at; `siteRoot` is origin + base path. */
function fileOf(url: string, siteRoot: string): string {
  expect(url.startsWith(siteRoot), `${url} is on the site ${siteRoot}`).toBe(true);
  return join(dist, decodeURIComponent(new URL(url).pathname.slice(new URL(siteRoot).pathname.length)));
}

describe('share previews of the built plan pages', () => {
  it('has plans to check', () => {
    expect(content.problems).toEqual([]);
    expect(content.plans.length).toBeGreaterThanOrEqual(5);
  });

  for (const { slug, data: plan } of content.plans) {
    describe(slug, () => {
      const html = readPage(`ke-hoach/${slug}`);
      const meta = metaTags(html);
      const one = (key: string) => {
        const values = meta.get(key);
        expect(values, `<meta ${key}>`).toHaveLength(1);
        return values![0]!;
      };
      const pageUrl = one('og:url');
      const siteRoot = pageUrl.slice(0, -`ke-hoach/${slug}/`.length);

      it('has og: and twitter: tags for a large-image article preview in Vietnamese', () => {
        expect(pageUrl).toMatch(new RegExp(`^https?://.+/ke-hoach/${slug}/$`));
        expect(one('og:type')).toBe('article');
        expect(one('og:locale')).toBe('vi_VN');
        expect(one('og:site_name')).not.toBe('');
        expect(one('og:title')).toContain(plan.title);
        expect(one('og:description')).toBe(plan.summary);
        expect(one('twitter:card')).toBe('summary_large_image');
        expect(one('og:image:alt')).toContain(plan.title);
        expect(one('og:image:alt')).toContain(agencyName.get(plan.issuer)!);
      });

      it('points og:image at the 1200×630 card of the build, versioned, under 200 KB', () => {
        const image = one('og:image');
        expect(image).toMatch(new RegExp(`/og/${slug}\\.png\\?v=\\d+$`));
        const file = fileOf(image.replace(/\?.*$/, ''), siteRoot);
        expect(existsSync(file), file).toBe(true);
        const png = readFileSync(file);
        const size = readPngSize(png);
        expect(size).toEqual({ width: Number(one('og:image:width')), height: Number(one('og:image:height')) });
        expect(size).toEqual({ width: 1200, height: 630 });
        expect(png.length).toBeLessThan(200 * 1024);
      });

      it('builds the 1080×1080 card too, under 200 KB', () => {
        const png = readFileSync(join(dist, 'og', `${slug}-vuong.png`));
        expect(readPngSize(png)).toEqual({ width: 1080, height: 1080 });
        expect(png.length).toBeLessThan(200 * 1024);
      });

      it('offers Facebook, Zalo and X as plain links, the address to copy and both cards to download', () => {
        const block = /<section\b[^>]*id="chia-se"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
        expect(block, 'share section').toBeDefined();
        expect(block).toMatch(/<h2\b[^>]*>Chia sẻ kế hoạch<\/h2>/);
        const hrefs = [...block!.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: decodeEntities(m[1]!), label: m[2]!.trim() }));
        const encoded = encodeURIComponent(pageUrl);
        expect(hrefs).toEqual(
          expect.arrayContaining([
            { href: `https://www.facebook.com/sharer/sharer.php?u=${encoded}`, label: 'Chia sẻ lên Facebook' },
            { href: `https://sp.zalo.me/share_to_zalo?url=${encoded}`, label: 'Chia sẻ qua Zalo' },
          ]),
        );
        const x = hrefs.find((h) => h.label === 'Chia sẻ lên X')!;
        expect(new URL(x.href).origin + new URL(x.href).pathname).toBe('https://x.com/intent/post');
        expect(new URL(x.href).searchParams.get('url')).toBe(pageUrl);
        expect(new URL(x.href).searchParams.get('text')).toContain(plan.title);

        // Without JavaScript the address is a labelled read-only field; the copy button starts hidden.
        const input = /<input\b[^>]*id="chia-se-lien-ket"[^>]*>/.exec(block!)?.[0];
        expect(input).toMatch(/\breadonly\b/);
        expect(decodeEntities(/value="([^"]*)"/.exec(input!)![1]!)).toBe(pageUrl);
        expect(block).toMatch(/<label\b[^>]*for="chia-se-lien-ket"[^>]*>[^<]+<\/label>/);
        expect(block).toMatch(/<button type="button"[^>]*hidden[^>]*>Sao chép liên kết<\/button>/);

        const downloads = hrefs.filter((h) => /\.png$/.test(h.href));
        expect(downloads.map((d) => d.label)).toEqual([expect.stringMatching(/^Tải ảnh chia sẻ/), expect.stringMatching(/^Tải ảnh vuông/)]);
        for (const { href } of downloads) expect(existsSync(fileOf(new URL(href, siteRoot).href, siteRoot)), href).toBe(true);
      });

      it('loads no script from another site; the copy button is a tiny script file', () => {
        for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).not.toMatch(/\bsrc="(https?:)?\/\//);
        const copy = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*ShareLinks[^"]*)"[^>]*><\/script>/g)];
        expect(copy).toHaveLength(1);
        const code = readFileSync(fileOf(new URL(copy[0]![1]!, siteRoot).href, siteRoot), 'utf8');
        expect(Buffer.byteLength(code)).toBeLessThan(1024);
        expect(code).toContain('navigator.clipboard');
        expect(html).not.toMatch(/connect\.facebook\.net|sp\.zalo\.me\/plugins|platform\.twitter\.com|zalo\.me\/sdk/);
      });
    });
  }
});
