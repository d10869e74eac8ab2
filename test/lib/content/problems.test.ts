import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  bodyIssueProblem,
  describeValue,
  fieldPath,
  findUnknownKeys,
  formatProblem,
  formatProblems,
  problem,
  problemsFromIssues,
  vietnameseErrorMap,
} from '../../../src/lib/content/problems';
import { planSchema } from '../../../src/schemas/plan';
import { deadlineSchema } from '../../../src/schemas/deadline';

/** Parses like the loader does and returns the problems for file "x.yaml". */
function problemsOf(schema: z.ZodType, data: unknown) {
  const result = schema.safeParse(data, { error: vietnameseErrorMap, reportInput: true });
  if (result.success) return [];
  return problemsFromIssues('x.yaml', result.error.issues, data, schema);
}

describe('fieldPath', () => {
  it('writes zod paths as authors read them', () => {
    expect(fieldPath(['deadlines', 2, 'date'])).toBe('deadlines[2].date');
    expect(fieldPath(['signer', 'name'])).toBe('signer.name');
    expect(fieldPath([])).toBe('');
  });
});

describe('describeValue', () => {
  it('quotes strings and names other kinds in Vietnamese', () => {
    expect(describeValue('2024-02-30')).toBe('"2024-02-30"');
    expect(describeValue(859)).toBe('859');
    expect(describeValue(null)).toBe('giá trị trống');
    expect(describeValue(undefined)).toBeUndefined();
    expect(describeValue(['a', 'b'])).toBe('danh sách 2 phần tử');
    expect(describeValue({ date: 'x', task: 'y' })).toBe('nhóm trường (date, task)');
    expect(describeValue('x'.repeat(200))).toHaveLength(82); // 79 chars, "…" and two quotes
  });
});

describe('formatProblem', () => {
  it('prints file › field: message (found; expected)', () => {
    const p = problem('content/plans/2024/x.mdx', ['deadlines', 2, 'date'], 'ngày không tồn tại trong lịch', {
      found: '2024-02-30',
      expected: 'một ngày có thật dạng YYYY-MM-DD',
    });
    expect(formatProblem(p)).toBe(
      'content/plans/2024/x.mdx › deadlines[2].date: ngày không tồn tại trong lịch (tìm thấy "2024-02-30"; cần một ngày có thật dạng YYYY-MM-DD)',
    );
  });

  it('leaves out what it does not know', () => {
    expect(formatProblem(problem('a.yaml', '', 'dòng 3, cột 1: thụt lề sai'))).toBe('a.yaml: dòng 3, cột 1: thụt lề sai');
    expect(formatProblem(problem('a.yaml', 'title', 'thiếu trường bắt buộc', { expected: 'một chuỗi văn bản' }))).toBe(
      'a.yaml › title: thiếu trường bắt buộc (cần một chuỗi văn bản)',
    );
  });
});

describe('bodyIssueProblem', () => {
  it('names the file, the body and the line, with what was found and what is expected', () => {
    expect(bodyIssueProblem('content/plans/2024/x.mdx', { line: 56, message: 'biểu thức JavaScript {…} không được phép trong nội dung', found: '{x}', expected: 'văn bản thường' })).toEqual({
      file: 'content/plans/2024/x.mdx',
      field: 'nội dung',
      message: 'dòng 56: biểu thức JavaScript {…} không được phép trong nội dung',
      found: '"{x}"',
      expected: 'văn bản thường',
    });
    expect(bodyIssueProblem('a.mdx', { line: 1, message: 'thiếu thẻ đóng' })).toEqual({ file: 'a.mdx', field: 'nội dung', message: 'dòng 1: thiếu thẻ đóng' });
  });
});

describe('formatProblems', () => {
  it('groups problems under their file, files in order', () => {
    const text = formatProblems([
      problem('b.mdx', 'title', 'thiếu trường bắt buộc'),
      problem('a.yaml', 'level', 'sai'),
      problem('b.mdx', 'year', 'sai', { found: 2020 }),
    ]);
    expect(text).toBe(['a.yaml', '  › level: sai', '', 'b.mdx', '  › title: thiếu trường bắt buộc', '  › year: sai (tìm thấy 2020)'].join('\n'));
  });
});

