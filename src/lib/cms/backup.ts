/**
 * Handing an imported draft to the editor when it saves to the agency's git host (Forgejo, GitLab,
 * Gitea, GitHub), where the import page cannot write: the draft goes into Decap's own local backup
 * of a new plan, the store Decap keeps unsaved work in (IndexedDB through localForage, key
 * `backup.{collection}`). Opening "new plan" then offers to restore it, the form opens filled in,
 * and the staff member saves it to the git host with their own sign-in, as any other entry.
 *
 * The key and value are Decap's (decap-cms-core `getEntryBackupKey`, `persistLocalDraftBackup`);
 * test/browser/editor.test.ts runs the whole path on the installed Decap, so an upgrade that changes
 * them fails the tests instead of the staff.
 */

/** Decap's backup key of a new entry of a collection. */
export function newEntryBackupKey(collection: string): string {
  return `backup.${collection}`;
}

/** Decap's backup value: the file as the collection's format writes it. */
export interface EntryBackup {
  raw: string;
  datetime: Date;
  mediaFiles: never[];
}

export function entryBackup(raw: string, now = new Date()): EntryBackup {
  return { raw, datetime: now, mediaFiles: [] };
}

/** The editor's route for a new entry of a collection, where Decap offers the backup. */
export function newEntryRoute(collection: string): string {
  return `#/collections/${collection}/new`;
}

/**
 * The editor's route for a saved plan, by its repository path.
 * @example planEntryRoute('content/plans/2025/ke-hoach-a.mdx') // '#/collections/plans/entries/2025/ke-hoach-a'
 */
export function planEntryRoute(path: string): string {
  return `#/collections/plans/entries/${path.replace(/^content\/plans\/|\.mdx$/g, '')}`;
}
