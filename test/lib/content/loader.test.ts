import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, root, withBuildLock } from '../../support/build';

const VALID = join(root, 'test/fixtures/content/valid');

/** The valid fixture's plan with another body. */
function planWithBody(body: string): string {
  const text = readFileSync(join(VALID, 'plans/2024/ke-hoach-mau.mdx'), 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  return `${text.slice(0, end)}\n${body}\n`;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile());
}

describe('contentLoader: the build itself refuses unsafe bodies (the content check bypassed)', () => {
  const work = mkdtempSync(join(root, 'tmp', 'unsafe-build-'));
  const marker = join(work, 'pwned');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs nothing, publishes nothing, and says why in Vietnamese', async () => {
    const content = join(work, 'content');
    for (const registry of ['agencies', 'documents']) cpSync(join(VALID, registry), join(content, registry), { recursive: true });
    mkdirSync(join(content, 'plans/2024'), { recursive: true });
    writeFileSync(
      join(content, 'plans/2024/ghi-tep.mdx'),
      planWithBody(`import { writeFileSync } from 'node:fs'\nexport const x = writeFileSync(${JSON.stringify(marker)}, 'x')\n\nChào {writeFileSync(${JSON.stringify(marker)}, 'y')}.`),
    );
    writeFileSync(join(content, 'plans/2024/lo-thu-muc.mdx'), planWithBody('Xin <span title={process.env.HOME}>chào</span>.'));
    // The site's own config without the content-check integration: only the loader stands in the way.
    const config = join(work, 'astro.config.mjs');
    writeFileSync(
      config,
      `import config from ${JSON.stringify(join(root, 'astro.config.mjs'))};\n` +
        `export default { ...config, integrations: config.integrations.filter((i) => i.name !== 'ke-hoach-mo:content-check') };\n`,
    );
    const outDir = join(work, 'dist');
    const env = { KE_HOACH_CONTENT_DIR: relative(root, content) };
    const error = await withBuildLock(() => astroBuild(outDir, env, ['--config', relative(root, config)])).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('Nội dung có lỗi, không thể xuất bản');
    const plans = relative(root, join(content, 'plans/2024'));
    expect(error?.message).toContain(`${plans}/ghi-tep.mdx\n  › nội dung: dòng 53: không được dùng import/export trong nội dung kế hoạch`);
    expect(error?.message).toContain(`${plans}/ghi-tep.mdx`);
    expect(error?.message).toContain('dòng 56: biểu thức JavaScript {…} không được phép trong nội dung');
    expect(error?.message).toContain(`${plans}/lo-thu-muc.mdx\n  › nội dung: dòng 53: giá trị của thuộc tính title là biểu thức JavaScript, không được phép`);
    expect(existsSync(marker)).toBe(false);
    const published = filesUnder(outDir).filter((path) => readFileSync(path, 'utf8').includes(homedir()) || /writeFileSync/.test(readFileSync(path, 'utf8')));
    expect(published).toEqual([]);
  }, 300_000);
});
