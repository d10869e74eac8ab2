import { describe, expect, it } from 'vitest';
import { buildSearchRecord, indexTerms, searchRecordContext, termWeight } from '../../../src/lib/search/record';
import { normalizeQuery } from '../../../src/lib/search/query';
import { seedCatalog } from '../portal/seed-catalog';
import { foldVietnamese } from '../../../src/lib/vn/text';
import { planCard } from '../../../src/lib/plan-view';
import { planCardHtml } from '../../../src/lib/portal/plan-card';
import { TERM_END, indexedTerm } from '../../../src/lib/search/client-config';
import { mdxBlocks } from '../../../src/lib/content/plain-text';

const catalog = seedCatalog();
const ctx = (base = '/') => searchRecordContext(catalog, base);
const records = catalog.plans.map((plan) => ({ plan, record: buildSearchRecord(plan, ctx()) }));

/** The indexed part of a record: what sits in data-pagefind-body outside data-pagefind-ignore. */
const indexedHtml = (html: string) => html.slice(html.indexOf('<main data-pagefind-body>'), html.indexOf('<div data-pagefind-ignore>'));

describe('indexTerms', () => {
  it('folds words and adds number keys while keeping their parts', () => {
    expect([...indexTerms('Đảng ủy, Chỉ thị 33/CT-TTg').keys()]).toEqual(['dang', 'uy', 'chi', 'thi', '33', 'ct', 'ttg', '33ctttg']);
  });

  it('counts occurrences, whatever the spelling', () => {
    expect(indexTerms('Ủy ban, Uỷ ban, UỶ BAN').get('uy')).toBe(3);
  });
});

describe('termWeight', () => {
  it('grows with the logarithm of the count, capped', () => {
    expect([1, 2, 3, 4, 8, 16, 1000].map(termWeight)).toEqual([1, 2, 2, 3, 4, 5, 5]);
  });
});

describe('buildSearchRecord: the body read through the context', () => {
  it('indexes the blocks ctx.textBlocks gives (the build passes the content cache’s), else mdxBlocks', () => {
    const [plan] = catalog.plans;
    const terms = (record: ReturnType<typeof buildSearchRecord>) => [...record.terms.keys()];
    const given = buildSearchRecord(plan!, { ...ctx(), textBlocks: () => [{ kind: 'paragraph', text: 'Từkhóariêng' }] });
    expect(terms(given)).toContain(foldVietnamese('Từkhóariêng'));
    expect(terms(buildSearchRecord(plan!, ctx()))).not.toContain(foldVietnamese('Từkhóariêng'));
    expect(buildSearchRecord(plan!, { ...ctx(), textBlocks: mdxBlocks })).toEqual(buildSearchRecord(plan!, ctx()));
  });
});

