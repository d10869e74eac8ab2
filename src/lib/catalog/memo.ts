import type { Catalog } from './build';

/**
 * `make`, once per catalog and id: for what several routes, keys and pages read of one agency or
 * document. A catalog is never changed once built (an edit builds a new one), so the results hold
 * for its life and go with it.
 * @example const listsOf = perCatalogAndId((catalog, id) => expensiveLists(catalog, id));
 */
export function perCatalogAndId<T>(make: (catalog: Catalog, id: string) => T): (catalog: Catalog, id: string) => T {
  const made = new WeakMap<Catalog, Map<string, T>>();
  return (catalog, id) => {
    let byId = made.get(catalog);
    if (!byId) made.set(catalog, (byId = new Map()));
    if (!byId.has(id)) byId.set(id, make(catalog, id));
    return byId.get(id)!;
  };
}
