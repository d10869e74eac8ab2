import type { ReviewMark } from './review';
import type { RegistryAddition } from './check-entry';

/**
 * What the import page hands to the editor, in the browser's localStorage: the findings to mark on
 * the form of the draft it just saved (at `path`), or handed over as a new entry (`viaBackup`).
 */
export interface ImportStash {
  title: string;
  sourceFile: string;
  path: string;
  marks: ReviewMark[];
  /**
   * Set when the draft went to the editor as Decap's backup of a new plan (a git-host backend)
   * rather than as a saved file: its findings belong to the new-entry form.
   */
  viaBackup?: boolean;
}

export const IMPORT_STASH_KEY = 'ke-hoach-mo:nhap';

/** localStorage key of the registry entries saved from this browser since the last build (see `withAdditions`). */
export const REGISTRY_ADDITIONS_KEY = 'ke-hoach-mo:danh-muc-moi';

/** The additions kept in `storage`, or none when absent or unreadable. */
export function readAdditions(storage: Pick<Storage, 'getItem'>): RegistryAddition[] {
  try {
    const value = JSON.parse(storage.getItem(REGISTRY_ADDITIONS_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as RegistryAddition[]) : [];
  } catch {
    return [];
  }
}

/** Records one more addition (replacing an earlier version of the same file). */
export function recordAddition(storage: Pick<Storage, 'getItem' | 'setItem'>, addition: RegistryAddition): void {
  const others = readAdditions(storage).filter((a) => a.path !== addition.path);
  storage.setItem(REGISTRY_ADDITIONS_KEY, JSON.stringify([...others, addition]));
}
