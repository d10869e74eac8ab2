import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { formatProblems } from '../../../src/lib/content/problems';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/content');

describe('checkContent', () => {
  it('says what it checked when all is well', () => {
    const dir = join(FIXTURES, 'valid');
    expect(checkContent(dir).summary).toBe('Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: không có lỗi.');
  });

  it('joins per-file and cross-file problems, sorted by file, paths relative to the working directory', () => {
    const { problems, summary } = checkContent(join(FIXTURES, 'many-problems'), { baseDir: ROOT });
    const dir = 'test/fixtures/content/many-problems';
    expect(problems.map((p) => `${p.file} › ${p.field}`)).toEqual([
      `${dir}/agencies/so-mau.yaml › level`,
      `${dir}/documents/33-ct-ttg.yaml › date`,
      `${dir}/plans/2024/ke-hoach-mau.mdx › title`,
      `${dir}/plans/2024/ke-hoach-mau.mdx › deadlines[1].date`,
      `${dir}/plans/2024/ke-hoach-mau.mdx › issuer`,
      `${dir}/plans/2024/ke-hoach-mau.mdx › nội dung`,
    ]);
    expect(summary).toBe('Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: 6 lỗi trong 3 tệp.');
  });
});

describe('the real content/', () => {
  const { problems, content } = checkContent(join(ROOT, 'content'), { baseDir: ROOT });

  it('passes every check', () => {
    // Printing the list makes a failure say exactly what to fix.
    expect(formatProblems(problems)).toBe('');
  });

  it('holds the five seed plans and the registries they point at', () => {
    expect(content.plans.length).toBeGreaterThanOrEqual(5);
    expect(content.plans.every((p) => p.file.startsWith('content/plans/'))).toBe(true);
    const agencyIds = new Set(content.agencies.map((a) => a.id));
    expect(content.plans.every((p) => agencyIds.has(p.data.issuer))).toBe(true);
  });
});
