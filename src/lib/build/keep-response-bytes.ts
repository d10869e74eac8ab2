/**
 * Node's `Response` made to keep the bytes of each page Astro renders instead of copying them. Apart
 * from `BytesResponse` (./bytes-response.ts), which the open-data endpoints use: a page's bundle
 * holds the code of every module it imports, and Astro renders again every page whose bundle changed
 * (50,000 plan pages at 50,000 plans), where this one is the build's alone (src/integrations/linked-cache.ts).
 */
import { BytesResponse, spansItsBuffer } from './bytes-response';

/** Marks the `Response` that keeps bytes, so that it is installed once. */
const KEEPS = Symbol.for('ke-hoach-mo:keep-response-bytes');

/**
 * While the pages are generated, `new Response(bytes)` of a whole ArrayBuffer, or of a Uint8Array
 * that spans its whole buffer, keeps those bytes as a `BytesResponse` instead of copying them;
 * returns the function that puts `Response` back.
 *
 * Astro renders each page to a string, encodes it and makes a `Response` of the Uint8Array
 * (astro/dist/runtime/server/render/page.js, `renderPage`); with the incremental build it reads
 * those bytes back (`arrayBuffer()`) and wraps them in a new `Response`
 * (astro/dist/core/app/prerender.js, `renderForPrerender`), whose body generate.js reads back with
 * `arrayBuffer()` again. Node's `Response` copies the bytes it is given and reads them back through
 * its body stream, joining the chunks into another buffer: four copies of every page, and two of
 * each open-data file. A CPU profile of a plan added at 50,000 plans (6,800 pages rendered, 7
 * December 2026) put 9.7 s of Astro's thread in them (undici's `extractBody` and `readAllBytes`),
 * in a heap of 2 GB where each allocation brings the next collection nearer.
 *
 * Only bytes that are a whole buffer are kept (what `arrayBuffer()` and `TextEncoder.encode` give);
 * any other body (a view into a pooled Buffer, a string, a stream) is built as before. The bytes are
 * not copied, so whoever made the response must not change them afterwards: Astro does not (it made
 * them for this response alone), and neither do this project's endpoints. `instanceof Response`
 * holds for every response, of either class, and classes extending `Response` work as before.
 */
export function keepResponseBytes(): () => void {
  const Original = globalThis.Response;
  if ((Original as { [KEEPS]?: boolean })[KEEPS]) return () => {};
  function Response(this: unknown, body?: BodyInit | null, init?: ResponseInit): globalThis.Response {
    if (!new.target) throw new TypeError("Failed to construct 'Response': Please use the 'new' operator");
    if (new.target === Response) {
      if (body instanceof ArrayBuffer) return new BytesResponse(new Uint8Array(body), init);
      if (body instanceof Uint8Array && spansItsBuffer(body)) return new BytesResponse(body, init);
    }
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