describe('Vietnamese messages for zod issues', () => {
  it('a missing required field', () => {
    expect(problemsOf(z.object({ name: z.string() }), {})).toEqual([
      { file: 'x.yaml', field: 'name', message: 'thiếu trường bắt buộc', expected: 'một chuỗi văn bản' },
    ]);
  });

  it('a missing field whose schema has its own type message still reads as missing', () => {
    const [p] = problemsOf(deadlineSchema, { date: '2024-11-10', owner: 'so-mau' });
    expect(p).toEqual({ file: 'x.yaml', field: 'task', message: 'thiếu trường bắt buộc', expected: 'một chuỗi văn bản' });
  });

  it('an empty YAML value (null)', () => {
    expect(problemsOf(z.object({ name: z.string() }), { name: null })).toEqual([
      { file: 'x.yaml', field: 'name', message: 'không được để trống', found: 'giá trị trống', expected: 'một chuỗi văn bản' },
    ]);
  });

  it('a wrong type', () => {
    expect(problemsOf(z.object({ year: z.number() }), { year: '2024' })).toEqual([
      { file: 'x.yaml', field: 'year', message: 'sai kiểu dữ liệu: cần số, tìm thấy chuỗi văn bản', found: '"2024"', expected: 'một số' },
    ]);
  });

  it('a number where a string is expected suggests the quotes', () => {
    const data = { ...validPlan(), number: 859 };
    expect(problemsOf(planSchema, data)).toEqual([
      { file: 'x.yaml', field: 'number', message: 'cần một chuỗi văn bản', found: '859', expected: 'một chuỗi trong dấu nháy: "859"' },
    ]);
  });

  it('too small and too big', () => {
    expect(problemsOf(z.object({ items: z.array(z.string()).min(2) }), { items: ['a'] })[0]).toMatchObject({
      message: 'quá ngắn: cần ít nhất 2 phần tử',
      found: 'danh sách 1 phần tử',
      expected: 'ít nhất 2 phần tử',
    });
    expect(problemsOf(z.object({ n: z.number().max(5) }), { n: 6 })[0]!.message).toBe('quá lớn: cần ≤ 5');
    expect(problemsOf(z.object({ n: z.number().min(1945) }), { n: 1900 })[0]!.message).toBe('quá nhỏ: cần ≥ 1945');
  });

  it('a value outside an enum', () => {
    expect(problemsOf(z.object({ s: z.enum(['ban hành', 'dự thảo']) }), { s: 'nháp' })).toEqual([
      { file: 'x.yaml', field: 's', message: 'giá trị không hợp lệ: phải là một trong: "ban hành", "dự thảo"', found: '"nháp"' },
    ]);
  });

  it('unrecognized keys become one problem per key, listing the allowed fields', () => {
    expect(problemsOf(z.strictObject({ date: z.string() }), { date: 'x', dat: 'y' })).toEqual([
      {
        file: 'x.yaml',
        field: 'dat',
        message: 'trường không có trong lược đồ (có thể gõ sai tên trường)',
        expected: 'một trong các trường: date',
      },
    ]);
  });
});

describe('findUnknownKeys', () => {
  it('finds misspelled fields at any depth of a plan', () => {
    const data = { ...validPlan(), sumary: 'x', deadlines: [{ date: '2024-11-10', task: 't', owner: 'a', ower: 'b' }], signer: { title: 'X', nam: 'Y' } };
    expect(findUnknownKeys('x.mdx', planSchema, data).map((p) => p.field)).toEqual(['signer.nam', 'sumary', 'deadlines[0].ower']);
  });

  it('accepts every field the schema declares', () => {
    expect(findUnknownKeys('x.mdx', planSchema, validPlan())).toEqual([]);
  });
});

function validPlan(): Record<string, unknown> {
  return {
    title: 'Kế hoạch',
    issuer: 'so-mau',
    place: 'Mẫu',
    year: 2024,
    topics: ['Dân vận'],
    summary: 'Tóm tắt.',
    signer: { title: 'CHỦ TỊCH' },
    source: { file: 'a.txt', sha256: 'a'.repeat(64) },
  };
}
