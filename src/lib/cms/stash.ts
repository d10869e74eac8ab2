import type { ReviewMark } from './review';

/**
 * What the import page hands to the editor, in the browser's localStorage: the findings to mark on
 * the form of the draft it just saved (at `path`).
 */
export interface ImportStash {
  title: string;
  sourceFile: string;
  path: string;
  marks: ReviewMark[];
}

export const IMPORT_STASH_KEY = 'ke-hoach-mo:nhap';
