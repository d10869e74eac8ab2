import { describe, expect, it } from 'vitest';
import { buildHeapMb, heapFlags } from '../../../src/lib/build/heap';

const GB = 1024 ** 3;

describe('buildHeapMb', () => {
  it('gives three quarters of the memory, between Node’s default and 16 GB', () => {
    expect(buildHeapMb(8 * GB)).toBe(6144);
    expect(buildHeapMb(24 * GB)).toBe(16384);
    expect(buildHeapMb(4 * GB)).toBe(4096);
  });

  it('leaves a heap limit set in NODE_OPTIONS alone', () => {
    expect(heapFlags(8 * GB, undefined)).toEqual(['--max-old-space-size=6144']);
    expect(heapFlags(8 * GB, '--max-old-space-size=2048 --trace-warnings')).toEqual([]);
  });
});
