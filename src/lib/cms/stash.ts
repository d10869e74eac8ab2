import type { ReviewMark } from './review';

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
