/**
 * The one way tests make a content tree with a problem in it: a copy of a base fixture
 * (test/fixtures/content/<base>/) in a temp folder, with one change applied. Cases stay small and
 * readable (the change is all a case says), instead of forty copied folders.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_FIXTURES = fileURLToPath(new URL('../fixtures/content/', import.meta.url));

/** The valid fixture's paths, for changes to name. */
export const FIXTURE_PLAN = 'plans/2024/ke-hoach-mau.mdx';
export const FIXTURE_AGENCY = 'agencies/so-mau.yaml';
export const FIXTURE_DOCUMENT = 'documents/33-ct-ttg.yaml';

/** One change to a copied tree; paths are relative to the tree. */
export interface TreeChange {
  /** Replace text in a file: each [search, replacement] must match, so a fixture edit cannot silently miss. */
  edit?: Record<string, Array<[string | RegExp, string]>>;
  /** Write (or overwrite) files. */
  write?: Record<string, string | Uint8Array>;
  /** Create symbolic links: path → target (as given to symlink). */
  symlink?: Record<string, string>;
  /** Move files: from → to. */
  rename?: Record<string, string>;
  /** Delete files. */
  remove?: string[];
}

const trees: string[] = [];

/**
 * A fresh tree: `base` copied, then `change` applied. Remove them all with {@link removeContentTrees}.
 * @example contentTree({ edit: { [FIXTURE_AGENCY]: [['https://sonoivu.mau.gov.vn', 'javascript:alert(1)']] } })
 */
export function contentTree(change: TreeChange, base = 'valid'): string {
  const root = mkdtempSync(join(tmpdir(), 'content-tree-'));
  trees.push(root);
  cpSync(join(CONTENT_FIXTURES, base), root, { recursive: true });
  for (const [path, edits] of Object.entries(change.edit ?? {})) {
    let text = readFileSync(join(root, path), 'utf8');
    for (const [search, replacement] of edits) {
      const next = text.replace(search, replacement);
      if (next === text) throw new Error(`contentTree: ${String(search)} not found in ${path}`);
      text = next;
    }
    writeFileSync(join(root, path), text);
  }
  for (const [path, data] of Object.entries(change.write ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  for (const [from, to] of Object.entries(change.rename ?? {})) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    writeFileSync(join(root, to), readFileSync(join(root, from)));
    rmSync(join(root, from));
  }
  for (const path of change.remove ?? []) rmSync(join(root, path));
  for (const [path, target] of Object.entries(change.symlink ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

export function removeContentTrees(): void {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
}
