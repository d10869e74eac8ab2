import { loadContentCached, type CachedLoadOptions, type LoadedContent } from './load';
import { sortProblems, type Problem } from './problems';
import { validateContent } from './validate';
import { checkOriginals } from './originals';

export interface ContentCheck {
  content: LoadedContent;
  /** Every problem, per-file and cross-file, sorted by file. */
  problems: Problem[];
  /** "Đã kiểm tra 5 kế hoạch, 20 cơ quan, 30 văn bản: không có lỗi." */
  summary: string;
}

/**
 * Loads and validates a content folder: what `npm run check` and the build run.
 * @example checkContent('content').problems.length === 0
 */
export function checkContent(rootDir: string, options: CachedLoadOptions = {}): ContentCheck {
  const content = loadContentCached(rootDir, options);
  const problems = sortProblems([...content.problems, ...validateContent(content), ...checkOriginals(content.rootDir, content.plans)]);
  return { content, problems, summary: summarize(content, problems) };
}

/** One line saying what was checked and how many problems were found. */
function summarize(content: LoadedContent, problems: readonly Problem[]): string {
  const count = (kind: string) => content.sources.filter((s) => s.kind === kind).length;
  const reports = count('report');
  const checked = `Đã kiểm tra ${count('plan')} kế hoạch${reports > 0 ? `, ${reports} báo cáo` : ''}, ${count('agency')} cơ quan, ${count('document')} văn bản`;
  if (problems.length === 0) return `${checked}: không có lỗi.`;
  const files = new Set(problems.map((p) => p.file)).size;
  return `${checked}: ${problems.length} lỗi trong ${files} tệp.`;
}
