import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { z } from 'astro/zod';
import { planSchema, type Plan } from '../../schemas/plan';
import { agencySchema, type Agency } from '../../schemas/agency';
import { documentSchema, type RegistryDocument } from '../../schemas/document';
import { reportSchema, type Report } from '../../schemas/report';
import { idFromPath } from './ids';
import type { CollectionKind } from './discover';
import type { BodyIssue } from './mdx-body';
import { findBodyTextHazards, type BodyTextHazards } from './body';
import { findUnknownKeys, problem, problemsFromIssues, unwrapSchema, vietnameseErrorMap, type Problem } from './problems';

// Parsing and per-file validation of content text, without the file system: `load.ts` feeds it the
// files it discovers (through its cache), the browser editor the entry it is about to save.

/** A plan that passed its schema. */
export interface LoadedPlan {
  /** File name without extension: the URL slug. */
  slug: string;
  /** Path for messages ("content/plans/2024/x.mdx"). */
  file: string;
  data: Plan;
  /** The MDX body (everything after the closing `---`). */
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
}

/** A results report that passed its schema. */
export interface LoadedReport {
  /** File name without extension: the URL slug under /bao-cao/. */
  slug: string;
  file: string;
  data: Report;
  body: string;
  bodyLine: number;
}

/** An agency registry entry that passed its schema. */
export interface LoadedAgency {
  id: string;
  file: string;
  data: Agency;
}

/** A document registry entry that passed its schema. */
export interface LoadedDocument {
  id: string;
  file: string;
  data: RegistryDocument;
}

export type ContentKind = CollectionKind;

/** Every content file read, valid or not (cross-checks such as duplicate slugs need them all). */
export interface ContentSource {
  kind: ContentKind;
  id: string;
  file: string;
  /** Folders between the collection folder and the file ("2024" for plans/2024/x.mdx). */
  folders: string[];
  /**
   * The parsed YAML of an entry that failed its schema; undefined when it could not be parsed, and
   * once the entry is valid, where `fields` holds the same data (50,000 plans need not keep both).
   */
  raw: unknown;
  /**
   * The fields that passed their schema (all of them when `valid`), so cross-checks still run on
   * the good parts of a file with errors. In arrays, an item that failed is left undefined.
   */
  fields: Record<string, unknown>;
  /** Plans and reports only: the MDX body and where it starts. */
  body?: string;
  bodyLine?: number;
  /**
   * Plans and reports: the body's syntax errors and policy violations (`mdx-body.ts`), found when the file
   * was read (and cached with it); the rendered HTML waits in the body cache for the build.
   */
  bodyIssues?: BodyIssue[];
  /** Plans and reports: the body's control characters and text not in NFC (`findBodyTextHazards`), found when the file was read. */
  bodyText?: BodyTextHazards;
  /** Plans and reports: true when the body is only white space, found when the file was read (a kept parse's body is read when asked for). */
  bodyBlank?: boolean;
  /** True when the entry passed its schema and is in `plans` / `agencies` / `documents` / `reports`. */
  valid: boolean;
}

export interface LoadedContent {
  /** Absolute path of the content folder. */
  rootDir: string;
  plans: LoadedPlan[];
  agencies: LoadedAgency[];
  documents: LoadedDocument[];
  reports: LoadedReport[];
  sources: ContentSource[];
  /** Problems found while reading and validating each file on its own. */
  problems: Problem[];
}

type Schema = z.core.$ZodType;

/** Aliases a YAML file may expand; a plan needs none, so this only stops alias bombs. */
const MAX_ALIAS_COUNT = 100;

