/**
 * What the portal shows about results reports: the report pages, the latest result beside each
 * target, "Đã báo cáo ngày …" beside each fulfilled deadline, and an agency's record across plans.
 * Everything reads the catalog's cross-links (built once per build), so each lookup is a Map get.
 */
import { rowId, reportDate, type Catalog, type DeadlineRow, type ReportEntry, type ResultRow } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { agencyRef, type AgencyRef } from '../plan-view';
import { formatNumber, formatTargetValue, QUALITATIVE_LABEL, withUnit } from '../vn/numbers';
import { formatVietnameseDate } from '../vn/dates';
import { paginate, PLAN_PAGE_SIZE, type PageSlice } from './pagination';
import type { Period, Report, Result, ResultStatus } from '../../schemas/report';

/** What the portal says when no report has been published. One place, so every page says it alike. */
export const NO_REPORT = {
  list: 'Chưa có báo cáo được đăng tải.',
  target: 'Chưa có báo cáo',
  /** Beside a deadline whose day has passed and that no published report fulfils: a fact about the portal, not a verdict on the agency. */
  deadline: 'Chưa có báo cáo được đăng tải trên cổng',
} as const;

/** Status as printed, and the CSS modifier that colours it. */
export const RESULT_STATUS: Record<ResultStatus, { label: string; tone: 'met' | 'exceeded' | 'missed' | 'ongoing' }> = {
  đạt: { label: 'Đạt', tone: 'met' },
  vượt: { label: 'Vượt', tone: 'exceeded' },
  'chưa đạt': { label: 'Chưa đạt', tone: 'missed' },
  'đang thực hiện': { label: 'Đang thực hiện', tone: 'ongoing' },
};

