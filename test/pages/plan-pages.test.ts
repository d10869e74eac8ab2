/**
 * Every plan page shows its structured data: read the built HTML (DIST_DIR, default dist/, which
 * `npm test` builds first) and check, for every plan in content/, that each number, date, target,
 * unit, recipient and the signer is on the page, in the panel where a reader looks for it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content/load';
import { formatVietnameseDate } from '../../src/lib/vn/dates';
import { dist, root, textOf } from '../support/built-site';

const content = loadContent(join(root, 'content'));
const agencyName = new Map(content.agencies.map((a) => [a.id, a.data.name]));



const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The HTML of the element carrying `id="…"` up to its closing tag (panels do not nest). */
function elementById(html: string, tag: string, id: string): string {
  const match = new RegExp(`<${tag}\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!match) throw new Error(`no <${tag} id="${id}"> on the page`);
  return match[1]!;
}

function readPage(path: string): string {
  const file = join(dist, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build, or set DIST_DIR)`);
  return readFileSync(file, 'utf8');
}

describe('built plan pages', () => {
  it('has content to check', () => {
    expect(content.problems).toEqual([]);
    expect(content.plans.length).toBeGreaterThanOrEqual(5);
  });

  for (const { slug, data: plan } of content.plans) {
    describe(slug, () => {
      const html = readPage(`ke-hoach/${slug}`);

      it('is a Vietnamese page whose only scripts are the copy-link and print enhancements, with the title as h1', () => {
        expect(html).toMatch(/<html lang="vi"/);
        // JSON data blocks are not code; the scripts are files (the CSP forbids inline script): the share
        // box's copy button and the print button (src/scripts/print.ts).
        const code = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/type="application\/(ld\+)?json"/.test(attrs));
        expect(code.length).toBeGreaterThan(0);
        for (const attrs of code) expect(attrs).toMatch(/^ type="module" src="\/_astro\/[^"]+\.js"$/);
        expect(textOf(elementById(html, 'main', 'noi-dung'))).toContain(squash(plan.title));
        expect(textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toContain(squash(plan.title));
      });

      it('shows every basis and every citation, each linking to its document page', () => {
        for (const [panel, refs] of [
          ['can-cu', plan.basis],
          ['van-ban-dan-chieu', plan.citations],
        ] as const) {
          const section = elementById(html, 'section', panel);
          const text = textOf(section);
          expect(section.match(/<li data-ref-number=/g)?.length ?? 0, panel).toBe(refs.length);
          for (const ref of refs) {
            expect(text, `${panel}: ${ref.number}`).toContain(ref.number);
            expect(section, `${panel}: link to ${ref.document}`).toMatch(new RegExp(`href="[^"]*/van-ban/${ref.document}/"`));
            if (ref.date) expect(text, `${panel}: date of ${ref.number}`).toContain(formatVietnameseDate(ref.date, 'short'));
          }
        }
      });

      it('shows every target', () => {
        const text = textOf(elementById(html, 'section', 'chi-tieu'));
        for (const target of plan.targets) expect(text).toContain(squash(target.text));
      });

      it('shows every deadline with its formatted date, task and owner', () => {
        const section = elementById(html, 'section', 'thoi-han');
        const text = textOf(section);
        expect(section.match(/<tr data-deadline-date=/g)?.length ?? 0).toBe(plan.deadlines.length);
        for (const d of plan.deadlines) {
          expect(text, d.task).toContain(formatVietnameseDate(d.date, 'short'));
          expect(text).toContain(squash(d.task));
          expect(text).toContain(agencyName.get(d.owner)!);
          expect(section).toMatch(new RegExp(`href="[^"]*/co-quan/${d.owner}/"`));
        }
      });

      it('shows every responsible unit with its duties', () => {
        const text = textOf(elementById(html, 'section', 'don-vi-thuc-hien'));
        for (const a of plan.assignments) {
          expect(text).toContain(agencyName.get(a.unit)!);
          for (const duty of a.duties) expect(text).toContain(squash(duty));
        }
      });

      it('shows every recipient line and the signer', () => {
        const text = textOf(elementById(html, 'section', 'noi-nhan'));
        for (const line of plan.recipients) expect(text).toContain(squash(line));
        expect(text).toContain(plan.signer.title);
        if (plan.signer.authority) expect(text).toContain(plan.signer.authority);
        expect(text).toContain(plan.signer.name ?? 'không ghi tên');
      });

      it('carries the official header for print', () => {
        const header = textOf(/<div class="print-only official-header">([\s\S]*?)<div class="print-only official-title">/.exec(html)?.[1] ?? '');
        const issuer = content.agencies.find((a) => a.id === plan.issuer)!;
        expect(header).toContain(issuer.data.level === 'Đảng' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        // An inferred place is left out of the printed header; the "Số:" line is always there.
        if (plan.inferred.some((m) => m.field === 'place')) expect(header).not.toContain(`${plan.place}, ngày`);
        else expect(header).toContain(`${plan.place}, ngày`);
        expect(header).toContain('Số:');
        expect(header).toContain(String(plan.year));
        if (plan.symbol) expect(header).toContain(plan.symbol);
      });
    });
  }
});

describe('built home page', () => {
  it('lists every plan, newest first by year', () => {
    const html = readPage('');
    const slugs = [...html.matchAll(/<li class="plan-card" data-plan="([^"]+)"/g)].map((m) => m[1]);
    expect([...slugs].sort()).toEqual(content.plans.map((p) => p.slug).sort());
    const years = slugs.map((s) => content.plans.find((p) => p.slug === s)!.data.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    for (const slug of slugs) expect(html).toMatch(new RegExp(`href="[^"]*/ke-hoach/${slug}/"`));
  });
});
