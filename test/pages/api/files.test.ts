/**
 * The open data as built: every file validates, parses and agrees with the others, and the files
 * the endpoints wrote are exactly what the lib renders from the same content.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ical, { type VEvent } from 'node-ical';
import { XMLValidator } from 'fast-xml-parser';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { parseSha256Sums } from '../../../src/lib/opendata/checksums';
import { builtContext, decodeEntities, dist, distPath, listDist, readDist, readDistJson, root, sitePathOf } from '../../support/built-site';

const apiFiles = listDist('api/v1');
const tables = ['plans', 'targets', 'deadlines', 'citations', 'agencies', 'documents'];

describe('built open data', () => {
  it('is there', () => {
    expect(apiFiles.length).toBeGreaterThan(20);
  });

  it('is exactly what the lib renders from content/ (endpoints are thin)', async () => {
    const openData = createOpenData(buildCatalog(loadContent(join(root, 'content'))), builtContext());
    const published = openData.allFiles().map((f) => f.path);
    expect(apiFiles.filter((p) => p !== 'api/v1/SHA256SUMS')).toEqual(published.filter((p) => p.startsWith('api/v1/')).sort());
    for (const path of published) {
      const { body } = openData.file(path);
      if (typeof body === 'string') expect(readDist(path), path).toBe(body);
      else expect(readFileSync(distPath(path)).equals(body), path).toBe(true);
    }
  });

  describe('JSON files validate against the schema they name', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schemaFiles = apiFiles.filter((p) => p.startsWith('api/v1/schema/'));
    for (const path of schemaFiles) ajv.addSchema(readDistJson(path));

    it('publishes a strict draft 2020-12 schema whose $id is its own URL', () => {
      expect(schemaFiles.length).toBeGreaterThanOrEqual(7);
      for (const path of schemaFiles) {
        const schema = readDistJson(path);
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(sitePathOf(schema.$id)).toBe(path);
      }
    });

    const dataFiles = apiFiles.filter((p) => p.endsWith('.json') && !p.startsWith('api/v1/schema/') && p !== 'api/v1/datapackage.json');
    it.each(dataFiles)('%s', (path) => {
      const data = readDistJson(path);
      expect(typeof data.$schema, 'names its schema').toBe('string');
      const validate = ajv.getSchema(data.$schema);
      expect(validate, `schema ${data.$schema} is published`).toBeDefined();
      expect(validate!(data), JSON.stringify(validate!.errors)).toBe(true);
    });
  });

  describe.each(tables)('%s.csv', (name) => {
    it('starts with the BOM and parses back to the rows of %s.json', () => {
      const csv = readDist(`api/v1/${name}.csv`);
      const json = readDistJson(`api/v1/${name}.json`);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const fields = readDistJson('api/v1/datapackage.json').resources.find((r: any) => r.name === name).schema.fields;
      const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(Object.keys(records[0] ?? {})).toEqual(fields.map((f: any) => f.name));
      expect(records).toHaveLength(json.items.length);
      records.forEach((record, i) => {
        for (const field of fields) {
          const value = json.items[i][field.name];
          const cell = record[field.name]!;
          const expected = value === null ? '' : Array.isArray(value) ? value.join(field.delimiter) : String(value);
          expect(cell, `${name}[${i}].${field.name}`).toBe(expected);
        }
      });
    });
  });

  describe('iCalendar', () => {
    const events = (path: string) => Object.values(ical.sync.parseICS(readDist(path))).filter((c): c is VEvent => c?.type === 'VEVENT');
    const localIso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const deadlines = readDistJson('api/v1/deadlines.json').items as any[];

    it('deadlines.ics has one all-day VEVENT per row of deadlines.json, on its due date', () => {
      const parsed = events('api/v1/deadlines.ics');
      expect(parsed).toHaveLength(deadlines.length);
      const byUid = new Map(parsed.map((e) => [e.uid, e]));
      const host = new URL(builtContext().site).hostname;
      for (const row of deadlines) {
        const event = byUid.get(`${row.plan}-${row.position}@${host}`);
        expect(event, row.id).toBeDefined();
        expect(event!.datetype).toBe('date');
        expect(localIso(event!.start)).toBe(row.dueDate);
        expect(event!.summary).toContain(row.task);
      }
    });

    it('has one calendar per agency that owns deadlines, holding exactly its deadlines', () => {
      const agencies = readDistJson('api/v1/agencies.json').items as any[];
      const withCalendar = agencies.filter((a) => a.calendarUrl);
      expect(apiFiles.filter((p) => p.startsWith('api/v1/deadlines/')).sort()).toEqual(withCalendar.map((a) => sitePathOf(a.calendarUrl)).sort());
      for (const agency of withCalendar) {
        const parsed = events(sitePathOf(agency.calendarUrl));
        expect(parsed).toHaveLength(deadlines.filter((d) => d.owner === agency.id).length);
        expect(parsed).toHaveLength(agency.deadlineCount);
      }
    });
  });

  describe('feeds', () => {
    const plans = readDistJson('api/v1/plans.json').items as any[];

    it('feed.xml is well-formed Atom with one entry per plan, newest first', () => {
      const xml = readDist('feed.xml');
      expect(XMLValidator.validate(xml)).toBe(true);
      const ids = [...xml.matchAll(/<entry>\s*<title[^>]*>[\s\S]*?<\/title>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
      expect(ids).toEqual(plans.map((p) => p.url));
    });

    it('feed.json is JSON Feed 1.1 with the same items', () => {
      const feed = readDistJson('feed.json');
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.items.map((i: any) => i.id)).toEqual(plans.map((p) => p.url));
    });
  });

  it('SHA256SUMS lists every other file under api/v1 with its real hash', () => {
    const entries = parseSha256Sums(readDist('api/v1/SHA256SUMS'));
    expect(entries.map((e) => `api/v1/${e.path}`).sort()).toEqual(apiFiles.filter((p) => p !== 'api/v1/SHA256SUMS'));
    for (const entry of entries) {
      const hash = createHash('sha256').update(readFileSync(distPath(`api/v1/${entry.path}`))).digest('hex');
      expect(hash, entry.path).toBe(entry.sha256);
    }
  });

  it('the DCAT catalog and datapackage.json give every file, or every collection of files, its real size', () => {
    const dcat = readDistJson('api/v1/catalog.jsonld');
    const folderBytes = (folder: string) => listDist(folder).reduce((sum, p) => sum + statSync(distPath(p)).size, 0);
    for (const dataset of dcat['dcat:dataset']) {
      for (const dist of dataset['dcat:distribution']) {
        if (dist['dcat:downloadURL']) {
          const path = sitePathOf(dist['dcat:downloadURL']['@id']);
          expect(Number(dist['dcat:byteSize']['@value']), path).toBe(statSync(distPath(path)).size);
        } else {
          // A collection: one file per plan (api/v1/plans/) or per agency (api/v1/deadlines/).
          const folder = { 'plan-records': 'api/v1/plans', 'agency-calendars': 'api/v1/deadlines' }[dataset['dct:identifier'] as string]!;
          expect(Number(dist['dcat:byteSize']['@value']), folder).toBe(folderBytes(folder));
          expect(dist['dct:description']['@value']).toContain(`${listDist(folder).length} tệp`);
        }
      }
    }
    for (const resource of readDistJson('api/v1/datapackage.json').resources) {
      expect(resource.bytes, resource.path).toBe(statSync(distPath(`api/v1/${resource.path}`)).size);
    }
  });

  it('/du-lieu-mo/ lists every data file with its size on disk, or its collection with the count, total size and URL pattern', () => {
    const html = readDist('du-lieu-mo/index.html');
    const listed = [...html.matchAll(/data-file="([^"]+)" data-bytes="(\d+)"/g)].map((m) => ({ href: m[1]!, bytes: Number(m[2]) }));
    const base = builtContext().base;
    for (const { href, bytes } of listed) expect(bytes, href).toBe(statSync(join(dist, href.slice(base.length))).size);
    const collections = [...html.matchAll(/data-collection="([^"]+)" data-count="(\d+)" data-bytes="(\d+)" data-pattern="([^"]+)"/g)].map((m) => ({
      id: m[1]!,
      count: Number(m[2]),
      bytes: Number(m[3]),
      pattern: decodeEntities(m[4]!),
    }));
    expect(collections.map((c) => c.id)).toEqual(['plan-records', 'agency-calendars']);
    const members = new Set<string>();
    for (const collection of collections) {
      // Every file the pattern can name is in the collection's folder, and the folder holds nothing else.
      const pattern = sitePathOf(collection.pattern.replace(/\{[a-z]+\}/, 'X'));
      const folder = pattern.slice(0, pattern.lastIndexOf('/'));
      const files = listDist(folder);
      const shape = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace('X', '[a-z0-9-]+')}$`);
      expect(files.every((p) => shape.test(p)), folder).toBe(true);
      expect(collection.count, folder).toBe(files.length);
      expect(collection.bytes, folder).toBe(files.reduce((sum, p) => sum + statSync(distPath(p)).size, 0));
      for (const p of files) members.add(p);
    }
    expect(listDist('api/v1/plans')).toHaveLength(readDistJson('api/v1/plans.json').items.length);
    const paths = new Set(listed.map((l) => l.href.slice(base.length)));
    expect([...apiFiles, 'feed.xml', 'feed.json'].filter((p) => !paths.has(p) && !members.has(p))).toEqual([]);
    for (const term of ['Luật Giao dịch điện tử năm 2023', 'Miễn phí', 'không cần đăng ký', 'CC BY 4.0']) expect(html).toContain(term);
  });
});
