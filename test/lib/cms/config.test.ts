import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsBackendFromEnv, cmsConfig } from '../../../src/lib/cms/config';
import { cmsFields, type CmsField } from '../../../src/lib/cms/fields';
import { planLabels } from '../../../src/lib/cms/labels';
import { planObjectSchema as planSchema } from '../../../src/schemas/plan';
import { agencySchema } from '../../../src/schemas/agency';
import { documentSchema } from '../../../src/schemas/document';
import { agencyId, isoDate, nfcText } from '../../../src/schemas/common';

const config = cmsConfig({ backend: cmsBackendFromEnv({}), localBackendUrl: 'http://127.0.0.1:8081/api/v1', siteUrl: 'https://ke-hoach.example.gov.vn', basePath: '/' });
const collections = config.collections as { name: string; fields: CmsField[]; folder: string; path?: string }[];
const byName = (fields: readonly CmsField[], name: string) => fields.find((f) => f.name === name)!;
const plans = collections.find((c) => c.name === 'plans')!;

describe('cmsConfig', () => {
  it('has one form field per schema key for each collection, plus the body for plans', () => {
    const expected = { plans: [...Object.keys(planSchema.shape), 'body'], agencies: Object.keys(agencySchema.shape), documents: Object.keys(documentSchema.shape) };
    for (const c of collections) expect(c.fields.map((f) => f.name)).toEqual(expected[c.name as keyof typeof expected]);
  });

  it('writes plans where the site reads them: content/plans/{year}/{slug}.mdx', () => {
    expect(plans.folder).toBe('content/plans');
    expect(plans.path).toBe('{{fields.year}}/{{slug}}');
  });

  it('marks required and optional fields as the schema does', () => {
    expect(byName(plans.fields, 'title').required).toBeUndefined();
    expect(byName(plans.fields, 'number').required).toBe(false);
    expect(byName(plans.fields, 'issuedOn').required).toBe(false);
    expect(byName(plans.fields, 'summary').required).toBeUndefined();
  });

  it('turns schema rules into widgets: patterns with their Vietnamese messages, enums, bounds, dates, registries', () => {
    expect(byName(plans.fields, 'number').pattern).toEqual(['^\\d+$', 'số văn bản chỉ gồm chữ số, ví dụ "859"']);
    expect(byName(plans.fields, 'status')).toMatchObject({ widget: 'select', options: ['ban hành', 'dự thảo'] });
    expect(byName(plans.fields, 'year')).toMatchObject({ widget: 'number', value_type: 'int', min: 1945, max: new Date().getFullYear() + 20 });
    expect(byName(plans.fields, 'issuedOn')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(byName(plans.fields, 'issuer')).toMatchObject({ widget: 'relation', collection: 'agencies', value_field: '{{slug}}' });
    const basis = byName(plans.fields, 'basis');
    expect(basis.widget).toBe('list');
    expect(byName(basis.fields!, 'document')).toMatchObject({ widget: 'relation', collection: 'documents' });
    expect(byName(byName(plans.fields, 'deadlines').fields!, 'date').widget).toBe('datetime');
    expect(byName(plans.fields, 'topics')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
    const agencies = collections.find((c) => c.name === 'agencies')!;
    expect(byName(agencies.fields, 'website').pattern?.[0]).toBe('^https?://\\S+$');
  });

  it('is in Vietnamese and uses the editorial workflow', () => {
    expect(config.locale).toBe('vi');
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(collections.map((c) => (c as unknown as { label: string }).label)).toEqual(['Kế hoạch', 'Cơ quan, đơn vị', 'Văn bản được dẫn chiếu']);
  });

  it('points a self-hosted Gitea, Forgejo or GitLab at its API', () => {
    const gitlab = cmsConfig({ backend: cmsBackendFromEnv({ CMS_BACKEND: 'gitlab', CMS_BASE_URL: 'https://git.tinh.gov.vn/', CMS_APP_ID: 'abc' }), localBackendUrl: '', siteUrl: 'https://x', basePath: '/' });
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', api_root: 'https://git.tinh.gov.vn/api/v4', auth_type: 'pkce', app_id: 'abc' });
    const forgejo = cmsConfig({ backend: cmsBackendFromEnv({ CMS_BACKEND: 'forgejo', CMS_BASE_URL: 'https://git.tinh.gov.vn' }), localBackendUrl: '', siteUrl: 'https://x', basePath: '/' });
    expect(forgejo.backend).toMatchObject({ name: 'forgejo', api_root: 'https://git.tinh.gov.vn/api/v1' });
    expect(() => cmsBackendFromEnv({ CMS_BACKEND: 'bitbucket' })).toThrow(/CMS_BACKEND/);
  });
});

describe('cmsFields', () => {
  it('refuses a schema field that has no Vietnamese label, so the form cannot drift from the schema', () => {
    const extended = planSchema.extend({ budget: z.number().nullable() });
    expect(() => cmsFields(extended, planLabels)).toThrow('no Vietnamese label for field "budget"');
  });

  it('handles nested objects, lists of text and defaults', () => {
    const schema = z.object({ a: nfcText, b: z.array(nfcText).default([]), c: z.object({ d: isoDate.nullable().default(null), e: agencyId }) });
    const fields = cmsFields(schema, { a: { label: 'A' }, b: { label: 'B' }, c: { label: 'C' }, 'c.d': { label: 'D' }, 'c.e': { label: 'E' } });
    expect(fields).toMatchObject([
      { name: 'a', widget: 'string' },
      { name: 'b', widget: 'list', required: false, field: { widget: 'string', label: 'B' } },
      { name: 'c', widget: 'object', fields: [{ name: 'd', widget: 'datetime', required: false }, { name: 'e', widget: 'relation' }] },
    ]);
  });
});
