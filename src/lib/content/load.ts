import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { cachedRecord, cacheKey, contentCacheEnabled, contentFileDigests, pipelineFingerprint, storeRecord } from './cache';
import type { FileTimes, InputDigests } from '../build/input-digests';
import { idFromPath } from './ids';
import { discoverContentFiles } from './discover';
import { processBodyCached } from './mdx-body';
import { problem, type Problem } from './problems';
import { addEntryText, emptyContent, foldersOf, splitFrontmatter, type ContentKind, type ContentSource, type LoadedAgency, type LoadedContent, type LoadedDocument, type LoadedPlan, type LoadedReport } from './parse';

export {
  splitFrontmatter,
  type ContentKind,
  type ContentSource,
  type LoadedAgency,
  type LoadedContent,
  type LoadedDocument,
  type LoadedPlan,
  type LoadedReport,
} from './parse';

export interface LoadOptions {
  /** Folder that `file` paths are relative to; defaults to the working directory. */
  baseDir?: string;
}

/**
 * Reads `content/plans/**\/*.mdx`, `content/reports/**\/*.mdx`, `content/agencies/*.yaml` and `content/documents/*.yaml`
 * under `rootDir` and validates each file against its schema. Never throws on bad content:
 * every problem is collected in `problems`. Cross-file checks are in `validateContent`.
 * @example loadContent('content').plans.map((p) => p.slug)
 */
export function loadContent(rootDir: string, options: LoadOptions = {}): LoadedContent {
  const root = resolve(rootDir);
  const displayPath = displayPathFor(options);
  if (!isDirectory(root)) return missingFolder(root, displayPath);
  return loadDiscovered(root, displayPath, discoverContentFiles(root, displayPath));
}

