import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { spansItsBuffer } from '../lib/build/bytes-response';
import { keepResponseBytes } from '../lib/build/keep-response-bytes';
import { replaceFile, replaceWithLinkSync } from '../lib/build/link';
import { LinkQueue } from '../lib/build/link-queue';
import { answerFromListing, OutDirListing, pathOf } from '../lib/build/out-dir-listing';
import { turnEventLoop, useSyncPageWrites } from '../lib/build/sync-fs';

/** The two methods of Astro's incremental-build cache this integration replaces. */
interface IncrementalCache {
  restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: AstroSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
}
interface AstroSettings {
  config: { cacheDir: URL; outDir: URL };
}

/** Where Astro keeps the copy of a rendered page (astro/dist/core/build/incremental.js). */
function cachedOutputFile(settings: AstroSettings, outputFile: string): string {
  return fileURLToPath(new URL(outputFile, new URL('dist/', settings.config.cacheDir)));
}

/**
 * Astro's incremental build (`experimental.incrementalBuild`) copies every page it did not render
 * from its cache into the out dir: about 25,000 files and 1 GB after one edit at 5,000 plans, and
 * `npm run build` then deletes the previous site's copies. This integration makes Astro link those
 * files instead (src/lib/build/link.ts), and keep the page it has just written as its cached copy by
 * linking it under the cache's name (renamed over the old copy), so that a file a published site
 * shares with the cache is never changed in place.
 *
 * It replaces two methods of Astro's `IncrementalBuildCache` (astro/dist/core/build/incremental.js),
 * a module Astro does not export, so the class is found by path and checked before it is changed:
 * an Astro whose cache is shaped differently builds as before, copying, with a warning.
 */
export default function linkedCache(): AstroIntegration {
  // Astro makes the folder of every page it writes and writes it with `fs.promises`, two to four
  // times the CPU of the synchronous calls (src/lib/build/sync-fs.ts): synchronous while it builds,
  // and once its page loop has begun, handed to the thread that links the restored pages, with the
  // cache's copy of each page (`writeOutputFile` below).
  let restoreWrites: (() => void) | undefined;
  let restoreResponse: (() => void) | undefined;
  return {
    name: 'ke-hoach-mo:linked-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        listing.outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:start': ({ logger }) => {
        const patched = patchIncrementalCache();
        if (patched !== true) logger.warn(`Không dùng liên kết cứng cho các trang lấy từ bộ nhớ đệm (${patched}): Astro sẽ sao chép chúng.`);
        listing.armed = true;
        const recordWritten = (path: unknown) => {
          const file = listing.current && pathOf(path);
          if (file) listing.current!.add(file);
        };
        restoreWrites = useSyncPageWrites(recordWritten, {
          folder: inPageLoop,
          file: (path, bytes) => {
            if (!inPageLoop(path) || bytes.byteLength > HANDED_OFF_BYTES) return false;
            // The queue's own bytes, exactly the page's: a view into a larger buffer (a pooled one for
            // short text) would be sent to the thread whole.
            restores.write(path, spansItsBuffer(bytes) ? bytes : new Uint8Array(bytes));
            return true;
          },
        });
        // Astro wraps each rendered page's bytes in a new Response and reads them back: kept, not copied twice.
        restoreResponse = keepResponseBytes();
      },
      // Every page taken from the cache is in the out dir before anything after the page loop reads it.
      'astro:build:generated': () => finishRestores(),
      'astro:build:done': async () => {
        // Nothing left after `astro:build:generated`; here too in case a build never reaches it.
        await finishRestores();
        stopListing();
        restoreWrites?.();
        restoreWrites = undefined;
        restoreResponse?.();
        restoreResponse = undefined;
      },
    },
  };
}

const PATCHED = Symbol.for('ke-hoach-mo:linked-cache');

/** The links of restored pages not made yet: one queue per process, shared by every copy of this module (the patch is too). */
const restores = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo:linked-cache:restores')] ??= new LinkQueue()) as LinkQueue;

/**
 * Waits until every page restored so far is linked (or copied) into its out dir, and stops the
 * thread that links them; fails, naming them, when some could not be.
 */
export function finishRestores(): Promise<void> {
  stopListing();
  return restores.close();
}

/**
 * The out dir's listing (src/lib/build/out-dir-listing.ts) that answers Astro's "is this page
 * already in the out dir?" during the page loop: armed by `astro:build:start`, read when the first
 * page is restored (the loop has begun: the bundler's assets and the public files are in place),
 * dropped when the loop is over. Shared by every copy of this module, like the queue.
 */
