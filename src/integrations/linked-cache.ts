import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopySync, replaceFile, replaceWithLinkSync } from '../lib/build/link';
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
  // times the CPU of the synchronous calls (src/lib/build/sync-fs.ts): synchronous while it builds.
  let restoreWrites: (() => void) | undefined;
  return {
    name: 'ke-hoach-mo:linked-cache',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const patched = patchIncrementalCache();
        if (patched !== true) logger.warn(`Không dùng liên kết cứng cho các trang lấy từ bộ nhớ đệm (${patched}): Astro sẽ sao chép chúng.`);
        restoreWrites = useSyncPageWrites();
      },
      'astro:build:done': () => {
        restoreWrites?.();
        restoreWrites = undefined;
      },
    },
  };
}

const PATCHED = Symbol.for('ke-hoach-mo:linked-cache');

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
  // Folders made in the out dir, per cache (one per build), as Astro's own restore keeps them.
  const madeBy = new WeakMap<object, Set<string>>();
  proto.restoreOutputFile = async function restoreOutputFile(this: object, settings, outputFile, destination) {
    let made = madeBy.get(this);
    if (!made) madeBy.set(this, (made = new Set()));
    const target = fileURLToPath(destination);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    // Synchronous: Astro restores one page after the other, so an asynchronous link only added a
    // round trip through libuv's thread pool to each (the build sat idle 60 % of the 2–3 s it took
    // to restore 25,000 pages at 5,000 plans), with a turn of the event loop now and then
    // (`turnEventLoop`). No copy in the cache (ENOENT, the folder exists): Astro renders the page
    // instead. Asked by linking rather than by a stat first.
    try {
      linkOrCopySync(cachedOutputFile(settings, outputFile), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    await turnEventLoop();
    return true;
  };
  // Astro calls this right after writing the page into the out dir: the cached copy is that file,
  // linked, where it holds as many bytes as the body (not written twice: at 5,000 plans a cold build
  // writes 31,000 pages). Anything else (no such file, another size, no links) gets a written copy.
  proto.writeOutputFile = async function writeOutputFile(settings, outputFile, body) {
    const cached = cachedOutputFile(settings, outputFile);
    const written = fileURLToPath(new URL(outputFile, settings.config.outDir));
    const size = statSync(written, { throwIfNoEntry: false })?.size;
    if (size === (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) && replaceWithLinkSync(written, cached)) return;
    await replaceFile(cached, body);
  };
  proto[PATCHED] = true;
  return true;
}
