/** reports.json|csv and results.json|csv, from the fixture tree with two made-up reports. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { jsonSchemaFor } from '../../../src/lib/opendata/json-schema';
import { dataPackage } from '../../../src/lib/opendata/datapackage';
import { atomFeed, jsonFeed } from '../../../src/lib/opendata/feeds';
import type { PublishContext } from '../../../src/lib/opendata/context';

const dir = fileURLToPath(new URL('../../fixtures/content/with-report/', import.meta.url));
const catalog = buildCatalog(loadContent(dir, { baseDir: dir }));
const ctx: PublishContext = { site: 'https://cong.example.gov.vn', base: '/' };
const openData = createOpenData(catalog, ctx);
const json = (path: string) => JSON.parse(openData.text(path));

describe('results open data', () => {
  it('publishes one row per target result, keyed to targets.json ids, and every report', () => {
    const results = json('api/v1/results.json');
    expect(results.count).toBe(5);
    const targetIds = new Set(json('api/v1/targets.json').items.map((t: { id: string }) => t.id));
    for (const row of results.items) expect(targetIds.has(row.target)).toBe(true);
    expect(results.items[0]).toMatchObject({
      id: 'bao-cao-nam-mau#1',
      report: 'bao-cao-nam-mau',
      plan: 'ke-hoach-mau',
      target: 'ke-hoach-mau#1',
      promised: 100,
      value: 100,
      unit: '%',
      status: 'đạt',
      url: 'https://cong.example.gov.vn/bao-cao/bao-cao-nam-mau/#ket-qua-1',
    });
    const reports = json('api/v1/reports.json');
    expect(reports.items.map((r: { slug: string; metCount: number; fulfils: string[]; period: string }) => [r.slug, r.metCount, r.fulfils, r.period])).toEqual([
      ['bao-cao-nam-mau', 3, ['ke-hoach-mau#2'], 'năm 2024'],
      ['bao-cao-6-thang-mau', 0, ['ke-hoach-mau#1'], '6 tháng đầu năm 2024'],
    ]);
  });

  it('validates against the published JSON Schemas, and the CSV has the same rows', () => {
    for (const name of ['reports', 'results'] as const) {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(jsonSchemaFor(name, ctx));
      expect(validate(json(`api/v1/${name}.json`)), JSON.stringify(validate.errors)).toBe(true);
      const rows = parse(openData.text(`api/v1/${name}.csv`), { bom: true, columns: true });
      expect(rows.length).toBe(json(`api/v1/${name}.json`).count);
    }
  });

  it('describes both tables in datapackage.json with foreign keys to reports, plans and targets', () => {
    const resources = dataPackage(openData).resources;
    const results = resources.find((r) => r.name === 'results')!;
    expect(results.schema.primaryKey).toEqual(['id']);
    expect(results.schema.foreignKeys).toEqual([
      { fields: ['report'], reference: { resource: 'reports', fields: ['slug'] } },
      { fields: ['plan'], reference: { resource: 'plans', fields: ['slug'] } },
      { fields: ['target'], reference: { resource: 'targets', fields: ['id'] } },
    ]);
    expect(resources.find((r) => r.name === 'reports')!.schema.foreignKeys).toEqual([{ fields: ['issuer'], reference: { resource: 'agencies', fields: ['id'] } }]);
    expect(openData.datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['reports', 'results']));
  });

  it('announces new reports in both feeds, newest first among the plans', () => {
    const feed = JSON.parse(jsonFeed(catalog, ctx));
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual([
      'https://cong.example.gov.vn/bao-cao/bao-cao-nam-mau/',
      'https://cong.example.gov.vn/bao-cao/bao-cao-6-thang-mau/',
      'https://cong.example.gov.vn/ke-hoach/ke-hoach-mau/',
    ]);
    expect(feed.items[0].title).toBe('Báo cáo 245/BC-UBND: Kết quả thực hiện công tác dân vận chính quyền năm 2024');
    expect(feed.items[0].summary.startsWith('Đạt 3/3 chỉ tiêu năm 2024. ')).toBe(true);
    expect(atomFeed(catalog, ctx)).toContain('<id>https://cong.example.gov.vn/bao-cao/bao-cao-nam-mau/</id>');
  });
});
