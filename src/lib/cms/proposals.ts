/**
 * What the import page offers to add to the registries: the issuing agency the registry lacks and
 * each cited document it lacks, as the entry file the editor would write
 * (`content/agencies/{id}.yaml`, `content/documents/{id}.yaml`), and the units the plan assigns
 * work to that the registry lacks. An entry is offered as a file only when the document says
 * enough for a valid one; otherwise `missing` says what the staff member fills in on the form.
 * Either way the draft plan already uses the proposed id, so adding the entry is what makes the
 * plan pass the check.
 */
import type { ImportResult } from '../import/import-plan';
import type { RegistryAddition } from './check-entry';
import { agencyDraftFile } from '../import/issuer';
import { planLabels } from './labels';
import { fieldLabel } from './review';

export interface RegistryProposal {
  collection: RegistryAddition['collection'];
  /** The id the draft plan uses, and the entry's file name. */
  id: string;
  path: string;
  /** What the page shows: the agency's name, or the document's type, number and issuer. */
  label: string;
  /** Why it is proposed: the plan fields that name it. */
  usedIn: string;
  /** The entry file, or null when the document does not say enough for a valid entry. */
  file: string | null;
  /** What the form still needs when `file` is null. */
  missing: string | null;
}

const quote = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/** A cited document's registry file, or null without its issuer or year (both required). */
export function documentDraftFile(doc: ImportResult['proposedDocuments'][number], sourceFile: string): string | null {
  const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
  if (!doc.issuer || year === null) return null;
  return [
    `# Đề xuất từ trang nhập văn bản (${sourceFile}), đọc từ lời dẫn trong kế hoạch: kiểm tra loại, số, ngày, cơ quan ban hành và thêm trích yếu.`,
    `type: ${quote(doc.type)}`,
    `number: ${quote(doc.number)}`,
    `date: ${quote(doc.date)}`,
    `year: ${year}`,
    `issuer: ${quote(doc.issuer)}`,
    'title: null',
    '',
  ].join('\n');
}

/**
 * The registry entries an import result needs, issuer first, then documents, then units.
 * @example registryProposals(result, 'ke-hoach.docx')[0] // { collection: 'documents', id: 'ct-33-2024', file: 'type: "Chỉ thị"…', … }
 */
export function registryProposals(result: Pick<ImportResult, 'issuer' | 'proposedAgencies' | 'proposedDocuments' | 'plan'>, sourceFile: string): RegistryProposal[] {
  const out: RegistryProposal[] = [];
  if (result.issuer.kind === 'proposed') {
    const { entry } = result.issuer;
    const file = agencyDraftFile(entry, sourceFile);
    out.push({
      collection: 'agencies',
      id: entry.id,
      path: `content/agencies/${entry.id}.yaml`,
      label: entry.name,
      usedIn: fieldLabel('issuer', planLabels),
      file,
      missing: file ? null : 'cấp hành chính (đầu văn bản không cho biết)',
    });
  }
  for (const doc of result.proposedDocuments) {
    const file = documentDraftFile(doc, sourceFile);
    const fields = [...result.plan.basis.filter((r) => r.document === doc.id).map(() => 'basis'), ...result.plan.citations.filter((r) => r.document === doc.id).map(() => 'citations')];
    out.push({
      collection: 'documents',
      id: doc.id,
      path: `content/documents/${doc.id}.yaml`,
      label: [`${doc.type} ${doc.number}`, doc.issuer ? `của ${doc.issuer}` : null, doc.date ? `ngày ${doc.date.split('-').reverse().join('/')}` : null].filter(Boolean).join(' '),
      usedIn: [...new Set(fields)].map((f) => fieldLabel(f, planLabels)).join(', '),
      file,
      missing: file ? null : [doc.issuer ? null : 'cơ quan ban hành', doc.date ? null : 'năm ban hành'].filter(Boolean).join(', '),
    });
  }
  for (const unit of result.proposedAgencies) {
    out.push({
      collection: 'agencies',
      id: unit.id,
      path: `content/agencies/${unit.id}.yaml`,
      label: unit.name,
      usedIn: unit.fields.slice(0, 3).map((f) => fieldLabel(f, planLabels)).join('; ') + (unit.fields.length > 3 ? ` và ${unit.fields.length - 3} chỗ khác` : ''),
      file: null,
      missing: 'cấp hành chính và cơ quan cấp trên',
    });
  }
  return out;
}
