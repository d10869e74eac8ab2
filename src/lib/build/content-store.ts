/**
 * Astro's content store (data-store.json) keeps each entry's file path and reuses an entry whose
 * digest is unchanged, path and all. After the content folder moves, or KE_HOACH_CONTENT_DIR
 * points elsewhere, the store names files that are gone (or, worse, files of another folder), and
 * the build fails with an opaque Rolldown "failed to resolve import" error. So the store records
 * which content folder it was built from, and is dropped (a cold content sync) when that differs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The file beside the store that names the content folder the store was built from. */
export function storeMarkerFile(storeFile: string): string {
  return `${storeFile}.content-dir`;
}

export type StoreState = 'kept' | 'reset' | 'none';

/**
 * Keeps `storeFile` when it was built from `contentDir` (absolute) and that folder exists; deletes
 * it otherwise (also when it predates the marker). Records `contentDir` for the next build.
 */
export function resetStaleContentStore(storeFile: string, contentDir: string): StoreState {
  const dir = resolve(contentDir);
  const marker = storeMarkerFile(storeFile);
  let state: StoreState = 'none';
  if (existsSync(storeFile)) {
    const recorded = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
    if (recorded === dir && existsSync(recorded)) state = 'kept';
    else {
      rmSync(storeFile, { force: true });
      state = 'reset';
    }
  }
  // Recorded even before the store's folder exists (a cold build creates it later): without the
  // marker, the next build would drop the store the cold build wrote and sync every file again.
  mkdirSync(dirname(storeFile), { recursive: true });
  writeFileSync(marker, `${dir}\n`);
  return state;
}
