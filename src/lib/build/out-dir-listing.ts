/**
 * What the out dir holds while Astro's page loop runs, kept in memory.
 *
 * For every page it may take from its cache, Astro first asks whether the out dir already holds it
 * (`nodeFs.existsSync(outFile)`, astro/dist/core/build/generate.js), one system call per page. The
 * out dir is new (Astro empties it before bundling, `npm run build` makes a new staging folder), so
 * nearly every answer is "no", but each costs a lookup in folders of up to 100,000 entries: a CPU
 * profile of a one-edit rebuild at 50,000 plans put 7.2 s of Astro's thread in those calls (85,591
 * pages, 85 µs each, 5 December 2026), 0.6 s at 5,000 plans.
 *
 * So while the loop runs, `existsSync` of a file URL inside the out dir is answered from a listing:
 * what the out dir held when the first page was restored (read once, recursively: the bundler's
 * assets and the public files, and the pages rendered before), and every file and folder written or
 * restored into it since (`add`, called by the page writes of sync-fs.ts and the restores of
 * src/integrations/linked-cache.ts, which are the only writers of pages). Only URLs are answered, as
 * Astro's loop passes them; a path given as text (all of this project's own code) goes to the file
 * system as before, and so does every call through a named import (`import { existsSync }`), which
 * this does not reach.
 */
import fs, { readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export class OutDirListing {
  readonly root: string;
  /** `root` ending in the separator: what every path under it starts with. */
  private readonly prefix: string;
  private readonly entries = new Set<string>();

  /** Reads every file and folder under `root`. */
  constructor(root: string) {
    this.root = resolve(root);
    this.prefix = this.root.endsWith(sep) ? this.root : this.root + sep;
    this.entries.add(this.root);
    let found: string[] = [];
    try {
      found = readdirSync(this.root, { recursive: true, encoding: 'utf8' });
    } catch {
      // No out dir yet: nothing in it.
    }
    for (const rel of found) this.entries.add(join(this.root, rel));
  }

  /** True when the absolute, normalized `path` is `root` or under it (asked once per page: a prefix test, not `path.relative`). */
  holds(path: string): boolean {
    return path === this.root || path.startsWith(this.prefix);
  }

  /** Records a file or folder written under `root`, and the folders above it. Anything outside is ignored. */
  add(path: string): void {
    let at = resolve(path);
    if (!this.holds(at)) return;
    while (!this.entries.has(at)) {
      this.entries.add(at);
      at = dirname(at);
    }
  }

  /** True when the absolute, normalized `path` (as `fileURLToPath` and `pathOf` give it) is listed. */
  has(path: string): boolean {
    return this.entries.has(path);
  }
}

/** A path as the fs functions take it, as an absolute path; undefined for a file descriptor or a non-file URL. */
export function pathOf(file: unknown): string | undefined {
  if (file instanceof URL) return file.protocol === 'file:' ? fileURLToPath(file) : undefined;
  if (typeof file === 'string') return resolve(file);
  if (Buffer.isBuffer(file)) return resolve(file.toString());
  return undefined;
}

/**
 * Answers `fs.existsSync(url)` for file URLs inside `listing.root` from the listing, until the
 * returned function is called. Other calls go to Node's own.
 */
export function answerFromListing(listing: OutDirListing): () => void {
  const original = fs.existsSync;
  const existsSync = function existsSync(path: fs.PathLike): boolean {
    if (path instanceof URL && path.protocol === 'file:') {
      const file = fileURLToPath(path);
      if (listing.holds(file)) return listing.has(file);
    }
    return original(path);
  };
  fs.existsSync = existsSync;
  return () => {
    if (fs.existsSync === existsSync) fs.existsSync = original;
  };
}
