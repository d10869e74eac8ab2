import { describe, expect, it } from 'vitest';
import { BytesResponse, spansItsBuffer } from '../../../src/lib/build/bytes-response';

const text = 'Kế hoạch số 12/KH-UBND: Đẩy mạnh chuyển đổi số năm 2026';

describe('BytesResponse', () => {
  it('gives Astro the bytes it was made from, UTF-8 for text, with its headers', async () => {
    const response = new BytesResponse(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(text);
  });

  it('hands back a whole buffer as it is, and copies a view into a larger one (a pooled Buffer)', async () => {
    const whole = new Uint8Array(Buffer.from(text.repeat(400)));
    expect(await new BytesResponse(whole).arrayBuffer()).toBe(whole.buffer);
    const pooled = Buffer.from('ngắn');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const answer = await new BytesResponse(pooled).arrayBuffer();
    expect(answer.byteLength).toBe(pooled.byteLength);
    expect(Buffer.from(answer).equals(pooled)).toBe(true);
  });

  it('carries the same bytes in its body stream, for a reader that does not call arrayBuffer()', async () => {
    const bytes = Buffer.from(text);
    const response = new BytesResponse(bytes);
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body!) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await new BytesResponse(text).text()).toBe(text);
    // A reader changing its chunk does not change what arrayBuffer() gives.
    chunks[0]!.fill(0);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(text))).toBe(true);
  });

  it('copies nothing when made: the body stream copies the bytes only if read', () => {
    const large = new Uint8Array(32 * 1024 * 1024).fill(65);
    const before = process.memoryUsage().arrayBuffers;
    const responses = [new BytesResponse(large), new BytesResponse(large)];
    // Node's Response copies a Uint8Array body when made (64 MB more here).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
    expect(responses).toHaveLength(2);
  });
});

describe('spansItsBuffer', () => {
  it('holds for bytes that are their whole ArrayBuffer, not for a view into a larger or shared one', () => {
    expect(spansItsBuffer(new TextEncoder().encode('Kế hoạch'))).toBe(true);
    expect(spansItsBuffer(new Uint8Array(16))).toBe(true);
    expect(spansItsBuffer(Buffer.from('văn bản')), 'a small Buffer: a view into the pool').toBe(false);
    expect(spansItsBuffer(new Uint8Array(new ArrayBuffer(16), 4))).toBe(false);
    expect(spansItsBuffer(new Uint8Array(new ArrayBuffer(16), 0, 8))).toBe(false);
    expect(spansItsBuffer(new Uint8Array(new SharedArrayBuffer(16)))).toBe(false);
  });
});
