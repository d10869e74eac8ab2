/**
 * Everything the plan page and the plan cards show, computed from a plan's frontmatter: labels,
 * Vietnamese date wording, what to say when the source leaves something blank, grouping. Pure,
 * so it is unit-tested without building the site; components only print these values.
 */
import type { Plan } from '../schemas/plan';
import type { Agency } from '../schemas/agency';
import type { DocumentReference } from '../schemas/document-reference';
import type { Deadline } from '../schemas/deadline';
import type { Target } from '../schemas/target';
import type { Assignment } from '../schemas/assignment';
import type { Signer } from '../schemas/signer';
import { compareIsoDates, formatVietnameseDate } from './vn/dates';
import { formatPlanNumber } from './catalog/plan-number';
import { paths } from './paths';
import { site } from '../site.config';
import { formatTargetValue, QUALITATIVE_LABEL } from './vn/numbers';

/** Any map from agency id to an entry with the agency's data (the catalog's `agencies` fits). */
export type AgencyLookup = ReadonlyMap<string, { data: Agency }>;

/** Wording for what the source copy leaves blank. One place, so every page says it the same way. */
export const UNKNOWN = {
  number: 'Chưa ghi số',
  issuedOn: 'chưa ghi ngày ban hành',
  signerName: 'không ghi tên',
  submitTo: 'Không nêu',
  referenceDate: 'không ghi ngày',
} as const;

/** The mark beside a value inferred from context rather than read on the copy. */
export const INFERRED_MARK = 'suy ra';

/**
 * What the copy says about each inferred value, by field path ("place", "deadlines.2.submitTo").
 * @example inferredNotes({ inferred: [{ field: 'place', note: 'Bản gốc không ghi địa danh' }] }).get('place') // 'Bản gốc không ghi địa danh'
 */
export function inferredNotes(plan: Partial<Pick<Plan, 'inferred'>>): ReadonlyMap<string, string> {
  return new Map((plan.inferred ?? []).map((mark) => [mark.field, mark.note]));
}

/** A linkable agency as the page shows it. */
export interface AgencyRef {
  id: string;
  name: string;
  shortName: string;
  /** Path relative to the base path: "co-quan/{id}/". */
  path: string;
}

/**
 * The agency behind an id, with its page path. An id missing from the registry (content that
 * skipped validation) still renders, showing the id itself.
 */
export function agencyRef(agencies: AgencyLookup, id: string): AgencyRef {
  const data = agencies.get(id)?.data;
  return { id, name: data ? agencyDisplayName(data) : id, shortName: data?.shortName ?? id, path: paths.agency(id) };
}

/**
 * An agency's name as the portal lists it: an agency of another province than the portal's home
 * province (site.config `homeProvince`) says which, unless its name already does.
 * @example agencyDisplayName({ name: 'Ủy ban nhân dân xã Minh Tâm', province: 'Bình Phước' }, 'Tây Ninh') // 'Ủy ban nhân dân xã Minh Tâm (tỉnh Bình Phước)'
 * @example agencyDisplayName({ name: 'Sở Nội vụ tỉnh Tây Ninh', province: 'Tây Ninh' }, 'Tây Ninh') // 'Sở Nội vụ tỉnh Tây Ninh'
 */
export function agencyDisplayName(agency: Pick<Agency, 'name' | 'province'>, homeProvince: string | null = site.homeProvince): string {
  if (!agency.province || !homeProvince || agency.province === homeProvince || agency.name.includes(agency.province)) return agency.name;
  return `${agency.name} (tỉnh ${agency.province})`;
}

/* ---------- Số/ký hiệu, place and date ---------- */

/**
 * The plan's số/ký hiệu, worded the same on the page, the cards and the lists: "Chưa ghi số" for an
 * unnumbered copy (the ký hiệu it does show is `symbolOfUnnumbered`).
 * @example planNumberText({ number: '859', symbol: 'KH-UBND' }) // '859/KH-UBND'
 * @example planNumberText({ number: null, symbol: 'KH-STTTT' }) // 'Chưa ghi số'
 */
export function planNumberText(plan: Pick<Plan, 'number' | 'symbol'>): string {
  return plan.number && plan.symbol ? formatPlanNumber(plan)! : UNKNOWN.number;
}

