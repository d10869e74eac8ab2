/**
 * The file each plan was made from (`source.file`), published for download when it is kept under
 * `content/originals/`. The file must be the one the frontmatter names, byte for byte: its sha256
 * must equal `source.sha256`, or the check fails and nothing is published.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { Plan } from '../../schemas/plan';
import { contentFileDigests } from './cache';
import { problem, type Problem } from './problems';

/** Folder of the original files, inside the content folder. */
export const ORIGINALS_SUBDIR = 'originals';

/** File types that may be published, with their Vietnamese name and media type. */
export const ORIGINAL_TYPES: Record<string, { label: string; mediaType: string }> = {
  '.pdf': { label: 'Tệp PDF', mediaType: 'application/pdf' },
  '.docx': { label: 'Tài liệu Word', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.doc': { label: 'Tài liệu Word 97-2003', mediaType: 'application/msword' },
  '.odt': { label: 'Tài liệu OpenDocument', mediaType: 'application/vnd.oasis.opendocument.text' },
  '.txt': { label: 'Tệp văn bản thuần', mediaType: 'text/plain' },
  '.md': { label: 'Tệp văn bản Markdown', mediaType: 'text/markdown' },
};

/** A plan's original file found under `content/originals/`. */
export interface OriginalFile {
  slug: string;
  /** File name as the frontmatter gives it ("000_82944d6273abc2bf.txt"). */
  file: string;
  /** Lower-case extension with the dot (".txt"). */
  ext: string;
  absPath: string;
  bytes: number;
  /** True when the frontmatter says the file is the signed, sealed document (`source.signed`). */
  signed: boolean;
}

interface PlanSource {
  slug: string;
  file: string;
  data: Pick<Plan, 'source'>;
}

type Lookup = { found: OriginalFile } | { missing: true } | { problem: Problem };

/**
 * The names in the originals folder, read once per lookup of every plan: many plans of a large
 * portal keep no file (plans imported from text, older years), and asking the disk for each missing
 * one took 0.6–0.8 s a pass at 50,000 plans with 100 files kept, against 15–70 ms with the listing
 * (a scratch script, 5 December 2026); a build makes two passes (the check and the pages). Empty
 * when there is no such folder; null when it cannot be read, so each file is asked for.
 */
function keptNames(rootDir: string): Set<string> | null {
  try {
    return new Set(readdirSync(join(rootDir, ORIGINALS_SUBDIR)));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null;
  }
}

function lookUp(rootDir: string, plan: PlanSource, kept: Set<string> | null): Lookup {
  const { file, sha256, signed } = plan.data.source;
  const field = ['source', 'file'];
  if (!/^[^/\\]+$/.test(file) || file.startsWith('.')) {
    return { problem: problem(plan.file, field, 'tên tệp gốc không được chứa thư mục', { found: file, expected: 'chỉ tên tệp, ví dụ "ke-hoach-859.pdf"' }) };
  }
  // The name must be the folder's, byte for byte, as a lookup of the path on the server's disk asks.
  if (kept && !kept.has(file)) return { missing: true };
  const absPath = join(rootDir, ORIGINALS_SUBDIR, file);
  let stat;
  try {
    stat = lstatSync(absPath);
  } catch {
    return { missing: true };
  }
  const where = `${ORIGINALS_SUBDIR}/${file}`;
  if (!stat.isFile()) {
    return { problem: problem(plan.file, field, `${where} không phải một tệp thường (liên kết hay thư mục không được đăng)`, { expected: 'chép chính tệp vào content/originals/' }) };
  }
  const ext = extname(file).toLowerCase();
  if (!ORIGINAL_TYPES[ext]) {
    return { problem: problem(plan.file, field, `loại tệp gốc không được đăng`, { found: ext || file, expected: Object.keys(ORIGINAL_TYPES).join(', ') }) };
  }
  const actual = originalSha256(absPath, stat);
  if (actual !== sha256) {
    return {
      problem: problem(plan.file, ['source', 'sha256'], `${where} không phải tệp mà kế hoạch ghi: mã băm khác`, {
        foundText: actual,
        expected: `${sha256} (chép đúng tệp gốc, hoặc sửa source.sha256 nếu tệp đúng)`,
      }),
    };
  }
  return { found: { slug: plan.slug, file, ext, absPath, bytes: stat.size, signed } };
}

/**
 * The sha256 (hex) of a kept original. Signed PDFs and Word files are large (a megabyte is common)
 * and a build checks each twice (the content check, the pages), so it is taken from the digests
 * kept between runs when the file's stat is the one recorded with it (src/lib/build/input-digests.ts,
 * as for the content files). For 2,000 originals of 500 KB, a pass of the check or the pages took
 * 0.9–1.7 s reading and hashing them, and 20–60 ms now. Without the content cache every file is read.
 */
function originalSha256(absPath: string, stat: Stats): string {
  const digests = contentFileDigests();
  return digests ? digests.of(absPath, stat).sha256 : createHash('sha256').update(readFileSync(absPath)).digest('hex');
}

/** Looks every plan's original up, then keeps the digests taken (`originalSha256`) for the next run. */
function lookUpAll(rootDir: string, plans: readonly PlanSource[]): Lookup[] {
  const kept = keptNames(rootDir);
  const results = plans.map((plan) => lookUp(rootDir, plan, kept));
  contentFileDigests()?.save();
  return results;
}

/**
 * The published originals of `plans`, by slug; a plan whose file is not kept is absent. Throws, with
 * every problem listed, when a kept file does not match its plan (the check reports the same).
 */
export function findOriginals(rootDir: string, plans: readonly PlanSource[]): Map<string, OriginalFile> {
  const found = new Map<string, OriginalFile>();
  const problems: Problem[] = [];
  const results = lookUpAll(rootDir, plans);
  for (const [i, plan] of plans.entries()) {
    const result = results[i]!;
    if ('found' in result) found.set(plan.slug, result.found);
    else if ('problem' in result) problems.push(result.problem);
  }
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file} › ${p.field}: ${p.message}`).join('\n'));
  return found;
}

const perCatalog = new WeakMap<object, Map<string, OriginalFile>>();

/** `findOriginals` once per `owner` (the build's catalog), so the page and the download route hash each file once. */
export function findOriginalsOnce(owner: object, rootDir: string, plans: readonly PlanSource[] | (() => readonly PlanSource[])): Map<string, OriginalFile> {
  let found = perCatalog.get(owner);
  if (!found) {
    found = findOriginals(rootDir, typeof plans === 'function' ? plans() : plans);
    perCatalog.set(owner, found);
  }
  return found;
}

/**
 * The kept originals of a build's published plans, looked up once per catalog: every plan page
 * asks, so the list of plans is only made the first time.
 */
export function catalogOriginals(catalog: { plans: readonly { slug: string; data: PlanSource['data'] }[] }, rootDir: string): Map<string, OriginalFile> {
  return findOriginalsOnce(catalog, rootDir, () => catalog.plans.map((p) => ({ slug: p.slug, file: `content/plans/${p.slug}`, data: p.data })));
}

/** Problems with the kept original files, for `npm run check` and the build's content check. */
export function checkOriginals(rootDir: string, plans: readonly PlanSource[]): Problem[] {
  return lookUpAll(rootDir, plans).flatMap((result) => ('problem' in result ? [result.problem] : []));
}
