/**
 * From extracted text to a draft plan: repairs the text, reads every part (header, references,
 * targets, deadlines, assignments, recipients, signer), resolves units and documents against the
 * registries, and writes down in the report everything it could not find or had to infer. It never
 * invents a value: what is not in the text stays null and is reported.
 */
import { inferredValueSchema } from '../../schemas/plan';
import { formatPlanNumber } from '../catalog/plan-number';
import { findImpossibleDates, formatVietnameseDate } from '../vn/dates';
import { toNFC } from '../vn/text';
import type { AgencyContext, KnownAgency } from './agencies';
import { extractAssignments, findImplementationSection, findUnitScopes } from './assignments';
import { extractDeadlines, type ExtractedDeadline } from './deadlines';
import { draftSlug, draftSummary, inferTopics, placeOf, type DraftPlan } from './draft';
import { extractHeader, type PlanHeader } from './header';
import { resolveIssuer, type ResolvedIssuer } from './issuer';
import { renderBody, renderPlanFile, type Yaml } from './mdx';
import { buildOutline, findEnactment, splitParts, type DocumentParts, type Outline } from './outline';
import { extractRecipients } from './recipients';
import { extractReferences, type ExtractedReference, type KnownDocument } from './references';
import { blockText, repairText, type Block, type RepairResult } from './repair';
import { ImportReport, type ReportLine, type ReportSummary } from './report';
import { extractSigner } from './signer';
import { extractTargets, findTargetSection, type ExtractedTarget } from './targets';
import type { SourceFormat, SourceText } from './read-source';

export { draftSlug, placeOf, TOPICS, type DraftPlan } from './draft';

export interface ImportOptions {
  /** The agency registry. */
  agencies: readonly KnownAgency[];
  /** The document registry. */
  documents: readonly KnownDocument[];
  /** Issuer id given by the person importing (`--agency`); wins over what the text says. */
  agency?: string | null;
  /** Source file name and hash, for `source`. */
  sourceFile: string;
  sha256: string;
  /** How the text was laid out (`docx` is one paragraph per line). */
  format?: SourceFormat;
}

/** A registry entry the draft points at but the registry does not have. */
export interface ProposedAgency {
  id: string;
  name: string;
  fields: string[];
}
export interface ProposedDocument {
  id: string;
  type: string;
  number: string;
  date: string | null;
  issuer: string | null;
}

export interface ImportResult {
  plan: DraftPlan;
  /** The MDX body. */
  body: string;
  /** The whole file: frontmatter and body. */
  file: string;
  /** File name without extension. */
  slug: string;
  report: ReportLine[];
  summary: ReportSummary;
  /** The issuer as resolved: a registry agency, a proposed new entry (with every field read), or unknown. */
  issuer: ResolvedIssuer;
  proposedAgencies: ProposedAgency[];
  proposedDocuments: ProposedDocument[];
  /** Intermediate results, for tests and the scores script. */
  details: { repair: RepairResult; header: PlanHeader; outline: Outline; deadlines: ExtractedDeadline[]; targets: ExtractedTarget[] };
}

/** A field's value and the report lines about it: what each resolver returns. */
interface Resolved<T> {
  value: T;
  lines: ReportLine[];
}

/** What every resolver reads: the repaired text split into its parts. */
interface ImportContext {
  options: ImportOptions;
  repair: RepairResult;
  parts: DocumentParts;
  header: PlanHeader;
  outline: Outline;
  /** The enactment sentence ("Sở … ban hành Kế hoạch …"), or null. */
  enactment: string | null;
}

function agencyById(agencies: readonly KnownAgency[], id: string | null | undefined): KnownAgency | undefined {
  return id ? agencies.find((a) => a.id === id) : undefined;
}

function yearIn(text: string | null | undefined): number | null {
  const m = text ? /\bnăm\s+(\d{4})\b/u.exec(text) : null;
  return m ? Number(m[1]) : null;
}

/** The title from the enactment sentence: "Sở … ban hành Kế hoạch thực hiện X năm 2024, cụ thể như sau:" → "Thực hiện X năm 2024". */
function titleFromEnactment(text: string): string | null {
  const m = /(?:ban hành|xây dựng|lập|đề ra)\s+(?:các\s+)?kế hoạch\s+(.+?)(?:,?\s*(?:cụ thể\s+)?(?:như sau|gồm các nội dung sau)\s*:?\s*$|[.:]\s*$)/iu.exec(text);
  const t = m?.[1]?.trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : null;
}

