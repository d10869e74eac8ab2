import type { ReportLine } from '../import/report';
import type { FieldLabels } from './fields';

/** One "cần kiểm tra" item of an import report, placed at the form field it is about. */
export interface ReviewMark {
  /** Top-level form field ("deadlines"), or "" for the whole document. */
  field: string;
  /** Where inside the field, in words ("mục 2 › Đơn vị thực hiện"), or "". */
  where: string;
  message: string;
}

/**
 * A report's field path in the form's words: "deadlines[1].owner" is field "deadlines",
 * "mục 2 › Đơn vị thực hiện".
 * @example locateField('deadlines[1].owner', planLabels) // { field: 'deadlines', where: 'mục 2 › Đơn vị thực hiện' }
 */
export function locateField(path: string, labels: FieldLabels): { field: string; where: string } {
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z.]+))?/.exec(path);
  if (!match) return { field: '', where: '' };
  const [, field, index, sub] = match;
  const where = [index !== undefined ? `mục ${Number(index) + 1}` : '', sub ? labels[`${field}.${sub}`]?.label ?? sub : ''].filter(Boolean).join(' › ');
  return { field: field!, where };
}

/** The import report's lines as marks on the editor's form, so it can flag each field to check. */
export function reviewMarks(lines: readonly Pick<ReportLine, 'field' | 'message'>[], labels: FieldLabels): ReviewMark[] {
  return lines.map((line) => ({ ...locateField(line.field ?? '', labels), message: line.message }));
}

/** A field path as one label: "Thời hạn › mục 2 › Đơn vị thực hiện". */
export function fieldLabel(path: string, labels: FieldLabels): string {
  const { field, where } = locateField(path, labels);
  if (!field) return path;
  return [labels[field]?.label ?? field, where].filter(Boolean).join(' › ');
}
