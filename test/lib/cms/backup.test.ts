import { describe, expect, it } from 'vitest';
import { entryBackup, newEntryBackupKey, newEntryRoute, planEntryRoute } from '../../../src/lib/cms/backup';
import { draftEntryPath } from '../../../src/lib/cms/local-backend';

describe('Decap routes and backup', () => {
  it('names a new entry’s backup and route as Decap does', () => {
    expect(newEntryBackupKey('plans')).toBe('backup.plans');
    expect(newEntryRoute('documents')).toBe('#/collections/documents/new');
    const at = new Date('2026-12-03T00:00:00Z');
    expect(entryBackup('---\n---\n', at)).toEqual({ raw: '---\n---\n', datetime: at, mediaFiles: [] });
  });

  it('routes to a saved plan by its path, with or without a year folder', () => {
    expect(planEntryRoute('content/plans/2025/ke-hoach-a.mdx')).toBe('#/collections/plans/entries/2025/ke-hoach-a');
    expect(planEntryRoute(draftEntryPath({ slug: 'ke-hoach-b', plan: { year: null } as never }))).toBe('#/collections/plans/entries/ke-hoach-b');
  });
});
