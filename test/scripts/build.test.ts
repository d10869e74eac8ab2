import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv, root, withBuildLock } from '../support/build';

const NODE = join(root, 'node_modules/.bin/node');
const parent = join(root, 'tmp');
mkdirSync(parent, { recursive: true });
const work = mkdtempSync(join(parent, 'atomic-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build -- --outDir <dir>` is `tsx scripts/build.ts --outDir <dir>`: the same, on the pinned Node. */
function runBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--import', 'tsx', 'scripts/build.ts', '--outDir', outDir], { cwd: root, env: buildEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
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
});
