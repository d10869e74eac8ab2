/**
 * A `Response` for a file an endpoint already holds whole, read back by Astro without its stream.
 *
 * Astro writes an endpoint's file from `Buffer.from(await response.arrayBuffer())`
 * (astro/dist/core/build/generate.js). Node's `Response` (undici) answers `arrayBuffer()` by
 * reading its body stream chunk by chunk and joining the chunks into a new buffer: for the largest
 * open-data files (`/api/v1/plans.json` is 70 MB at 50,000 plans) a CPU profile of a one-edit
 * rebuild put 11.6 s in undici's `extractBody` and `readAllBytes`, in a heap of 7 GB where each
 * large allocation costs a collection. Here `arrayBuffer()` hands back the bytes the response was
 * made from; the body stream still carries the same bytes for any other reader.
 */
export class BytesResponse extends Response {
  readonly #bytes: Uint8Array;

  /** `body` as UTF-8 when text. */
  constructor(body: string | Uint8Array, init?: ResponseInit) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    super(bytes as Uint8Array<ArrayBuffer>, init);
    this.#bytes = bytes;
  }

  /** The body's bytes, as the response was given them (a copy only when they are a view into a larger buffer). */
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#bytes;
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
    return new Uint8Array(bytes).buffer; // a copy (a Buffer's slice() would share the pool)
  }
}