/** The closing "Trên đây là Kế hoạch … của X" block, or undefined. */
function closingBlock(body: readonly Block[]): Block | undefined {
  return [...body].reverse().find((b) => /^Trên đây là\s/u.test(b.text) || /\.\/\.\s*$/.test(b.text));
}

/** Issuer: `--agency`, else the letterhead (or the sentences that name the body) resolved against the registry. */
function resolveIssuerField(ctx: ImportContext): Resolved<{ id: string | null; agency: KnownAgency | undefined; resolved: ResolvedIssuer }> {
  const report = new ImportReport();
  const { agencies } = ctx.options;
  if (ctx.options.agency) {
    const agency = agencyById(agencies, ctx.options.agency);
    if (!agency) report.unknown('issuer', `mã cơ quan "${ctx.options.agency}" (tham số --agency) chưa có trong danh mục cơ quan: tạo content/agencies/${ctx.options.agency}.yaml`);
    const resolved: ResolvedIssuer = agency ? { kind: 'registry', agency, where: 'tham số --agency' } : { kind: 'unknown', reason: 'mã --agency chưa có trong danh mục' };
    return { value: { id: ctx.options.agency, agency, resolved }, lines: report.lines };
  }
  const sentences: Array<{ text: string; where: string }> = [];
  if (ctx.enactment) sentences.push({ text: ctx.enactment, where: 'câu ban hành "… ban hành Kế hoạch"' });
  const closing = closingBlock(ctx.parts.body);
  if (closing) {
    const i = closing.text.lastIndexOf(' của ');
    if (i !== -1) sentences.push({ text: closing.text.slice(i + 5), where: 'câu kết "Trên đây là Kế hoạch … của …"' });
  }
  const resolved = resolveIssuer({
    letterhead: ctx.header,
    sentences,
    bodyText: ctx.parts.body.map((b) => b.text).join('\n'),
    agencies,
  });
  if (resolved.kind === 'registry') {
    if (!resolved.where.startsWith('dòng tên')) report.inferred('issuer', `cơ quan ban hành "${resolved.agency.name}" suy ra từ ${resolved.where}`);
    return { value: { id: resolved.agency.id, agency: resolved.agency, resolved }, lines: report.lines };
  }
  if (resolved.kind === 'proposed') {
    const e = resolved.entry;
    const open = [e.level ? null : 'cấp', e.province || e.level === 'trung ương' ? null : 'tỉnh'].filter(Boolean).join(', ');
    report.unknown(
      'issuer',
      `cơ quan ban hành "${e.name}" (đọc từ ${resolved.where}) chưa có trong danh mục cơ quan: đề xuất mã "${e.id}"` +
        ` (cấp: ${e.level ?? '?'}, tỉnh: ${e.province ?? '?'}${e.parentName ? `, cơ quan cấp trên: ${e.parentName}` : ''})` +
        `${open ? ` — cần điền ${open}` : ''}; kiểm tra rồi thêm content/agencies/${e.id}.yaml, hoặc chạy lại với --agency <mã>`,
    );
    return { value: { id: e.id, agency: undefined, resolved }, lines: report.lines };
  }
  report.missing('issuer', `không xác định được cơ quan ban hành: ${resolved.reason}. Chạy lại với --agency <mã cơ quan>`);
  return { value: { id: null, agency: undefined, resolved }, lines: report.lines };
}

