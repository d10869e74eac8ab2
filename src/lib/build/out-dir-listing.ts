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
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export class OutDirListing {
  readonly root: string;
  private readonly entries = new Set<string>();

  /** Reads every file and folder under `root` (absolute). */
  constructor(root: string) {
    this.root = resolve(root);
    this.entries.add(this.root);
    const walk = (dir: string): void => {
      let names;
      try {
        names = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of names) {
        const path = join(dir, entry.name);
        this.entries.add(path);
        if (entry.isDirectory()) walk(path);
      }
    };
    walk(this.root);
  }

  /** True when `path` (absolute) is `root` or under it. */
  holds(path: string): boolean {
    const rel = relative(this.root, path);
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
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

  has(path: string): boolean {
    return this.entries.has(resolve(path));
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
