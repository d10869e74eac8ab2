import { describe, expect, it } from 'vitest';
import { BytesResponse, keepResponseBytes } from '../../../src/lib/build/bytes-response';

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

describe('keepResponseBytes', () => {
  it('keeps a whole ArrayBuffer given to new Response, and builds every other response as before', async () => {
    const restore = keepResponseBytes();
    try {
      const bytes = new TextEncoder().encode('Kế hoạch số 12/KH-UBND').buffer;
      const kept = new Response(bytes, { status: 201, headers: { 'Content-Type': 'application/json' } });
      expect(kept).toBeInstanceOf(Response);
      expect(kept.status).toBe(201);
      expect(kept.headers.get('Content-Type')).toBe('application/json');
      expect(await kept.arrayBuffer(), 'the same bytes, not a copy').toBe(bytes);

      const streamed = new Response(bytes.slice(0));
      expect(await streamed.text()).toBe('Kế hoạch số 12/KH-UBND');

      expect(await new Response('văn bản').text()).toBe('văn bản');
      expect(new Response(null, { status: 204 }).body).toBeNull();
      expect(await Response.json({ a: 1 }).json()).toEqual({ a: 1 });
      class Sub extends Response {}
      const sub = new Sub(bytes.slice(0));
      expect(sub).toBeInstanceOf(Sub);
      expect(sub).toBeInstanceOf(Response);
      expect(await sub.text()).toBe('Kế hoạch số 12/KH-UBND');
      expect(new BytesResponse('x')).toBeInstanceOf(Response);
      expect(() => (Response as unknown as () => unknown)()).toThrow(TypeError);
      expect(keepResponseBytes(), 'installed once').toBeTypeOf('function');
    } finally {
      restore();
    }
    const copied = new TextEncoder().encode('x').buffer;
    expect(await new Response(copied).arrayBuffer(), 'put back: Node copies again').not.toBe(copied);
  });
});