/** Number, symbol, date, place, title and type from the letterhead, with what could not be read. */
function resolveHeaderFields(ctx: ImportContext, issuer: KnownAgency | undefined): Resolved<Pick<DraftPlan, 'docType' | 'number' | 'symbol' | 'issuedOn' | 'place' | 'title'>> {
  const report = new ImportReport();
  const { header } = ctx;
  if (!header.docType) report.inferred('docType', 'không thấy dòng loại văn bản ("KẾ HOẠCH", "QUYẾT ĐỊNH" …) ở đầu văn bản; mặc định loại văn bản "Kế hoạch"');
  else if (header.docType !== 'Kế hoạch') report.review('docType', `văn bản là "${header.docType}", không phải "Kế hoạch": kiểm tra đây có đúng là văn bản cần đăng`);
  if (!header.hasNumberLine) report.missing('number', 'không tìm thấy số văn bản (không có dòng "Số: …"): number và symbol để trống');
  else if (!header.number) report.missing('number', `không tìm thấy số văn bản: bản sao để trống số ("Số: /${header.symbol ?? ''}")`);
  if (header.number && header.symbol) report.review('number', `số/ký hiệu đọc được: ${formatPlanNumber(header)}`);
  if (!header.issuedOn) report.missing('issuedOn', header.hasDateLine ? 'không tìm thấy ngày ban hành: bản sao để trống ngày, tháng' : 'không tìm thấy ngày ban hành (không có dòng "…, ngày … tháng … năm …")');

  let place = header.place;
  if (!place) {
    const inferred = issuer ? placeOf(issuer) : null;
    if (inferred) {
      place = inferred;
      report.inferred('place', `không tìm thấy địa danh ban hành; tạm lấy "${place}" theo cơ quan ban hành — cần đối chiếu`);
    } else report.missing('place', 'không tìm thấy địa danh ban hành (dòng "…, ngày … tháng … năm …")');
  }

  let title = header.title;
  if (!title) {
    const fromEnactment = ctx.enactment ? titleFromEnactment(ctx.enactment) : null;
    if (fromEnactment) {
      title = fromEnactment;
      report.inferred('title', `không thấy tên (trích yếu) dưới dòng "KẾ HOẠCH"; lấy từ câu ban hành: "${title}"`);
    } else report.missing('title', 'không tìm thấy tên (trích yếu) của kế hoạch');
  }
  return {
    value: { docType: header.docType ?? 'Kế hoạch', number: header.number, symbol: header.symbol, issuedOn: header.issuedOn, place, title },
    lines: report.lines,
  };
}

const stripRef = (r: ExtractedReference) => ({ type: r.type, number: r.number, date: r.date, issuer: r.issuer, title: r.title, document: r.document });

/** Basis (the opening's documents) and citations (every other numbered document), with registry ids. */
function resolveReferences(ctx: ImportContext): Resolved<{ basis: DraftPlan['basis']; citations: DraftPlan['citations']; proposed: ProposedDocument[] }> {
  const report = new ImportReport();
  const { parts } = ctx;
  const opening: string[] = [];
  const rest: string[] = [];
  parts.body.forEach((b, i) => {
    if (i < parts.openingEnd) {
      const e = findEnactment(b.text);
      if (e === -1) opening.push(b.text);
      else {
        opening.push(b.text.slice(0, e));
        rest.push(b.text.slice(e));
      }
    } else rest.push(blockText(b));
  });
  const refs = extractReferences(opening, rest, ctx.options.documents);
  if (refs.basis.length === 0) report.missing('basis', 'không tìm thấy văn bản căn cứ có số hiệu trong đoạn mở đầu "Thực hiện …/Căn cứ …"');
  const proposed: ProposedDocument[] = [];
  for (const [list, items] of [['basis', refs.basis], ['citations', refs.citations]] as const) {
    items.forEach((r, i) => {
      const at = `${list}[${i}]`;
      const label = `${r.type} số ${r.number}`;
      if (!r.date) report.missing(`${at}.date`, `không tìm thấy ngày ban hành của ${label}`);
      if (r.typeInferred) report.inferred(`${at}.type`, `loại văn bản "${r.type}" của ${r.number} suy ra từ ký hiệu`);
      if (r.idFromRegistry) report.inferred(`${at}.document`, `${label} không kèm ngày: mã "${r.document}" lấy theo danh mục văn bản (cùng số/ký hiệu) — kiểm tra đúng văn bản`);
      if (r.idUncertain) report.missing(`${at}.document`, `${label} là văn bản của Đảng nhưng không có ngày/năm: mã "${r.document}" cần thêm năm ban hành`);
      if (!r.registered) {
        report.unknown(`${at}.document`, `văn bản "${label}" chưa có trong danh mục văn bản: tạo content/documents/${r.document}.yaml`);
        if (!proposed.some((d) => d.id === r.document)) proposed.push({ id: r.document, type: r.type, number: r.number, date: r.date, issuer: r.issuer });
      }
      if (r.registryDate) report.review(`${at}.date`, `ngày của ${label} trong kế hoạch (${r.date}) khác với danh mục văn bản (${r.registryDate})`);
    });
  }
  return { value: { basis: refs.basis.map(stripRef), citations: refs.citations.map(stripRef), proposed }, lines: report.lines };
}

