import { describe, expect, it } from 'vitest';
import { contentDir, contentSubdir } from '../../../src/lib/content/dir';

describe('contentDir', () => {
  it('is content/ unless KE_HOACH_CONTENT_DIR names another folder', () => {
    expect(contentDir({})).toBe('content');
    expect(contentDir({ KE_HOACH_CONTENT_DIR: '  ' })).toBe('content');
    expect(contentDir({ KE_HOACH_CONTENT_DIR: 'tmp/bench-build-content/' })).toBe('tmp/bench-build-content');
  });

  it('gives the glob loaders a base Astro resolves against the project root, relative or absolute', () => {
    expect(contentSubdir('plans', {})).toBe('./content/plans');
    expect(contentSubdir('agencies', { KE_HOACH_CONTENT_DIR: 'tmp/x' })).toBe('./tmp/x/agencies');
    expect(contentSubdir('documents', { KE_HOACH_CONTENT_DIR: '/srv/content' })).toBe('/srv/content/documents');
    expect(contentSubdir('plans', { KE_HOACH_CONTENT_DIR: './tmp/x' })).toBe('./tmp/x/plans');
  });
});
