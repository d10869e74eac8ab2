import { describe, expect, it } from 'vitest';
import { isPerfect, scoreImport, type ScoredPlan } from '../../../src/lib/import/score';

const curated: ScoredPlan = {
  basis: [{ type: 'Kế hoạch', number: '859/KH-UBND', date: '2024-03-25' }],
  citations: [
    { type: 'Quy định', number: '11-QĐ/TW', date: '2019-02-18' },
    { type: 'Chỉ thị', number: '33/CT-TTg', date: '2021-11-26' },
  ],
  deadlines: [
    { date: '2024-11-10', owner: 'a' },
    { date: '2024-11-10', owner: 'b' },
  ],
  targets: [{ text: '100% cán bộ được học tập.', value: 100, unit: '%' }],
};

describe('scoreImport', () => {
  it('counts a draft equal to the curated plan as perfect, spelling variants of a number included', () => {
    const draft: ScoredPlan = { ...curated, citations: [{ type: 'Quy định', number: '11-QĐi/TW', date: '2019-02-18' }, curated.citations[1]!] };
    const score = scoreImport(draft, curated);
    expect(score.references).toEqual({ expected: 3, found: 3, missing: [], extra: [] });
    expect(isPerfect(score)).toBe(true);
  });

  it('matches one to one: a deadline found once for two owners counts once; a wrong date is missing and extra', () => {
    const draft: ScoredPlan = {
      ...curated,
      basis: [],
      citations: [...curated.citations, { type: 'Kế hoạch', number: '859/KH-UBND', date: '2024-03-26' }],
      deadlines: [{ date: '2024-11-10', owner: 'a' }],
      targets: [{ text: '100% cán bộ được học tập', value: 100, unit: '%' }],
    };
    const score = scoreImport(draft, curated);
    expect(score.basis).toEqual({ expected: 1, found: 0, missing: ['859/KH-UBND (2024-03-25)'], extra: [] });
    expect(score.citations.extra).toEqual(['859/KH-UBND (2024-03-26)']);
    expect(score.deadlines).toEqual({ expected: 2, found: 1, missing: ['2024-11-10 b'], extra: [] });
    // Trailing punctuation does not matter for a target's text.
    expect(score.targets.found).toBe(1);
    expect(isPerfect(score)).toBe(false);
  });
});
