import { describe, expect, it } from 'vitest';
import { directoryRecordCount, directoryRecords } from '../../../src/lib/search/directory';
import { DIRECTORY_TERM_END, TERM_END, indexedTerm } from '../../../src/lib/search/client-config';
import { seedCatalog } from '../portal/seed-catalog';

const catalog = seedCatalog();
const records = directoryRecords(catalog, '/ke-hoach-mo/');

describe('directoryRecords on the seed registries', () => {
  it('has one record per agency and per cited document, linking its page under the base path', () => {
    expect(records.length).toBe(catalog.agencies.size + catalog.documents.size);
    // The count a build reports without making the records (a kept directory part).
    expect(directoryRecordCount(catalog)).toBe(records.length);
    expect(records.filter((r) => r.stored.kind === 'co-quan').map((r) => r.url)).toEqual([...catalog.agencies.keys()].map((id) => `/ke-hoach-mo/co-quan/${id}/`));
    expect(records.filter((r) => r.stored.kind === 'van-ban').map((r) => r.url)).toEqual([...catalog.documents.keys()].map((id) => `/ke-hoach-mo/van-ban/${id}/`));
  });

  it('indexes names folded and numbers as keys, with the directory end mark only', () => {
    const doc = records.find((r) => r.url.endsWith('/van-ban/33-ct-ttg/'))!;
    expect(doc.stored.name).toBe('Chỉ thị số 33/CT-TTg');
    expect(doc.terms.has('33ctttg')).toBe(true);
    expect(doc.html).toContain(indexedTerm('33ctttg', DIRECTORY_TERM_END));
    expect(doc.html).not.toContain(TERM_END);
    const alias = records.find((r) => r.url.endsWith('/van-ban/11-qdi-tw-2019/'));
    expect(alias?.terms.has('11qdtw')).toBe(true);
    const agency = records.find((r) => r.url.endsWith('/co-quan/ubnd-xa-minh-tam/'))!;
    expect([...agency.terms.keys()]).toEqual(expect.arrayContaining(['uy', 'ban', 'nhan', 'dan', 'xa', 'minh', 'tam']));
  });

  it('holds no word Pagefind could match in its meta', () => {
    for (const record of records) expect(record.html.match(/data-pagefind-meta="[^"]*">[^<]*/g)).toEqual(['data-pagefind-meta="title">–']);
  });
});
