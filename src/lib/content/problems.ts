import type { z } from 'astro/zod';
import { agencyId, CONTROL_CHARACTERS, documentId, isoDate, isRealIsoDate, maxYear, MIN_YEAR, slug } from '../../schemas/common';
import { parseVietnameseDate } from '../vn/dates';

/**
 * One thing a content author must fix, in Vietnamese, pointing at a file and a field.
 * `found` is already written for people (strings in quotes, "giá trị trống" for null).
 */
export interface Problem {
  /** Path of the file, relative to the project (or to the `baseDir` given to the loader). */
  file: string;
  /** The field, as a path: "deadlines[2].date"; "nội dung" for the MDX body; "" for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What was found, ready to print. */
  found?: string;
  /** What is expected instead, ready to print after "cần". */
  expected?: string;
}

type ZodIssue = z.core.$ZodIssue;
type ZodSchema = z.core.$ZodType;

/** Options of {@link problem}: `found` is a value to describe, `foundText` is printed as is. */
export interface ProblemDetails {
  found?: unknown;
  foundText?: string;
  expected?: string;
}

/**
 * The one way to make a problem, for zod issues and our own cross-checks alike.
 * @example problem('content/plans/2024/x.mdx', ['deadlines', 2, 'date'], 'ngày không tồn tại trong lịch', { found: '2024-02-30' })
 */
export function problem(file: string, field: string | readonly PropertyKey[], message: string, details: ProblemDetails = {}): Problem {
  const result: Problem = { file, field: typeof field === 'string' ? field : fieldPath(field), message };
  const found = details.foundText ?? describeValue(details.found);
  if (found !== undefined) result.found = found;
  if (details.expected !== undefined) result.expected = details.expected;
  return result;
}

/**
 * A body's issue (`BodyIssue`, mdx-body.ts) as a problem of its file, "dòng N: …" under "nội dung":
 * what the content check and the build's loader both report.
 */
export function bodyIssueProblem(file: string, issue: { line: number; message: string; found?: string; expected?: string }): Problem {
  return problem(file, 'nội dung', `dòng ${issue.line}: ${issue.message}`, { found: issue.found, expected: issue.expected });
}

