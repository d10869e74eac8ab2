import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, renameSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildInputsKey,
  folderId,
  isUnchanged,
  outputListing,
  readStamp,
  waitForStampWriter,
  writeStamp,
  writeStampIfStill,
  writeStampLater,
} from '../../../src/lib/build/unchanged';
import { tempDir, writeFileIn, writeFiles } from '../../support/temp-dir';

/** A project with code, a lockfile, content and a published site. */
function project() {
  const root = tempDir('unchanged-');
  writeFiles(root, {
    'src/pages/index.astro': '<h1>Kế hoạch</h1>',
    'public/favicon.svg': '<svg/>',
    'package-lock.json': '{}',
    'content/plans/2024/a.mdx': '---\ntitle: "A"\n---\nNội dung.\n',
    'dist/index.html': '<h1>Kế hoạch</h1>',
  });
  const env = { SITE_URL: 'https://so.example.gov.vn', HOME: '/root' };
  const key = (over: { env?: Record<string, string | undefined>; args?: string[]; contentDir?: string } = {}) =>
    buildInputsKey(root, { contentDir: over.contentDir ?? 'content', env: over.env ?? env, args: over.args ?? ['--mode', 'preview'] });
  return { root, env, key };
}

describe('buildInputsKey', () => {
  it('is the same for the same inputs, whatever the files’ times', () => {
    const { root, key } = project();
    const before = key();
    utimesSync(join(root, 'content/plans/2024/a.mdx'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(key()).toBe(before);
  });

  it('changes with a content file edited, added or removed', () => {
    const { root, key } = project();
    const before = key();
    writeFileIn(join(root, 'content/plans/2024/a.mdx'), '---\ntitle: "A"\n---\nNội dung đã sửa.\n');
    const edited = key();
    expect(edited).not.toBe(before);
    writeFileIn(join(root, 'content/plans/2024/b.mdx'), '---\ntitle: "B"\n---\n');
    const added = key();
    expect(added).not.toBe(edited);
    rmSync(join(root, 'content/plans/2024/b.mdx'));
    expect(key()).toBe(edited);
  });

  it('changes with the code, the public files, the lockfile, the config and the .env files', () => {
    const { root, key } = project();
    let last = key();
    for (const [file, text] of [
      ['src/pages/index.astro', '<h1>Kế hoạch mở</h1>'],
      ['src/lib/new.ts', 'export const x = 1;'],
      ['public/favicon.svg', '<svg></svg>'],
      ['package-lock.json', '{"lockfileVersion":3}'],
      ['astro.config.mjs', 'export default {};'],
      ['.env.production', 'PUBLIC_TEN_CONG=Cổng thông tin'],
    ] as const) {
      writeFileIn(join(root, file), text);
      const next = key();
      expect(next, file).not.toBe(last);
      last = next;
    }
  });

  it('changes with the build variables and arguments, not with other variables', () => {
    const { env, key } = project();
    const before = key();
    expect(key({ env: { ...env, HOME: '/home/bien-tap' } })).toBe(before);
    expect(key({ env: { ...env, SITE_URL: 'https://khac.example.gov.vn' } })).not.toBe(before);
    expect(key({ env: { ...env, BASE_PATH: '/ke-hoach/' } })).not.toBe(before);
    expect(key({ env: { ...env, KE_HOACH_CONTENT_DIR: 'content' } })).not.toBe(before);
    expect(key({ args: ['--mode', 'production'] })).not.toBe(before);
  });

  it('follows a link to a file and passes over a link to a folder or to nothing', () => {
    const { root, key } = project();
    writeFileIn(join(root, 'shared/ke-hoach-chung.mdx'), '---\ntitle: "Chung"\n---\n');
    symlinkSync(join(root, 'shared'), join(root, 'content/plans/chung'));
    symlinkSync(join(root, 'missing.mdx'), join(root, 'content/plans/hong.mdx'));
    const before = key();
    symlinkSync(join(root, 'shared/ke-hoach-chung.mdx'), join(root, 'content/plans/2024/chung.mdx'));
    const linked = key();
    expect(linked).not.toBe(before);
    writeFileIn(join(root, 'shared/ke-hoach-chung.mdx'), '---\ntitle: "Chung, đã sửa"\n---\n');
    expect(key()).not.toBe(linked);
  });

  it('reads the content folder it is given', () => {
    const { root, key } = project();
    writeFileIn(join(root, 'other/plans/2024/a.mdx'), '---\ntitle: "Khác"\n---\n');
    expect(key({ contentDir: 'other' })).not.toBe(key());
  });
});

describe('isUnchanged', () => {
  it('holds only for the stamp of the same inputs and the same, untouched out dir', () => {
    const { root, key } = project();
    const stampFile = join(root, '.cache/last-build.json');
    const dist = join(root, 'dist');
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(false);
    writeStamp(stampFile, key(), dist);
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(true);
    expect(isUnchanged(readStamp(stampFile), key(), join(root, 'dist2'))).toBe(false);
    writeFileIn(join(root, 'content/plans/2024/a.mdx'), 'sửa');
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(false);
  });

  it('does not hold when the published folder was changed, added to or removed', () => {
    const { root, key } = project();
    const stampFile = join(root, '.cache/last-build.json');
    const dist = join(root, 'dist');
    writeStamp(stampFile, key(), dist);
    const listing = outputListing(dist);
    writeFileIn(join(dist, 'index.html'), '<h1>Sửa tay</h1>');
    expect(outputListing(dist)).not.toBe(listing);
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(false);
    writeStamp(stampFile, key(), dist);
    writeFileIn(join(dist, 'extra.html'), 'x');
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(false);
    rmSync(dist, { recursive: true });
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(false);
  });

  it('ignores an unreadable stamp', () => {
    const { root, key } = project();
    const stampFile = join(root, '.cache/last-build.json');
    writeFileIn(stampFile, '{ torn');
    expect(readStamp(stampFile)).toBeUndefined();
    expect(isUnchanged(readStamp(stampFile), key(), join(root, 'dist'))).toBe(false);
  });
});

describe('writeStampLater', () => {
  it('writes the stamp from a process of its own, which the next build waits for', async () => {
    const { root, key } = project();
    const stampFile = join(root, '.cache/last-build.json');
    const dist = join(root, 'dist');
    writeStampLater(stampFile, key(), dist);
    expect(existsSync(`${stampFile}.writing`)).toBe(true);
    await waitForStampWriter(stampFile);
    expect(existsSync(`${stampFile}.writing`)).toBe(false);
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(true);
  });

  it('writes nothing when another build published its folder meanwhile', () => {
    const { root, key } = project();
    const stampFile = join(root, '.cache/last-build.json');
    const dist = join(root, 'dist');
    const published = folderId(dist)!;
    renameSync(dist, join(root, 'dist.previous'));
    cpSync(join(root, 'dist.previous'), dist, { recursive: true });
    writeStampIfStill(stampFile, key(), dist, published);
    expect(readStamp(stampFile)).toBeUndefined();
    writeStampIfStill(stampFile, key(), dist, folderId(dist)!);
    expect(isUnchanged(readStamp(stampFile), key(), dist)).toBe(true);
  });

  it('does not wait for a writer that died', async () => {
    const { root } = project();
    const stampFile = join(root, '.cache/last-build.json');
    writeFileIn(`${stampFile}.writing`, '999999999');
    await waitForStampWriter(stampFile, 5_000);
    expect(existsSync(`${stampFile}.writing`)).toBe(false);
  });
});