const listing = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo:linked-cache:listing')] ??= {}) as {
  armed?: boolean;
  current?: OutDirListing;
  stop?: () => void;
  /** The build's out dir (`astro:config:done`), without a trailing separator. */
  outDir?: string;
  /** Astro's page loop has begun (a page was restored or kept in the cache) and has not ended. */
  loop?: boolean;
};

function stopListing(): void {
  listing.stop?.();
  listing.armed = false;
  listing.loop = false;
  listing.current = undefined;
  listing.stop = undefined;
}

/**
 * The largest file handed to the queue's thread. Sending bytes there copies them (a structured
 * clone), which for a page costs less than its folder, open and write here; a larger file is written
 * here at once. The whole tables' files of 100 MB and more, whose copies alone took 6.2 s of a plan
 * added at 50,000 plans (7 December 2026), are no longer pages (src/lib/opendata/publish.ts); the
 * agencies' calendars are (up to 5 MB at 50,000 plans). Pages are bounded far below this (100 KB).
 */
const HANDED_OFF_BYTES = 1024 * 1024;

/**
 * Whether a write at the absolute `path` is one of the page loop's, handed to the queue's thread:
 * inside the out dir, once the loop has begun. Before it, the bundler writes the code that the loop
 * then imports from the out dir, which must be there at once; the first page the loop renders is
 * written here, and its keeping in the cache (`writeOutputFile`) tells that the loop has begun.
 */
function inPageLoop(path: string): boolean {
  const { outDir } = listing;
  return listing.loop === true && outDir !== undefined && (path === outDir || path.startsWith(outDir + sep));
}

/** Replaces the cache's restore and write methods; true when done (or done before), else why not. */
export function patchIncrementalCache(): true | string {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('astro/package.json')), 'dist/core/build/incremental.js');
  if (!existsSync(file)) return `không thấy ${file}`;
  // require() of an ES module (Node ≥ 22.12) shares Node's module cache with Astro's own import; an
  // import() here would go through Vite's loader of the config, which is closed by now.
  const module = require(file) as { IncrementalBuildCache?: { prototype: IncrementalCache & { [PATCHED]?: boolean } } };
  const proto = module.IncrementalBuildCache?.prototype;
  if (!proto || typeof proto.restoreOutputFile !== 'function' || typeof proto.writeOutputFile !== 'function') return 'IncrementalBuildCache đã đổi';
  if (proto[PATCHED]) return true;
  proto.restoreOutputFile = async function restoreOutputFile(settings, outputFile, destination) {
    // No copy in the cache: Astro renders the page instead. That check is a stat per page (1–3 s of
    // Astro's thread after one edit at 50,000 plans); a listing of the cache's folder made on another
    // thread saved nothing on two cores, as it reads as many folders (docs/scale.md, 5 December 2026,
    // evening). The folder and the link are made by the queue's own thread (src/lib/build/link-queue.ts):
    // making them here, one page after the other, was 7.4 s of Astro's thread at that size.
    // Astro's page loop awaits each restore, with a turn of the event loop now and then (`turnEventLoop`).
    listing.loop = listing.armed;
    const cached = cachedOutputFile(settings, outputFile);
    if (!existsSync(cached)) return false;
    if (listing.armed && !listing.current) {
      listing.current = new OutDirListing(fileURLToPath(settings.config.outDir));
      listing.stop = answerFromListing(listing.current);
    }
    const target = fileURLToPath(destination);
    listing.current?.add(target);
    restores.add(cached, target);
    await turnEventLoop();
    return true;
  };
  // Astro calls this right after writing the page into the out dir: the cached copy is that file,
  // linked, where it holds as many bytes as the body (not written twice: at 5,000 plans a cold build
  // writes 31,000 pages). Anything else (no such file, another size, no links) gets a written copy.
  proto.writeOutputFile = async function writeOutputFile(settings, outputFile, body) {
    listing.loop = listing.armed;
    const cached = cachedOutputFile(settings, outputFile);
    const written = fileURLToPath(new URL(outputFile, settings.config.outDir));
    // A page handed to the queue (`inPageLoop`) is linked there too, once written.
    if (restores.keep(written, cached)) return;
    const size = statSync(written, { throwIfNoEntry: false })?.size;
    if (size === (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) && replaceWithLinkSync(written, cached)) return;
    await replaceFile(cached, body);
  };
  proto[PATCHED] = true;
  return true;
}
