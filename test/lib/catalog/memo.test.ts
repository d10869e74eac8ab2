import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog';
import { perCatalogAndId } from '../../../src/lib/catalog/memo';

const empty = () => buildCatalog({ plans: [], agencies: [], documents: [] });

describe('perCatalogAndId', () => {
  it('makes a value once per catalog and id, and again for another catalog', () => {
    const calls: string[] = [];
    const of = perCatalogAndId((_catalog, id) => {
      calls.push(id);
      return { id };
    });
    const [a, b] = [empty(), empty()];
    const first = of(a, 'x');
    expect(of(a, 'x')).toBe(first);
    expect(of(a, 'y')).toEqual({ id: 'y' });
    expect(of(b, 'x')).not.toBe(first);
    expect(calls).toEqual(['x', 'y', 'x']);
  });

  it('keeps a value that is undefined instead of making it again', () => {
    let calls = 0;
    const of = perCatalogAndId(() => {
      calls++;
      return undefined;
    });
    const catalog = empty();
    of(catalog, 'x');
    of(catalog, 'x');
    expect(calls).toBe(1);
  });
});