/** The ký hiệu an unnumbered copy shows after its blank ("KH-STTTT"), or null. */
export function symbolOfUnnumbered(plan: Pick<Plan, 'number' | 'symbol'>): string | null {
  return plan.number ? null : plan.symbol;
}

/**
 * Issue date in words, or the "unknown" wording.
 * @example issuedOnText({ issuedOn: '2024-03-25' }) // 'ngày 25 tháng 3 năm 2024'
 */
export function issuedOnText(plan: Pick<Plan, 'issuedOn'>): string {
  return plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'long') : UNKNOWN.issuedOn;
}

/**
 * Place and date as the header of a Vietnamese document writes them (an inferred place is marked
 * by the page beside it, from `inferredNotes`).
 * @example placeAndDateText({ place: 'Tây Ninh', issuedOn: '2024-03-25' }) // 'Tây Ninh, ngày 25 tháng 3 năm 2024'
 * @example placeAndDateText({ place: 'Tây Ninh', issuedOn: null }) // 'Tây Ninh, chưa ghi ngày ban hành'
 */
export function placeAndDateText(plan: Pick<Plan, 'place' | 'issuedOn'>): string {
  return `${plan.place}, ${issuedOnText(plan)}`;
}

/** Date for a plan card: "25/3/2024", or "Năm 2024" when only the year is known. */
export function planDateShort(plan: Pick<Plan, 'issuedOn' | 'year'>): string {
  return plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'short') : `Năm ${plan.year}`;
}

export interface StatusView {
  /** "Đã ban hành", "Dự thảo", or what an incomplete copy lacks: "Bản chưa ghi số, ngày ban hành, tên người ký". */
  label: string;
  /** True for a draft, or a copy that shows its number, date and signer's name. */
  complete: boolean;
  /** One sentence for citizens when the copy is incomplete, else null. */
  note: string | null;
}

/**
 * The plan's status as a citizen should read it: a copy that lacks its number, issue date or
 * signer's name is said to be such a copy, not "Đã ban hành" beside the blanks.
 * @example statusView({ status: 'ban hành', number: '859', issuedOn: '2024-03-25', signer: { name: 'Nguyễn Văn A' } }).label // 'Đã ban hành'
 * @example statusView({ status: 'ban hành', number: null, issuedOn: null, signer: { name: null } }).label // 'Bản chưa ghi số, ngày ban hành, tên người ký'
 */
export function statusView(plan: Pick<Plan, 'status' | 'number' | 'issuedOn'> & { signer: Pick<Signer, 'name'> }): StatusView {
  if (plan.status === 'dự thảo') return { label: 'Dự thảo', complete: true, note: null };
  const missing = [!plan.number && 'số', !plan.issuedOn && 'ngày ban hành', !plan.signer.name && 'tên người ký'].filter((m): m is string => Boolean(m));
  if (missing.length === 0) return { label: 'Đã ban hành', complete: true, note: null };
  const list = missing.join(', ');
  return {
    label: `Bản chưa ghi ${list}`,
    complete: false,
    note: 'Đây không phải bản đã ký, đóng dấu; bản có giá trị pháp lý là văn bản đã ký của cơ quan ban hành.',
  };
}

/* ---------- The printed document's header (Nghị định 30/2020, Phụ lục I) ---------- */

