import { planSchema } from '../../../src/schemas/plan';
import { agencySchema } from '../../../src/schemas/agency';
import { documentSchema } from '../../../src/schemas/document';
import { reportSchema } from '../../../src/schemas/report';
import { buildCatalog, type Catalog } from '../../../src/lib/catalog/build';

/** A minimal valid plan for small hand-made catalogs; `fields` override the defaults. */
export function fixturePlan(slug: string, fields: Record<string, unknown> = {}) {
  return {
    slug,
    data: planSchema.parse({
      title: `Kế hoạch ${slug}`,
      issuer: 'co-quan-a',
      place: 'Tây Ninh',
      year: 2024,
      topics: ['Chủ đề thử'],
      summary: 'Tóm tắt.',
      signer: { title: 'GIÁM ĐỐC' },
      source: { file: `${slug}.txt`, sha256: '0'.repeat(64) },
      ...fields,
    }),
  };
}

export function fixtureAgency(id: string, fields: Record<string, unknown> = {}) {
  return { id, data: agencySchema.parse({ name: `Cơ quan ${id}`, shortName: id, level: 'sở', ...fields }) };
}

export function fixtureDocument(id: string, fields: Record<string, unknown> = {}) {
  return { id, data: documentSchema.parse({ type: 'Kế hoạch', number: `${id}/KH-UBND`, year: 2024, issuer: 'Ủy ban nhân dân tỉnh', ...fields }) };
}

/** A reference from a plan to registry document `id`. */
export function ref(id: string) {
  return { type: 'Kế hoạch', number: `${id}/KH-UBND`, document: id };
}

/** A minimal valid results report on `plans`; `fields` override the defaults. */
export function fixtureReport(slug: string, plans: string[], fields: Record<string, unknown> = {}) {
  return {
    slug,
    data: reportSchema.parse({
      title: `Kết quả ${slug}`,
      issuer: 'co-quan-a',
      place: 'Tây Ninh',
      issuedOn: '2024-12-01',
      year: 2024,
      plans,
      period: { kind: 'năm', from: '2024-01-01', to: '2024-12-31' },
      summary: 'Tóm tắt.',
      signer: { title: 'GIÁM ĐỐC' },
      source: { file: `${slug}.txt`, sha256: '0'.repeat(64) },
      ...fields,
    }),
  };
}

export function fixtureCatalog(input: {
  plans?: ReturnType<typeof fixturePlan>[];
  agencies?: ReturnType<typeof fixtureAgency>[];
  documents?: ReturnType<typeof fixtureDocument>[];
  reports?: ReturnType<typeof fixtureReport>[];
}): Catalog {
  return buildCatalog({
    plans: input.plans ?? [],
    agencies: input.agencies ?? [fixtureAgency('co-quan-a')],
    documents: input.documents ?? [],
    reports: input.reports ?? [],
  });
}
