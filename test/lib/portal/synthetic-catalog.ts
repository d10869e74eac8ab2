import { buildCatalog, type Catalog, type PlanEntry } from '../../../src/lib/catalog/build';
import { seedContent } from './seed-catalog';

const shiftYear = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4).replace('-02-29', '-02-28')}`;

/**
 * `count` plans cloned from the real ones, spread over 11 years, each with its own slug and title
 * and all its deadlines, targets, references and assignments: what a portal of that size would
 * hand the catalog.
 */
export function syntheticPlans(count: number): PlanEntry[] {
  const real = seedContent().plans;
  return Array.from({ length: count }, (_, i) => {
    const { slug, data } = real[i % real.length]!;
    const shift = -(Math.floor(i / real.length) % 11);
    return {
      slug: `${slug}-thu-${i + 1}`,
      data: {
        ...data,
        title: `${data.title} (bản thử ${i + 1})`,
        year: data.year + shift,
        issuedOn: data.issuedOn ? shiftYear(data.issuedOn, shift) : null,
        deadlines: data.deadlines.map((d) => ({ ...d, date: shiftYear(d.date, shift) })),
      },
    };
  });
}

/** The catalog of `count` synthetic plans over the real agency and document registries. */
export function syntheticCatalog(count: number): Catalog {
  const { agencies, documents } = seedContent();
  return buildCatalog({ plans: syntheticPlans(count), agencies, documents });
}
