import { canonicalDocumentId, isDocumentNumberError, parseDocumentNumber, sameDocumentNumber } from '../documents/document-number';
import { slug as slugSchema } from '../../schemas/common';
import type { Agency } from '../../schemas/agency';
import type { RegistryDocument } from '../../schemas/document';
import type { DocumentReference } from '../../schemas/document-reference';
import type { Plan } from '../../schemas/plan';
import { findBodyTextHazards } from './body';
import type { ContentKind, ContentSource, LoadedContent } from './load';
import { bodyIssueProblem, problem, type Problem } from './problems';
import { checkReportLinks } from './report-links';

const KIND_NAMES: Record<ContentKind, string> = { plan: 'kế hoạch', agency: 'cơ quan', document: 'văn bản', report: 'báo cáo' };
const KIND_FOLDERS: Record<ContentKind, string> = { plan: 'content/plans/', agency: 'content/agencies/', document: 'content/documents/', report: 'content/reports/' };

/** The fields of an entry that passed their schema: any may be missing, any array item undefined. */
type Lenient<T> = { [K in keyof T]?: T[K] extends ReadonlyArray<infer E> ? ReadonlyArray<E | undefined> : T[K] };

interface Entry<T> {
  id: string;
  file: string;
  fields: Lenient<T>;
  source: ContentSource;
}

function entriesOf<T>(sources: readonly ContentSource[], kind: ContentKind): Entry<T>[] {
  return sources
    .filter((s) => s.kind === kind)
    .map((s) => ({ id: s.id, file: s.file, fields: s.fields as Lenient<T>, source: s }));
}

/**
 * Checks across files that a single schema cannot see: references to agencies, documents and
 * plans that do not exist, document numbers that disagree with the registry, duplicate ids,
 * MDX-hostile characters and non-NFC text in bodies, a year that contradicts the date of issue.
 * Runs on every field that passed its schema, even in files with other errors, so an author sees
 * everything at once. Linear in the size of the content (every lookup goes through a Map or Set).
 */
export function validateContent(content: LoadedContent): Problem[] {
  numberErrors.clear();
  sameNumbers.clear();
  const problems: Problem[] = [];
  checkIds(content.sources, problems);

  const plans = entriesOf<Plan>(content.sources, 'plan');
  const agencies = entriesOf<Agency>(content.sources, 'agency');
  const documents = entriesOf<RegistryDocument>(content.sources, 'document');
  // Ids of every file, even invalid ones, so a broken agency file is reported once, not at each use.
  const agencyIds = new Set(agencies.map((a) => a.id));
  const documentIds = new Set(documents.map((d) => d.id));
  const planIds = new Set(plans.map((p) => p.id));
  const documentsById = new Map(documents.map((d) => [d.id, d]));

  for (const agency of agencies) {
    const parent = agency.fields.parent;
    if (parent === null || parent === undefined) continue;
    if (parent === agency.id) problems.push(problem(agency.file, 'parent', 'cơ quan không thể là cấp trên của chính nó', { found: parent }));
    else if (!agencyIds.has(parent)) problems.push(unknownAgency(agency.file, 'parent', parent));
  }
  checkAgencyCycles(agencies, problems);

  for (const doc of documents) checkRegistryDocument(doc, documentIds, planIds, problems);

  for (const plan of plans) {
    checkPlanAgencies(plan, agencyIds, problems);
    checkReferences(plan, 'basis', documentsById, problems);
    checkReferences(plan, 'citations', documentsById, problems);
    checkPlanNumber(plan, problems);
    checkPlanYear(plan, problems);
    checkBody(plan.source, problems);
  }
  checkReportLinks(content.sources, agencyIds, problems);
  for (const report of entriesOf<Plan>(content.sources, 'report')) {
    checkPlanNumber(report, problems);
    checkBody(report.source, problems);
  }
  return problems;
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
      const what = source.kind === 'plan' || source.kind === 'report' ? 'slug' : 'mã';
      problems.push(
        problem(source.file, '', `trùng ${what} "${source.id}" với ${others}: mỗi ${KIND_NAMES[source.kind]} cần một tên tệp riêng`, {
          expected: `tên tệp khác nhau trong ${KIND_FOLDERS[source.kind]}`,
        }),
      );
    }
  }
}

