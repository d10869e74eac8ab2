/**
 * What a citizen reads and what a journalist downloads must never disagree: for every plan, the
 * counts, numbers and dates in /api/v1/plans/{slug}.json (and its row in plans.json) equal what
 * the built plan page shows in its panels, and the page links its JSON and embeds its JSON-LD.
 */
import { describe, expect, it } from 'vitest';
import { formatVietnameseDate } from '../../../src/lib/vn/dates';
import { decodeEntities, readDist, readDistJson, sitePathOf, textOf } from '../../support/built-site';

const index = readDistJson('api/v1/plans.json');



function section(html: string, id: string): string {
  const match = new RegExp(`<section\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  if (!match) throw new Error(`no <section id="${id}">`);
  return match[1]!;
}

/** The "(N)" a panel heading shows. */
function panelCount(html: string, id: string): number {
  const match = /<span class="panel__count">\((\d+)\)<\/span>/.exec(section(html, id));
  if (!match) throw new Error(`panel ${id} shows no count`);
  return Number(match[1]);
}

const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]!));

/** "100%", "2,5 lượt", "1.200 cuộc" → the number, read the Vietnamese way. */
function shownNumber(cell: string): number {
  const digits = /-?\d[\d.]*(?:,\d+)?/.exec(cell)?.[0];
  if (!digits) throw new Error(`no number in "${cell}"`);
  return Number(digits.replace(/\./g, '').replace(',', '.'));
}

describe('the numbers in the data match the pages', () => {
  it('covers every plan', () => {
    expect(index.count).toBeGreaterThanOrEqual(5);
  });

  for (const row of index.items) {
    describe(row.slug, () => {
      const plan = readDistJson(`api/v1/plans/${row.slug}.json`);
      const html = readDist(`${sitePathOf(plan.url)}index.html`);

      it('has the same counts in plans.json, in its own JSON and on the page panels', () => {
        const units = new Set(plan.assignments.map((a: any) => a.unit.id)).size;
        expect([row.basisCount, row.citationCount, row.targetCount, row.deadlineCount, row.assignmentCount, row.recipientCount]).toEqual([
          plan.basis.length,
          plan.citations.length,
          plan.targets.length,
          plan.deadlines.length,
          units,
          plan.recipients.length,
        ]);
        expect(panelCount(html, 'can-cu')).toBe(row.basisCount);
        expect(panelCount(html, 'van-ban-dan-chieu')).toBe(row.citationCount);
        expect(panelCount(html, 'chi-tieu')).toBe(row.targetCount);
        expect(panelCount(html, 'thoi-han')).toBe(row.deadlineCount);
        expect(panelCount(html, 'don-vi-thuc-hien')).toBe(row.assignmentCount);
        expect(section(html, 'noi-nhan').match(/<li data-recipient>/g) ?? []).toHaveLength(row.recipientCount);
      });

      it('shows the same document numbers, in the same order', () => {
        expect(attrs(section(html, 'can-cu'), 'data-ref-number')).toEqual(plan.basis.map((r: any) => r.number));
        expect(attrs(section(html, 'van-ban-dan-chieu'), 'data-ref-number')).toEqual(plan.citations.map((r: any) => r.number));
      });

      it('shows the same target values', () => {
        const cells = [...section(html, 'chi-tieu').matchAll(/<tr[^>]*data-target="\d+"[^>]*>[\s\S]*?<td class="num">([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!));
        expect(cells).toHaveLength(plan.targets.length);
        plan.targets.forEach((target: any, i: number) => {
          if (target.value === null) expect(cells[i]).toBe('Định tính');
          else {
            expect(shownNumber(cells[i]!), target.id).toBe(target.value);
            if (target.unit) expect(cells[i]).toContain(target.unit);
          }
        });
      });

      it('shows the same deadline dates, tasks and owners', () => {
        const panel = section(html, 'thoi-han');
        const sorted = [...plan.deadlines].sort((a: any, b: any) => a.date.localeCompare(b.date) || a.position - b.position);
        expect(attrs(panel, 'data-deadline-date')).toEqual(sorted.map((d: any) => d.date));
        const rows = [...panel.matchAll(/<tr data-deadline-date="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
        sorted.forEach((d: any, i: number) => {
          expect(rows[i]).toContain(formatVietnameseDate(d.date, 'short'));
          expect(rows[i]).toContain(d.task);
          expect(rows[i]).toContain(d.owner.name);
          if (d.submitTo) expect(rows[i]).toContain(d.submitTo.name);
        });
      });

      it('shows the same responsible units', () => {
        expect(attrs(section(html, 'don-vi-thuc-hien'), 'data-unit')).toEqual([...new Set(plan.assignments.map((a: any) => a.unit.id))]);
      });

      it('shows the same số/ký hiệu, year and issue date in its header', () => {
        const number = textOf(/<dd[^>]*data-plan-number[^>]*>([\s\S]*?)<\/dd>/.exec(html)![1]!);
        if (plan.number) expect(number).toContain(plan.identifier);
        else expect(number).toMatch(/chưa ghi số/i);
        if (plan.symbol) expect(number === 'Bản chưa ghi số' || number.includes(plan.symbol)).toBe(true);
        const facts = textOf(/<dl class="facts">([\s\S]*?)<\/dl>/.exec(html)![1]!);
        expect(facts).toContain(`Năm kế hoạch ${plan.year}`);
        expect(facts).toContain(plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'long') : 'chưa ghi ngày ban hành');
      });

      it('links its JSON and embeds schema.org Legislation agreeing with it', () => {
        const jsonPath = sitePathOf(row.dataUrl);
        expect(html).toMatch(new RegExp(`href="[^"]*/${jsonPath.replace(/[.]/g, '\\.')}"`));
        const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
        const ld = scripts.find((s) => s['@type'] === 'Legislation');
        expect(ld, 'Legislation JSON-LD').toBeDefined();
        expect(ld.url).toBe(plan.url);
        expect(ld.legislationIdentifier).toBe(plan.identifier ?? plan.url);
        expect(ld.legislationType).toBe(plan.docType);
        expect(ld.legislationDate ?? null).toBe(plan.issuedOn);
        expect(ld.legislationPassedBy.name).toBe(plan.issuer.name);
        expect(ld.citation).toHaveLength(plan.basis.length + plan.citations.length);
      });
    });
  }
});
