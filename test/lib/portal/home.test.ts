import { describe, expect, it } from 'vitest';
import { HOME_PLAN_COUNT, homePage } from '../../../src/lib/portal/home';
import { seedCatalog } from './seed-catalog';
import { syntheticCatalog } from './synthetic-catalog';

describe('homePage', () => {
  it('shows every seed plan while there are fewer than the cap, newest first', () => {
    const catalog = seedCatalog();
    expect(catalog.plans.length).toBeLessThan(HOME_PLAN_COUNT);
    const home = homePage(catalog);
    expect(home.latest.map((c) => c.slug)).toEqual(catalog.plans.map((p) => p.slug));
    expect(home.total).toBe(catalog.plans.length);
    const dates = home.deadlines.map((r) => r.deadline.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.at(-1)).toBe(catalog.deadlines.at(-1)!.deadline.date);
  });

  it('shows only the newest plans past the cap', () => {
    const catalog = syntheticCatalog(HOME_PLAN_COUNT * 3);
    const home = homePage(catalog);
    expect(home.latest).toHaveLength(HOME_PLAN_COUNT);
    expect(home.total).toBe(HOME_PLAN_COUNT * 3);
    expect(home.latest.map((c) => c.slug)).toEqual(catalog.plans.slice(0, HOME_PLAN_COUNT).map((p) => p.slug));
  });
});
