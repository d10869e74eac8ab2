/**
 * From the text of a results report ("BÁO CÁO Kết quả thực hiện Kế hoạch …") to a draft of
 * `content/reports/{year}/{slug}.mdx`: số/ký hiệu, place and date, title and period, the plan it
 * reports on (by the plan's số/ký hiệu in the text, or given), one result per target it could match,
 * the signer. Like the plan importer it never invents a value: what it cannot read stays null, and
 * the review report lists every target it could not match and every result-like sentence left over.
 */
import { formatPlanNumber } from '../catalog/plan-number';
import type { Plan } from '../../schemas/plan';
import type { PeriodKind } from '../../schemas/report';
import { slugify } from '../vn/slug';
import { collapseWhitespace } from '../vn/text';
import type { KnownAgency } from './agencies';
import { escapeMdxText, renderPlanFile, type Yaml } from './mdx';
import { splitSentences } from './outline';
import { foldVietnamese } from '../vn/text';
import type { ReportLine } from './report';
import { matchResults } from './report-results';
import { AUTHORITY_LINE } from './authority';

/** A plan the report may be about: its slug and frontmatter. */
export interface PlanForReport {
  slug: string;
  data: Pick<Plan, 'title' | 'number' | 'symbol' | 'issuer' | 'targets' | 'year'>;
}

export interface ReportImportOptions {
  plans: readonly PlanForReport[];
  agencies: readonly KnownAgency[];
  /** Plan slug given by the person importing (`--plan`); wins over what the text cites. */
  plan?: string | null;
  /** Issuer id given by the person importing (`--agency`). */
  agency?: string | null;
  sourceFile: string;
  sha256: string;
}

export interface ReportImportResult {
  slug: string;
  year: number | null;
  /** The draft file. */
  file: string;
  report: ReportLine[];
  /** Targets of the plan and how many got a result. */
  matched: { targets: number; results: number };
}

const HEAD_LINES = 40;
const BAO_CAO = /^(?:DỰ\s+THẢO\s+)?BÁO\s+CÁO\b/u;

/**
 * True when the text is a report: its heading (in the first lines, before any "KẾ HOẠCH" heading)
 * is "BÁO CÁO", or its số/ký hiệu is a BC one ("Số: 120/BC-UBND").
 * @example isResultsReport('UBND XÃ A\nSố: 12/BC-UBND\nBÁO CÁO\nKết quả …') // true
 */
export function isResultsReport(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, HEAD_LINES);
  for (const line of lines) {
    if (/^KẾ\s+HOẠCH\b/u.test(line)) return false;
    if (BAO_CAO.test(line) || /^Số\s*:\s*\d*\s*\/\s*BC\b/u.test(line)) return true;
  }
  return false;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * The period a title names: "6 tháng đầu năm 2024", "quý II năm 2024", "năm 2024".
 * @example periodFromTitle('Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2024') // { kind: '6 tháng', from: '2024-01-01', to: '2024-06-30' }
 */