/** A parent chain that loops back (a → b → a) would hang every page that walks it. */
function checkAgencyCycles(agencies: readonly Entry<Agency>[], problems: Problem[]): void {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of agencies) {
    const path: string[] = [];
    let id: string | null | undefined = start.id;
    while (id && byId.has(id) && state.get(id) !== 'done') {
      if (state.get(id) === 'visiting') {
        const agency = byId.get(id)!;
        problems.push(
          problem(agency.file, 'parent', `vòng lặp cấp trên: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`, {
            found: agency.fields.parent,
            expected: 'một chuỗi cấp trên kết thúc ở cơ quan có parent: null',
          }),
        );
        break;
      }
      state.set(id, 'visiting');
      path.push(id);
      const parent: string | null | undefined = byId.get(id)!.fields.parent;
      id = parent === id ? null : parent; // a self-parent is reported on its own
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

function checkPlanAgencies(plan: Entry<Plan>, agencyIds: ReadonlySet<string>, problems: Problem[]): void {
  const { fields, file } = plan;
  const check = (field: string, id: string | null | undefined) => {
    if (id && !agencyIds.has(id)) problems.push(unknownAgency(file, field, id));
  };
  check('issuer', fields.issuer);
  fields.deadlines?.forEach((deadline, i) => {
    check(`deadlines[${i}].owner`, deadline?.owner);
    check(`deadlines[${i}].submitTo`, deadline?.submitTo);
  });
  fields.assignments?.forEach((assignment, i) => check(`assignments[${i}].unit`, assignment?.unit));
}

/**
 * Parses of document numbers during one `validateContent`: thousands of plans cite the same few
 * hundred documents, each by the same few spellings.
 */
const numberErrors = new Map<string, string | undefined>();
const sameNumbers = new Map<string, boolean>();

/** The Vietnamese message when `raw` is not a well-formed số/ký hiệu, else undefined. */
function numberError(raw: string, type: string | null | undefined): string | undefined {
  const key = `${raw}\0${type ?? ''}\0${type === null ? 'null' : typeof type}`;
  if (numberErrors.has(key)) return numberErrors.get(key);
  const parsed = parseDocumentNumber(raw, { type });
  const error = isDocumentNumberError(parsed) ? parsed.message : undefined;
  numberErrors.set(key, error);
  return error;
}

/** `sameDocumentNumber`, remembered for the validation under way. */
function sameNumber(a: string, b: string, typeName: string | undefined): boolean {
  const key = `${a}\0${b}\0${typeName ?? '\u0001'}`;
  let same = sameNumbers.get(key);
  if (same === undefined) sameNumbers.set(key, (same = sameDocumentNumber(a, b, { typeName })));
  return same;
}

function checkReferences(
  plan: Entry<Plan>,
  list: 'basis' | 'citations',
  documents: ReadonlyMap<string, Entry<RegistryDocument>>,
  problems: Problem[],
): void {
  plan.fields[list]?.forEach((ref: DocumentReference | undefined, i) => {
    if (!ref) return;
    const at = `${list}[${i}]`;
    // The library's message already quotes what was found and says what is expected.
    const error = numberError(ref.number, ref.type);
    if (error) problems.push(problem(plan.file, `${at}.number`, error));
    const doc = documents.get(ref.document);
    if (!doc) {
      problems.push(
        problem(plan.file, `${at}.document`, 'không có văn bản này trong content/documents/', {
          found: ref.document,
          expected: `mã của một văn bản có tệp content/documents/${ref.document}.yaml, hoặc tạo tệp đó`,
        }),
      );
      return;
    }
    // A registry entry with its own errors is reported there; compare only the fields that passed.
    const { number, aliases, type, date } = doc.fields;
    if (!error && number !== undefined) {
      const spellings = [number, ...(aliases ?? []).filter((a): a is string => a !== undefined)];
      if (!spellings.some((n) => sameNumber(ref.number, n, type))) {
        problems.push(
          problem(plan.file, `${at}.number`, `số/ký hiệu không khớp với văn bản "${ref.document}" trong sổ văn bản (${doc.file})`, {
            found: ref.number,
            expected: `${spellings.map((n) => `"${n}"`).join(' hoặc ')}, hoặc sửa trường document`,
          }),
        );
      }
    }
    if (ref.date !== null && date && ref.date !== date) {
      problems.push(
        problem(plan.file, `${at}.date`, `ngày ban hành khác với văn bản "${ref.document}" trong sổ văn bản (${doc.file})`, {
          found: ref.date,
          expected: `"${date}"`,
        }),
      );
    }
  });
}

function checkRegistryDocument(doc: Entry<RegistryDocument>, documentIds: ReadonlySet<string>, planIds: ReadonlySet<string>, problems: Problem[]): void {
  const { fields, file } = doc;
  const numbers: Array<[string, string | undefined]> = [['number', fields.number], ...(fields.aliases ?? []).map((a, i): [string, string | undefined] => [`aliases[${i}]`, a])];
  for (const [field, value] of numbers) {
    const error = value === undefined ? undefined : numberError(value, fields.type);
    if (error) problems.push(problem(file, field, error));
  }
  const year = fields.date ?? fields.year;
  if (fields.number !== undefined && year !== undefined && fields.type !== undefined) {
    const canonical = canonicalDocumentId(fields.number, { year, typeName: fields.type });
    if (canonical.ok && canonical.id !== doc.id) {
      problems.push(
        problem(file, '', `tên tệp phải là mã chuẩn của số/ký hiệu "${fields.number}"`, {
          foundText: `${doc.id}.yaml`,
          expected: `${canonical.id}.yaml (và sửa các trường document trỏ tới văn bản này)`,
        }),
      );
    }
  }
  if (fields.date && fields.year !== undefined && Number(fields.date.slice(0, 4)) !== fields.year) {
    problems.push(problem(file, 'year', 'năm không khớp với ngày ban hành', { found: fields.year, expected: fields.date.slice(0, 4) }));
  }
  fields.basis?.forEach((id, i) => {
    if (id !== undefined && !documentIds.has(id)) {
      problems.push(problem(file, `basis[${i}]`, 'không có văn bản này trong content/documents/', { found: id, expected: 'mã của một văn bản trong content/documents/' }));
    }
  });
  if (fields.plan && !planIds.has(fields.plan)) {
    problems.push(problem(file, 'plan', 'không có kế hoạch này trong content/plans/', { found: fields.plan, expected: 'tên tệp (không có đuôi .mdx) của một kế hoạch, hoặc null' }));
  }
}

/** The plan's own số/ký hiệu, joined the way each grammar writes it: "859/KH-UBND", "110-KH/BDVTU-BCSĐUBND". */
function checkPlanNumber(plan: Entry<Plan>, problems: Problem[]): void {
  const { number, symbol, docType } = plan.fields;
  if (!number || !symbol) return;
  const error = numberError(`${number}${symbol.includes('/') ? '-' : '/'}${symbol}`, docType);
  if (error) problems.push(problem(plan.file, 'symbol', error));
}

/** A plan is for the year it is issued in, or the one before or after; and it sits in content/plans/{year}/. */
function checkPlanYear(plan: Entry<Plan>, problems: Problem[]): void {
  const { year, issuedOn } = plan.fields;
  if (year === undefined) return;
  if (issuedOn) {
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
  const folder = plan.source.folders[0];
  if (folder !== undefined && /^\d{4}$/.test(folder) && Number(folder) !== year) {
    problems.push(
      problem(plan.file, 'year', `kế hoạch nằm trong thư mục ${folder} nhưng year là ${year}`, {
        found: year,
        expected: `${folder}, hoặc chuyển tệp sang content/plans/${year}/`,
      }),
    );
  }
}

function checkBody(source: ContentSource, problems: Problem[]): void {
  // From what was found when the file was read, when it was: a kept parse's body is read only when asked for.
  const blank = source.bodyBlank ?? (source.body === undefined ? undefined : source.body.trim() === '');
  if (blank === undefined) return;
  const firstLine = source.bodyLine ?? 1;
  if (blank) {
    problems.push(problem(source.file, 'nội dung', 'nội dung trống', { expected: `toàn văn ${KIND_NAMES[source.kind]} sau dòng "---" thứ hai` }));
    return;
  }
  // Found when the file was read (load.ts runs the build's own pipeline, mdx-body.ts); the build refuses the same.
  for (const issue of source.bodyIssues ?? []) {
    problems.push(bodyIssueProblem(source.file, issue));
  }
  const { control, nonNfc } = source.bodyText ?? findBodyTextHazards(source.body ?? '', firstLine);
  for (const h of control) {
    problems.push(
      problem(source.file, 'nội dung', `dòng ${h.line}: có ký tự điều khiển ${h.codePoint} (không in được, làm hỏng tệp XML/JSON)`, {
        expected: 'xoá ký tự đó (thường do chép từ Word hoặc PDF)',
      }),
    );
  }
  for (const h of nonNfc) {
    problems.push(
      problem(source.file, 'nội dung', `dòng ${h.line}: văn bản chưa chuẩn hoá Unicode NFC (có ký tự tổ hợp rời${h.mark ? ` ${h.mark}` : ''})`, {
        found: h.excerpt,
        expected: 'cùng văn bản ở dạng Unicode NFC (chữ có dấu dựng sẵn)',
      }),
    );
  }
}
