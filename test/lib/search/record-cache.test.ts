import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { cachedSearchRecords } from '../../../src/lib/search/record-cache';
import { buildSearchRecord, searchRecordContext } from '../../../src/lib/search/record';
import { seedCatalog, seedContent } from '../portal/seed-catalog';

const dir = mkdtempSync(join(tmpdir(), 'search-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cachedSearchRecords', () => {
  const catalog = seedCatalog();
  const fresh = catalog.plans.map((plan) => buildSearchRecord(plan, searchRecordContext(catalog, '/')));

  it('builds every record into an empty cache, then reads every one back, equal to a fresh build', () => {
    const cold = cachedSearchRecords(catalog, '/', dir, 'code-1');
    expect([cold.built, cold.hits]).toEqual([fresh.length, 0]);
    expect(readdirSync(dir).every((name) => name.endsWith('.json'))).toBe(true);
    const warm = cachedSearchRecords(catalog, '/', dir, 'code-1');
    expect([warm.built, warm.hits]).toEqual([0, fresh.length]);
    expect(warm.records).toEqual(fresh);
    expect(warm.records[0]!.terms).toBeInstanceOf(Map);
  });

  it('builds again only the edited plan, and everything when the code or the base path changes', () => {
    const content = seedContent();
    const [first, ...rest] = content.plans;
    const edited = buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} Đã sửa đổi.` } }, ...rest] });
    const afterEdit = cachedSearchRecords(edited, '/', dir, 'code-1');
    expect([afterEdit.built, afterEdit.hits]).toEqual([1, fresh.length - 1]);
    expect(afterEdit.records.find((r) => r.slug === first!.slug)!.blocks.join(' ')).toContain('Đã sửa đổi.');
    expect(cachedSearchRecords(edited, '/', dir, 'code-2').built).toBe(fresh.length);
    expect(cachedSearchRecords(edited, '/ke-hoach-mo/', dir, 'code-2').built).toBe(fresh.length);
  });
});
