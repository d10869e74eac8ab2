import type { ImportResult } from '../import/import-plan';
import type { KnownAgency } from '../import/agencies';
import { groupReport, recognisedText } from '../import/report';
import { formatPlanNumber } from '../catalog/plan-number';
import { planLabels } from './labels';
import { fieldLabel } from './review';

/** What the import page shows after reading a file: the draft's key facts and the review report. */
export interface ImportReportView {
  title: string;
  facts: [string, string][];
  summary: string;
  groups: { heading: string; lines: string[] }[];
}

const NOT_FOUND = 'chưa đọc được (cần điền)';

/**
 * The import result as the import page words it, with the same report groups and messages as
 * `npm run import`, and field names as the editor's form labels them.
 */
export function importReportView(result: Pick<ImportResult, 'plan' | 'report' | 'summary'>, agencies: readonly KnownAgency[]): ImportReportView {
  const { plan } = result;
  const issuer = plan.issuer ? agencies.find((a) => a.id === plan.issuer) : undefined;
  return {
    title: plan.title ? `${plan.docType} ${plan.title}` : `${plan.docType} (chưa đọc được trích yếu)`,
    facts: [
      ['Số, ký hiệu', formatPlanNumber(plan) || NOT_FOUND],
      ['Cơ quan ban hành', issuer ? issuer.name : plan.issuer ? `${plan.issuer} (chưa có trong danh mục)` : NOT_FOUND],
      ['Ngày ban hành', plan.issuedOn ?? NOT_FOUND],
      ['Năm', plan.year === null ? NOT_FOUND : String(plan.year)],
    ],
    summary: recognisedText(result.summary),
    groups: groupReport(result.report).map((g) => ({
      heading: g.heading,
      lines: g.lines.map((l) => (l.field ? `${fieldLabel(l.field, planLabels)}: ${l.message}` : l.message)),
    })),
  };
}
