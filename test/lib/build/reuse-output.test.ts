import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputKey, reuseOutput } from '../../../src/lib/build/reuse-output';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reuseOutput', () => {
  it('produces on a new key, copies the kept output on the same key, and keeps only the newest key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reuse-'));
    dirs.push(dir);
    const cache = join(dir, 'cache');
    let runs = 0;
    const produce = (text: string) => async (out: string) => {
      runs++;
      mkdirSync(join(out, 'sub'), { recursive: true });
      writeFileSync(join(out, 'sub', 'index.txt'), text);
    };
    expect(await reuseOutput(cache, outputKey('a'), join(dir, 'out1'), produce('A'))).toBe('produced');
    expect(await reuseOutput(cache, outputKey('a'), join(dir, 'out2'), produce('never'))).toBe('reused');
    expect(readFileSync(join(dir, 'out2', 'sub', 'index.txt'), 'utf8')).toBe('A');
    expect(await reuseOutput(cache, outputKey('b'), join(dir, 'out3'), produce('B'))).toBe('produced');
    expect(runs).toBe(2);
    expect(readdirSync(cache)).toEqual([outputKey('b')]);
  });

  it('keys differ when parts differ, including how the text is split into parts', () => {
    expect(outputKey('ab', 'c')).not.toBe(outputKey('a', 'bc'));
    expect(outputKey('a')).toBe(outputKey('a'));
    expect(outputKey(Buffer.from('x'))).toBe(outputKey('x'));
  });
});
