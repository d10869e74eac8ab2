import { canonicalDocumentId, isDocumentNumberError, parseDocumentNumber, sameDocumentNumber } from '../documents/document-number';
import { slug as slugSchema } from '../../schemas/common';
import type { DocumentReference } from '../../schemas/document-reference';
import { findMdxHazards, findNonNfcLines } from './body';
import type { ContentKind, ContentSource, LoadedContent, LoadedDocument, LoadedPlan } from './load';
import { problem, type Problem } from './problems';

const KIND_NAMES: Record<ContentKind, string> = { plan: 'kế hoạch', agency: 'cơ quan', document: 'văn bản' };
const KIND_FOLDERS: Record<ContentKind, string> = { plan: 'content/plans/', agency: 'content/agencies/', document: 'content/documents/' };

/**
 * Checks across files that a single schema cannot see: references to agencies, documents and
 * plans that do not exist, document numbers that disagree with the registry, duplicate ids,
 * MDX-hostile characters and non-NFC text in bodies, a year that contradicts the date of issue.
 * Linear in the size of the content (every lookup goes through a Map).
 */
export function validateContent(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  checkIds(content.sources, problems);

  const agencies = new Map(content.agencies.map((a) => [a.id, a]));
  const documents = new Map(content.documents.map((d) => [d.id, d]));
  // Ids of every file, even invalid ones, so a broken agency file is reported once, not at each use.
  const agencyIds = idsOf(content.sources, 'agency');
  const documentIds = idsOf(content.sources, 'document');
  const planIds = idsOf(content.sources, 'plan');

  for (const agency of content.agencies) {
    const parent = agency.data.parent;
    if (parent === null) continue;
    if (parent === agency.id) problems.push(problem(agency.file, 'parent', 'cơ quan không thể là cấp trên của chính nó', { found: parent }));
    else if (!agencyIds.has(parent)) problems.push(unknownAgency(agency.file, 'parent', parent));
  }
  checkAgencyCycles(content, agencies, problems);

  for (const doc of content.documents) checkRegistryDocument(doc, documentIds, planIds, problems);

  for (const plan of content.plans) {
    checkPlanAgencies(plan, agencyIds, problems);
    checkReferences(plan, 'basis', plan.data.basis, documents, documentIds, problems);
    checkReferences(plan, 'citations', plan.data.citations, documents, documentIds, problems);
    checkPlanNumber(plan, problems);
    checkPlanYear(plan, problems);
  }
  const planFolders = new Map(content.sources.filter((s) => s.kind === 'plan').map((s) => [s.file, s.folders]));
  for (const plan of content.plans) checkPlanFolder(plan, planFolders.get(plan.file) ?? [], problems);

  for (const source of content.sources) {
    if (source.kind === 'plan' && source.body !== undefined) checkBody(source, problems);
  }
  return problems;
}

function idsOf(sources: readonly ContentSource[], kind: ContentKind): Set<string> {
  return new Set(sources.filter((s) => s.kind === kind).map((s) => s.id));
}

function unknownAgency(file: string, field: string, id: string): Problem {
  return problem(file, field, 'không có cơ quan này trong content/agencies/', {
    found: id,
    expected: `mã của một cơ quan có tệp content/agencies/${id}.yaml, hoặc tạo tệp đó`,
  });
}

/** File names are ids: ASCII slugs, unique within a collection (plans may sit in different year folders). */
function checkIds(sources: readonly ContentSource[], problems: Problem[]): void {
  const seen = new Map<string, ContentSource[]>();
  for (const source of sources) {
    if (!slugSchema.safeParse(source.id).success) {
      problems.push(
        problem(source.file, '', `tên tệp phải là một mã ASCII: chữ thường không dấu, số và dấu gạch ngang (tên tệp là mã của ${KIND_NAMES[source.kind]})`, {
          found: source.id,
          expected: 'ví dụ "dan-van-chinh-quyen-2024-so-tttt-tay-ninh"',
        }),
      );
    }
    const key = `${source.kind}\u0000${source.id}`;
    const group = seen.get(key);
    if (group) group.push(source);
    else seen.set(key, [source]);
  }
  for (const group of seen.values()) {
    if (group.length < 2) continue;
    for (const source of group) {
      const others = group.filter((s) => s !== source).map((s) => s.file).join(', ');
      const what = source.kind === 'plan' ? 'slug' : 'mã';
      problems.push(
        problem(source.file, '', `trùng ${what} "${source.id}" với ${others}: mỗi ${KIND_NAMES[source.kind]} cần một tên tệp riêng`, {
          expected: `tên tệp khác nhau trong ${KIND_FOLDERS[source.kind]}`,
        }),
      );
    }
  }
}

