import { describe, expect, it } from 'vitest';
import { formatNumber, formatTargetValue, withUnit } from '../../../src/lib/vn/numbers';

describe('formatNumber', () => {
  it('writes the decimal comma and never rounds a value the plan wrote', () => {
    expect(formatNumber(2.125)).toBe('2,125');
    expect(formatNumber(0.05)).toBe('0,05');
    expect(formatNumber(33.3333)).toBe('33,3333');
  });
  it('groups thousands with a dot', () => {
    expect(formatNumber(12000)).toBe('12.000');
  });
});

describe('withUnit / formatTargetValue', () => {
  it('sticks % to the number and spaces other units', () => {
    expect(withUnit('100', '%')).toBe('100%');
    expect(withUnit('12', 'cuộc')).toBe('12 cuộc');
    expect(withUnit('7', null)).toBe('7');
    expect(withUnit('99,5', '%')).toBe('99,5%');
    expect(withUnit('1.500', 'lượt')).toBe('1.500 lượt');
  });
  it('gives null for a qualitative target', () => {
    expect(formatTargetValue({ value: null, unit: null })).toBeNull();
    expect(formatTargetValue({ value: 2.125, unit: 'lượt' })).toBe('2,125 lượt');
  });
});
