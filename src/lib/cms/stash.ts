import type { ReviewMark } from './review';

/**
 * What the import page hands to the editor, in the browser's localStorage: the findings to mark on
 * the form of the entry it just drafted. The draft itself goes through Decap's own local backup
 * (IndexedDB key `backup.plans`), which the editor offers to restore when a new entry opens.
 */
export interface ImportStash {
  title: string;
  sourceFile: string;
  marks: ReviewMark[];
}

export const IMPORT_STASH_KEY = 'ke-hoach-mo:nhap';
/** Decap CMS's local-backup key for a new, unsaved entry of a collection. */
export const newEntryBackupKey = (collection: string): string => `backup.${collection}`;
