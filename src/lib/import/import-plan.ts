/**
 * From extracted text to a draft plan: repairs the text, reads every part (header, references,
 * targets, deadlines, assignments, recipients, signer), resolves units and documents against the
 * registries, and writes down in the report everything it could not find or had to infer. It never
 * invents a value: what is not in the text stays null and is reported.
 */
import { formatPlanNumber } from '../catalog/plan-number';
import { findImpossibleDates, formatVietnameseDate } from '../vn/dates';
import { slugify } from '../vn/slug';
import { collapseWhitespace, foldVietnamese } from '../vn/text';
import { agencyKey, matchAgency, readUnitAt, type AgencyContext, type KnownAgency } from './agencies';
import { extractAssignments, findImplementationSection, findUnitScopes } from './assignments';
import { extractDeadlines, type ExtractedDeadline } from './deadlines';
import { extractHeader, type PlanHeader } from './header';
import { renderBody, renderPlanFile, type Yaml } from './mdx';
import { buildOutline, findEnactment, splitParts, type Outline } from './outline';
import { extractRecipients } from './recipients';
import { extractReferences, type ExtractedReference, type KnownDocument } from './references';
import { blockText, repairText, type Block, type RepairResult } from './repair';
import { ImportReport, type ReportLine, type ReportSummary } from './report';
import { extractSigner } from './signer';
import { extractTargets, findTargetSection, type ExtractedTarget } from './targets';
import type { SourceFormat, SourceText } from './read-source';

/** The topic labels a plan can carry (see the content brief). */
export const TOPICS = [
  'Dân vận chính quyền',
  'Dân chủ ở cơ sở',
  'Cải cách hành chính',
  'Chuyển đổi số',
  'Tiếp công dân',
  'Phòng chống tham nhũng',
  'Thi đua khen thưởng',
] as const;

const TOPIC_KEYS: Record<(typeof TOPICS)[number], RegExp> = {
  'Dân vận chính quyền': /\bdan van\b/,
  'Dân chủ ở cơ sở': /\bdan chu (?:o )?co so\b|\bquy che dan chu\b/,
  'Cải cách hành chính': /\bcai cach hanh chinh\b/,
  'Chuyển đổi số': /\bchuyen doi so\b/,
  'Tiếp công dân': /\btiep (?:cong )?dan\b|\bkhieu nai\b/,
  'Phòng chống tham nhũng': /\btham nhung\b/,
  'Thi đua khen thưởng': /\bthi dua\b.*\bkhen thuong\b|\bkhen thuong\b/,
};

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

/** The draft frontmatter: the plan schema's fields, with null where the text does not say. */
export interface DraftPlan {
  title: string | null;
  docType: string;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  year: number | null;
  status: 'dự thảo';
  topics: string[];
  summary: string | null;
  basis: Array<Pick<ExtractedReference, 'type' | 'number' | 'date' | 'issuer' | 'title' | 'document'>>;
  citations: Array<Pick<ExtractedReference, 'type' | 'number' | 'date' | 'issuer' | 'title' | 'document'>>;
  targets: Array<Omit<ExtractedTarget, 'fromSection'>>;
  deadlines: Array<{ date: string; task: string; owner: string; submitTo: string | null; qualifier: string | null }>;
  assignments: Array<{ unit: string; duties: string[] }>;
  recipients: string[];
  signer: { authority: string | null; title: string | null; name: string | null };
  source: { file: string; sha256: string };
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
  proposedAgencies: ProposedAgency[];
  proposedDocuments: ProposedDocument[];
  /** Intermediate results, for tests and the scores script. */
  details: { repair: RepairResult; header: PlanHeader; outline: Outline; deadlines: ExtractedDeadline[]; targets: ExtractedTarget[] };
}

function agencyById(agencies: readonly KnownAgency[], id: string | null | undefined): KnownAgency | undefined {
  return id ? agencies.find((a) => a.id === id) : undefined;
}

/**
 * The issuing agency from a name as printed ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "UBND xã Minh Tâm",
 * "Sở Văn hóa, Thể thao và Du lịch, đề nghị …"): the longest beginning of the text that is an agency
 * name, in full or its start when only one agency of the province begins that way.
 */
