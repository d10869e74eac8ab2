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
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
    return new Uint8Array(bytes).buffer; // a copy (a Buffer's slice() would share the pool)
  }
}

/** Marks the `Response` that keeps bytes, so that it is installed once. */
const KEEPS = Symbol.for('ke-hoach-mo:keep-response-bytes');

/**
 * While the pages are generated, `new Response(bytes)` of a whole ArrayBuffer keeps those bytes as
 * a `BytesResponse` instead of copying them; returns the function that puts `Response` back.
 *
 * With the incremental build, Astro renders each page, reads its bytes (`arrayBuffer()`), and wraps
 * them in a new `Response` (astro/dist/core/app/prerender.js, `renderForPrerender`), whose body
 * generate.js then reads back with `arrayBuffer()`. Node's `Response` copies the bytes it is given
 * and reads them back through its body stream, joining the chunks into another buffer: two copies of
 * every page, and of each open-data file (`plans.json` is 71 MB at 50,000 plans). A CPU profile of a
 * one-edit rebuild at 50,000 plans put 4.4 s in those two copies (undici's `extractBody` and
 * `readAllBytes`), in a heap of 7 GB where each large allocation costs a collection.
 *
 * Only a whole ArrayBuffer is kept (what `arrayBuffer()` gives); any other body is built as before.
 * The bytes are not copied, so whoever made the response must not change them afterwards: Astro
 * does not (it made them for this response alone). `instanceof Response` holds for every response,
 * of either class, and classes extending `Response` work as before.
 */
export function keepResponseBytes(): () => void {
  const Original = globalThis.Response;
  if ((Original as { [KEEPS]?: boolean })[KEEPS]) return () => {};
  function Response(this: unknown, body?: BodyInit | null, init?: ResponseInit): globalThis.Response {
    if (!new.target) throw new TypeError("Failed to construct 'Response': Please use the 'new' operator");
    if (new.target === Response && body instanceof ArrayBuffer) return new BytesResponse(new Uint8Array(body), init);
    return Reflect.construct(Original, [body, init], new.target === Response ? Original : new.target) as globalThis.Response;
  }
  // One prototype: every response is an instance of both, and Response.json(), .error() and .redirect() are inherited.
  Response.prototype = Original.prototype;
  Object.setPrototypeOf(Response, Original);
  Object.defineProperty(Response, KEEPS, { value: true });
  globalThis.Response = Response as unknown as typeof globalThis.Response;
  return () => {
    if (globalThis.Response === (Response as unknown)) globalThis.Response = Original;
  };
}
