import { describe, expect, it } from 'vitest';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { syntheticCatalog } from '../portal/synthetic-catalog';
import { ctx, openData, PREFIX } from './real-content';

const dcat = JSON.parse(openData.text('api/v1/catalog.jsonld'));

describe('catalog.jsonld (DCAT-AP 3)', () => {
  it('is a dcat:Catalog with title, description, publisher, licence, language and a content-derived modified', () => {
    expect(dcat['@type']).toBe('dcat:Catalog');
    expect(dcat['@id']).toBe(`${PREFIX}api/v1/catalog.jsonld`);
    expect(dcat['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    for (const key of ['dct:title', 'dct:description']) expect(dcat[key]).toMatchObject({ '@language': 'vi' });
    expect(dcat['dct:publisher']['@type']).toBe('foaf:Agent');
    expect(dcat['dct:license']['@id']).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
    expect(dcat['dct:modified']).toEqual({ '@value': openData.modified, '@type': 'xsd:date' });
  });

  it('describes every dataset, and every file of an ordinary dataset as a distribution with its real size and checksum', () => {
    expect(dcat['dcat:dataset'].map((d: any) => d['dct:identifier'])).toEqual(openData.datasets.map((d) => d.id));
    for (const [i, dataset] of dcat['dcat:dataset'].entries()) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      expect(dataset['dct:title']['@value']).toBeTruthy();
      expect(dataset['dct:description']['@value']).toBeTruthy();
      if (openData.datasets[i]!.collection) continue;
      const files = openData.datasets[i]!.files;
      expect(dataset['dcat:distribution']).toHaveLength(files.length);
      dataset['dcat:distribution'].forEach((dist: any, j: number) => {
        const file = files[j]!;
        const rendered = openData.file(file.path);
        expect(dist['@type']).toBe('dcat:Distribution');
        expect(dist['dcat:accessURL']['@id']).toBe(`${PREFIX}${file.path}`);
        expect(dist['dcat:downloadURL']['@id']).toBe(`${PREFIX}${file.path}`);
        expect(dist['dcat:mediaType']['@id']).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\/(text|application)\/[a-z+.-]+$/);
        expect(dist['dcat:byteSize']['@value']).toBe(String(rendered.bytes));
        expect(dist['spdx:checksum']['spdx:checksumValue']['@value']).toBe(rendered.sha256);
        if (file.schema) expect(dist['dct:conformsTo']['@id']).toBe(`${PREFIX}${file.schema}`);
      });
    }
  });

  it('gives a dataset of one file per plan or agency one distribution: the index as access URL, the count, the URL pattern, the total size', () => {
    const collections = openData.datasets.filter((d) => d.collection);
    expect(collections.map((d) => d.id)).toEqual(['plan-records', 'agency-calendars']);
    for (const source of collections) {
      const dataset = dcat['dcat:dataset'].find((d: any) => d['dct:identifier'] === source.id);
      expect(dataset['dcat:distribution']).toHaveLength(1);
      const [dist] = dataset['dcat:distribution'];
      expect(dist['@type']).toBe('dcat:Distribution');
      expect(dist['dcat:accessURL']['@id']).toBe(`${PREFIX}${source.collection!.index}`);
      expect(dist['dcat:downloadURL']).toBeUndefined();
      expect(dist['dcat:mediaType']['@id']).toBe(`http://www.iana.org/assignments/media-types/${source.collection!.format === 'JSON' ? 'application/json' : 'text/calendar'}`);
      expect(dist['dcat:byteSize']['@value']).toBe(String(source.files.reduce((sum, f) => sum + openData.file(f.path).bytes, 0)));
      const description = dist['dct:description']['@value'];
      expect(description).toContain(`${source.files.length} tệp`);
      expect(description).toContain(`${PREFIX}${source.collection!.pattern}`);
      expect(description).toContain(`trường ${source.collection!.urlField}`);
      expect(description).toContain(`${PREFIX}api/v1/SHA256SUMS`);
    }
    const plans = dcat['dcat:dataset'].find((d: any) => d['dct:identifier'] === 'plan-records')['dcat:distribution'][0];
    expect(plans['dcat:accessURL']['@id']).toBe(`${PREFIX}api/v1/plans.json`);
    expect(plans['dct:conformsTo']['@id']).toBe(`${PREFIX}api/v1/schema/plan.json`);
    expect(plans['dct:description']['@value']).toContain(`${PREFIX}api/v1/plans/{slug}.json`);
    // No distribution names a single plan's file.
    expect(openData.text('api/v1/catalog.jsonld')).not.toContain('api/v1/plans/' + openData.catalog.plans[0]!.slug);
  });

  it('does not grow with the number of plans', async () => {
    const many = createOpenData(syntheticCatalog(200), ctx);
    const big = JSON.parse(many.text('api/v1/catalog.jsonld'));
    const count = (c: any) => c['dcat:dataset'].reduce((n: number, d: any) => n + d['dcat:distribution'].length, 0);
    expect(count(big)).toBe(count(dcat));
    expect(many.file('api/v1/catalog.jsonld').bytes - openData.file('api/v1/catalog.jsonld').bytes).toBeLessThan(500);
  });

  it('dates each dataset from the plans it draws on, never later than the catalog', () => {
    for (const dataset of dcat['dcat:dataset']) {
      if (dataset['dct:modified']) expect(dataset['dct:modified']['@value'] <= openData.modified!).toBe(true);
    }
  });
});