export interface OfficialHeader {
  /** Cơ quan chủ quản, upper case (no-break spaces except where it may wrap), or null when the issuer has no parent. */
  parent: string | null;
  /** The issuing body, upper case, without the place already named by the parent line. */
  agency: string;
  /** Quốc hiệu (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party). */
  nation: string;
  /** Tiêu ngữ, or null for a Party document. */
  motto: string | null;
  /** "Số: 859/KH-UBND", or with the blank the copy leaves: "Số:      /KH-STTTT", "Số:      " (always printed). */
  number: string;
  /** "Tây Ninh, ngày 25 tháng 3 năm 2024", or with blanks: "ngày      tháng      năm 2024" (an inferred place is left out). */
  placeAndDate: string;
  /** "KẾ HOẠCH". */
  docType: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

// Where an agency name may wrap: before "và", after a comma, before an administrative unit.
const NAME_BREAK_BEFORE = /^(VÀ|TỈNH|HUYỆN|XÃ|QUẬN|PHƯỜNG|THÀNH|THỊ|TỈNH ỦY|HUYỆN ỦY|ĐẢNG ỦY)$/;

/**
 * An upper-case agency name whose words are joined by no-break spaces, except where the name may
 * wrap, so print never splits a word pair such as "TRUYỀN THÔNG" across lines.
 * @example keepNameTogether('SỞ THÔNG TIN VÀ TRUYỀN THÔNG') // 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' with a break allowed only before "VÀ"
 */
export function keepNameTogether(name: string): string {
  const words = name.split(/\s+/);
  return words
    .map((word, i) => (i === 0 ? word : `${NAME_BREAK_BEFORE.test(word) || words[i - 1]!.endsWith(',') ? ' ' : '\u00a0'}${word}`))
    .join('');
}
// A blank the signer fills by hand on the signed copy.
const BLANK = '\u00a0'.repeat(6);

/** Words at the end of `name` that `parent` also ends with, when they name a place ("tỉnh Tây Ninh"). */
function sharedPlaceSuffix(name: string, parent: string): string | null {
  const a = name.split(/\s+/);
  const b = parent.split(/\s+/);
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  if (n < 2 || n >= a.length) return null;
  const suffix = a.slice(a.length - n);
  return /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)$/i.test(suffix[0]!) ? suffix.join(' ') : null;
}

/**
 * The two-column header of the signed document: agency (left), Quốc hiệu – Tiêu ngữ (right),
 * số/ký hiệu and place-and-date under them. Blanks stay blank, as on an unnumbered copy.
 * @example officialHeader(plan, agencies).agency // 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' (parent: 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH')
 */
export function officialHeader(plan: Plan, agencies: AgencyLookup): OfficialHeader {
  const issuer = agencies.get(plan.issuer)?.data;
  const parent = issuer?.parent ? agencies.get(issuer.parent)?.data : undefined;
  let agencyName = issuer?.name ?? plan.issuer;
  if (parent) {
    const suffix = sharedPlaceSuffix(agencyName, parent.name);
    if (suffix) agencyName = agencyName.slice(0, agencyName.length - suffix.length).trimEnd();
  }
  const party = issuer?.level === 'Đảng';
  let number = `Số:${BLANK}`;
  if (plan.symbol) number = plan.number ? `Số: ${formatPlanNumber(plan)}` : `Số:${BLANK}${formatPlanNumber(plan)!.replace(/^…/, '')}`;
  const date = plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'long') : `ngày${BLANK}tháng${BLANK}năm ${plan.year}`;
  const placeAndDate = inferredNotes(plan).has('place') ? date : `${plan.place}, ${date}`;
  return {
    parent: parent ? keepNameTogether(upper(parent.name)) : null,
    agency: keepNameTogether(upper(agencyName)),
    nation: party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: party ? null : 'Độc lập - Tự do - Hạnh phúc',
    number,
    placeAndDate,
    docType: upper(plan.docType),
  };
}

/* ---------- References (căn cứ, văn bản được dẫn chiếu) ---------- */

export interface ReferenceView {
  /** "Chỉ thị số 33/CT-TTg". */
  label: string;
  type: string;
  /** As written in the plan: "33/CT-TTg". */
  number: string;
  /** "26/11/2021", or null when the plan gives no date. */
  date: string | null;
  dateIso: string | null;
  issuer: string | null;
  /** Trích yếu, or null. */
  title: string | null;
  /** Registry id and its page path ("van-ban/33-ct-ttg/"). */
  document: string;
  path: string;
}

/**
 * A reference as the page lists it, linking to the cited document's page.
 * @example referenceView({ type: 'Chỉ thị', number: '33/CT-TTg', date: '2021-11-26', … }).label // 'Chỉ thị số 33/CT-TTg'
 */
export function referenceView(ref: DocumentReference): ReferenceView {
  return {
    label: `${ref.type} số ${ref.number}`,
    type: ref.type,
    number: ref.number,
    date: ref.date ? formatVietnameseDate(ref.date, 'short') : null,
    dateIso: ref.date,
    issuer: ref.issuer,
    title: ref.title,
    document: ref.document,
    path: paths.document(ref.document),
  };
}

/**
 * The reference as one sentence, the way plans cite: "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của
 * Thủ tướng Chính phủ về …". Parts the plan does not give are left out.
 */