/** Where dates hide unquoted: js-yaml (used by Astro) turns these into Date objects and rolls impossible days over. */
const YAML_TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/;

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: 'trường bị khai báo hai lần',
  TAB_AS_INDENT: 'không được thụt lề bằng ký tự tab',
  BAD_INDENT: 'thụt lề sai',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu nháy hoặc ngoặc)',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được xuống dòng (thường do thiếu dấu nháy hoặc thụt lề sai)',
  BLOCK_AS_IMPLICIT_KEY: 'thụt lề sai hoặc thiếu dấu hai chấm',
  UNEXPECTED_TOKEN: 'ký tự không mong đợi (giá trị có dấu hai chấm hoặc # cần đặt trong dấu nháy)',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này; hãy đặt trong dấu nháy',
};

/** Finds a body's syntax errors and policy violations; the build passes the safe pipeline's (`mdx-body.ts`). */
export type BodyChecker = (body: string, firstLine: number) => BodyIssue[];

/**
 * Parses and validates one file's text (`rel` is its path in the collection folder, `file` the path
 * shown in messages) and adds it to `content`: no file system, so the browser editor runs the same
 * per-file check on the entry it is about to save.
 */
export function addEntryText(content: LoadedContent, kind: ContentKind, text: string, file: string, rel: string, checkBody?: BodyChecker): void {
  if (kind === 'plan' || kind === 'report') loadMdxEntry(content, kind, text, file, rel, checkBody);
  else loadRegistryEntry(content, kind, text, file, rel);
}

function loadMdxEntry(content: LoadedContent, kind: 'plan' | 'report', text: string, file: string, rel: string, checkBody?: BodyChecker): void {
  const source: ContentSource = { kind, id: idFromPath(rel), file, folders: foldersOf(rel), raw: undefined, fields: {}, valid: false };
  content.sources.push(source);

  const split = splitFrontmatter(text);
  if (!split) {
    content.problems.push(
      problem(file, '', 'thiếu phần frontmatter: tệp phải bắt đầu bằng một dòng "---", các trường, rồi một dòng "---"', {
        foundText: text.length === 0 ? 'tệp rỗng' : JSON.stringify(text.split(/\r?\n/, 1)[0]!.slice(0, 60)),
      }),
    );
    return;
  }
  source.body = split.body;
  source.bodyLine = split.bodyLine;
  if (checkBody) source.bodyIssues = checkBody(split.body, split.bodyLine);
  source.bodyText = findBodyTextHazards(split.body, split.bodyLine);
  source.bodyBlank = split.body.trim() === '';
  const data = parseYaml(content, file, split.yaml, 1);
  if (data === undefined) return;
  source.raw = data;
  if (kind === 'plan') {
    const result = validateEntry(content, source, planSchema, data);
    if (result.success) content.plans.push({ slug: source.id, file, data: result.data as Plan, body: split.body, bodyLine: split.bodyLine });
  } else {
    const result = validateEntry(content, source, reportSchema, data);
    if (result.success) content.reports.push({ slug: source.id, file, data: result.data as Report, body: split.body, bodyLine: split.bodyLine });
  }
}

function loadRegistryEntry(content: LoadedContent, kind: 'agency' | 'document', text: string, file: string, rel: string): void {
  const source: ContentSource = { kind, id: idFromPath(rel), file, folders: foldersOf(rel), raw: undefined, fields: {}, valid: false };
  content.sources.push(source);
  const data = parseYaml(content, file, text, 0);
  if (data === undefined) return;
  source.raw = data;
  if (kind === 'agency') {
    const result = validateEntry(content, source, agencySchema, data);
    if (result.success) {
      content.agencies.push({ id: source.id, file, data: result.data as Agency });
    }
  } else {
    const result = validateEntry(content, source, documentSchema, data);
    if (result.success) {
      content.documents.push({ id: source.id, file, data: result.data as RegistryDocument });
    }
  }
}

/** Splits `---\n yaml \n---\n body`; undefined when the file does not open with a frontmatter block. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (end === -1) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/**
 * Parses YAML with the 1.2 core schema, where an unquoted date stays a string, so we can both
 * validate it and tell the author to quote it. `lineOffset` is the number of lines before the YAML
 * in the file. Returns undefined (and records problems) when the YAML is broken.
 */
