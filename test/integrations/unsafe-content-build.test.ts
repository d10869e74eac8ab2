/**
 * Nothing unsafe reaches dist/: a real `astro build` of content that the check rejects (a
 * javascript: website, a symlinked plan the glob loader would follow, an upper-case .MDX, a control
 * character in a title) fails before writing a single page, with the Vietnamese messages.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, root, withBuildLock } from '../support/build';
import { contentTree, FIXTURE_AGENCY, FIXTURE_PLAN, removeContentTrees } from '../support/content-tree';

afterAll(removeContentTrees);

describe('astro build on content the check rejects', () => {
  it('fails with every problem in Vietnamese and publishes nothing', async () => {
    const content = contentTree({
      edit: {
        [FIXTURE_AGENCY]: [['"https://sonoivu.mau.gov.vn"', '"javascript:alert(document.cookie)"']],
        [FIXTURE_PLAN]: [['dân vận chính quyền năm 2024"', 'dân vận\\vchính quyền năm 2024"']],
      },
      symlink: { 'plans/2024/ngoai.mdx': join(root, 'test/fixtures/content/valid', FIXTURE_PLAN) },
      write: { 'plans/2024/hoa.MDX': '---\n---\n' },
    });
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const outDir = mkdtempSync(join(root, 'tmp', 'unsafe-'));
    try {
      const error: Error = await withBuildLock(() => astroBuild(outDir, { KE_HOACH_CONTENT_DIR: content })).then(
        () => new Error('the build succeeded'),
        (e: Error) => e,
      );
      expect(error.message).toContain('failed with 1');
      expect(error.message).toContain('agencies/so-mau.yaml\n  › website: cần một địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http://');
      expect(error.message).toContain('plans/2024/ke-hoach-mau.mdx\n  › title: văn bản có ký tự điều khiển U+000B');
      expect(error.message).toContain('plans/2024/ngoai.mdx\n  › liên kết tượng trưng (symlink)');
      expect(error.message).toContain('plans/2024/hoa.MDX\n  › tệp không được nạp: đuôi tệp phải là .mdx (chữ thường)');
      expect(readdirSync(outDir, { recursive: true })).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