/** Chỉ tiêu: the items of the targets section, else sentences with a figure. */
function resolveTargets(ctx: ImportContext): Resolved<ExtractedTarget[]> {
  const report = new ImportReport();
  const targets = extractTargets(ctx.outline, ctx.parts.body);
  if (!findTargetSection(ctx.outline) && targets.length) {
    report.review('targets', `không có mục "chỉ tiêu" riêng; ${targets.length} chỉ tiêu lấy từ các câu có tỷ lệ % hoặc "phấn đấu/đạt" — cần rà soát`);
  }
  targets.forEach((t, i) => {
    if (t.indicator) report.inferred(`targets[${i}].indicator`, `nhãn so sánh "${t.indicator}" tạo tự động`);
    else report.review(`targets[${i}].indicator`, 'chưa có nhãn so sánh (indicator) cho chỉ tiêu này');
  });
  return { value: targets, lines: report.lines };
}

/** TỔ CHỨC THỰC HIỆN: units and duties, dated deadlines with owner, and the units the registry lacks. */
function resolveUnits(ctx: ImportContext, context: AgencyContext): Resolved<{ assignments: DraftPlan['assignments']; deadlines: ExtractedDeadline[]; proposed: ProposedAgency[] }> {
  const report = new ImportReport();
  const { agencies } = ctx.options;
  const tcth = findImplementationSection(ctx.outline);
  if (!tcth) report.missing('assignments', 'không tìm thấy mục "TỔ CHỨC THỰC HIỆN": chưa có đơn vị thực hiện và thời hạn');
  const scopes = findUnitScopes(ctx.outline, agencies, context);
  const assignments = extractAssignments(scopes);
  const deadlines = extractDeadlines(scopes, agencies, context);
  const proposed: ProposedAgency[] = [];
  const noteUnit = (id: string, name: string, known: boolean, field: string): void => {
    if (known) return;
    const existing = proposed.find((p) => p.id === id);
    if (existing) existing.fields.push(field);
    else proposed.push({ id, name, fields: [field] });
  };
  scopes.forEach((s) => {
    const i = assignments.findIndex((a) => a.unit === s.match.id);
    if (i === -1) return;
    noteUnit(s.match.id, s.name, s.match.known, `assignments[${i}].unit`);
    if (s.match.known && s.match.how === 'partial') report.inferred(`assignments[${i}].unit`, `đơn vị "${s.name}" được hiểu là "${s.match.id}"`);
    if (s.match.alternatives.length) report.review(`assignments[${i}].unit`, `đơn vị "${s.name}" cũng có thể là: ${s.match.alternatives.join(', ')}`);
  });
  deadlines.forEach((d, i) => {
    noteUnit(d.owner, d.ownerName, d.ownerKnown, `deadlines[${i}].owner`);
    if (d.submitTo) noteUnit(d.submitTo, d.submitToName ?? d.submitTo, d.submitToKnown, `deadlines[${i}].submitTo`);
    report.review(`deadlines[${i}].task`, `nội dung công việc của thời hạn ${formatVietnameseDate(d.date)} được rút ra tự động: "${d.task}"`);
  });
  for (const p of proposed) {
    report.unknown(p.fields[0]!, `đơn vị "${p.name}" chưa có trong danh mục cơ quan: đề xuất mã "${p.id}" — tạo content/agencies/${p.id}.yaml (dùng ở ${p.fields.join(', ')})`);
  }
  for (const scope of scopes) {
    for (const duty of scope.duties) {
      for (const bad of findImpossibleDates(duty)) {
        report.review('deadlines', `"${bad}" trong nhiệm vụ của "${scope.name}" không phải ngày có thật: chưa đưa vào thời hạn — kiểm tra bản gốc`);
      }
    }
  }
  if (tcth && deadlines.length === 0) report.missing('deadlines', 'không tìm thấy thời hạn có ngày cụ thể trong mục "TỔ CHỨC THỰC HIỆN"');
  return { value: { assignments, deadlines, proposed }, lines: report.lines };
}

