import { describe, expect, it } from 'vitest';
import { deadlineDueDate } from '../../../src/lib/catalog/deadline-due';

describe('deadlineDueDate', () => {
  it('puts "trước ngày X" at the end of the day before X, across month and year ends', () => {
    expect(deadlineDueDate({ date: '2024-10-20', qualifier: 'trước ngày' })).toBe('2024-10-19');
    expect(deadlineDueDate({ date: '2024-03-01', qualifier: 'trước ngày' })).toBe('2024-02-29');
    expect(deadlineDueDate({ date: '2025-01-01', qualifier: 'Trước  ngày' })).toBe('2024-12-31');
    expect(deadlineDueDate({ date: '2024-10-20', qualifier: 'trước' })).toBe('2024-10-19');
  });

  it('keeps the named day for every other wording', () => {
    for (const qualifier of ['chậm nhất ngày', 'ngày', 'đến ngày', 'trong ngày', null]) {
      expect(deadlineDueDate({ date: '2024-10-20', qualifier }), String(qualifier)).toBe('2024-10-20');
    }
  });
});
