import { describe, expect, it } from 'vitest';
import { planDate } from '../../../src/lib/catalog/plan-date';

describe('planDate', () => {
  it('is the issue date when the copy has one', () => {
    expect(planDate({ issuedOn: '2024-03-25', year: 2024 })).toBe('2024-03-25');
  });
  it('falls back to 1 January of the plan year', () => {
    expect(planDate({ issuedOn: null, year: 2023 })).toBe('2023-01-01');
  });
});
