import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { planSchema, type Plan } from '../../../src/schemas/plan';
import { site } from '../../../src/site.config';
import { planCardData, portalAddress } from '../../../src/lib/og/card-data';
import { agencyLevelLabel } from '../../../src/lib/agency-level';
import { catalogCardData, cardRouteParam, planCardJobs } from '../../../src/lib/og/plan-cards';
import { cardCacheKey } from '../../../src/lib/og/cards';
import { formatVietnameseDate } from '../../../src/lib/vn/dates';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const content = loadContent(join(root, 'content'));
const catalog = buildCatalog({ plans: content.plans, agencies: content.agencies, documents: content.documents });
const context = { site, siteUrl: 'https://congthongtin.tayninh.gov.vn', base: '/ke-hoach-mo/' };

function fixturePlan(overrides: Record<string, unknown>): Plan {
  return planSchema.parse({
    title: 'Thực hiện công tác dân vận chính quyền năm 2024',
    issuer: 'ubnd-tinh-tay-ninh',
    place: 'Tây Ninh',
    year: 2024,
    topics: ['Dân vận chính quyền'],
    summary: 'Tóm tắt kế hoạch.',
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null },
    source: { file: 'x.txt', sha256: '0'.repeat(64) },
    ...overrides,
  });
}

const cardInput = (plan: Plan) => ({
  plan,
  issuer: catalog.agencies.get(plan.issuer)?.data,
  agencyShortName: (id: string) => catalog.agencies.get(id)?.data.shortName,
  site,
  portal: 'tayninh.gov.vn',
});

