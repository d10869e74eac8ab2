/**
 * The review report of an import, in Vietnamese: every value the importer could not find (left null),
 * every value it inferred (to be checked against the signed copy), every unit or document the
 * registries do not have yet, and what it removed from the text.
 */

/**
 * - `missing`: not found, left null ("không tìm thấy ngày ban hành");
 * - `inferred`: worked out from elsewhere in the text or the registry, must be checked;
 * - `unknown`: a unit or document the registry does not have (a proposed id is in the draft);
 * - `review`: found, but worth a look (an automatic summary, a long task name, removed lines).
 */
export type ReportKind = 'missing' | 'inferred' | 'unknown' | 'review';

export interface ReportLine {
  kind: ReportKind;
  /** Frontmatter field the line is about ("issuedOn", "deadlines[1].owner"), or "" for the text. */
  field: string;
  /** What happened, in Vietnamese. */
  message: string;
}

const REPORT_HEADINGS: Record<ReportKind, string> = {
  missing: 'Không tìm thấy (đã để trống, cần điền từ bản gốc)',
  inferred: 'Suy ra, cần đối chiếu với bản gốc',
  unknown: 'Chưa có trong danh mục',
  review: 'Cần rà soát',
};

const ORDER: ReportKind[] = ['missing', 'unknown', 'inferred', 'review'];

/** Collects report lines; one per (kind, field, message). */
export class ImportReport {
  readonly lines: ReportLine[] = [];

  add(kind: ReportKind, field: string, message: string): void {
    if (!this.lines.some((l) => l.kind === kind && l.field === field && l.message === message)) this.lines.push({ kind, field, message });
  }
  missing(field: string, message: string): void {
    this.add('missing', field, message);
  }
  inferred(field: string, message: string): void {
    this.add('inferred', field, message);
  }
  unknown(field: string, message: string): void {
    this.add('unknown', field, message);
  }
  review(field: string, message: string): void {
    this.add('review', field, message);
  }
  /** True when a line of this kind mentions `text`. */
  has(kind: ReportKind, text: string): boolean {
    return this.lines.some((l) => l.kind === kind && l.message.includes(text));
  }
}

/** Counts shown at the top of the report. */
export interface ReportSummary {
  basis: number;
  citations: number;
  targets: number;
  deadlines: number;
  assignments: number;
  recipients: number;
}

/** The report's lines by kind, in reading order, each group with its heading; empty groups left out. */
export function groupReport(lines: readonly ReportLine[]): { kind: ReportKind; heading: string; lines: ReportLine[] }[] {
  return ORDER.map((kind) => ({ kind, heading: REPORT_HEADINGS[kind], lines: lines.filter((l) => l.kind === kind) })).filter((g) => g.lines.length > 0);
}

/** "Đã nhận diện: 3 căn cứ, 20 văn bản dẫn chiếu, …". */
export function recognisedText(s: ReportSummary): string {
  return `Đã nhận diện: ${s.basis} căn cứ, ${s.citations} văn bản dẫn chiếu, ${s.targets} chỉ tiêu, ${s.deadlines} thời hạn, ${s.assignments} đơn vị thực hiện, ${s.recipients} nơi nhận.`;
}

/**
 * The report as printed by `npm run import`.
 * @example formatReport(lines, { draft: 'content/plans/2024/x.mdx', source: 'x.txt', summary })
 * // 'Bản nháp: content/plans/2024/x.mdx (từ x.txt)\nĐã nhận diện: 3 căn cứ, 20 văn bản dẫn chiếu, …\n\nKhông tìm thấy …\n  - issuedOn: không tìm thấy ngày ban hành …'
 */
export function formatReport(lines: readonly ReportLine[], info: { draft: string; source: string; summary: ReportSummary }): string {
  const out = [`Bản nháp: ${info.draft} (từ ${info.source})`, recognisedText(info.summary)];
  for (const group of groupReport(lines)) {
    out.push('', `${group.heading} (${group.lines.length}):`);
    for (const l of group.lines) out.push(`  - ${l.field ? `${l.field}: ` : ''}${l.message}`);
  }
  if (lines.length === 0) out.push('', 'Không có mục nào cần lưu ý; vẫn cần đọc lại bản nháp trước khi xuất bản.');
  out.push(
    '',
    'Bước tiếp theo: sửa bản nháp theo các mục trên, chạy "npm run check", xem trước bằng "npm run dev", rồi đổi status thành "ban hành".',
  );
  return out.join('\n');
}
