import { describe, expect, it } from 'vitest';
import { BytesResponse } from '../../../src/lib/build/bytes-response';
import { keepResponseBytes } from '../../../src/lib/build/keep-response-bytes';

describe('keepResponseBytes', () => {
  it('keeps a whole ArrayBuffer or a Uint8Array spanning its buffer (an encoded page) given to new Response, and builds every other response as before', async () => {
    const restore = keepResponseBytes();
    try {
      const bytes = new TextEncoder().encode('Kế hoạch số 12/KH-UBND').buffer;
      const kept = new Response(bytes, { status: 201, headers: { 'Content-Type': 'application/json' } });
      expect(kept).toBeInstanceOf(Response);
      expect(kept.status).toBe(201);
      expect(kept.headers.get('Content-Type')).toBe('application/json');
      expect(await kept.arrayBuffer(), 'the same bytes, not a copy').toBe(bytes);

      // What Astro's renderPage gives: a page encoded whole.
      const page = new TextEncoder().encode('<h1>Kế hoạch</h1>');
      const pageResponse = new Response(page, { headers: { 'Content-Type': 'text/html' } });
      expect(await pageResponse.arrayBuffer(), 'an encoded page: its own buffer, not a copy').toBe(page.buffer);
      expect(pageResponse.headers.get('Content-Type')).toBe('text/html');
      const pooled = Buffer.from('văn bản số 7');
      expect(pooled.byteLength, 'a small Buffer is a view into a shared pool').toBeLessThan(pooled.buffer.byteLength);
      const fromPool = await new Response(pooled).arrayBuffer();
      expect(fromPool, 'a view into a larger buffer is copied').not.toBe(pooled.buffer);
      expect(Buffer.from(fromPool).toString()).toBe('văn bản số 7');

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
    const encoded = new TextEncoder().encode('x');
    expect(await new Response(encoded).arrayBuffer(), 'put back: Node copies an encoded page too').not.toBe(encoded.buffer);
  });
});