function displayPathFor(options: LoadOptions): (abs: string) => string {
  const baseDir = resolve(options.baseDir ?? process.cwd());
  return (abs) => relative(baseDir, abs).split(sep).join('/');
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function missingFolder(root: string, displayPath: (abs: string) => string): LoadedContent {
  const content = emptyContent(root);
  content.problems.push(problem(displayPath(root), '', 'không tìm thấy thư mục nội dung'));
  return content;
}

/** Reads the files `discoverContentFiles` found; `stats[i]`, when given, is `files[i]`'s stat just taken. */
function loadDiscovered(root: string, displayPath: (abs: string) => string, discovered: ReturnType<typeof discoverContentFiles>, stats?: readonly FileTimes[]): LoadedContent {
  const content = emptyContent(root);
  content.problems.push(...discovered.problems);
  const digests = contentFileDigests();
  for (const [i, { kind, abs, rel }] of discovered.files.entries()) loadFile(content, kind, abs, displayPath(abs), rel, digests, stats?.[i]);
  digests?.save();
  // Parses `parseFromEnd` made for files this load did not reach (a file changed between the two) go.
  parsedAhead.clear();
  return content;
}

/**
 * Parses `parseFromEnd` made in this process, by record key, until the load takes them: with their
 * bodies, as a parse made in the load itself is.
 */
const parsedAhead = new Map<string, FileResult>();

/**
 * Shares a cold parse between the two processes of a build. `astro build` checks the content in
 * its own process while the build's content process (src/integrations/content-tasks.ts) reads the
 * same folder for the search index and the cards. Both reading from the first file forward, each
 * took the parses the other had kept already, but they often parsed the same file at the same
 * time. The content process calls this first: it parses the files from the last one backward,
 * keeping each parse in the content cache, and stops at the first file whose parse is kept. The
 * other process, reading forward and keeping its parses too, got there first; every file before it
 * is parsed by that process or soon will be, and the load that follows reads those parses from the
 * cache. The parses made here are held for that load, which takes them instead of reading them
 * back. Measured at 5,000 plans, both processes' parse at once: 14.0–14.5 s forward and forward,
 * 12.4–12.6 s forward and backward (docs/scale.md, 6 December 2026).
 *
 * With the parses kept by the last build, the last file's is, and nothing is parsed; without the
 * content cache, nothing is done. Returns how many files were parsed.
 */
export function parseFromEnd(rootDir: string, options: LoadOptions = {}): number {
  const root = resolve(rootDir);
  if (!contentCacheEnabled() || !isDirectory(root)) return 0;
  const displayPath = displayPathFor(options);
  const { files } = discoverContentFiles(root, displayPath);
  let parsed = 0;
  for (let i = files.length - 1; i >= 0; i--) {
    const { kind, abs, rel } = files[i]!;
    const file = displayPath(abs);
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch {
      // Gone since it was listed: the load reports it.
      break;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = fileRecordKey(kind, rel, file, sha256);
    if (cachedRecord('files', key) !== undefined) break;
    parsedAhead.set(key, parsedFile(key, kind, bytes, file, rel));
    parsed += 1;
  }
  return parsed;
}

/** The key a file's parse is kept under (`.cache/content/…/files/`): its kind, paths and bytes' sha256, with the code's fingerprint. */
function fileRecordKey(kind: ContentKind, rel: string, file: string, sha256: string): string {
  return cacheKey('file', kind, rel, file, sha256);
}

/** The parse `parseFromEnd` made for `key`, handed over once. */
function takeParsedAhead(key: string): FileResult | undefined {
  const result = parsedAhead.get(key);
  if (result !== undefined) parsedAhead.delete(key);
  return result;
}

/**
 * Parses shared by every copy of this module in the process: the build loads it three times (the
 * content check and the loader through Astro's config loader, the pages from their bundle), and
 * the pages would otherwise parse every file again. Keyed by folder, base folder and code fingerprint.
 */
const loaded: Map<string, { stamp: string; content: LoadedContent; frozen?: boolean }> = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.loaded-content')] ??= new Map()) as Map<
  string,
  { stamp: string; content: LoadedContent; frozen?: boolean }
>;

export interface CachedLoadOptions extends LoadOptions {
  /**
   * Keep this parse for the rest of the process: later calls for the folder return it without
   * looking at its files again. For `astro build`, which publishes the content its check saw; each
   * look is a walk of the folder and a stat of every file (0.5 s at 50,000 plans), and a build
   * looks half a dozen times (the check, each collection's loader, the pages, the editor's list).
   */
  freeze?: boolean;
}

/**
 * `loadContent`, parsed once per state of the folder: the build's check, its loader, its pages and
 * its search index share one parse instead of re-reading every plan. The stamp is every file's
 * path, size and mtime, so an edit (e.g. under `astro dev`) is seen at once; a frozen parse
 * (`freeze`) is returned as it is.
 */
export function loadContentCached(rootDir: string, options: CachedLoadOptions = {}): LoadedContent {
  const root = resolve(rootDir);
  const key = `${root}\0${resolve(options.baseDir ?? process.cwd())}\0${pipelineFingerprint() ?? ''}`;
  const hit = loaded.get(key);
  if (hit?.frozen) return hit.content;
  const displayPath = displayPathFor(options);
  const discovered = discoverContentFiles(root, displayPath);
  const stats = discovered.files.map(({ abs }) => statSync(abs));
  const stamp = [...discovered.files.map(({ abs }, i) => `${abs}:${stats[i]!.size}:${stats[i]!.mtimeMs}`), ...discovered.problems.map((p) => `${p.file}:${p.message}`)].join('\n');
  let found = hit && hit.stamp === stamp ? hit : undefined;
  if (!found) {
    // The stat just taken stands for each file in the digest record too: one stat per file, not two.
    const content = isDirectory(root) ? loadDiscovered(root, displayPath, discovered, stats) : missingFolder(root, displayPath);
    found = { stamp, content };
    loaded.set(key, found);
  }
  if (options.freeze) found.frozen = true;
  return found.content;
}

/**
 * The record key of each plan and report read by `loadFile`: a hash of its file's path and bytes and
 * of the code that parses them, so it stands for the entry's slug, data and body. Shared by every
 * copy of this module in the process, like `loaded`.
 */
const sourceDigests = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.source-digests')] ??= new WeakMap()) as WeakMap<
  object,
  { parts: unknown[]; digest: string }
>;

/**
 * What stands for an object's body in its digest's parts without reading it: the getter of a kept
 * parse's body (`attachKeptBody`), which assigning a body replaces, else the body itself.
 */
function bodyPart(object: object): unknown {
  const own = Object.getOwnPropertyDescriptor(object, 'body');
  return own?.get ?? own?.value;
}

const entryParts = (entry: { data: unknown; body?: unknown }): unknown[] => [entry.data, bodyPart(entry)];
const sourceParts = (source: ContentSource): unknown[] => [source.valid, source.fields, source.raw, bodyPart(source), source.bodyLine];

function knownDigest(object: object, parts: unknown[]): string | undefined {
  const known = sourceDigests.get(object);
  return known && known.parts.every((part, i) => part === parts[i]) ? known.digest : undefined;
}

/**
 * The digest of a plan or report as read from its file, or undefined for an entry made some other
 * way (a test fixture, an editor preview) or whose data or body has been replaced since: then the
 * caller hashes the entry itself. Entries are never changed deeper than that.
 */
export function sourceDigest(entry: { data: unknown; body?: unknown }): string | undefined {
  return knownDigest(entry, entryParts(entry));
}

/** `sourceDigest` of what a file's read gave (`LoadedContent.sources`): its fields or raw YAML, and its body. */
export function contentSourceDigest(source: ContentSource): string | undefined {
  return knownDigest(source, sourceParts(source));
}

/** What reading one file adds to `LoadedContent`: the unit the on-disk cache stores. */
interface FileResult {
  source: ContentSource;
  problems: Problem[];
  plan?: LoadedPlan;
  report?: LoadedReport;
  agency?: LoadedAgency;
  document?: LoadedDocument;
}

/** A file's parse as the cache stores it: a plan's or report's body apart (`BODY_RECORDS`), under the same key. */
interface FileRecord extends Omit<FileResult, 'plan' | 'report'> {
  plan?: Omit<LoadedPlan, 'body'>;
  report?: Omit<LoadedReport, 'body'>;
  bodyApart?: true;
}

/**
 * Where the bodies of kept parses live. A build reads every file's parse (its frontmatter is in every
 * list, key and check) but the body of the plans it renders only: bodies are 60 % of a parse's bytes,
 * half a gigabyte of text held by each of a 50,000-plan build's processes had they been read with it.
 */
export const BODY_RECORDS = 'file-bodies';

/**
 * Reads and validates one file, or takes the result from `.cache/content/files/` when the same
 * bytes were read at the same path by the same code before. A file unchanged since its digest was
 * recorded (`digests`) is not read at all, and a kept parse's body is read when first asked for.
 */
function loadFile(content: LoadedContent, kind: ContentKind, abs: string, file: string, rel: string, digests: InputDigests | undefined, stat?: FileTimes): void {
  const fileKey = (sha256: string) => fileRecordKey(kind, rel, file, sha256);
  const known = digests?.of(abs, stat);
  let key = known ? fileKey(known.sha256) : '';
  let result = known ? (takeParsedAhead(key) ?? keptFile(key, abs, file, known.sha256)) : undefined;
  if (result === undefined) {
    // Parsed from the bytes read now, under their own digest, whatever the recorded one said.
    const bytes = known?.bytes ?? readFileSync(abs);
    const sha256 = known?.bytes ? known.sha256 : createHash('sha256').update(bytes).digest('hex');
    key = fileKey(sha256);
    result = takeParsedAhead(key) ?? keptFile(key, abs, file, sha256) ?? parsedFile(key, kind, bytes, file, rel);
  }
  const entry = result.plan ?? result.report;
  if (pipelineFingerprint() !== null) {
    if (entry) sourceDigests.set(entry, { parts: entryParts(entry), digest: key });
    sourceDigests.set(result.source, { parts: sourceParts(result.source), digest: key });
  }
  content.sources.push(result.source);
  content.problems.push(...result.problems);
  if (result.plan) content.plans.push(result.plan);
  if (result.report) content.reports.push(result.report);
  if (result.agency) content.agencies.push(result.agency);
  if (result.document) content.documents.push(result.document);
}

/**
 * The parse kept under `key`, its body (if any) read when first asked for; none when not kept.
 * One record per file: the 53,350 records of the 50,000-plan corpus in 256 shards took 5.4–5.5 s to
 * read against 3.1–3.6 s one by one (a scratch script, 5 December 2026), the shards' 374 MB read
 * into new memory costing more than the opens; decoding takes 2.5 s either way.
 */
function keptFile(key: string, abs: string, file: string, sha256: string): FileResult | undefined {
  const record = cachedRecord<FileRecord>('files', key);
  // Without `bodyApart`, the file has no body (a registry file, or no frontmatter), so no entry needs one.
  if (!record?.bodyApart) return record as FileResult | undefined;
  const { bodyApart: _, ...result } = record;
  attachKeptBody(result as FileResult, () => keptBody(key, abs, file, sha256));
  return result as FileResult;
}

/**
 * Gives the file's source and entry one `body` read by `load` on first use. Assigning a body (an
 * editor's preview) replaces it with a plain value, which `sourceDigest` then no longer vouches for.
 */
function attachKeptBody(result: FileResult, load: () => string): void {
  let body: string | undefined;
  const get = () => (body ??= load());
  for (const target of [result.source, result.plan ?? result.report]) {
    if (!target) continue;
    Object.defineProperty(target, 'body', {
      get,
      set(value: string | undefined) {
        Object.defineProperty(target, 'body', { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/**
 * A kept parse's body; from the file itself should its record be gone (a cache folder pruned by
 * hand), provided the file still holds the bytes that were parsed.
 */
function keptBody(key: string, abs: string, file: string, sha256: string): string {
  const kept = cachedRecord<string>(BODY_RECORDS, key);
  if (typeof kept === 'string') return kept;
  const bytes = readFileSync(abs);
  const split = createHash('sha256').update(bytes).digest('hex') === sha256 ? splitFrontmatter(new TextDecoder().decode(bytes)) : undefined;
  if (!split) throw new Error(`${file}: tệp đã thay đổi sau khi được kiểm tra trong lần build này; hãy chạy lại lệnh build`);
  return split.body;
}

/**
 * A file's parse, kept in the content cache under `key`: the body of a plan or report in a record of
 * its own (`BODY_RECORDS`), written first, so that a kept parse never lacks its body.
 */
function parsedFile(key: string, kind: ContentKind, bytes: Uint8Array, file: string, rel: string): FileResult {
  const read = readFile(kind, bytes, file, rel);
  const { source } = read;
  if (source.body === undefined) {
    storeRecord('files', key, read);
    return read;
  }
  storeRecord(BODY_RECORDS, key, source.body);
  const record: FileRecord = {
    ...read,
    source: withoutBody(source),
    plan: read.plan && withoutBody(read.plan),
    report: read.report && withoutBody(read.report),
    bodyApart: true,
  };
  storeRecord('files', key, record);
  return read;
}

function withoutBody<T extends { body?: string }>({ body: _, ...rest }: T): Omit<T, 'body'> {
  return rest;
}

function readFile(kind: ContentKind, bytes: Uint8Array, file: string, rel: string): FileResult {
  const scratch = emptyContent('');
  const text = decodeUtf8(scratch, file, bytes);
  if (text === undefined) {
    scratch.sources.push({ kind, id: idFromPath(rel), file, folders: foldersOf(rel), raw: undefined, fields: {}, valid: false });
  } else addEntryText(scratch, kind, text, file, rel, (body, line) => processBodyCached(body, line).issues);
  return { source: scratch.sources[0]!, problems: scratch.problems, plan: scratch.plans[0], report: scratch.reports[0], agency: scratch.agencies[0], document: scratch.documents[0] };
}

/**
 * The file as UTF-8 text, or undefined (with one problem naming the lines) when its bytes are not
 * UTF-8 (a binary file, or one saved as Windows-1258 or TCVN3): a replacement character must never
 * be published, so such a file is not parsed at all.
 */
function decodeUtf8(content: LoadedContent, file: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lines: number[] = [];
    let start = 0;
    let lineNo = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        lines.push(lineNo);
      }
      start = i + 1;
      lineNo++;
    }
    const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ` và ${lines.length - 5} dòng khác` : '');
    content.problems.push(
      problem(file, '', `tệp không phải văn bản UTF-8 hợp lệ (dòng ${shown}): có thể là tệp nhị phân hoặc lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258)`, {
        expected: 'lưu lại tệp với bảng mã UTF-8',
      }),
    );
    return undefined;
  }
}