export function referenceSentence(ref: DocumentReference): string {
  const parts = [`${ref.type} số ${ref.number}`];
  if (ref.date) parts.push(`ngày ${formatVietnameseDate(ref.date, 'short')}`);
  if (ref.issuer) parts.push(`của ${ref.issuer}`);
  if (ref.title) parts.push(ref.title);
  return parts.join(' ');
}

/* ---------- Targets ---------- */

export interface TargetView {
  text: string;
  value: string;
  quantitative: boolean;
  indicator: string | null;
  /** Position in the plan's list, 1-based (the open data's row id is "{slug}#{position}"). */
  position: number;
  /**
   * The reported result beside the promise, once a results report exists (the reports stream
   * fills it); null until then.
   */
  result: { value: string; status: string; reportPath: string } | null;
}

export function targetViews(targets: Target[]): TargetView[] {
  return targets.map((t, i) => ({
    text: t.text,
    value: formatTargetValue(t) ?? QUALITATIVE_LABEL,
    quantitative: t.value !== null,
    indicator: t.indicator,
    position: i + 1,
    result: null,
  }));
}

/* ---------- Deadlines ---------- */

export interface DeadlineView {
  dateIso: string;
  /** "10/5/2024". */
  date: string;
  /** "trước ngày", "chậm nhất ngày"… or null. */
  qualifier: string | null;
  /** "trước ngày 10/5/2024". */
  when: string;
  task: string;
  owner: AgencyRef;
  submitTo: AgencyRef | null;
  /** Position in the plan's own list (stable id for anchors and open data). */
  position: number;
  /** What the copy says when the owner or the recipient was inferred (see `Plan.inferred`), else null. */
  ownerInferred: string | null;
  submitToInferred: string | null;
}

/**
 * When a deadline falls, worded as the plan words it.
 * @example deadlineWhen({ date: '2024-11-10', qualifier: 'trước ngày' }) // 'trước ngày 10/11/2024'
 */
export function deadlineWhen(deadline: Pick<Deadline, 'date' | 'qualifier'>): string {
  const date = formatVietnameseDate(deadline.date, 'short');
  if (!deadline.qualifier) return `ngày ${date}`;
  return /ngày$/.test(deadline.qualifier) ? `${deadline.qualifier} ${date}` : `${deadline.qualifier} ngày ${date}`;
}

/**
 * The plan's deadlines by date (ties keep the plan's order), with agencies resolved and inferred
 * agencies marked (`inferred` from `inferredNotes`).
 */
export function deadlineViews(deadlines: Deadline[], agencies: AgencyLookup, inferred: ReadonlyMap<string, string> = new Map()): DeadlineView[] {
  return deadlines
    .map((d, position) => ({
      dateIso: d.date,
      date: formatVietnameseDate(d.date, 'short'),
      qualifier: d.qualifier,
      when: deadlineWhen(d),
      task: d.task,
      owner: agencyRef(agencies, d.owner),
      submitTo: d.submitTo ? agencyRef(agencies, d.submitTo) : null,
      position,
      ownerInferred: inferred.get(`deadlines.${position}.owner`) ?? null,
      submitToInferred: inferred.get(`deadlines.${position}.submitTo`) ?? null,
    }))
    .sort((a, b) => compareIsoDates(a.dateIso, b.dateIso) || a.position - b.position);
}

/* ---------- Assignments ---------- */

export interface AssignmentView {
  unit: AgencyRef;
  /** What the copy says when the unit was inferred, else null. */
  unitInferred: string | null;
  duties: string[];
  /** The unit's dated obligations in this plan, by date. */
  deadlines: DeadlineView[];
}

/**
 * TỔ CHỨC THỰC HIỆN as unit → duties, in the plan's order. A unit listed twice is merged into
 * one entry; each unit carries its own deadlines from the plan.
 */
