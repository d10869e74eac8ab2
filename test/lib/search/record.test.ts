import { describe, expect, it } from 'vitest';
import { APPENDIX_MARK, buildSearchRecord, foldedAppendix, indexedText, type SearchRecordContext } from '../../../src/lib/search/record';
import { seedCatalog } from '../portal/seed-catalog';
import { foldVietnamese } from '../../../src/lib/vn/text';

const catalog = seedCatalog();
const ctx = (base = '/'): SearchRecordContext => ({
  base,
  agencyName: (id) => catalog.agencies.get(id)?.data.name,
  documentNumbers: (id) => {
    const doc = catalog.documents.get(id)?.data;
    return doc ? [doc.number, ...doc.aliases] : [];
  },
});
const records = catalog.plans.map((plan) => ({ plan, record: buildSearchRecord(plan, ctx()) }));

describe('foldedAppendix', () => {
  it('adds folded forms of the words with đ, and number keys', () => {
    expect(foldedAppendix('Đảng ủy lãnh đạo, Chỉ thị 33/CT-TTg, Nghị định 59/2023/NĐ-CP')).toEqual(['dang', 'dao', 'dinh', 'nd', '33ctttg', '592023ndcp']);
  });
});

describe('buildSearchRecord on the seed plans', () => {
  it('indexes only the plan: body and panels inside data-pagefind-body, no site navigation', () => {
    for (const { plan, record } of records) {
      expect(record.html).toContain('<main data-pagefind-body>');
      expect(record.html).not.toMatch(/<nav|<header|<footer/);
      expect(record.blocks[0]).toBe(plan.data.title);
      expect(record.blocks).toContain(plan.data.summary);
    }
  });

  it('makes every word with đ findable without it', () => {
    for (const { record } of records) {
      const text = record.blocks.join(' ');
      const dWords = text.match(/[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu) ?? [];
      expect(dWords.length).toBeGreaterThan(0);
      for (const word of dWords) expect(record.appendix).toContain(foldVietnamese(word));
    }
  });

  it('carries the key of every document the plan references, the implemented ones weighted', () => {
    const chiThi33 = records.find(({ plan }) => plan.data.basis.some((ref) => ref.document === '33-ct-ttg'))!;
    expect(chiThi33.record.basisKeys).toContain('33ctttg');
    expect(chiThi33.record.html).toMatch(new RegExp(`<p data-pagefind-weight="\\d+">${APPENDIX_MARK} [^<]*33ctttg`));
    for (const { plan, record } of records) {
      for (const ref of [...plan.data.basis, ...plan.data.citations]) {
        expect(record.appendix.some((k) => k.startsWith(ref.number.replace(/\D.*$/, ''))), `${plan.slug} ${ref.number}`).toBe(true);
      }
    }
  });

  it('adds the registry spelling of a reference, so a Quy định is found as QĐi and as QĐ', () => {
    const alias = records.find(({ plan }) => plan.data.citations.some((ref) => ref.document === '11-qdi-tw-2019'));
    expect(alias).toBeDefined();
    expect(alias!.record.appendix).toEqual(expect.arrayContaining(['11qditw', '11qdtw']));
  });

  it('sets filters, meta and the date sort from the plan', () => {
    for (const { plan, record } of records) {
      expect(record.filters.nam).toEqual([String(plan.data.year)]);
      expect(record.filters['co-quan']).toEqual([plan.data.issuer]);
      expect(record.filters.loai).toEqual(['ke-hoach']);
      expect(record.filters['chu-de'].length).toBe(plan.data.topics.length);
      expect(record.meta.agency).toBe(catalog.agencies.get(plan.data.issuer)!.data.name);
      expect(record.sort.ngay).toBe(plan.data.issuedOn ?? `${plan.data.year}-01-01`);
      for (const key of Object.keys(record.meta)) expect(record.html).toContain(`<span data-pagefind-meta="${key}">`);
    }
  });

  it('links results under the base path', () => {
    const [{ plan }] = records;
    expect(buildSearchRecord(plan!, ctx('/ke-hoach-mo/')).url).toBe(`/ke-hoach-mo/ke-hoach/${plan!.slug}/`);
  });

  it('escapes text into the HTML', () => {
    const [{ plan }] = records;
    const record = buildSearchRecord({ ...plan!, body: 'Tỷ lệ <50% & "x" ⁂' }, ctx());
    expect(record.html).toContain('Tỷ lệ &lt;50% &amp; &quot;x&quot;');
    expect(record.blocks.join(' ')).not.toContain(APPENDIX_MARK);
  });
});

describe('indexedText', () => {
  it('cuts the appendix and the title off Pagefind content', () => {
    expect(indexedText(`Tiêu đề. Nội dung chính. ${APPENDIX_MARK} dang 33ctttg.`, 'Tiêu đề')).toBe('Nội dung chính.');
    expect(indexedText('Nội dung')).toBe('Nội dung');
  });
});