function parseYaml(content: LoadedContent, file: string, text: string, lineOffset: number): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const known = YAML_ERRORS[error.code];
      const detail = error.message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+.*$/, '');
      const message = `dòng ${line + lineOffset}, cột ${col}: ${known ?? `lỗi cú pháp YAML (${detail})`}`;
      content.problems.push(problem(file, '', message));
    }
    return undefined;
  }
  reportUnquotedDates(content, file, doc.contents, []);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // yaml refuses to expand more aliases than this ("billion laughs"); anything else is a bug to surface.
    if (!(error instanceof ReferenceError)) throw error;
    content.problems.push(
      problem(file, '', `quá nhiều tham chiếu YAML (*bí-danh) lồng nhau: tệp sẽ phình ra hàng tỷ phần tử nên không được đọc`, {
        expected: `viết thẳng giá trị thay cho &neo/*bí-danh (tối đa ${MAX_ALIAS_COUNT} tham chiếu)`,
      }),
    );
    return undefined;
  }
}

function reportUnquotedDates(content: LoadedContent, file: string, node: unknown, path: PropertyKey[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      reportUnquotedDates(content, file, pair.value, [...path, String(key)]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item: unknown, i: number) => reportUnquotedDates(content, file, item, [...path, i]));
  } else if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && YAML_TIMESTAMP.test(node.value)) {
    content.problems.push(
      problem(file, path, 'ngày phải đặt trong dấu nháy: Astro đọc ngày không có nháy thành kiểu ngày và lặng lẽ đổi ngày không có thật sang ngày khác', {
        foundText: `${node.value} (không có dấu nháy)`,
        expected: `"${node.value}"`,
      }),
    );
  }
}

function validateEntry(content: LoadedContent, source: ContentSource, schema: Schema, data: unknown): { success: boolean; data?: unknown } {
  const { file } = source;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    content.problems.push(
      problem(file, '', 'nội dung YAML phải là các cặp "trường: giá trị"', { found: data, expected: 'một nhóm trường' }),
    );
    return { success: false };
  }
  // Unknown keys are reported but do not invalidate the entry: its other fields still get cross-checked.
  content.problems.push(...findUnknownKeys(file, schema, data));
  const result = (schema as z.ZodType).safeParse(data, { error: vietnameseErrorMap, reportInput: true });
  if (result.success) {
    source.valid = true;
    source.fields = result.data as Record<string, unknown>;
    source.raw = undefined;
  } else {
    content.problems.push(...problemsFromIssues(file, result.error.issues, data, schema));
    source.fields = validFields(schema, data as Record<string, unknown>);
  }
  return { success: result.success, data: result.data };
}

/** Each top-level field parsed on its own; for arrays, each item on its own (failed items stay undefined). */
function validFields(schema: Schema, data: Record<string, unknown>): Record<string, unknown> {
  const shape = (unwrapSchema(schema).schema._zod.def as unknown as { shape?: Record<string, Schema> }).shape ?? {};
  const fields: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const whole = (fieldSchema as z.ZodType).safeParse(data[key]);
    if (whole.success) {
      fields[key] = whole.data;
      continue;
    }
    const element = (unwrapSchema(fieldSchema).schema._zod.def as unknown as { element?: Schema }).element;
    const value = data[key];
    if (element && Array.isArray(value)) {
      fields[key] = value.map((item) => {
        const r = (element as z.ZodType).safeParse(item);
        return r.success ? r.data : undefined;
      });
    }
  }
  return fields;
}

/** An empty content set rooted at `rootDir`, to add files to. */
export function emptyContent(rootDir: string): LoadedContent {
  return { rootDir, plans: [], agencies: [], documents: [], reports: [], sources: [], problems: [] };
}

export function foldersOf(rel: string): string[] {
  return rel.split('/').slice(0, -1);
}
