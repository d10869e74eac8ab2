import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../src/schemas/plan';
import { englishPages } from '../../../src/lib/portal/english';
import { fixtureAgency, fixtureCatalog, fixturePlan } from './fixture-catalog';

const agencies = [fixtureAgency('co-quan-a', { name: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh' })];

describe('/en/ page model', () => {
  it('lists only the plans a person translated, newest first, with the Vietnamese title beside', () => {
    const catalog = fixtureCatalog({
      agencies,
      plans: [
        fixturePlan('a-2023', { year: 2023, issuedOn: '2023-02-01', titleEn: 'Mass mobilisation work in 2023', summaryEn: 'What the department will do.' }),
        fixturePlan('b-2024', { year: 2024, issuedOn: '2024-02-01' }),
        fixturePlan('c-2025', { year: 2025, issuedOn: '2025-02-01', titleEn: 'Grassroots democracy in 2025' }),
      ],
    });
    const [page, ...more] = englishPages(catalog);
    expect(more).toEqual([]);
    expect(page!.planCount).toBe(3);
    expect(page!.nav).toBeNull();
    expect(page!.slice.items.map((p) => [p.slug, p.title, p.summary, p.path])).toEqual([
      ['c-2025', 'Grassroots democracy in 2025', null, 'ke-hoach/c-2025/'],
      ['a-2023', 'Mass mobilisation work in 2023', 'What the department will do.', 'ke-hoach/a-2023/'],
    ]);
    expect(page!.slice.items[0]!.titleVi).toBe('Kế hoạch Kế hoạch c-2025');
    expect(page!.slice.items[0]!.issuer).toBe('Sở Thông tin và Truyền thông tỉnh Tây Ninh');
    expect(page!.countText).toBe('2 of the 3 published plans have English key information, newest first.');
  });

  it('has one empty page when no plan has English, and pages of 50 when many do', () => {
    expect(englishPages(fixtureCatalog({ agencies, plans: [fixturePlan('a')] })).map((p) => p.slice.total)).toEqual([0]);
    const many = fixtureCatalog({ agencies, plans: Array.from({ length: 120 }, (_, i) => fixturePlan(`p-${i}`, { titleEn: `Plan ${i}` })) });
    const pages = englishPages(many);
    expect(pages.map((p) => p.slice.items.length)).toEqual([50, 50, 20]);
    expect(pages[1]!.nav!.previous!.path).toBe('en/');
    expect(pages[1]!.nav!.next!.path).toBe('en/trang/3/');
    expect(pages[1]!.countText).toBe('120 of the 120 published plans have English key information; plans 51–100, newest first.');
    expect(englishPages(fixtureCatalog({ agencies, plans: [fixturePlan('a')] }))[0]!.countText).toBe('None of the 1 published plans has English key information yet.');
  });

  it('refuses an English summary without an English title, in Vietnamese', () => {
    const result = planSchema.safeParse({ ...fixturePlan('x').data, summaryEn: 'A summary.' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['titleEn']);
    expect(result.error!.issues[0]!.message).toMatch(/trích yếu tiếng Anh/);
  });
});