/** The plan year: the date line's, else the title's, the enactment's, the closing's, the deadlines'. */
function resolveYear(ctx: ImportContext, issuedOn: string | null, title: string | null, deadlines: readonly ExtractedDeadline[]): Resolved<number | null> {
  const report = new ImportReport();
  const year = issuedOn ? Number(issuedOn.slice(0, 4)) : ctx.header.dateLineYear;
  if (year !== null) return { value: year, lines: [] };
  const sources: Array<[number | null, string]> = [
    [yearIn(title), 'tên kế hoạch'],
    [yearIn(ctx.enactment), 'câu ban hành'],
    [yearIn([...ctx.parts.body].reverse().find((b) => /^Trên đây là\s/u.test(b.text))?.text), 'câu kết "Trên đây là …"'],
  ];
  const counts = new Map<number, number>();
  for (const d of deadlines) counts.set(Number(d.date.slice(0, 4)), (counts.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
  sources.push([[...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null, 'năm của các thời hạn']);
  const hit = sources.find(([y]) => y !== null);
  if (hit) {
    report.inferred('year', `năm ${hit[0]} suy ra từ ${hit[1]} (bản sao không có ngày ban hành)`);
    return { value: hit[0], lines: report.lines };
  }
  report.missing('year', 'không xác định được năm của kế hoạch');
  return { value: null, lines: report.lines };
}

/** Nơi nhận and the signature block. */
function resolveFoot(ctx: ImportContext): Resolved<Pick<DraftPlan, 'recipients' | 'signer'>> {
  const report = new ImportReport();
  const recipients = extractRecipients(ctx.parts.tail);
  if (recipients.length === 0) report.missing('recipients', 'không tìm thấy "Nơi nhận"');
  const signer = extractSigner(ctx.parts.tail);
  if (!signer.title) report.missing('signer.title', 'không tìm thấy chức vụ người ký');
  if (!signer.name) report.missing('signer.name', 'không tìm thấy họ tên người ký (bản sao không ghi tên)');
  if (!signer.authority && signer.title) report.review('signer.authority', 'không có dòng thẩm quyền ký (KT./TM./Q.): người ký ký theo chức vụ của mình');
  return { value: { recipients, signer }, lines: report.lines };
}

/** Lines the repair step removed, for the reviewer. */
function droppedLines(repair: RepairResult): ReportLine[] {
  const report = new ImportReport();
  for (const d of repair.dropped) {
    const what = d.reason === 'url' ? 'đường dẫn web lẫn vào văn bản' : d.reason === 'page-number' ? 'số trang' : 'dòng kẻ';
    report.review('', `đã bỏ dòng ${d.line} (${what}): "${d.text.length > 80 ? `${d.text.slice(0, 80)}…` : d.text}"`);
  }
  return report.lines;
}

/** The raw source lines above the body: the letterhead as extracted, before reflow. */
function headLines(text: string, parts: DocumentParts): string[] {
  const firstBodyLine = parts.body[0]?.line ?? parts.tail[0]?.line ?? Infinity;
  return toNFC(text).replace(/\r\n?/g, '\n').split('\n').slice(0, Number.isFinite(firstBodyLine) ? firstBodyLine - 1 : undefined);
}

/**
 * The provenance marks of a draft: every value the report says was inferred rather than read
 * ("place", "assignments[0].unit"), as the schema's `inferred` list ("assignments.0.unit"), so the
 * page, the JSON and the print show it as inferred. Only values the draft holds; one mark a field.
 */
function inferredMarks(lines: readonly ReportLine[], plan: DraftPlan): DraftPlan['inferred'] {
  const marks = new Map<string, string>();
  for (const line of lines) {
    if (line.kind !== 'inferred' || !line.field) continue;
    const field = line.field.replace(/\[(\d+)\]/g, '.$1');
    // Only the paths the schema accepts as provenance marks (place, issuer, year, a unit…).
    if (!inferredValueSchema.shape.field.safeParse(field).success) continue;
    const value = field.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), plan);
    if (value !== undefined && value !== null && !marks.has(field)) marks.set(field, line.message);
  }
  return [...marks].map(([field, note]) => ({ field, note }));
}

/**
 * Imports the text of one plan.
 * @example importPlanText(seedText, { agencies, documents, sourceFile: '000_….txt', sha256 }).plan.basis.length // 3
 */
export function importPlanText(text: string, options: ImportOptions): ImportResult {
  const repair = repairText(text, options.format === 'docx' ? { layout: 'paragraphs' } : {});
  const parts = splitParts(repair.blocks);
  const header = extractHeader(headLines(text, parts));
  const outline = buildOutline(parts.body);
  const enactmentBlock = parts.body.slice(0, Math.max(parts.openingEnd, 1)).find((b) => findEnactment(b.text) !== -1);
  const ctx: ImportContext = {
    options,
    repair,
    parts,
    header,
    outline,
    enactment: enactmentBlock ? enactmentBlock.text.slice(findEnactment(enactmentBlock.text)) : null,
  };

  const issuer = resolveIssuerField(ctx);
  const head = resolveHeaderFields(ctx, issuer.value.agency);
  const refs = resolveReferences(ctx);
  const targets = resolveTargets(ctx);
  const context: AgencyContext = { issuer: issuer.value.id, province: issuer.value.agency?.province ?? (issuer.value.resolved.kind === 'proposed' ? issuer.value.resolved.entry.province : null) };
  const units = resolveUnits(ctx, context);
  const year = resolveYear(ctx, head.value.issuedOn, head.value.title, units.value.deadlines);
  const foot = resolveFoot(ctx);

  const report = new ImportReport();
  const topics = inferTopics(head.value.title, outline);
  if (topics.length) report.inferred('topics', `chủ đề suy ra từ tên và các mục của kế hoạch: ${topics.join(', ')}`);
  else report.missing('topics', 'không suy ra được chủ đề: chọn 1–3 chủ đề trong danh sách');
  const issuerName = issuer.value.agency?.name ?? (issuer.value.resolved.kind === 'proposed' ? issuer.value.resolved.entry.name : null);
  const summary = draftSummary({ title: head.value.title, year: year.value }, issuerName, targets.value, units.value.deadlines);
  if (summary) report.review('summary', 'tóm tắt được ghép tự động từ tên, chỉ tiêu và thời hạn: hãy viết lại thành 2–3 câu dễ hiểu cho người dân');
  else report.missing('summary', 'chưa có tóm tắt');

  const plan: DraftPlan = {
    ...head.value,
    issuer: issuer.value.id,
    year: year.value,
    status: 'dự thảo',
    topics,
    summary,
    basis: refs.value.basis,
    citations: refs.value.citations,
    targets: targets.value.map((t) => ({ text: t.text, value: t.value, unit: t.unit, indicator: t.indicator })),
    deadlines: units.value.deadlines.map((d) => ({ date: d.date, task: d.task, owner: d.owner, submitTo: d.submitTo, qualifier: d.qualifier })),
    assignments: units.value.assignments,
    ...foot.value,
    source: { file: options.sourceFile, sha256: options.sha256, signed: false },
    inferred: [],
  };
  const body = renderBody(outline);
  const slug = draftSlug(plan.title, plan.issuer, plan.year);
  const lines = [issuer, head, refs, targets, units, year, foot].flatMap((r) => r.lines);
  plan.inferred = inferredMarks([...lines, ...report.lines], plan);
  return {
    plan,
    body,
    file: renderPlanFile(plan as unknown as Record<string, Yaml>, body),
    slug,
    report: [...lines, ...report.lines, ...droppedLines(repair)],
    summary: {
      basis: plan.basis.length,
      citations: plan.citations.length,
      targets: plan.targets.length,
      deadlines: plan.deadlines.length,
      assignments: plan.assignments.length,
      recipients: plan.recipients.length,
    },
    issuer: issuer.value.resolved,
    proposedAgencies: units.value.proposed,
    proposedDocuments: refs.value.proposed,
    details: { repair, header, outline, deadlines: units.value.deadlines, targets: targets.value },
  };
}

/** Where the draft goes: `plans/{year}/{slug}.mdx` under the content folder (no year folder when the year is unknown). */
export function draftPath(result: Pick<ImportResult, 'slug' | 'plan'>, contentDir = 'content'): string {
  const year = result.plan.year;
  return year ? `${contentDir}/plans/${year}/${result.slug}.mdx` : `${contentDir}/plans/${result.slug}.mdx`;
}

/**
 * Drafts a plan from a source already read (a file on disk, or bytes dropped in the browser
 * editor), adding the report lines that only the reader knows about (.docx numbering, warnings).
 */
export function importPlanSource(source: SourceText, options: Omit<ImportOptions, 'sourceFile' | 'sha256' | 'format'>): ImportResult {
  const result = importPlanText(source.text, { ...options, sourceFile: source.fileName, sha256: source.sha256, format: source.format });
  if (source.autoNumbered > 0) {
    result.report.push({
      kind: 'review',
      field: '',
      message: `tệp .docx có ${source.autoNumbered} đoạn đánh số tự động của Word: số thứ tự (I., 1., a)…) của các đoạn này không đọc được — kiểm tra các mục trong bản nháp`,
    });
  }
  if (source.format === 'docx') {
    for (const w of source.warnings) result.report.push({ kind: 'review', field: '', message: `cảnh báo khi đọc .docx: ${w}` });
  }
  return result;
}