export function matchIssuingAgency(
  text: string,
  agencies: readonly KnownAgency[],
  province: string | null,
  options: { whole?: boolean } = {},
): KnownAgency | undefined {
  const words = collapseWhitespace(text).split(' ');
  const pool = agencies.filter((a) => !province || !a.province || foldVietnamese(a.province) === foldVietnamese(province));
  const shortest = options.whole ? words.length : 1;
  for (let n = Math.min(words.length, 16); n >= shortest; n--) {
    const key = agencyKey(words.slice(0, n).join(' '));
    if (!key || key.split(' ').length < 2) continue;
    const exact = pool.filter((a) => agencyKey(a.name) === key || agencyKey(a.shortName) === key);
    if (exact.length === 1) return exact[0];
    const partial = pool.filter((a) => agencyKey(a.name).startsWith(`${key} `) && a.level !== 'nhóm đơn vị' && a.level !== 'phòng');
    if (partial.length === 1 && key.split(' ').length >= 3) return partial[0];
  }
  return undefined;
}

/** Where the plan says who issues it, in order of trust. */
function issuerCandidates(header: PlanHeader, body: Block[], openingEnd: number): Array<{ text: string; where: string; whole?: boolean }> {
  const out: Array<{ text: string; where: string; whole?: boolean }> = [];
  // A letterhead often splits the body's name over two lines: "ỦY BAN NHÂN DÂN" / "HUYỆN HỚN QUẢN"
  // (but "UBND TỈNH TÂY NINH" / "SỞ …" are two bodies: the pair must be one name as a whole).
  if (header.issuerParentLine && header.issuerLine) {
    out.push({ text: `${header.issuerParentLine} ${header.issuerLine}`, where: 'dòng tên cơ quan ở đầu văn bản', whole: true });
  }
  if (header.issuerLine) out.push({ text: header.issuerLine, where: 'dòng tên cơ quan ở đầu văn bản' });
  const closing = [...body].reverse().find((b) => /^Trên đây là\s/u.test(b.text) || /\.\/\.\s*$/.test(b.text));
  if (closing) {
    const i = closing.text.lastIndexOf(' của ');
    if (i !== -1) out.push({ text: closing.text.slice(i + 5), where: 'câu kết "Trên đây là Kế hoạch … của …"' });
  }
  for (const b of body.slice(0, Math.max(openingEnd, 1))) {
    const e = findEnactment(b.text);
    if (e === -1) continue;
    const sentence = b.text.slice(e);
    const verb = /\s(?:ban hành|xây dựng|lập|đề ra)\s/u.exec(sentence);
    if (verb) out.push({ text: sentence.slice(0, verb.index), where: 'câu ban hành "… ban hành Kế hoạch"' });
  }
  return out;
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

/** Place from the issuer: the commune or district for a xã/huyện body, else the province. */
export function placeOf(agency: KnownAgency): string | null {
  if (agency.level === 'xã' || agency.level === 'huyện') {
    const m = /(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố)\s+(.+)$/u.exec(agency.name);
    if (m) return m[1]!.trim();
  }
  return agency.province;
}

function inferTopics(title: string | null, outline: Outline): string[] {
  const titleKey = foldVietnamese(title ?? '');
  const headingKeys = outline.sections.flatMap((s) => [s.block.text, ...s.children.map((c) => c.block.text)]).map((t) => foldVietnamese(t));
  const scored = TOPICS.map((topic) => ({
    topic,
    score: (TOPIC_KEYS[topic].test(titleKey) ? 10 : 0) + headingKeys.filter((k) => TOPIC_KEYS[topic].test(k)).length,
  }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, 3).map((t) => t.topic);
}

/**
 * File name of a draft, imported or written from scratch: the title without "thực hiện", "công tác",
 * dates and place, then year and issuer id.
 * @example draftSlug('Thực hiện công tác dân vận chính quyền năm 2026', 'ubnd-xa-minh-tam', 2026) // 'dan-van-chinh-quyen-2026-ubnd-xa-minh-tam'
 */
export function draftSlug(title: string | null, issuer: string | null, year: number | null): string {
  let t = title ?? 'ke-hoach';
  t = t
    .replace(/^(?:triển khai,?\s*)?(?:thực hiện\s+)?/iu, '')
    .replace(/\s+(?:ngày|của)\s+.*$/u, '')
    .replace(/\bcông tác\s+/giu, '')
    .replace(/\bsố\s+/giu, '')
    .replace(/\s+trên địa bàn\s+(?:xã|huyện|tỉnh|phường|thành phố|thị xã)(?:\s+\p{Lu}\p{Ll}*)*/giu, '')
    .replace(/\bnăm\s+(\d{4})/giu, '$1');
  let slug = slugify(t, { maxLength: 50 }) || 'ke-hoach';
  if (year && !slug.includes(String(year))) slug = `${slug}-${year}`;
  if (issuer && !slug.endsWith(issuer)) slug = `${slug}-${issuer}`;
  return slugify(slug, { maxLength: 90 });
}

function lcFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function draftSummary(plan: Pick<DraftPlan, 'title' | 'year'>, issuerName: string | null, targets: ExtractedTarget[], deadlines: ExtractedDeadline[]): string | null {
  if (!plan.title) return null;
  const parts = [issuerName ? `${issuerName} ban hành kế hoạch ${lcFirst(plan.title)}.` : `Kế hoạch ${lcFirst(plan.title)}.`];
  const measured = targets.filter((t) => t.value !== null);
  if (targets.length) parts.push(`Kế hoạch đặt ${targets.length} chỉ tiêu${measured.length ? `, trong đó ${measured.length} chỉ tiêu có số đo cụ thể` : ''}.`);
  const dates = [...new Set(deadlines.map((d) => d.date))].sort();
  if (dates.length) parts.push(`Các thời hạn báo cáo: ${dates.map((d) => formatVietnameseDate(d)).join(', ')}.`);
  return parts.join(' ');
}

/**
 * Imports the text of one plan.
 * @example importPlanText(seedText, { agencies, documents, sourceFile: '000_….txt', sha256 }).plan.basis.length // 3
 */
export function importPlanText(text: string, options: ImportOptions): ImportResult {
  const report = new ImportReport();
  const { agencies, documents } = options;
  const repair = repairText(text, options.format === 'docx' ? { layout: 'paragraphs' } : {});
  const parts = splitParts(repair.blocks);
  const header = extractHeader(parts.head);
  const outline = buildOutline(parts.body);

  // ——— Issuer ———
  let issuerAgency: KnownAgency | undefined;
  let issuerId: string | null = null;
  if (options.agency) {
    issuerId = options.agency;
    issuerAgency = agencyById(agencies, options.agency);
    if (!issuerAgency) report.unknown('issuer', `mã cơ quan "${options.agency}" (tham số --agency) chưa có trong danh mục cơ quan: tạo content/agencies/${options.agency}.yaml`);
  } else {
    const candidates = issuerCandidates(header, parts.body, parts.openingEnd);
    // The place of issue narrows the search only when it is a province ("Tây Ninh"), not a commune ("Hớn Quản").
    const province = header.place && agencies.some((a) => a.province && foldVietnamese(a.province) === foldVietnamese(header.place!)) ? header.place : null;
    for (const c of candidates) {
      const found = matchIssuingAgency(c.text, agencies, province, { whole: c.whole });
      if (found) {
        issuerAgency = found;
        issuerId = found.id;
        if (c.where !== 'dòng tên cơ quan ở đầu văn bản') report.inferred('issuer', `cơ quan ban hành "${found.name}" suy ra từ ${c.where}`);
        break;
      }
    }
    if (!issuerId) {
      // Name the body as printed: the two-line letterhead when it reads as one name ("ỦY BAN NHÂN DÂN HUYỆN …").
      const named = candidates.find((c) => !c.whole || !/^(?:UBND|ỦY BAN|UỶ BAN)\s.*\s(?:TỈNH|THÀNH PHỐ)(?![\p{L}\p{M}])/u.test(c.text)) ?? candidates[0];
      if (named) {
        const unit = named.where.startsWith('dòng tên') ? null : readUnitAt(named.text, [], {});
        const name = unit?.name ?? collapseWhitespace(named.text).split(/[,.;]/)[0]!;
        issuerId = matchAgency(name, [], {}).id;
        report.unknown('issuer', `cơ quan ban hành "${name}" (từ ${named.where}) chưa có trong danh mục cơ quan: đề xuất mã "${issuerId}" — tạo content/agencies/${issuerId}.yaml hoặc chạy lại với --agency <mã>`);
      } else report.missing('issuer', 'không xác định được cơ quan ban hành: chạy lại với --agency <mã cơ quan>');
    }
  }
  const context: AgencyContext = { issuer: issuerId, province: issuerAgency?.province ?? null };

  // ——— Header fields ———
  if (!header.docType) report.inferred('docType', 'không thấy dòng "KẾ HOẠCH" ở đầu văn bản; mặc định loại văn bản "Kế hoạch"');
  if (!header.hasNumberLine) report.missing('number', 'không tìm thấy số văn bản (không có dòng "Số: …"): number và symbol để trống');
  else if (!header.number) report.missing('number', `không tìm thấy số văn bản: bản sao để trống số ("Số: /${header.symbol ?? ''}")`);
  if (header.number && header.symbol) report.review('number', `số/ký hiệu đọc được: ${formatPlanNumber(header)}`);
  let issuedOn = header.issuedOn;
  if (!issuedOn) report.missing('issuedOn', header.hasDateLine ? 'không tìm thấy ngày ban hành: bản sao để trống ngày, tháng' : 'không tìm thấy ngày ban hành (không có dòng "…, ngày … tháng … năm …")');

  let place = header.place;
  if (!place) {
    const inferredPlace = issuerAgency ? placeOf(issuerAgency) : null;
    if (inferredPlace) {
      place = inferredPlace;
      report.inferred('place', `không tìm thấy địa danh ban hành; tạm lấy "${place}" theo cơ quan ban hành — cần đối chiếu`);
    } else report.missing('place', 'không tìm thấy địa danh ban hành');
  }

  const enactment = parts.body.slice(0, Math.max(parts.openingEnd, 1)).find((b) => findEnactment(b.text) !== -1);
  const enactmentText = enactment ? enactment.text.slice(findEnactment(enactment.text)) : null;
  let title = header.title;
  if (!title) {
    const fromEnactment = enactmentText ? titleFromEnactment(enactmentText) : null;
    if (fromEnactment) {
      title = fromEnactment;
      report.inferred('title', `không thấy tên (trích yếu) dưới dòng "KẾ HOẠCH"; lấy từ câu ban hành: "${title}"`);
    } else report.missing('title', 'không tìm thấy tên (trích yếu) của kế hoạch');
  }

  // ——— References ———
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
  const refs = extractReferences(opening, rest, documents);
  if (refs.basis.length === 0) report.missing('basis', 'không tìm thấy văn bản căn cứ có số hiệu trong đoạn mở đầu "Thực hiện …/Căn cứ …"');
  const proposedDocuments: ProposedDocument[] = [];
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
        if (!proposedDocuments.some((d) => d.id === r.document)) proposedDocuments.push({ id: r.document, type: r.type, number: r.number, date: r.date, issuer: r.issuer });
      }
      if (r.registryDate) report.review(`${at}.date`, `ngày của ${label} trong kế hoạch (${r.date}) khác với danh mục văn bản (${r.registryDate})`);
    });
  }

  // ——— Targets ———
  const targets = extractTargets(outline, parts.body);
  if (!findTargetSection(outline)) {
    if (targets.length) report.review('targets', `không có mục "chỉ tiêu" riêng; ${targets.length} chỉ tiêu lấy từ các câu có tỷ lệ % hoặc "phấn đấu/đạt" — cần rà soát`);
  }
  targets.forEach((t, i) => {
    if (t.indicator) report.inferred(`targets[${i}].indicator`, `nhãn so sánh "${t.indicator}" tạo tự động`);
    else report.review(`targets[${i}].indicator`, 'chưa có nhãn so sánh (indicator) cho chỉ tiêu này');
  });

  // ——— Units: assignments and deadlines ———
  const tcth = findImplementationSection(outline);
  if (!tcth) report.missing('assignments', 'không tìm thấy mục "TỔ CHỨC THỰC HIỆN": chưa có đơn vị thực hiện và thời hạn');
  const scopes = findUnitScopes(outline, agencies, context);
  const assignments = extractAssignments(scopes);
  const deadlines = extractDeadlines(scopes, agencies, context);
  const proposedAgencies: ProposedAgency[] = [];
  const noteUnit = (id: string, name: string, known: boolean, field: string): void => {
    if (known) return;
    const existing = proposedAgencies.find((p) => p.id === id);
    if (existing) existing.fields.push(field);
    else proposedAgencies.push({ id, name, fields: [field] });
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
  for (const p of proposedAgencies) {
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

  // ——— Year ———
  let year: number | null = issuedOn ? Number(issuedOn.slice(0, 4)) : header.dateLineYear;
  if (year === null) {
    const sources: Array<[number | null, string]> = [
      [yearIn(title), 'tên kế hoạch'],
      [yearIn(enactmentText), 'câu ban hành'],
      [yearIn([...parts.body].reverse().find((b) => /^Trên đây là\s/u.test(b.text))?.text), 'câu kết "Trên đây là …"'],
    ];
    const counts = new Map<number, number>();
    for (const d of deadlines) counts.set(Number(d.date.slice(0, 4)), (counts.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    sources.push([common, 'năm của các thời hạn']);
    const hit = sources.find(([y]) => y !== null);
    if (hit) {
      year = hit[0];
      report.inferred('year', `năm ${year} suy ra từ ${hit[1]} (bản sao không có ngày ban hành)`);
    } else report.missing('year', 'không xác định được năm của kế hoạch');
  }

  // ——— Recipients and signer ———
  const recipients = extractRecipients(parts.tail);
  if (recipients.length === 0) report.missing('recipients', 'không tìm thấy "Nơi nhận"');
  const signer = extractSigner(parts.tail);
  if (!signer.title) report.missing('signer.title', 'không tìm thấy chức vụ người ký');
  if (!signer.name) report.missing('signer.name', 'không tìm thấy họ tên người ký (bản sao không ghi tên)');
  if (!signer.authority && signer.title) report.review('signer.authority', 'không có dòng thẩm quyền ký (KT./TM./Q.): người ký ký theo chức vụ của mình');

  // ——— Topics, summary, slug ———
  const topics = inferTopics(title, outline);
  if (topics.length) report.inferred('topics', `chủ đề suy ra từ tên và các mục của kế hoạch: ${topics.join(', ')}`);
  else report.missing('topics', 'không suy ra được chủ đề: chọn 1–3 chủ đề trong danh sách');
  const summary = draftSummary({ title, year }, issuerAgency?.name ?? null, targets, deadlines);
  if (summary) report.review('summary', 'tóm tắt được ghép tự động từ tên, chỉ tiêu và thời hạn: hãy viết lại thành 2–3 câu dễ hiểu cho người dân');
  else report.missing('summary', 'chưa có tóm tắt');

  for (const d of repair.dropped) {
    const what = d.reason === 'url' ? 'đường dẫn web lẫn vào văn bản' : d.reason === 'page-number' ? 'số trang' : 'dòng kẻ';
    report.review('', `đã bỏ dòng ${d.line} (${what}): "${d.text.length > 80 ? `${d.text.slice(0, 80)}…` : d.text}"`);
  }

  const stripRef = (r: ExtractedReference) => ({ type: r.type, number: r.number, date: r.date, issuer: r.issuer, title: r.title, document: r.document });
  const plan: DraftPlan = {
    title,
    docType: header.docType ?? 'Kế hoạch',
    number: header.number,
    symbol: header.symbol,
    issuer: issuerId,
    place,
    issuedOn,
    year,
    status: 'dự thảo',
    topics,
    summary,
    basis: refs.basis.map(stripRef),
    citations: refs.citations.map(stripRef),
    targets: targets.map((t) => ({ text: t.text, value: t.value, unit: t.unit, indicator: t.indicator })),
    deadlines: deadlines.map((d) => ({ date: d.date, task: d.task, owner: d.owner, submitTo: d.submitTo, qualifier: d.qualifier })),
    assignments,
    recipients,
    signer,
    source: { file: options.sourceFile, sha256: options.sha256 },
  };
  const body = renderBody(outline);
  const slug = draftSlug(title, issuerId, year);
  const summaryCounts: ReportSummary = {
    basis: plan.basis.length,
    citations: plan.citations.length,
    targets: plan.targets.length,
    deadlines: plan.deadlines.length,
    assignments: plan.assignments.length,
    recipients: plan.recipients.length,
  };
  return {
    plan,
    body,
    file: renderPlanFile(plan as unknown as Record<string, Yaml>, body),
    slug,
    report: report.lines,
    summary: summaryCounts,
    proposedAgencies,
    proposedDocuments,
    details: { repair, header, outline, deadlines, targets },
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