/**
 * A zod path as authors read it.
 * @example fieldPath(['deadlines', 2, 'date']) // 'deadlines[2].date'
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const MAX_FOUND = 80;
const CONTROL_GLOBAL = new RegExp(CONTROL_CHARACTERS.source, 'g');

/** A value as it appears in a message: strings quoted (and shortened), null as "giá trị trống". */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'giá trị trống';
  if (typeof value === 'string') {
    const short = value.length > MAX_FOUND ? `${value.slice(0, MAX_FOUND - 1)}…` : value;
    // JSON escapes C0 controls; C1 controls and non-characters would print invisibly, so escape them too.
    return JSON.stringify(short).replace(CONTROL_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'ngày không hợp lệ' : `ngày ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'danh sách rỗng' : `danh sách ${value.length} phần tử`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'nhóm trường rỗng' : `nhóm trường (${keys.join(', ')})`;
  }
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'giá trị đúng/sai (true/false)',
  array: 'danh sách',
  object: 'nhóm trường',
  null: 'giá trị trống',
  undefined: 'không có',
  date: 'ngày',
  bigint: 'số nguyên lớn',
  nan: 'NaN',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const SIZED: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', map: 'phần tử', file: 'byte' };

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
}

/**
 * Vietnamese messages for zod's generic issues, for schemas that do not carry their own message.
 * Pass it per parse: `schema.safeParse(data, { error: vietnameseErrorMap, reportInput: true })`.
 */
export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu trường bắt buộc';
      if (issue.input === null) return 'không được để trống';
      return `sai kiểu dữ liệu: cần ${typeName(issue.expected)}, tìm thấy ${typeName(typeOf(issue.input))}`;
    case 'too_small': {
      const unit = SIZED[issue.origin];
      const n = issue.minimum.toString();
      if (unit) return issue.exact ? `cần đúng ${n} ${unit}` : `quá ngắn: cần ít nhất ${n} ${unit}`;
      return `quá nhỏ: cần ${issue.inclusive ? '≥' : '>'} ${n}`;
    }
    case 'too_big': {
      const unit = SIZED[issue.origin];
      const n = issue.maximum.toString();
      if (unit) return issue.exact ? `cần đúng ${n} ${unit}` : `quá dài: tối đa ${n} ${unit}`;
      return `quá lớn: cần ${issue.inclusive ? '≤' : '<'} ${n}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `giá trị không hợp lệ: phải là ${list(issue.values)}`
        : `giá trị không hợp lệ: phải là một trong: ${list(issue.values)}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'địa chỉ web không hợp lệ';
      if (issue.format === 'regex') return 'sai định dạng';
      return `sai định dạng ${issue.format}`;
    case 'unrecognized_keys':
      return `trường không có trong lược đồ: ${list(issue.keys)}`;
    case 'not_multiple_of':
      return `phải là bội số của ${issue.divisor}`;
    case 'invalid_union':
      return 'giá trị không khớp với dạng nào được phép';
    case 'invalid_key':
      return 'khoá không hợp lệ';
    case 'invalid_element':
      return 'phần tử không hợp lệ';
    default:
      return 'giá trị không hợp lệ';
  }
};

// --- Walking a zod schema (used for "expected" texts and for unknown keys) ---

interface Def {
  type: string;
  innerType?: ZodSchema;
  in?: ZodSchema;
  shape?: Record<string, ZodSchema>;
  element?: ZodSchema;
  entries?: Record<string, unknown>;
}

function defOf(schema: ZodSchema): Def {
  return schema._zod.def as unknown as Def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Strips optional/nullable/default/pipe wrappers; tells whether null is accepted. */
export function unwrapSchema(schema: ZodSchema): { schema: ZodSchema; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'nullable') nullable = true;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return { schema: current, nullable };
  }
}

/** The schema of the value at `path`, or undefined when the path leaves the schema. */
function schemaAt(schema: ZodSchema, path: readonly PropertyKey[]): ZodSchema | undefined {
  let current: ZodSchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    const inner = unwrapSchema(current).schema;
    const def = defOf(inner);
    if (def.type === 'object' && def.shape && typeof key === 'string') current = def.shape[key];
    else if (def.type === 'array' && def.element && typeof key === 'number') current = def.element;
    else return undefined;
  }
  return current;
}

/** Field names an object schema accepts, or undefined when it is not an object. */
function objectKeys(schema: ZodSchema): string[] | undefined {
  const def = defOf(unwrapSchema(schema).schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

const ISO_EXPECTED = 'một ngày có thật dạng YYYY-MM-DD';

/** What a field expects, described from its schema (and the value found, to suggest a fix). */
function describeExpected(fieldSchema: ZodSchema | undefined, found: unknown, byType = true): string | undefined {
  if (!fieldSchema) return undefined;
  const { schema: leaf, nullable } = unwrapSchema(fieldSchema);
  const orNull = nullable ? ', hoặc null nếu không rõ' : '';
  if (leaf === isoDate) {
    if (typeof found === 'string' && isRealIsoDate(found)) return `một ngày từ năm ${MIN_YEAR} đến năm ${maxYear()}`;
    const suggestion = typeof found === 'string' ? parseVietnameseDate(found) : null;
    return suggestion ? `${ISO_EXPECTED}, ở đây là "${suggestion}"` : ISO_EXPECTED + orNull;
  }
  if (leaf === agencyId) return `mã của một cơ quan trong content/agencies/, ví dụ "so-tttt-tay-ninh"${orNull}`;
  if (leaf === documentId) return `mã của một văn bản trong content/documents/, ví dụ "33-ct-ttg"${orNull}`;
  if (leaf === slug) return `chữ thường không dấu, số và dấu gạch ngang${orNull}`;
  // A format or refinement failure already says what is wrong; "a string" would not help.
  if (!byType) return undefined;
  const def = defOf(leaf);
  switch (def.type) {
    case 'enum':
      return `một trong: ${list(Object.values(def.entries ?? {}))}${orNull}`;
    case 'string':
      if (typeof found === 'number' || typeof found === 'boolean') return `một chuỗi trong dấu nháy: "${String(found)}"`;
      return `một chuỗi văn bản${orNull}`;
    case 'number':
      return `một số${orNull}`;
    case 'boolean':
      return `true hoặc false${orNull}`;
    case 'array':
      return `một danh sách${orNull}`;
    case 'object':
      return `một nhóm trường: ${Object.keys(def.shape ?? {}).join(', ')}${orNull}`;
    default:
      return undefined;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns zod issues into problems. `data` is the raw input (to show what was found), `schema` the
 * schema it was parsed with (to say what is expected).
 */
export function problemsFromIssues(file: string, issues: readonly ZodIssue[], data: unknown, schema: ZodSchema): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const objectSchema = schemaAt(schema, issue.path);
      const allowed = objectSchema ? objectKeys(objectSchema) : undefined;
      for (const key of issue.keys) {
        out.push(unknownKeyProblem(file, [...issue.path, key], allowed));
      }
      continue;
    }
    const found = valueAt(data, issue.path);
    const fieldSchema = schemaAt(schema, issue.path);
    let message = issue.message;
    // Schemas carry their own type message ("cần một chuỗi văn bản"); a missing or empty field reads better as such.
    if (issue.code === 'invalid_type' && found === undefined) message = 'thiếu trường bắt buộc';
    else if (issue.code === 'invalid_type' && found === null) message = 'không được để trống';
    let expected = describeExpected(fieldSchema, found, issue.code === 'invalid_type');
    if (issue.code === 'custom' && typeof found === 'string' && found !== found.normalize('NFC')) {
      expected = 'cùng văn bản ở dạng Unicode NFC (chữ có dấu dựng sẵn)';
    }
    if (issue.code === 'too_small' && issue.origin === 'array') expected = `ít nhất ${issue.minimum.toString()} phần tử`;
    out.push(problem(file, issue.path, message, { found, expected }));
  }
  return out;
}

/** A field the schema does not know (a typo such as "deadline" for "deadlines" would otherwise be dropped silently). */
function unknownKeyProblem(file: string, path: readonly PropertyKey[], allowed: readonly string[] | undefined): Problem {
  return problem(file, path, 'trường không có trong lược đồ (có thể gõ sai tên trường)', {
    expected: allowed ? `một trong các trường: ${allowed.join(', ')}` : undefined,
  });
}

/**
 * Reports every key of `data` that `schema` does not declare, at any depth (zod objects strip
 * unknown keys without a word).
 */
export function findUnknownKeys(file: string, schema: ZodSchema, data: unknown, path: PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  const walk = (s: ZodSchema, value: unknown, at: PropertyKey[]): void => {
    if (value === null || typeof value !== 'object') return;
    const def = defOf(unwrapSchema(s).schema);
    if (def.type === 'object' && def.shape && !Array.isArray(value)) {
      const shape = def.shape;
      for (const [key, child] of Object.entries(value)) {
        if (Object.hasOwn(shape, key)) walk(shape[key]!, child, [...at, key]);
        else out.push(unknownKeyProblem(file, [...at, key], Object.keys(shape)));
      }
    } else if (def.type === 'array' && def.element && Array.isArray(value)) {
      value.forEach((item, i) => walk(def.element!, item, [...at, i]));
    }
  };
  walk(schema, data, path);
  return out;
}

/**
 * One line per problem.
 * @example formatProblem(p) // 'content/plans/2024/x.mdx › deadlines[2].date: ngày không tồn tại trong lịch (tìm thấy "2024-02-30"; cần một ngày có thật dạng YYYY-MM-DD)'
 */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.field ? ` › ${p.field}` : ''}: ${describeProblem(p)}`;
}

/** The part after "file › field: ". */
function describeProblem(p: Problem): string {
  const details = [p.found !== undefined ? `tìm thấy ${p.found}` : '', p.expected !== undefined ? `cần ${p.expected}` : '']
    .filter(Boolean)
    .join('; ');
  return details ? `${p.message} (${details})` : p.message;
}

/** Problems sorted by file (stable within a file), so each file's problems print together. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Every problem, grouped under its file:
 * ```
 * content/plans/2024/x.mdx
 *   › deadlines[2].date: ngày không tồn tại trong lịch (tìm thấy "2024-02-30"; cần …)
 * ```
 */
export function formatProblems(problems: readonly Problem[]): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const p of sortProblems(problems)) {
    if (p.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(p.file);
      current = p.file;
    }
    lines.push(`  ${p.field ? `› ${p.field}: ` : '› '}${describeProblem(p)}`);
  }
  return lines.join('\n');
}
