import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, MAX_CHUNK_ROWS, catalogRowKeys, chunkHash, chunkedRowsDigest, planRowAnchor, type ChunkedRowsSource } from '../../../src/lib/opendata/table-keys';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { seedContent } from '../portal/seed-catalog';

/** A made-up table: one row per item, its identity standing for its text (as a plan's digest stands for the plan). */
interface Item {
  id: string;
  text: string;
}

const items = (count: number, prefix = 'k'): Item[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, text: `Việc số ${i} của kế hoạch` }));

function source(list: Item[], built: { rows: number } = { rows: 0 }): ChunkedRowsSource<Item> {
  return {
    items: list,
    identity: (item) => `${item.id}:${item.text}`,
    row: (item) => {
      built.rows += 1;
      return { id: item.id, text: item.text };
    },
  };
}

/** The digest a build without any kept chunk computes. */
const cold = (list: Item[], scope = 'scope') => chunkedRowsDigest(source(list), scope).digest;

describe('chunkedRowsDigest', () => {
  it('gives a build with kept chunks the digest of a cold build, after an edit, an addition at the top, a deletion and a move', () => {
    const memo = `test-${randomUUID()}`;
    let list = items(6000);
    const steps: [string, Item[]][] = [
      ['unchanged', list],
      ['an item edited', (list = list.map((item, i) => (i === 2500 ? { ...item, text: `${item.text} (sửa)` } : item)))],
      ['an item added at the top', (list = [{ id: 'moi', text: 'Việc mới' }, ...list])],
      ['an item deleted', (list = list.filter((_, i) => i !== 4000))],
      ['an item moved', (list = [...list.slice(0, 10), list[3000]!, ...list.slice(10, 3000), ...list.slice(3001)])],
    ];
    chunkedRowsDigest(source(items(6000)), 'scope', memo);
    for (const [what, step] of steps) expect(chunkedRowsDigest(source(step), 'scope', memo).digest, what).toBe(cold(step));
  });

  it("keeps a table's digest when only what its rows do not show changes, its chunks ending where its anchors say", () => {
    // A version stands for a plan's digest: an edit of the plan's body changes it, not the rows.
    const list = items(3000);
    const versioned = (version: number, anchored: boolean): ChunkedRowsSource<Item> => ({
      items: list,
      identity: (item) => `${item.id}:${version}`,
      row: (item) => ({ id: item.id, text: item.text }),
      ...(anchored ? { anchor: (item: Item) => item.id } : {}),
    });
    const digests = (anchored: boolean) => new Set(Array.from({ length: 20 }, (_, version) => chunkedRowsDigest(versioned(version, anchored), 'scope').digest));
    expect(digests(false).size, 'chunks ended by the identities move with them').toBeGreaterThan(1);
    expect(digests(true).size).toBe(1);
    expect(planRowAnchor({ slug: 'dan-van-2024', data: {} })).toBe('dan-van-2024');
    expect(planRowAnchor({ plan: 'dan-van-2024', role: 'basis', position: 2, reference: {} })).toBe('dan-van-2024#basis2');
    expect(planRowAnchor({ plan: 'dan-van-2024', position: 0, deadline: {} })).toBe('dan-van-2024#0');
  });

  it("keys the catalog's rows by identities that follow a plan's edit and anchors that do not", () => {
    const content = seedContent();
    const [first, ...rest] = content.plans;
    const before = buildCatalog(content);
    const after = buildCatalog({ ...content, plans: [{ ...first!, data: { ...first!.data, summary: `${first!.data.summary} (sửa)` } }, ...rest] });
    // The tables keyed this way: plans, deadlines, targets, citations (one anchor per item in each).
    const tables = (catalog: typeof before) => [catalog.plans, catalog.deadlines, catalog.targets, catalog.citations] as readonly (readonly object[])[];
    const keys = (catalog: typeof before) => {
      const { identity, anchor, anchorHash } = catalogRowKeys(catalog);
      return tables(catalog).flatMap((items) => {
        expect(new Set(items.map(anchor)).size, 'an anchor per plan, role and place').toBe(items.length);
        return items.map((item) => {
          expect(anchorHash(item), anchor(item)).toBe(chunkHash(anchor(item)));
          return { plan: 'slug' in item ? (item as { slug: string }).slug : (item as { plan: string }).plan, identity: identity(item), anchor: anchor(item) };
        });
      });
    };
    const [was, now] = [keys(before), keys(after)];
    expect(was.filter((k) => k.plan === first!.slug).length, "the edited plan's rows").toBeGreaterThan(1);
    expect(now.map((k) => k.anchor)).toEqual(was.map((k) => k.anchor));
    for (const [i, key] of now.entries()) {
      expect(key.identity, key.anchor).toMatch(/^[PR]/);
      if (key.plan === first!.slug) expect(key.identity, key.anchor).not.toBe(was[i]!.identity);
      else expect(key.identity, key.anchor).toBe(was[i]!.identity);
    }
  });

  it('builds and serializes again only the chunks an edit or an addition touched', () => {
    const memo = `test-${randomUUID()}`;
    const list = items(20_000);
    const first = chunkedRowsDigest(source(list), 'scope', memo);
    expect(first.chunks).toBeGreaterThan(20);
    expect(first.serialized).toBe(first.chunks);

    const built = { rows: 0 };
    const again = chunkedRowsDigest(source(list, built), 'scope', memo);
    expect(again).toEqual({ ...first, serialized: 0 });
    expect(built.rows, 'no row is built when every chunk is kept').toBe(0);

    const edited = list.map((item, i) => (i === 12_345 ? { ...item, text: 'Đã sửa' } : item));
    const afterEdit = chunkedRowsDigest(source(edited, built), 'scope', memo);
    expect(afterEdit.digest).not.toBe(first.digest);
    expect(afterEdit.serialized, 'the edited item ends a chunk or not: one or two chunks').toBeLessThanOrEqual(2);
    expect(built.rows).toBeLessThanOrEqual(2 * MAX_CHUNK_ROWS);

    // Chunks end where an identity says so, not at fixed positions: an item added first does not shift them.
    const added = chunkedRowsDigest(source([{ id: 'moi', text: 'Việc mới' }, ...edited]), 'scope', memo);
    expect(added.serialized).toBeLessThanOrEqual(2);
  });

  it('serializes everything again when the scope changes, and keeps only the last call’s chunks', () => {
    const memo = `test-${randomUUID()}`;
    const list = items(3000);
    chunkedRowsDigest(source(list), 'scope', memo);
    const other = chunkedRowsDigest(source(list), 'another scope', memo);
    expect(other.serialized).toBe(other.chunks);
    // The chunks of the first scope are no longer kept.
    expect(chunkedRowsDigest(source(list), 'scope', memo).serialized).toBe(other.chunks);
  });

  it('serializes a chunk holding an item without identity on every call', () => {
    const memo = `test-${randomUUID()}`;
    const list = items(3000);
    const unknown = { ...source(list), identity: (item: Item) => (item.id === 'k10' ? undefined : `${item.id}:${item.text}`) };
    chunkedRowsDigest(unknown, 'scope', memo);
    const again = chunkedRowsDigest(unknown, 'scope', memo);
    expect(again.serialized).toBe(1);
    expect(again.digest).toBe(cold(list));
  });

  it('ends chunks at CHUNK_ROWS items on average and never past MAX_CHUNK_ROWS', () => {
    const { chunks } = chunkedRowsDigest(source(items(100_000)), 'scope');
    expect(chunks).toBeGreaterThan(100_000 / CHUNK_ROWS / 2);
    expect(chunks).toBeLessThan((100_000 / CHUNK_ROWS) * 2);
    const sameIdentity = { ...source(items(10_000)), identity: () => 'một' };
    expect(chunkedRowsDigest(sameIdentity, 'scope').chunks).toBeGreaterThanOrEqual(10_000 / MAX_CHUNK_ROWS);
  });

  it('tells rows apart, and an empty table from a table of one empty row', () => {
    expect(cold(items(10))).not.toBe(cold(items(10, 'x')));
    expect(cold([])).not.toBe(chunkedRowsDigest({ items: [1], identity: () => '1', row: () => ({}) }, 'scope').digest);
  });
});
