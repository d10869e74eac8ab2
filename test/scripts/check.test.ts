import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

describe('scripts/check.ts on plan bodies that are not the safe subset of MDX', () => {
  const dir = 'test/fixtures/content/unsafe-bodies';
  /** File (in plans/2024/) → the text on the offending line → the message printed for it. */
  const cases: Array<[string, string, string]> = [
    ['import-export', "import { writeFileSync } from 'node:fs'", "không được dùng import/export trong nội dung kế hoạch (tìm thấy \"import { writeFileSync } from 'node:fs'\""],
    ['expression-text', '{process.env.HOME}', 'biểu thức JavaScript {…} không được phép trong nội dung (tìm thấy "{process.env.HOME}"; cần viết \\{ và \\} để hiện dấu ngoặc nhọn)'],
    ['expression-attribute', 'title={process.env.HOME}', 'giá trị của thuộc tính title là biểu thức JavaScript, không được phép (tìm thấy "title={process.env.HOME}"; cần title="giá trị")'],
    ['script', '<script>', 'thẻ <script> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác) (cần xoá thẻ này; nội dung kế hoạch chỉ gồm văn bản)'],
    ['event-handler', 'onError=', 'thuộc tính sự kiện onError (chạy mã JavaScript) không được phép'],
    ['javascript-link-markdown', '](javascript:', 'liên kết có địa chỉ dùng giao thức "javascript:", không được phép (tìm thấy "javascript:alert(document.cookie)"; cần địa chỉ http://, https://, mailto:'],
    ['javascript-link-html', 'href="javascript:', 'thuộc tính href có địa chỉ dùng giao thức "javascript:", không được phép'],
    ['data-link-markdown', '](data:', 'liên kết có địa chỉ dùng giao thức "data:", không được phép'],
    ['data-link-html', 'href="data:', 'thuộc tính href có địa chỉ dùng giao thức "data:", không được phép'],
    ['iframe', '<iframe', 'thẻ <iframe> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)'],
    ['style', '<style>', 'thẻ <style> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)'],
    ['unknown-component', '<BieuDo', 'thành phần <BieuDo> không có trong danh sách được phép'],
    ['unclosed-tag', '<div>', 'thẻ <div> mở ở dòng này nhưng không được đóng (tìm thấy "<div>"; cần </div> trước dòng trống tiếp theo'],
  ];
  const { status, stderr } = runCheck(dir);

  it('exits 1 and names every file, once', () => {
    expect(status).toBe(1);
    expect(stderr.trimEnd().endsWith(`Đã kiểm tra ${cases.length + 1} kế hoạch, 2 cơ quan, 2 văn bản: ${cases.length + 1} lỗi trong ${cases.length + 1} tệp.`)).toBe(true);
  });

  it.each(cases)('%s: the Vietnamese message at the line of the offending text', (name, text, message) => {
    const file = `${dir}/plans/2024/${name}.mdx`;
    const line = readFileSync(join(ROOT, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(stderr).toContain(`${file}\n  › nội dung: dòng ${line}: ${message}`);
  });

  it('invalid UTF-8: the file and the lines that are not UTF-8', () => {
    const file = `${dir}/plans/2024/invalid-utf8.mdx`;
    // Read leniently, the bytes that are not UTF-8 become U+FFFD (the fixture has no real U+FFFD).
    const bad = readFileSync(join(ROOT, file), 'utf8').split('\n').flatMap((l, i) => (l.includes('\uFFFD') ? [i + 1] : []));
    expect(bad.length).toBeGreaterThan(0);
    expect(stderr).toContain(`${file}\n  › tệp không phải văn bản UTF-8 hợp lệ (dòng ${bad.join(', ')}): có thể là tệp nhị phân hoặc lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258) (cần lưu lại tệp với bảng mã UTF-8)`);
  });
});