/** A parent chain that loops back (a → b → a) would hang every page that walks it. */
function checkAgencyCycles(content: LoadedContent, agencies: Map<string, { id: string; file: string; data: { parent: string | null } }>, problems: Problem[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of content.agencies) {
    const path: string[] = [];
    let id: string | null = start.id;
    while (id !== null && agencies.has(id) && state.get(id) !== 'done') {
      if (state.get(id) === 'visiting') {
        const loop = path.slice(path.indexOf(id));
        const agency = agencies.get(id)!;
        problems.push(
          problem(agency.file, 'parent', `vòng lặp cấp trên: ${[...loop, id].join(' → ')}`, {
            found: agency.data.parent,
            expected: 'một chuỗi cấp trên kết thúc ở cơ quan có parent: null',
          }),
        );
        break;
      }
      state.set(id, 'visiting');
      path.push(id);
      const parent: string | null = agencies.get(id)!.data.parent;
      id = parent === id ? null : parent;
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

function checkPlanAgencies(plan: LoadedPlan, agencyIds: Set<string>, problems: Problem[]): void {
  const { data, file } = plan;
  if (!agencyIds.has(data.issuer)) problems.push(unknownAgency(file, 'issuer', data.issuer));
  data.deadlines.forEach((deadline, i) => {
    if (!agencyIds.has(deadline.owner)) problems.push(unknownAgency(file, `deadlines[${i}].owner`, deadline.owner));
    if (deadline.submitTo !== null && !agencyIds.has(deadline.submitTo)) problems.push(unknownAgency(file, `deadlines[${i}].submitTo`, deadline.submitTo));
  });
  data.assignments.forEach((assignment, i) => {
    if (!agencyIds.has(assignment.unit)) problems.push(unknownAgency(file, `assignments[${i}].unit`, assignment.unit));
  });
}

/** The Vietnamese message when `raw` is not a well-formed số/ký hiệu, else undefined. */
function numberError(raw: string, type: string | null): string | undefined {
  const parsed = parseDocumentNumber(raw, { type });
  return isDocumentNumberError(parsed) ? parsed.message : undefined;
}

function checkReferences(
  plan: LoadedPlan,
  list: 'basis' | 'citations',
  references: readonly DocumentReference[],
  documents: Map<string, LoadedDocument>,
  documentIds: Set<string>,
  problems: Problem[],
): void {
  references.forEach((ref, i) => {
    const at = `${list}[${i}]`;
    // The library's message already quotes what was found and says what is expected.
    const error = numberError(ref.number, ref.type);
    if (error) problems.push(problem(plan.file, `${at}.number`, error));
    const doc = documents.get(ref.document);
    if (!doc) {
      // A registry file that exists but is broken has its own problems; do not report it again here.
      if (!documentIds.has(ref.document)) {
        problems.push(
          problem(plan.file, `${at}.document`, 'không có văn bản này trong content/documents/', {
            found: ref.document,
            expected: `mã của một văn bản có tệp content/documents/${ref.document}.yaml, hoặc tạo tệp đó`,
          }),
        );
      }
      return;
    }
    const spellings = [doc.data.number, ...doc.data.aliases];
    if (!error && !spellings.some((n) => sameDocumentNumber(ref.number, n, { typeName: doc.data.type }))) {
      problems.push(
        problem(plan.file, `${at}.number`, `số/ký hiệu không khớp với văn bản "${ref.document}" trong sổ văn bản (${doc.file})`, {
          found: ref.number,
          expected: `${spellings.map((s) => `"${s}"`).join(' hoặc ')}, hoặc sửa trường document`,
        }),
      );
    }
    if (ref.date !== null && doc.data.date !== null && ref.date !== doc.data.date) {
      problems.push(
        problem(plan.file, `${at}.date`, `ngày ban hành khác với văn bản "${ref.document}" trong sổ văn bản (${doc.file})`, {
          found: ref.date,
          expected: `"${doc.data.date}"`,
        }),
      );
    }
  });
}

function checkRegistryDocument(doc: LoadedDocument, documentIds: Set<string>, planIds: Set<string>, problems: Problem[]): void {
  const { data, file } = doc;
  const numbers: Array<[string, string]> = [['number', data.number], ...data.aliases.map((a, i): [string, string] => [`aliases[${i}]`, a])];
  for (const [field, value] of numbers) {
    const error = numberError(value, data.type);
    if (error) problems.push(problem(file, field, error));
  }
  const canonical = canonicalDocumentId(data.number, { year: data.date ?? data.year, typeName: data.type });
  if (canonical.ok && canonical.id !== doc.id) {
    problems.push(
      problem(file, '', `tên tệp phải là mã chuẩn của số/ký hiệu "${data.number}"`, {
        found: `${doc.id}.yaml`,
        expected: `${canonical.id}.yaml (và sửa các trường document trỏ tới văn bản này)`,
      }),
    );
  }
  if (data.date !== null && Number(data.date.slice(0, 4)) !== data.year) {
    problems.push(problem(file, 'year', 'năm không khớp với ngày ban hành', { found: data.year, expected: data.date.slice(0, 4) }));
  }
  data.basis.forEach((id, i) => {
    if (!documentIds.has(id)) {
      problems.push(problem(file, `basis[${i}]`, 'không có văn bản này trong content/documents/', { found: id, expected: 'mã của một văn bản trong content/documents/' }));
    }
  });
  if (data.plan !== null && !planIds.has(data.plan)) {
    problems.push(problem(file, 'plan', 'không có kế hoạch này trong content/plans/', { found: data.plan, expected: 'tên tệp (không có đuôi .mdx) của một kế hoạch, hoặc null' }));
  }
}

/** The plan's own số/ký hiệu, joined the way each grammar writes it: "859/KH-UBND", "110-KH/BDVTU-BCSĐUBND". */
function checkPlanNumber(plan: LoadedPlan, problems: Problem[]): void {
  const { number, symbol, docType } = plan.data;
  if (number === null || symbol === null) return;
  const full = `${number}${symbol.includes('/') ? '-' : '/'}${symbol}`;
  const error = numberError(full, docType);
  if (error) problems.push(problem(plan.file, 'symbol', error));
}

function checkPlanYear(plan: LoadedPlan, problems: Problem[]): void {
  const { year, issuedOn } = plan.data;
  if (issuedOn !== null) {
    const issuedYear = Number(issuedOn.slice(0, 4));
    if (Math.abs(issuedYear - year) > 1) {
      problems.push(
        problem(plan.file, 'year', `năm của kế hoạch cách năm ban hành (${issuedYear}) hơn một năm`, {
          found: year,
          expected: `${issuedYear - 1}, ${issuedYear} hoặc ${issuedYear + 1}`,
        }),
      );
    }
  }
}

/** Plans live in content/plans/{year}/: a plan filed under another year would be hard to find. */
function checkPlanFolder(plan: LoadedPlan, folders: readonly string[], problems: Problem[]): void {
  const folder = folders[0];
  if (folder === undefined || !/^\d{4}$/.test(folder) || Number(folder) === plan.data.year) return;
  problems.push(
    problem(plan.file, 'year', `kế hoạch nằm trong thư mục ${folder} nhưng year là ${plan.data.year}`, {
      found: plan.data.year,
      expected: `${folder}, hoặc chuyển tệp sang content/plans/${plan.data.year}/`,
    }),
  );
}

function checkBody(source: ContentSource, problems: Problem[]): void {
  const body = source.body!;
  const firstLine = source.bodyLine ?? 1;
  if (body.trim() === '') {
    problems.push(problem(source.file, 'nội dung', 'nội dung trống', { expected: 'toàn văn kế hoạch sau dòng "---" thứ hai' }));
    return;
  }
  for (const h of findMdxHazards(body, firstLine)) {
    const message = h.autolink
      ? `dòng ${h.line}: MDX không nhận liên kết dạng <…>; viết [chữ](địa chỉ) hoặc bỏ dấu '<' '>'`
      : `dòng ${h.line}: ký tự '${h.char}' phải viết là ${h.char === '<' ? '&lt;' : `\\${h.char}`}`;
    problems.push(problem(source.file, 'nội dung', message, { found: h.excerpt, expected: h.autolink ? undefined : JSON.stringify(h.fixed) }));
  }
  for (const h of findNonNfcLines(body, firstLine)) {
    problems.push(
      problem(source.file, 'nội dung', `dòng ${h.line}: văn bản chưa chuẩn hoá Unicode NFC (có ký tự tổ hợp rời${h.mark ? ` ${h.mark}` : ''})`, {
        found: h.excerpt,
        expected: 'cùng văn bản ở dạng Unicode NFC (chữ có dấu dựng sẵn)',
      }),
    );
  }
}