export function assignmentViews(plan: Pick<Plan, 'assignments' | 'deadlines'> & Partial<Pick<Plan, 'inferred'>>, agencies: AgencyLookup): AssignmentView[] {
  const inferred = inferredNotes(plan);
  const deadlines = deadlineViews(plan.deadlines, agencies, inferred);
  const byUnit = new Map<string, AssignmentView>();
  (plan.assignments as Assignment[]).forEach((a, position) => {
    const existing = byUnit.get(a.unit);
    const unitInferred = inferred.get(`assignments.${position}.unit`) ?? null;
    if (existing) {
      existing.duties.push(...a.duties);
      existing.unitInferred ??= unitInferred;
    } else {
      byUnit.set(a.unit, { unit: agencyRef(agencies, a.unit), unitInferred, duties: [...a.duties], deadlines: deadlines.filter((d) => d.owner.id === a.unit) });
    }
  });
  return [...byUnit.values()];
}

/* ---------- Signature ---------- */

export interface SignerView {
  /** "KT. GIÁM ĐỐC", or null when signing in one's own name. */
  authority: string | null;
  /** "PHÓ GIÁM ĐỐC". */
  title: string;
  name: string | null;
  /** The name, or "không ghi tên". */
  nameText: string;
}

export function signerView(signer: Signer): SignerView {
  return { authority: signer.authority, title: signer.title, name: signer.name, nameText: signer.name ?? UNKNOWN.signerName };
}

/* ---------- Panels and cards ---------- */

export type PanelId = 'can-cu' | 'chi-tieu' | 'thoi-han' | 'don-vi-thuc-hien' | 'van-ban-dan-chieu' | 'toan-van' | 'noi-nhan';

export interface PanelInfo {
  /** Anchor id on the plan page. */
  id: PanelId;
  heading: string;
  count: number | null;
  /** What the panel says when the plan has nothing for it. */
  empty: string;
}

/** The plan page's sections in order, for the table of contents and the panel headings. */
export function planPanels(plan: Plan): PanelInfo[] {
  return [
    { id: 'can-cu', heading: 'Căn cứ', count: plan.basis.length, empty: 'Kế hoạch không nêu văn bản làm căn cứ.' },
    { id: 'chi-tieu', heading: 'Chỉ tiêu', count: plan.targets.length, empty: 'Kế hoạch không đặt chỉ tiêu cụ thể.' },
    { id: 'thoi-han', heading: 'Thời hạn', count: plan.deadlines.length, empty: 'Kế hoạch không nêu thời hạn có ngày cụ thể.' },
    { id: 'don-vi-thuc-hien', heading: 'Đơn vị thực hiện', count: plan.assignments.length, empty: 'Kế hoạch không phân công đơn vị cụ thể.' },
    {
      id: 'van-ban-dan-chieu',
      heading: 'Văn bản được dẫn chiếu',
      count: plan.citations.length,
      empty: 'Ngoài văn bản căn cứ, kế hoạch không dẫn chiếu văn bản nào khác.',
    },
    { id: 'toan-van', heading: 'Toàn văn kế hoạch', count: null, empty: '' },
    { id: 'noi-nhan', heading: 'Nơi nhận và người ký', count: null, empty: '' },
  ];
}

/** One plan in a list (home page, agency pages, search results). */
export interface PlanCard {
  slug: string;
  /** Path relative to the base path: "ke-hoach/{slug}/". */
  path: string;
  docType: string;
  title: string;
  agency: AgencyRef;
  /** "859/KH-UBND" or "Chưa ghi số". */
  number: string;
  /** "25/3/2024" or "Năm 2024". */
  date: string;
  dateIso: string | null;
  year: number;
  topics: string[];
  summary: string;
  status: string;
}

export function planCard(entry: { slug: string; data: Plan }, agencies: AgencyLookup): PlanCard {
  const { slug, data } = entry;
  return {
    slug,
    path: paths.plan(slug),
    docType: data.docType,
    title: data.title,
    agency: agencyRef(agencies, data.issuer),
    number: planNumberText(data),
    date: planDateShort(data),
    dateIso: data.issuedOn,
    year: data.year,
    topics: data.topics,
    summary: data.summary,
    status: statusView(data).label,
  };
}

/** The `n` most recent deadlines across plans, in date order (a build-independent "latest" list). */
export function latestDeadlines<T extends { deadline: Pick<Deadline, 'date'> }>(rows: readonly T[], n: number): T[] {
  const sorted = [...rows].sort((a, b) => compareIsoDates(a.deadline.date, b.deadline.date));
  return sorted.slice(Math.max(0, sorted.length - n));
}