export function periodFromTitle(title: string): { kind: PeriodKind; from: string; to: string } | null {
  const half = /6\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})/iu.exec(title);
  if (half) return half[1]!.toLowerCase() === 'đầu' ? { kind: '6 tháng', from: `${half[2]}-01-01`, to: `${half[2]}-06-30` } : { kind: '6 tháng', from: `${half[2]}-07-01`, to: `${half[2]}-12-31` };
  const quarter = /quý\s+(IV|III|II|I)\b[^\d]{0,8}(\d{4})/iu.exec(title);
  if (quarter) {
    const q = ROMAN[quarter[1]!.toUpperCase()]!;
    const y = quarter[2]!;
    const end = ['03-31', '06-30', '09-30', '12-31'][q - 1]!;
    return { kind: 'quý', from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${end}` };
  }
  const year = /năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/iu.exec(title);
  if (year) return { kind: 'năm', from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return null;
}

/** The plans whose số/ký hiệu the text cites ("Kế hoạch số 859/KH-UBND"), in order of first mention. */
export function citedPlans(text: string, plans: readonly PlanForReport[]): PlanForReport[] {
  const byNumber = new Map<string, PlanForReport>();
  for (const plan of plans) {
    const number = formatPlanNumber(plan.data);
    if (number && plan.data.number) byNumber.set(number.replace(/\s+/g, '').toUpperCase(), plan);
  }
  const found: PlanForReport[] = [];
  for (const m of text.matchAll(/Kế\s+hoạch\s+(?:số\s+)?(\d+\s*[-/]\s*[A-ZĐa-zđ0-9/-]+)/gu)) {
    const plan = byNumber.get(m[1]!.replace(/\s+/g, '').toUpperCase());
    if (plan && !found.includes(plan)) found.push(plan);
  }
  return found;
}

interface Header {
  number: string | null;
  symbol: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string | null;
  /** Index of the first body line (after the title). */
  bodyStart: number;
  /** The lines before "CỘNG HÒA …": the issuing agency's name. */
  agencyLines: string[];
}

function readHeader(lines: string[]): Header {
  const header: Header = { number: null, symbol: null, place: null, issuedOn: null, title: null, bodyStart: 0, agencyLines: [] };
  let heading = -1;
  for (let i = 0; i < Math.min(lines.length, HEAD_LINES); i++) {
    const line = lines[i]!;
    if (heading === -1 && !/CỘNG\s+HÒA|CỘNG\s+HOÀ/u.test(line) && !/^Số\s*:/u.test(line) && header.agencyLines.length < 3 && !header.number && !header.symbol && line && !/^-+$/.test(line)) {
      if (!/Độc\s+lập/u.test(line)) header.agencyLines.push(line);
    }
    const number = /^Số\s*:\s*(\d*)\s*\/\s*([A-ZĐ][A-ZĐa-zđ0-9/-]*)/u.exec(line);
    if (number) {
      header.number = number[1] || null;
      header.symbol = number[2]!;
    }
    const date = /^(.*?),?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(line);
    if (date && !header.issuedOn) {
      header.place = date[1]!.replace(/[,\s]+$/, '') || null;
      header.issuedOn = `${date[4]}-${date[3]!.padStart(2, '0')}-${date[2]!.padStart(2, '0')}`;
    }
    if (heading === -1 && BAO_CAO.test(line)) {
      heading = i;
      const title: string[] = [];
      const rest = line.replace(BAO_CAO, '').trim();
      if (rest) title.push(rest);
      let j = i + 1;
      for (; j < lines.length && lines[j] && !/^(?:Thực\s+hiện|Căn\s+cứ|Theo|[IVX]+\.|\d+\.)/u.test(lines[j]!) && title.length < 4; j++) title.push(lines[j]!);
      header.title = title.length > 0 ? collapseWhitespace(title.join(' ')).replace(/^[-–\s]+/, '') : null;
      header.bodyStart = j;
    }
  }
  return header;
}

function readSigner(lines: string[]): { authority: string | null; title: string | null; name: string | null } {
  const start = lines.findIndex((l) => AUTHORITY_LINE.test(l));
  if (start === -1) return { authority: null, title: null, name: null };
  const after = lines.slice(start + 1).filter(Boolean);
  const title = after[0] && /^\p{Lu}[\p{Lu}\s]+$/u.test(after[0]) ? after[0] : null;
  const name = after.find((l, i) => i > 0 && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(l)) ?? null;
  return { authority: lines[start]!, title, name };
}

/**
 * Drafts a report from its text. The plan is the one given, else the first plan the text cites by
 * số/ký hiệu; its targets are matched against the text's sentences.
 * @example importReportText(text, { plans, agencies, sourceFile: 'bc.txt', sha256 }).report
 */
export function importReportText(text: string, options: ReportImportOptions): ReportImportResult {
  const report: ReportLine[] = [];
  const lines = text.split('\n').map((l) => collapseWhitespace(l));
  const header = readHeader(lines);
  if (!header.title) report.push({ kind: 'missing', field: 'title', message: 'không tìm thấy trích yếu sau dòng "BÁO CÁO"' });
  if (!header.symbol) report.push({ kind: 'missing', field: 'symbol', message: 'không tìm thấy dòng "Số: …/BC-…"' });
  if (!header.issuedOn) report.push({ kind: 'missing', field: 'issuedOn', message: 'không tìm thấy ngày ban hành ("…, ngày … tháng … năm …")' });

  const cited = citedPlans(text, options.plans);
  const given = options.plan ? options.plans.find((p) => p.slug === options.plan) : undefined;
  if (options.plan && !given) report.push({ kind: 'unknown', field: 'plans', message: `không có kế hoạch "${options.plan}" trong content/plans/` });
  const plan = given ?? cited[0];
  if (!plan) report.push({ kind: 'missing', field: 'plans', message: 'văn bản không dẫn số/ký hiệu của kế hoạch nào trên cổng: thêm --plan <mã kế hoạch>' });
  else if (!given) report.push({ kind: 'inferred', field: 'plans', message: `báo cáo về kế hoạch "${plan.slug}" (${formatPlanNumber(plan.data)}) theo số/ký hiệu dẫn trong văn bản` });
  for (const other of cited.slice(1)) report.push({ kind: 'review', field: 'plans', message: `văn bản còn dẫn kế hoạch "${other.slug}": thêm vào plans nếu báo cáo cả kế hoạch này` });

  const agencyName = header.agencyLines.join(' ');
  // Only the same body by name: a report is never filed under a different agency (issue 14's rule).
  const folded = foldVietnamese(agencyName).replace(/\s+/g, ' ').trim();
  const named = agencyName ? options.agencies.find((a) => foldVietnamese(a.name) === folded) : undefined;
  const issuer = options.agency ?? named?.id ?? plan?.data.issuer ?? null;
  if (!options.agency && !named && issuer) report.push({ kind: 'inferred', field: 'issuer', message: `cơ quan ban hành lấy theo kế hoạch được báo cáo ("${issuer}")` });
  if (!issuer) report.push({ kind: 'missing', field: 'issuer', message: 'không nhận ra cơ quan ban hành: thêm --agency <mã cơ quan>' });

  const period = header.title ? periodFromTitle(header.title) : null;
  if (!period) report.push({ kind: 'missing', field: 'period', message: 'không đọc được kỳ báo cáo (6 tháng, quý, năm) từ trích yếu' });
  const year = period ? Number(period.from.slice(0, 4)) : header.issuedOn ? Number(header.issuedOn.slice(0, 4)) : null;

  // The body: after the title, up to "Nơi nhận" (or the signature); a heading in capitals is a paragraph of its own.
  const tail = lines.findIndex((l, i) => i >= header.bodyStart && (/^Nơi\s+nhận\b/iu.test(l) || AUTHORITY_LINE.test(l)));
  const bodyLines = lines.slice(header.bodyStart, tail === -1 ? undefined : tail);
  const paragraphs = bodyLines
    .join('\n')
    .split(/\n\s*\n|\n(?=[IVX]+\.|\d+\.|[-–+•])|(?<=^[^\p{Ll}\n]+)\n/mu)
    .map((p) => collapseWhitespace(p))
    .filter(Boolean);
  const sentences = paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text));
  const targets = plan?.data.targets ?? [];
  const match = matchResults(sentences, targets);
  for (const result of match.results) {
    const at = `results[${match.results.indexOf(result)}]`;
    if (result.statusInferred) report.push({ kind: 'inferred', field: `${at}.status`, message: `"${result.status}" suy ra từ con số, câu báo cáo không ghi rõ: ${shorten(result.sentence)}` });
    else report.push({ kind: 'review', field: `${at}.status`, message: `"${result.status}" theo câu: ${shorten(result.sentence)}` });
  }
  for (const t of match.unmatchedTargets) {
    report.push({ kind: 'missing', field: 'results', message: `không tìm thấy kết quả của chỉ tiêu ${t + 1} ("${shorten(targets[t]!.text)}")` });
  }
  for (const s of match.unmatchedSentences) {
    report.push({ kind: 'review', field: 'results', message: `câu có vẻ là kết quả nhưng không khớp chỉ tiêu nào của kế hoạch: ${shorten(s)}` });
  }

  const signer = readSigner(lines);
  if (!signer.title) report.push({ kind: 'missing', field: 'signer', message: 'không tìm thấy chức vụ người ký' });

  const frontmatter: Record<string, Yaml> = {
    title: header.title,
    docType: 'Báo cáo',
    number: header.number,
    symbol: header.symbol,
    issuer,
    place: header.place,
    issuedOn: header.issuedOn,
    year,
    status: 'dự thảo',
    plans: plan ? [plan.slug] : [],
    period: period ? { kind: period.kind, from: period.from, to: period.to } : null,
    summary: null,
    results: match.results.map((r) => ({
      plan: plan!.slug,
      target: r.target + 1,
      value: r.value,
      unit: r.unit,
      outcome: r.outcome,
      status: r.status,
      evidence: r.sentence,
    })),
    fulfils: [],
    signer,
    source: { file: options.sourceFile, sha256: options.sha256 },
  };
  report.push({ kind: 'missing', field: 'summary', message: 'viết một đoạn tóm tắt bằng lời thường' });
  report.push({ kind: 'review', field: 'fulfils', message: 'ghi các thời hạn của kế hoạch mà báo cáo này hoàn thành (plan, deadline, on)' });

  const slug = `bao-cao-${slugify(header.title ?? 'ket qua', { maxLength: 70 }) || 'ket-qua'}`;
  const body = paragraphs.map((p) => escapeMdxText(p)).join('\n\n');
  return {
    slug,
    year,
    file: renderPlanFile(frontmatter, `${body}\n`),
    report,
    matched: { targets: targets.length, results: match.results.length },
  };
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Where a drafted report goes: content/reports/{year}/{slug}.mdx. */
export function reportDraftPath(result: Pick<ReportImportResult, 'slug' | 'year'>, contentDir = 'content'): string {
  return `${contentDir}/reports/${result.year ?? 'chua-ro-nam'}/${result.slug}.mdx`;
}
