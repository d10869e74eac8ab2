import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv, root, withBuildLock } from '../support/build';
import { waitForStampWriter } from '../../src/lib/build/unchanged';

const NODE = join(root, 'node_modules/.bin/node');
const parent = join(root, 'tmp');
mkdirSync(parent, { recursive: true });
const work = mkdtempSync(join(parent, 'atomic-build-'));
afterAll(async () => {
  // A published build leaves two processes of its own behind: one writes its stamp into its cache
  // (waited for here, as the next build would), one deletes the previous site (retried over).
  for (const cache of readdirSync(work).filter((name) => name.startsWith('cache'))) await waitForStampWriter(join(work, cache, 'last-build.json'));
  rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** `npm run build -- --outDir <dir>` is `tsx scripts/build.ts --outDir <dir>`: the same, on the pinned Node. */
function runBuild(outDir: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--import', 'tsx', 'scripts/build.ts', '--outDir', outDir, ...args], { cwd: root, env: buildEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('scripts/build.ts', () => {
  it('leaves the previously published site untouched, and no partial folder, when the build fails', { timeout: 300_000 }, async () => {
    const dist = join(work, 'dist');
    mkdirSync(join(dist, 'ke-hoach'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'bản đã xuất bản');
    writeFileSync(join(dist, 'ke-hoach', 'index.html'), 'danh sách');
    const { status, output } = await withBuildLock(() =>
      runBuild(dist, { KE_HOACH_CONTENT_DIR: 'test/fixtures/content/missing-field', KE_HOACH_CACHE_DIR: join(work, 'cache') }),
    );
    expect(status, output).toBe(1);
    expect(output).toContain('Nội dung có lỗi');
    expect(output).toContain(`thư mục ${dist}/ giữ nguyên bản đã xuất bản trước đó`);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('bản đã xuất bản');
    expect(readFileSync(join(dist, 'ke-hoach', 'index.html'), 'utf8')).toBe('danh sách');
    expect(readdirSync(work).filter((name) => name.startsWith(`${basename(dist)}.`))).toEqual([]);
    expect(existsSync(join(dist, 'api'))).toBe(false);
  });

  it('keeps the published site when nothing changed, and builds again after an edit or with --force', { timeout: 600_000 }, async () => {
    const content = join(work, 'content');
    cpSync(join(root, 'test/fixtures/content/valid'), content, { recursive: true });
    const dist = join(work, 'dist-unchanged');
    const env = { KE_HOACH_CONTENT_DIR: relative(root, content), KE_HOACH_CACHE_DIR: join(work, 'cache-unchanged') };
    const args = ['--mode', 'preview'];
    await withBuildLock(async () => {
      const first = await runBuild(dist, env, args);
      expect(first.status, first.output).toBe(0);
      expect(first.output).toContain('Complete!');
      const page = join(dist, 'index.html');
      const built = statSync(page).mtimeMs;

      const again = await runBuild(dist, env, args);
      expect(again.status, again.output).toBe(0);
      expect(again.output).toContain(`không đổi từ lần build trước: giữ nguyên ${dist}/`);
      expect(again.output).not.toContain('Complete!');
      expect(statSync(page).mtimeMs).toBe(built);

      // Another site address is another build.
      const elsewhere = await runBuild(dist, { ...env, SITE_URL: 'https://khac.example.gov.vn' }, args);
      expect(elsewhere.output).toContain('Complete!');
      const atAddress = await runBuild(dist, env, args);
      expect(atAddress.output).toContain('Complete!');

      appendFileSync(join(content, 'plans/2024/ke-hoach-mau.mdx'), '\nĐoạn bổ sung sau khi ký.\n');
      const edited = await runBuild(dist, env, args);
      expect(edited.status, edited.output).toBe(0);
      expect(edited.output).toContain('Complete!');
      expect(readdirSync(dist, { recursive: true }).some((f) => String(f).endsWith('.html'))).toBe(true);
      expect(readFileSync(join(dist, 'ke-hoach/ke-hoach-mau/index.html'), 'utf8')).toContain('Đoạn bổ sung sau khi ký.');

      const forced = await runBuild(dist, env, [...args, '--force']);
      expect(forced.output).toContain('Complete!');
    });
  });
});
