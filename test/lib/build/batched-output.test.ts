import { describe, expect, it } from 'vitest';
import { batchOutput } from '../../../src/lib/build/batched-output';

/** A stream that records each write it really receives, in one log shared by both streams. */
function streams() {
  const log: [string, string][] = [];
  const stream = (name: string) =>
    ({
      write(chunk: string | Uint8Array, ...rest: unknown[]) {
        log.push([name, typeof chunk === 'string' ? chunk : `<${Buffer.from(chunk).toString()}>`]);
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  return { out: stream('out'), err: stream('err'), log };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('batchOutput', () => {
  it('writes many lines as one piece, a little later', async () => {
    const { out, err, log } = streams();
    const restore = batchOutput(out, err, { delayMs: 20 });
    for (let i = 1; i <= 3; i++) out.write(`├─ /ke-hoach/${i}/index.html\n`);
    expect(log).toEqual([]);
    await wait(40);
    expect(log).toEqual([['out', '├─ /ke-hoach/1/index.html\n├─ /ke-hoach/2/index.html\n├─ /ke-hoach/3/index.html\n']]);
    restore();
  });

  it('writes what is waiting before anything written to the other stream, and at once past maxBytes', () => {
    const { out, err, log } = streams();
    const restore = batchOutput(out, err, { delayMs: 10_000, maxBytes: 10 });
    out.write('một ');
    err.write('lỗi\n');
    out.write('hai ba bốn năm\n');
    expect(log).toEqual([
      ['out', 'một '],
      ['err', 'lỗi\n'],
      ['out', 'hai ba bốn năm\n'],
    ]);
    restore();
  });

  it('passes bytes and writes with a callback through in order, and restore puts the streams back', () => {
    const { out, err, log } = streams();
    const original = out.write;
    const restore = batchOutput(out, err, { delayMs: 10_000 });
    out.write('a');
    out.write(Buffer.from('b'));
    let called = false;
    out.write('c', () => (called = true));
    out.write('d');
    expect(log).toEqual([
      ['out', 'a'],
      ['out', '<b>'],
      ['out', 'c'],
    ]);
    expect(called).toBe(true);
    restore();
    expect(log.at(-1)).toEqual(['out', 'd']);
    expect(out.write).toBe(original);
  });
});
