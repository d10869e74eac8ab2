import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keptOutput, outputKey } from '../../../src/lib/build/reuse-output';
import { tempDir } from '../../support/temp-dir';

describe('keptOutput', () => {
  it('produces on a new key, reuses the kept folder on the same key, and keeps only the newest key', async () => {
    const dir = tempDir('reuse-');
    const cache = join(dir, 'cache');
    let runs = 0;
    const produce = (text: string) => async (out: string) => {
      runs++;
      mkdirSync(join(out, 'sub'), { recursive: true });
      writeFileSync(join(out, 'sub', 'index.txt'), text);
    };
    const a = await keptOutput(cache, outputKey('a'), produce('A'));
    expect(a).toEqual({ path: join(cache, outputKey('a')), how: 'produced' });
    expect(await keptOutput(cache, outputKey('a'), produce('never'))).toEqual({ path: a.path, how: 'reused' });
    expect(readFileSync(join(a.path, 'sub', 'index.txt'), 'utf8')).toBe('A');
    const b = await keptOutput(cache, outputKey('b'), produce('B'));
    expect(b.how).toBe('produced');
    expect(runs).toBe(2);
    expect(readdirSync(cache)).toEqual([outputKey('b')]);
    expect(readFileSync(join(b.path, 'sub', 'index.txt'), 'utf8')).toBe('B');
  });

  it('keeps nothing under the key when producing fails, and keeps the older key', async () => {
    const dir = tempDir('reuse-');
    const cache = join(dir, 'cache');
    await keptOutput(cache, outputKey('a'), async (out) => mkdirSync(out));
    await expect(
      keptOutput(cache, outputKey('b'), async (out) => {
        mkdirSync(out);
        writeFileSync(join(out, 'half'), 'x');
        throw new Error('index failed');
      }),
    ).rejects.toThrow('index failed');
    expect(readdirSync(cache)).toEqual([outputKey('a')]);
  });

  it('keys differ when parts differ, including how the text is split into parts', () => {
    expect(outputKey('ab', 'c')).not.toBe(outputKey('a', 'bc'));
    expect(outputKey('a')).toBe(outputKey('a'));
    expect(outputKey(Buffer.from('x'))).toBe(outputKey('x'));
  });
});
