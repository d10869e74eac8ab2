/**
 * The routes' keys made by the build's content process (src/lib/build/route-keys.ts): taken when
 * they were made from the same content and context, computed by the route otherwise.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { publishContextOf } from '../../../src/lib/opendata/context';
import { planPageKey } from '../../../src/lib/portal/plan';
import { agencyListPages } from '../../../src/lib/portal/agencies';
import { documentListPages } from '../../../src/lib/portal/documents';
import { targetYearPages } from '../../../src/lib/portal/targets';
import { agencyListPageKey, agencyPageKey, documentListPageKey, documentPageKey, targetYearPageKey } from '../../../src/lib/build/page-keys';
import {
  agencyListPageId,
  documentListPageId,
  routeKeys,
  routeKeysAhead,
  routeKeysCounts,
  routeKeysFingerprint,
  targetYearPageId,
  writeRouteKeys,
  type RouteKeyContext,
} from '../../../src/lib/build/route-keys';
import { seedCatalog, seedContent } from '../portal/seed-catalog';

const dir = mkdtempSync(join(tmpdir(), 'route-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => routeKeysAhead(undefined));

const context: RouteKeyContext = { publish: publishContextOf('https://kehoach.example.gov.vn', '/'), contentRoot: 'content' };

/** A catalog of the seed content with the first plan's summary edited. */
function editedCatalog() {
  const content = seedContent();
  const [first] = content.plans;
  return buildCatalog({ ...content, plans: content.plans.map((p) => (p === first ? { ...p, data: { ...p.data, summary: `${p.data.summary} Đã sửa.` } } : p)) });
}

describe('routeKeys', () => {
  it('computes each group with the page-key functions when no content process made them', async () => {
    const catalog = seedCatalog();
    const plans = await routeKeys('plans', catalog, context);
    for (const plan of catalog.plans) expect(plans(plan.slug)).toBe(planPageKey(catalog, plan.slug, context.publish, context.contentRoot));
    const agencies = await routeKeys('agencies', catalog, context);
    for (const id of catalog.agencies.keys()) expect(agencies(id)).toBe(agencyPageKey(catalog, id));
    const documents = await routeKeys('documents', catalog, context);
    for (const id of catalog.documents.keys()) expect(documents(id)).toBe(documentPageKey(catalog, id));
    const agencyLists = await routeKeys('agencyLists', catalog, context);
    for (const page of agencyListPages(catalog)) expect(agencyLists(agencyListPageId(page))).toBe(agencyListPageKey(catalog, page));
    const documentLists = await routeKeys('documentLists', catalog, context);
    for (const page of documentListPages(catalog)) expect(documentLists(documentListPageId(page))).toBe(documentListPageKey(catalog, page));
    const targetYears = await routeKeys('targetYears', catalog, context);
    const yearPages = targetYearPages(catalog);
    expect(yearPages.length).toBeGreaterThan(0);
    for (const page of yearPages) expect(targetYears(targetYearPageId(page))).toBe(targetYearPageKey(catalog, page));
    expect(() => plans('khong-co')).toThrow(/khong-co/);
  });

  it('takes the content process keys when they were made from the same content and context', async () => {
    const ahead = writeRouteKeys(seedCatalog(), context, dir);
    // What the route gets is the file's: a key changed there is the one returned.
    const file = JSON.parse(readFileSync(ahead.file, 'utf8'));
    const slug = file.groups.plans[0][0];
    file.groups.plans[0][1] = 'from-the-file';
    writeFileSync(ahead.file, JSON.stringify(file));
    routeKeysAhead(Promise.resolve(ahead));
    // Another catalog object of the same content: the fingerprint is the content's, not the object's.
    const catalog = buildCatalog(seedContent());
    expect((await routeKeys('plans', catalog, context))(slug)).toBe('from-the-file');
    expect(routeKeysCounts()).toEqual({ taken: 1, computed: 0 });
    expect(ahead.fingerprint).toBe(routeKeysFingerprint(catalog, context));
  });

  it('computes its own keys when the content, the context or the content process differ', async () => {
    const ahead = writeRouteKeys(seedCatalog(), context, dir);
    const file = JSON.parse(readFileSync(ahead.file, 'utf8'));
    for (const group of Object.keys(file.groups)) file.groups[group] = file.groups[group].map(([id]: [string]) => [id, 'from-the-file']);
    writeFileSync(ahead.file, JSON.stringify(file));

    routeKeysAhead(Promise.resolve(ahead));
    const edited = editedCatalog();
    const [first] = edited.plans;
    expect((await routeKeys('plans', edited, context))(first!.slug)).toBe(planPageKey(edited, first!.slug, context.publish, context.contentRoot));

    const elsewhere = { ...context, publish: publishContextOf('https://khac.example.gov.vn', '/') };
    const catalog = buildCatalog(seedContent());
    expect((await routeKeys('plans', catalog, elsewhere))(first!.slug)).toBe(planPageKey(catalog, first!.slug, elsewhere.publish, elsewhere.contentRoot));

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    routeKeysAhead(Promise.reject(new Error('tiến trình nội dung dừng')));
    const other = buildCatalog(seedContent());
    expect((await routeKeys('agencies', other, context))(other.agencies.keys().next().value!)).not.toBe('from-the-file');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tiến trình nội dung dừng'));
    warn.mockRestore();
  });
});