describe('buildSearchRecord on the seed plans', () => {
  it('indexes folded terms only, each once, inside data-pagefind-body', () => {
    for (const { record } of records) {
      const indexed = indexedHtml(record.html);
      expect(indexed).toMatch(/^<main data-pagefind-body><h1>/);
      expect(record.html).not.toMatch(/<nav|<header|<footer/);
      const words = indexed.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
      expect(words.every((w) => new RegExp(`^[^\\s${TERM_END}]+${TERM_END}$`).test(w)), 'end-marked').toBe(true);
      expect(words.every((w) => /^(?:[a-z]+|[0-9]+|[^0-9]+)\u01c2$/.test(w)), 'letters, or plain numbers').toBe(true);
      // Each term once in the weighted paragraphs (title terms repeat in the h1, basis keys in their own paragraph).
      const body = indexed.replace(/<h1>.*?<\/h1>/, '').replace(/<p data-pagefind-weight="6">.*?<\/p>/, '');
      const bodyWords = body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
      expect(new Set(bodyWords).size).toBe(bodyWords.length);
    }
  });

  it('holds every word of the plan, so any word of the body, the panels or the issuer finds it', () => {
    for (const { plan, record } of records) {
      const sources = [plan.data.title, plan.data.summary, plan.body ?? '', catalog.agencies.get(plan.data.issuer)!.data.name];
      for (const source of sources) {
        // List numbers ("1.", "2.") are Markdown markers, not words.
        const words = foldVietnamese(source.replace(/^\s*\d{1,3}[.)]\s/gm, '')).split(/[^a-z0-9]+/).filter(Boolean);
        expect(words.filter((w) => !record.terms.has(w)), plan.slug).toEqual([]);
      }
    }
  });

  it('weighs terms by how often the plan uses them', () => {
    for (const { record } of records) {
      const [frequent] = [...record.terms].sort((a, b) => b[1] - a[1]);
      expect(record.html).toMatch(new RegExp(`<p data-pagefind-weight="5">(?:[^<]* )?${indexedTerm(frequent![0])}`));
    }
  });

  it('carries the key of every document the plan references, the implemented ones weighted', () => {
    const chiThi33 = records.find(({ plan }) => plan.data.basis.some((ref) => ref.document === '33-ct-ttg'))!;
    expect(chiThi33.record.basisKeys).toContain('33ctttg');
    expect(chiThi33.record.html).toMatch(new RegExp(`<p data-pagefind-weight="6">(?:[^<]* )?${indexedTerm('33ctttg')}`));
    for (const { plan, record } of records) {
      for (const ref of [...plan.data.basis, ...plan.data.citations]) {
        expect(record.terms.has(normalizeQuery(ref.number).terms[0]!), `${plan.slug} ${ref.number}`).toBe(true);
      }
    }
  });

  it('adds the registry spelling of a reference, so a Quy định is found as QĐi and as QĐ', () => {
    const alias = records.find(({ plan }) => plan.data.citations.some((ref) => ref.document === '11-qdi-tw-2019'));
    expect(alias).toBeDefined();
    expect(alias!.record.terms.has('11qditw')).toBe(true);
    expect(alias!.record.terms.has('11qdtw')).toBe(true);
  });

  it('keeps the text as written (summary and body) out of the index, in the stored record for excerpts', () => {
    for (const { plan, record } of records) {
      expect(record.stored.text.startsWith(plan.data.summary)).toBe(true);
      expect(record.stored.text).toContain('Đ');
      expect(record.stored.text).not.toMatch(/\*\*|^#/m);
      expect(record.html).not.toContain(plan.data.summary);
    }
  });

  it('stores the plan card as the plan lists print it, and the ranking keys', () => {
    for (const { plan, record } of records) {
      expect(record.stored.card).toBe(planCardHtml(planCard(plan, catalog.agencies), { base: '/', level: 3 }));
      expect(record.stored.title).toBe(plan.data.title);
      expect(record.stored.date).toBe(plan.data.issuedOn ?? `${plan.data.year}-01-01`);
      expect(record.stored.basis).toEqual(record.basisKeys);
      for (const key of record.stored.citations) expect(record.basisKeys).not.toContain(key);
    }
    const chiThi33 = records.find(({ plan }) => plan.data.basis.some((ref) => ref.document === '33-ct-ttg'))!;
    expect(chiThi33.record.stored.basis).toContain('33ctttg');
  });

  it('sets filters and the date sort from the plan, and no searchable meta', () => {
    for (const { plan, record } of records) {
      expect(record.filters.nam).toEqual([String(plan.data.year)]);
      expect(record.filters['co-quan']).toEqual([plan.data.issuer]);
      expect(record.filters.loai).toEqual(['ke-hoach']);
      expect(record.filters['chu-de'].length).toBe(plan.data.topics.length);
      expect(record.sort.ngay).toBe(plan.data.issuedOn ?? `${plan.data.year}-01-01`);
      // Pagefind searches meta text with its prefix rules ("covid" would find a meta "cơ").
      expect(record.html.match(/data-pagefind-meta="[^"]*">[^<]*/g)).toEqual(['data-pagefind-meta="title">–']);
    }
  });

  it('links results under the base path', () => {
    const [{ plan }] = records;
    expect(buildSearchRecord(plan!, ctx('/ke-hoach-mo/')).url).toBe(`/ke-hoach-mo/ke-hoach/${plan!.slug}/`);
  });

  it('escapes the card text', () => {
    const [{ plan }] = records;
    const record = buildSearchRecord({ ...plan!, data: { ...plan!.data, title: 'Tỷ lệ <50% & "x"' } }, ctx());
    expect(record.stored.card).toContain('Tỷ lệ &lt;50% &amp; &quot;x&quot;');
    expect(record.html).not.toContain('<50%');
  });
});
