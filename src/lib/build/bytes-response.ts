/**
 * A `Response` for a file an endpoint already holds whole, read back by Astro without its stream.
 *
 * Astro writes an endpoint's file from `Buffer.from(await response.arrayBuffer())`
 * (astro/dist/core/build/generate.js). Node's `Response` (undici) answers `arrayBuffer()` by
 * reading its body stream chunk by chunk and joining the chunks into a new buffer: for the largest
 * open-data files (`/api/v1/plans.json` is 70 MB at 50,000 plans) a CPU profile of a one-edit
 * rebuild put 11.6 s in undici's `extractBody` and `readAllBytes`, in a heap of 7 GB where each
 * large allocation costs a collection. Here `arrayBuffer()` hands back the bytes the response was
 * made from. The body stream carries a copy of them, made only when a reader pulls it (the dev
 * server does; a build does not): given the bytes themselves, `Response` copies them at once
 * (measured: 200 MB more and 120 ms for a 100 MB body).
 */
/** Whether `bytes` are their whole buffer (an ArrayBuffer's), not a view into a larger one such as a pooled Buffer's. */
export function spansItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

export class BytesResponse extends Response {
  readonly #bytes: Uint8Array;

  /** `body` as UTF-8 when text. */
  constructor(body: string | Uint8Array, init?: ResponseInit) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    super(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          // A copy (a Buffer's slice() would share its memory): a reader may change its chunk.
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
        },
      }),
      init,
    );
    this.#bytes = bytes;
  }

  /** The body's bytes, as the response was given them (a copy only when they are a view into a larger buffer). */
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#bytes;
    if (spansItsBuffer(bytes)) return bytes.buffer;
    return new Uint8Array(bytes).buffer; // a copy (a Buffer's slice() would share the pool)
  }
}
