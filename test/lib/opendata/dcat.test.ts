import { describe, expect, it } from 'vitest';
import { openData, PREFIX } from './real-content';

const dcat = JSON.parse(openData.file('api/v1/catalog.jsonld').body);

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

  it('describes every dataset, and every dataset file as a distribution with its real size and checksum', () => {
    expect(dcat['dcat:dataset'].map((d: any) => d['dct:identifier'])).toEqual(openData.datasets.map((d) => d.id));
    for (const [i, dataset] of dcat['dcat:dataset'].entries()) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      expect(dataset['dct:title']['@value']).toBeTruthy();
      expect(dataset['dct:description']['@value']).toBeTruthy();
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

  it('dates each dataset from the plans it draws on, never later than the catalog', () => {
    for (const dataset of dcat['dcat:dataset']) {
      if (dataset['dct:modified']) expect(dataset['dct:modified']['@value'] <= openData.modified!).toBe(true);
    }
  });
});