describe('planCardData on the real plans', () => {
  it('covers every plan, with the issuer, its level and the portal address', () => {
    expect(catalog.plans.length).toBeGreaterThanOrEqual(3);
    for (const { slug, data } of catalog.plans) {
      const card = catalogCardData(catalog, slug, context);
      const issuer = catalog.agencies.get(data.issuer)!.data;
      expect(card.title).toBe(data.title);
      expect(card.agencyName).toBe(issuer.name);
      expect(card.agencyLevel).toBe(agencyLevelLabel(issuer.level));
      expect(card.portal).toBe('congthongtin.tayninh.gov.vn/ke-hoach-mo');
      expect(card.highlights.length).toBeLessThanOrEqual(3);
      expect(card.theme.primary).toBe(site.colors.primary);
    }
  });

  it('shows up to three measurable targets, value and unit apart, for plans that have them', () => {
    const withTargets = catalog.plans.filter((p) => p.data.targets.some((t) => t.value !== null));
    expect(withTargets.length).toBeGreaterThan(0);
    for (const { slug, data } of withTargets) {
      const card = catalogCardData(catalog, slug, context);
      const measurable = data.targets.filter((t) => t.value !== null).slice(0, 3);
      expect(card.highlightsHeading).toBe('Chỉ tiêu');
      expect(card.highlights.map((h) => [h.value, h.unit])).toEqual(measurable.map((t) => [String(t.value), t.unit]));
      expect(card.highlights.map((h) => h.label)).toEqual(measurable.map((t) => t.indicator ?? expect.any(String)));
    }
  });

  it('shows the first deadlines in date order, with their owners, for plans without targets', () => {
    const withoutTargets = catalog.plans.filter((p) => p.data.targets.length === 0 && p.data.deadlines.length > 0);
    expect(withoutTargets.length).toBeGreaterThan(0);
    for (const { slug, data } of withoutTargets) {
      const card = catalogCardData(catalog, slug, context);
      expect(card.highlightsHeading).toBe('Thời hạn');
      const first = [...data.deadlines].sort((a, b) => a.date.localeCompare(b.date))[0]!;
      expect(card.highlights[0]).toEqual({
        value: formatVietnameseDate(first.date, 'short'),
        unit: null,
        label: first.task,
        note: catalog.agencies.get(first.owner)!.data.shortName,
      });
      const dates = card.highlights.map((h) => h.value!.split('/').reverse().map(Number));
      expect(dates).toEqual([...dates].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
    }
  });

  it('makes one landscape and one square job per plan, routed as {slug} and {slug}-vuong', () => {
    const jobs = planCardJobs(catalog, context);
    expect(jobs).toHaveLength(catalog.plans.length * 2);
    const slug = catalog.plans[0]!.slug;
    expect(cardRouteParam(slug, 'landscape')).toBe(slug);
    expect(cardRouteParam(slug, 'square')).toBe(`${slug}-vuong`);
  });

  it('names each card of a plan in the card cache by its own data, format and base path', () => {
    const keys = planCardJobs(catalog, context).map((job) => cardCacheKey(job.data, job.format));
    expect(new Set(keys).size).toBe(catalog.plans.length * 2);
    const elsewhere = planCardJobs(catalog, { ...context, base: '/' });
    expect(cardCacheKey(elsewhere[0]!.data, elsewhere[0]!.format)).not.toBe(keys[0]);
  });
});

describe('planCardData rules', () => {
  it('prints the số/ký hiệu and the date only when the copy has them', () => {
    const numbered = planCardData(cardInput(fixturePlan({ number: '859', symbol: 'KH-UBND', issuedOn: '2024-03-25' })));
    expect(numbered.number).toBe('859/KH-UBND');
    expect(numbered.date).toBe('25/3/2024');
    const party = planCardData(cardInput(fixturePlan({ number: '110', symbol: 'KH/BDVTU-BCSĐUBND' })));
    expect(party.number).toBe('110-KH/BDVTU-BCSĐUBND');
    const unnumbered = planCardData(cardInput(fixturePlan({ number: null, symbol: 'KH-STTTT' })));
    expect(unnumbered.number).toBeNull();
    expect(unnumbered.date).toBeNull();
  });

  it('drops the leading number from a target without an indicator, since the card shows it big', () => {
    const card = planCardData(
      cardInput(fixturePlan({ targets: [{ text: '100% cán bộ, công chức được học tập, quán triệt', value: 100, unit: '%' }] })),
    );
    expect(card.highlights[0]).toMatchObject({ value: '100', unit: '%', label: 'Cán bộ, công chức được học tập, quán triệt' });
    const decimal = planCardData(cardInput(fixturePlan({ targets: [{ text: 'Đạt 95,5% hồ sơ đúng hạn', value: 95.5, unit: '%' }] })));
    expect(decimal.highlights[0]).toMatchObject({ value: '95,5', label: 'Hồ sơ đúng hạn' });
  });

  it('falls back to qualitative targets, then to the summary alone', () => {
    const qualitative = planCardData(cardInput(fixturePlan({ targets: [{ text: 'Được xếp loại Tốt' }] })));
    expect(qualitative.highlightsHeading).toBe('Mục tiêu');
    expect(qualitative.highlights).toEqual([{ value: null, unit: null, label: 'Được xếp loại Tốt', note: null }]);
    const bare = planCardData(cardInput(fixturePlan({})));
    expect(bare.highlights).toEqual([]);
    expect(bare.highlightsHeading).toBeNull();
    expect(bare.summary).toBe('Tóm tắt kế hoạch.');
  });

  it('keeps an unknown issuer visible by its id', () => {
    const card = planCardData({ ...cardInput(fixturePlan({})), issuer: undefined });
    expect(card.agencyName).toBe('ubnd-tinh-tay-ninh');
    expect(card.agencyLevel).toBeNull();
  });
});

describe('portalAddress', () => {
  it('drops the scheme and trailing slash, keeps a sub-path', () => {
    expect(portalAddress('https://ke-hoach-mo.example.gov.vn')).toBe('ke-hoach-mo.example.gov.vn');
    expect(portalAddress('https://tayninh.gov.vn/', '/ke-hoach-mo/')).toBe('tayninh.gov.vn/ke-hoach-mo');
  });
});