/** True for a result that meets its target (đạt or vượt). */
export function isMet(status: ResultStatus): boolean {
  return status === 'đạt' || status === 'vượt';
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The period a report covers, as Vietnamese reports word it.
 * @example periodLabel({ kind: '6 tháng', from: '2024-01-01', to: '2024-06-30' }) // '6 tháng đầu năm 2024'
 * @example periodLabel({ kind: 'quý', from: '2024-04-01', to: '2024-06-30' }) // 'quý II năm 2024'
 * @example periodLabel({ kind: 'khoảng', from: '2024-03-01', to: '2024-09-30' }) // 'từ 01/3/2024 đến 30/9/2024'
 */
export function periodLabel(period: Period): string {
  const year = period.from.slice(0, 4);
  const sameYear = period.to.slice(0, 4) === year;
  const span = `từ ${formatVietnameseDate(period.from, 'short')} đến ${formatVietnameseDate(period.to, 'short')}`;
  const fromMonth = Number(period.from.slice(5, 7));
  if (period.kind === 'năm' && sameYear) return `năm ${year}`;
  if (period.kind === '6 tháng' && sameYear) {
    if (period.from.endsWith('-01-01')) return `6 tháng đầu năm ${year}`;
    if (period.to.endsWith('-12-31')) return `6 tháng cuối năm ${year}`;
  }
  if (period.kind === 'quý' && sameYear && period.from.endsWith('-01') && (fromMonth - 1) % 3 === 0) return `quý ${ROMAN[(fromMonth - 1) / 3]} năm ${year}`;
  return period.kind === 'khoảng' ? span : `${period.kind} (${span})`;
}

/**
 * The achieved value as printed: the number in the target's unit, else the qualitative outcome.
 * @example achievedText({ value: 97.5, unit: '%', outcome: null }) // '97,5%'
 */
export function achievedText(result: Pick<Result, 'value' | 'unit' | 'outcome'>): string {
  if (result.value !== null) return withUnit(formatNumber(result.value), result.unit);
  return result.outcome ?? '';
}

/** A report as a link: title, number, period, date. */
export interface ReportLink {
  slug: string;
  path: string;
  /** "Báo cáo Kết quả thực hiện … 6 tháng đầu năm 2024". */
  title: string;
  /** "120/BC-UBND", or null when unnumbered. */
  number: string | null;
  period: string;
  /** ISO day the report is dated by, and as printed. */
  dateIso: string;
  date: string;
  issuer: AgencyRef;
}

export function reportLink(catalog: Catalog, report: ReportEntry): ReportLink {
  const { data } = report;
  return {
    slug: report.slug,
    path: paths.report(report.slug),
    title: `${data.docType} ${data.title}`,
    number: formatPlanNumber(data),
    period: periodLabel(data.period),
    dateIso: reportDate(data),
    date: formatVietnameseDate(reportDate(data), 'short'),
    issuer: agencyRef(catalog.agencies, data.issuer),
  };
}

/** The latest result of a target, as printed beside it. */
export interface TargetResultView {
  status: ResultStatus;
  statusLabel: string;
  tone: (typeof RESULT_STATUS)[ResultStatus]['tone'];
  /** "97,5%", or the qualitative outcome. */
  achieved: string;
  evidence: string;
  report: ReportLink;
  /** The report's fragment for this result. */
  path: string;
}

function resultView(catalog: Catalog, row: ResultRow): TargetResultView {
  const report = reportLink(catalog, catalog.reportBySlug.get(row.report)!);
  const status = RESULT_STATUS[row.result.status];
  return {
    status: row.result.status,
    statusLabel: status.label,
    tone: status.tone,
    achieved: achievedText(row.result),
    evidence: row.result.evidence,
    report,
    path: `${report.path}#ket-qua-${row.position + 1}`,
  };
}

/**
 * The latest result of a plan's target (0-based position), or null when no published report has one.
 * @example latestResult(catalog, 'dan-van-2024', 0)?.statusLabel // 'Đạt'
 */
export function latestResult(catalog: Catalog, plan: string, position: number): TargetResultView | null {
  const row = catalog.resultsByTarget.get(rowId(plan, position + 1))?.[0];
  return row ? resultView(catalog, row) : null;
}

/** A fulfilled deadline, as printed beside it. */
export interface DeadlineReportView {
  /** "Đã báo cáo ngày 5/6/2024". */
  text: string;
  dateIso: string;
  report: ReportLink;
}

/** The first published report that fulfils a deadline (0-based position), or null. */
export function deadlineReport(catalog: Catalog, plan: string, position: number): DeadlineReportView | null {
  const first = catalog.fulfilmentsByDeadline.get(rowId(plan, position + 1))?.[0];
  if (!first) return null;
  return { text: `Đã báo cáo ngày ${formatVietnameseDate(first.on, 'short')}`, dateIso: first.on, report: reportLink(catalog, catalog.reportBySlug.get(first.report)!) };
}

/** `deadlineReport` for a catalog deadline row. */
export function deadlineRowReport(catalog: Catalog, row: DeadlineRow): DeadlineReportView | null {
  return deadlineReport(catalog, row.plan, row.position);
}

/** What a plan page adds from reports: per target its latest result, per deadline its report, and the reports on the plan. */
export interface PlanReports {
  /** Aligned with the plan's targets. */
  targets: (TargetResultView | null)[];
  /** By the deadline's 0-based position in the plan. */
  deadlines: Map<number, DeadlineReportView>;
  reports: ReportLink[];
}

export function planReports(catalog: Catalog, slug: string): PlanReports {
  const plan = catalog.planBySlug.get(slug);
  const deadlines = new Map<number, DeadlineReportView>();
  plan?.data.deadlines.forEach((_, i) => {
    const view = deadlineReport(catalog, slug, i);
    if (view) deadlines.set(i, view);
  });
  return {
    targets: plan ? plan.data.targets.map((_, i) => latestResult(catalog, slug, i)) : [],
    deadlines,
    reports: (catalog.reportsByPlan.get(slug) ?? []).map((r) => reportLink(catalog, catalog.reportBySlug.get(r)!)),
  };
}

/** How many results meet their target: the line of the share card and the report page. */
export interface ResultTally {
  met: number;
  total: number;
  byStatus: Record<ResultStatus, number>;
}

export function tallyResults(results: readonly Pick<Result, 'status'>[]): ResultTally {
  const byStatus: Record<ResultStatus, number> = { đạt: 0, vượt: 0, 'chưa đạt': 0, 'đang thực hiện': 0 };
  for (const r of results) byStatus[r.status] += 1;
  return { met: byStatus['đạt'] + byStatus['vượt'], total: results.length, byStatus };
}

/**
 * "Đạt 4/5 chỉ tiêu năm 2024": the headline of a report's results.
 * @example tallyHeadline({ met: 4, total: 5 }, 'năm 2024') // 'Đạt 4/5 chỉ tiêu năm 2024'
 */
export function tallyHeadline(tally: Pick<ResultTally, 'met' | 'total'>, period: string): string {
  if (tally.total === 0) return `Không có kết quả theo chỉ tiêu, ${period}`;
  return `Đạt ${tally.met}/${tally.total} chỉ tiêu ${period}`;
}

/* ---------- /bao-cao/{slug}/ ---------- */

export interface ReportResultRow {
  /** Fragment id: "ket-qua-1". */
  id: string;
  planTitle: string;
  planPath: string;
  target: string;
  promised: string;
  achieved: string;
  status: ResultStatus;
  statusLabel: string;
  tone: TargetResultView['tone'];
  evidence: string;
}

export interface ReportFulfilmentRow {
  task: string;
  /** "trước ngày 10/6/2024", as the plan words it. */
  due: string;
  dueIso: string;
  /** "5/6/2024". */
  on: string;
  onIso: string;
  planTitle: string;
  /** The plan's deadline panel. */
  planPath: string;
}

export interface ReportPageModel {
  link: ReportLink;
  data: Report;
  /** "Đạt 4/5 chỉ tiêu năm 2024". */
  headline: string;
  tally: ResultTally;
  plans: { slug: string; title: string; path: string; number: string | null }[];
  results: ReportResultRow[];
  fulfils: ReportFulfilmentRow[];
  signer: AgencyRef;
}

/** Everything /bao-cao/{slug}/ shows. */
export function reportPage(catalog: Catalog, slug: string): ReportPageModel {
  const report = catalog.reportBySlug.get(slug);
  if (!report) throw new Error(`reportPage: no report "${slug}"`);
  const { data } = report;
  const link = reportLink(catalog, report);
  const planTitle = (s: string) => {
    const p = catalog.planBySlug.get(s);
    return p ? `${p.data.docType} ${p.data.title}` : s;
  };
  const tally = tallyResults(data.results);
  return {
    link,
    data,
    headline: tallyHeadline(tally, link.period),
    tally,
    plans: data.plans.map((s) => ({ slug: s, title: planTitle(s), path: paths.plan(s), number: catalog.planBySlug.get(s) ? formatPlanNumber(catalog.planBySlug.get(s)!.data) : null })),
    results: data.results.map((result, i) => {
      const target = catalog.planBySlug.get(result.plan)?.data.targets[result.target - 1];
      const status = RESULT_STATUS[result.status];
      return {
        id: `ket-qua-${i + 1}`,
        planTitle: planTitle(result.plan),
        planPath: `${paths.plan(result.plan)}#chi-tieu`,
        target: target?.text ?? `Chỉ tiêu ${result.target}`,
        promised: target ? (formatTargetValue(target) ?? QUALITATIVE_LABEL) : '',
        achieved: achievedText(result),
        status: result.status,
        statusLabel: status.label,
        tone: status.tone,
        evidence: result.evidence,
      };
    }),
    fulfils: data.fulfils.map((item) => {
      const deadline = catalog.planBySlug.get(item.plan)?.data.deadlines[item.deadline - 1];
      return {
        task: deadline?.task ?? `Thời hạn ${item.deadline}`,
        due: deadline ? formatVietnameseDate(deadline.date, 'short') : '',
        dueIso: deadline?.date ?? '',
        on: formatVietnameseDate(item.on, 'short'),
        onIso: item.on,
        planTitle: planTitle(item.plan),
        planPath: `${paths.plan(item.plan)}#thoi-han`,
      };
    }),
    signer: agencyRef(catalog.agencies, data.issuer),
  };
}

/* ---------- /bao-cao/ ---------- */

export interface ReportListItem extends ReportLink {
  headline: string;
  summary: string;
  plans: { title: string; path: string }[];
}

/** Every report, newest period first, as the list prints it. */
export function reportList(catalog: Catalog): ReportListItem[] {
  return catalog.reports.map((report) => {
    const link = reportLink(catalog, report);
    return {
      ...link,
      headline: tallyHeadline(tallyResults(report.data.results), link.period),
      summary: report.data.summary,
      plans: report.data.plans.map((s) => {
        const p = catalog.planBySlug.get(s);
        return { title: p ? `${p.data.docType} ${p.data.title}` : s, path: paths.plan(s) };
      }),
    };
  });
}

/** Reports per page of /bao-cao/ and /bao-cao/trang/{n}/ (the same as the plan list). */
export const REPORT_PAGE_SIZE = PLAN_PAGE_SIZE;

const pagesCache = new WeakMap<Catalog, PageSlice<ReportListItem>[]>();

/** Every page of the report list, newest period first: /bao-cao/ is page 1. Memoised per catalog. */
export function reportListPages(catalog: Catalog, pageSize = REPORT_PAGE_SIZE): PageSlice<ReportListItem>[] {
  const hit = pageSize === REPORT_PAGE_SIZE ? pagesCache.get(catalog) : undefined;
  if (hit) return hit;
  const pages = paginate(reportList(catalog), pageSize);
  if (pageSize === REPORT_PAGE_SIZE) pagesCache.set(catalog, pages);
  return pages;
}

/* ---------- /co-quan/{id}/: the agency's record ---------- */

/** Plans listed one by one in an agency's record; the totals still count every plan. */
export const AGENCY_RECORD_PLANS = 20;

export interface AgencyRecordPlan {
  slug: string;
  title: string;
  path: string;
  targets: number;
  /** Targets with a published result. */
  reported: number;
  met: number;
  deadlines: number;
  /** Deadlines a published report fulfils. */
  fulfilled: number;
}

export interface AgencyRecord {
  /** Totals across every plan the agency issued. */
  totals: Omit<AgencyRecordPlan, 'slug' | 'title' | 'path'> & { plans: number };
  /** The newest `AGENCY_RECORD_PLANS` plans. */
  plans: AgencyRecordPlan[];
  /** Reports the agency issued, newest first (at most `AGENCY_RECORD_PLANS`). */
  reports: ReportLink[];
  reportCount: number;
}

/**
 * What the agency promised in the plans it issued and what its published reports say: per plan,
 * targets with a result and how many were met, deadlines with a report. Linear in the agency's plans.
 */
export function agencyRecord(catalog: Catalog, id: string, max = AGENCY_RECORD_PLANS): AgencyRecord {
  const agency = catalog.agencies.get(id);
  const planSlugs = agency?.plans ?? [];
  const rows: AgencyRecordPlan[] = [];
  const totals = { plans: planSlugs.length, targets: 0, reported: 0, met: 0, deadlines: 0, fulfilled: 0 };
  for (const slug of planSlugs) {
    const plan = catalog.planBySlug.get(slug);
    if (!plan) continue;
    let reported = 0;
    let met = 0;
    plan.data.targets.forEach((_, i) => {
      const latest = catalog.resultsByTarget.get(rowId(slug, i + 1))?.[0];
      if (!latest) return;
      reported += 1;
      if (isMet(latest.result.status)) met += 1;
    });
    let fulfilled = 0;
    plan.data.deadlines.forEach((_, i) => {
      if (catalog.fulfilmentsByDeadline.has(rowId(slug, i + 1))) fulfilled += 1;
    });
    const row = { slug, title: `${plan.data.docType} ${plan.data.title}`, path: paths.plan(slug), targets: plan.data.targets.length, reported, met, deadlines: plan.data.deadlines.length, fulfilled };
    for (const key of ['targets', 'reported', 'met', 'deadlines', 'fulfilled'] as const) totals[key] += row[key];
    if (rows.length < max) rows.push(row);
  }
  const reports = agency?.reports ?? [];
  return {
    totals,
    plans: rows,
    reports: reports.slice(0, max).map((r) => reportLink(catalog, catalog.reportBySlug.get(r)!)),
    reportCount: reports.length,
  };
}
