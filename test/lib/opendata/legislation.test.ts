import { describe, expect, it } from 'vitest';
import { planLegislationJsonLd } from '../../../src/lib/opendata/legislation';
import { toScriptJson } from '../../../src/lib/opendata/json';
import { formatPlanNumber } from '../../../src/lib/catalog/plan-number';
import { catalog, ctx, PREFIX } from './real-content';

describe('schema.org Legislation of a plan', () => {
  it.each(catalog.plans.map((p) => [p.slug, p] as const))('%s', (_, plan) => {
    const ld = planLegislationJsonLd(catalog, plan, ctx);
    const url = `${PREFIX}ke-hoach/${plan.slug}/`;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      legislationIdentifier: formatPlanNumber(plan.data) ?? url,
      legislationType: plan.data.docType,
      legislationPassedBy: { name: catalog.agencies.get(plan.data.issuer)!.data.name },
      inLanguage: 'vi',
      url,
    });
    expect(ld.legislationJurisdiction.name).toBeTruthy();
    if (plan.data.issuedOn) expect(ld.legislationDate).toBe(plan.data.issuedOn);
    else expect(ld).not.toHaveProperty('legislationDate');
    const refs = [...plan.data.basis, ...plan.data.citations];
    expect(ld.citation.map((c) => c.url)).toEqual(refs.map((r) => `${PREFIX}van-ban/${r.document}/`));
    expect(ld.citation.map((c) => c.legislationIdentifier)).toEqual(refs.map((r) => catalog.documents.get(r.document)?.data.number ?? r.number));
  });

  it('serializes for a <script> element without a way to close it', () => {
    const json = toScriptJson({ name: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script> & \u2028');
  });
});
