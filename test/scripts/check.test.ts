import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTree, removeContentTrees } from '../support/content-tree';
import { checkContent } from '../../src/lib/content/check';
import { formatProblem } from '../../src/lib/content/problems';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

/** `npm run check` is `tsx scripts/check.ts`: the same, on the pinned Node. */
function runCheck(...args: string[]) {
  const result = spawnSync(NODE, ['--import', 'tsx', 'scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/check.ts', () => {
  it('exits 1 and prints every problem at once, grouped by file, then the summary', () => {
    const dir = 'test/fixtures/content/many-problems';
    const { status, stdout, stderr } = runCheck(dir);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const plan = `${dir}/plans/2024/ke-hoach-mau.mdx`;
    expect(stderr).toContain(`${plan}\n  › title: thiếu trường bắt buộc (cần một chuỗi văn bản)\n`);
    expect(stderr).toContain(
      '  › deadlines[1].date: ngày không tồn tại trong lịch (tìm thấy "2024-02-30"; cần một ngày có thật dạng YYYY-MM-DD)\n',
    );
    expect(stderr).toContain(`${dir}/agencies/so-mau.yaml\n  › level: cấp cơ quan phải là một trong:`);
    expect(stderr.trimEnd().endsWith('Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: 6 lỗi trong 3 tệp.')).toBe(true);
    // Every problem the library finds is printed, under its file.
    const { problems } = checkContent(join(ROOT, dir), { baseDir: ROOT });
    expect(problems).toHaveLength(6);
    for (const p of problems) {
      const line = formatProblem(p).slice(p.file.length).replace(/^ › /, '  › ');
      expect(stderr).toContain(`${line}\n`);
    }
  });

  it('exits 0 with the summary alone when the content is clean', () => {
    const { status, stdout, stderr } = runCheck('test/fixtures/content/valid');
    expect({ status, stdout, stderr }).toEqual({
      status: 0,
      stdout: 'Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: không có lỗi.\n',
      stderr: '',
    });
  });

  it('survives an alias bomb and a symlink loop: one line each, no stack trace, the other files still checked', () => {
    afterAll(removeContentTrees);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    const dir = contentTree({
      write: { 'agencies/bom.yaml': `${bomb}\n` },
      symlink: { 'plans/2024/vong': '..', 'plans/vong-lon': '../plans' },
      edit: { 'plans/2024/ke-hoach-mau.mdx': [['"2024-11-10"', '"9999-12-31"']] },
    });
    const started = performance.now();
    const { status, stdout, stderr } = runCheck(dir);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/\n\s+at |Error:|ReferenceError/);
    expect(stderr).toContain('agencies/bom.yaml\n  › quá nhiều tham chiếu YAML (*bí-danh) lồng nhau');
    expect(stderr).toContain('plans/2024/vong\n  › liên kết tượng trưng (symlink)');
    expect(stderr).toContain('plans/vong-lon\n  › liên kết tượng trưng (symlink)');
    expect(stderr).toContain('  › deadlines[1].date: năm nằm ngoài khoảng hợp lý');
    expect(stderr.trimEnd()).toMatch(/: 4 lỗi trong 4 tệp\.$/);
  });
});
