/**
 * Matches unit names as a plan writes them ("Văn phòng Sở", "UBND tỉnh", "Phòng Nội vụ") to the
 * agency registry (`content/agencies/`). Plans name units relative to the issuer, so the issuer is the
 * context: "Văn phòng Sở" in a plan of Sở TTTT is van-phong-so-tttt-tay-ninh, not the Văn phòng of
 * another Sở. A unit the registry does not have gets a proposed id, reported as such, never passed
 * off as a known one.
 */
import { slugify } from '../vn/slug';
import { foldVietnamese } from '../vn/text';

/** An agency of the registry, as far as matching needs it. */
export interface KnownAgency {
  id: string;
  name: string;
  shortName: string;
  level: string;
  parent: string | null;
  province: string | null;
}

export interface AgencyContext {
  /** Id of the issuing agency: relative names ("Văn phòng Sở") are read from it. */
  issuer?: string | null;
  /** Province of the plan ("Tây Ninh"): agencies of another province are never matched. */
  province?: string | null;
}

export interface AgencyMatch {
  /** Registry id, or a proposed id when `known` is false. */
  id: string;
  /** True when the registry has the agency. */
  known: boolean;
  /** The name as the plan writes it. */
  name: string;
  /** "exact": name or short name equal; "partial": the plan writes the start of the name ("Văn phòng"). */
  how: 'exact' | 'partial' | 'proposed';
  /** Other registry ids that fit as well (the report asks a person to choose). */
  alternatives: string[];
}

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\btttt\b/g, 'thong tin va truyen thong'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\btp\b/g, 'thanh pho'],
];

const keyCache = new Map<string, string>();

/**
 * Comparison key of a unit name: folded, punctuation dropped, usual abbreviations spelled out.
 * @example agencyKey('UBND tỉnh (b/c)') // 'uy ban nhan dan tinh'
 */
export function agencyKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = computeKey(name);
  if (keyCache.size > 5000) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

function computeKey(name: string): string {
  let key = foldVietnamese(name)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [re, full] of ABBREVIATIONS) key = key.replace(re, full);
  return key.replace(/\s+/g, ' ');
}

function related(agency: KnownAgency, issuer: KnownAgency | undefined, byId: Map<string, KnownAgency>): number {
  if (!issuer) return 0;
  if (agency.id === issuer.id) return 15;
  if (agency.parent === issuer.id) return 20;
  if (issuer.parent && (agency.id === issuer.parent || agency.parent === issuer.parent)) return 10;
  const grand = issuer.parent ? byId.get(issuer.parent)?.parent : null;
  if (grand && (agency.id === grand || agency.parent === grand)) return 5;
  return 0;
}

function scoreName(key: string, agency: KnownAgency): { score: number; how: 'exact' | 'partial' } | null {
  const keys = [agencyKey(agency.name), agencyKey(agency.shortName)];
  if (keys.includes(key)) return { score: 100, how: 'exact' };
  // The plan writes the beginning of the registry name: "Văn phòng" for "Văn phòng Sở",
  // "Sở Văn hóa, Thể thao và Du lịch" for "… tỉnh Tây Ninh".
  if (key.split(' ').length >= 1 && keys.some((k) => k.startsWith(`${key} `))) return { score: 60, how: 'partial' };
  return null;
}

/**
 * The registry agency a unit name denotes, or null when none fits.
 * @example matchKnownAgency('Văn phòng Sở', agencies, { issuer: 'so-tttt-tay-ninh' })?.id // 'van-phong-so-tttt-tay-ninh'
 */
export function matchKnownAgency(name: string, agencies: readonly KnownAgency[], context: AgencyContext = {}): AgencyMatch | null {
  const key = agencyKey(name);
  if (!key) return null;
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const issuer = context.issuer ? byId.get(context.issuer) : undefined;
  const province = context.province ?? issuer?.province ?? null;
  const scored: Array<{ agency: KnownAgency; score: number; how: 'exact' | 'partial' }> = [];
  for (const agency of agencies) {
    if (province && agency.province && foldVietnamese(agency.province) !== foldVietnamese(province)) continue;
    const s = scoreName(key, agency);
    if (!s) continue;
    // Without an issuer or a province, a short name ("UBND tỉnh", "Phòng Nội vụ") could be any
    // province's: only a full name counts.
    if (!issuer && !province && agencyKey(agency.name) !== key) continue;
    scored.push({ agency, score: s.score + related(agency, issuer, byId), how: s.how });
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  // A bare partial name ("Văn phòng") only counts inside the issuer's own family.
  if (best.how === 'partial' && related(best.agency, issuer, byId) === 0) return null;
  const alternatives = scored.filter((s) => s !== best && s.score === best.score).map((s) => s.agency.id);
  return { id: best.agency.id, known: true, name, how: best.how, alternatives };
}

const LEVEL_WORDS = new Set(['so', 'xa', 'huyen', 'tinh', 'phuong', 'quan', 'thi-tran']);
const SUB_UNIT = /^(?:van phong|phong|thanh tra|dai|bo phan|to|trung tam|cac|chi cuc|ban)\b/;

/**
 * A registry id for a unit the registry does not have yet, in the registry's pattern: the name,
 * then the issuer it belongs to ("Thanh tra Sở" of so-vhttdl-tay-ninh → "thanh-tra-so-vhttdl-tay-ninh",
 * "Đài Truyền thanh xã" of ubnd-xa-minh-tam → "dai-truyen-thanh-xa-minh-tam").
 * @example proposeAgencyId('Phòng Văn hóa và Thông tin', 'ubnd-huyen-hon-quan') // 'phong-van-hoa-va-thong-tin-huyen-hon-quan'
 */
export function proposeAgencyId(name: string, issuerId?: string | null, province?: string | null): string {
  // The registry writes Ủy ban nhân dân as "ubnd" in ids (ubnd-tinh-tay-ninh).
  const base = slugify(name.replace(/\([^)]*\)/g, ' ').replace(/:\s*$/, ''))
    .replace(/(^|-)uy-ban-nhan-dan(?=-|$)/g, '$1ubnd')
    .replace(/(^|-)hoi-dong-nhan-dan(?=-|$)/g, '$1hdnd');
  // "UBND tỉnh", "Sở Nội vụ tỉnh": the province's body, whoever issues the plan.
  if (province && /-tinh$/.test(base)) return slugify(`${base}-${slugify(province)}`, { maxLength: 70 });
  if (!issuerId) return slugify(base, { maxLength: 70 });
  const tail = issuerId.replace(/^ubnd-/, '');
  const baseWords = base.split('-');
  const tailWords = tail.split('-');
  // "van-phong-so" + "so-tttt-tay-ninh": the level word the name ends with is where the issuer's id begins.
  for (let n = Math.min(baseWords.length, tailWords.length); n >= 1; n--) {
    if (baseWords.slice(-n).join('-') === tailWords.slice(0, n).join('-')) {
      return slugify([...baseWords.slice(0, -n), ...tailWords].join('-'), { maxLength: 70 });
    }
  }
  const last = baseWords[baseWords.length - 1] ?? '';
  const relative = LEVEL_WORDS.has(last) || (SUB_UNIT.test(agencyKey(name)) && baseWords.length <= 8);
  return slugify(relative ? `${base}-${tail}` : base, { maxLength: 70 });
}

/**
 * A known agency when the registry has it, else a proposed id (`known: false`).
 * @example matchAgency('Phòng Văn hóa', [], { issuer: 'ubnd-huyen-x' }) // { id: 'phong-van-hoa-huyen-x', known: false, how: 'proposed', … }
 */
export function matchAgency(name: string, agencies: readonly KnownAgency[], context: AgencyContext = {}): AgencyMatch {
  const known = matchKnownAgency(name, agencies, context);
  if (known) return known;
  const byId = context.issuer ? agencies.find((a) => a.id === context.issuer) : undefined;
  const province = context.province ?? byId?.province ?? null;
  return { id: proposeAgencyId(name, context.issuer, province), known: false, name: cleanUnitName(name), how: 'proposed', alternatives: [] };
}

/** A unit name without its trailing colon, parenthetical and whitespace. */
export function cleanUnitName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[\s:;,.]+$/, '').trim();
}

// Words that end a unit's name when it is the subject or the addressee in a sentence.
const NAME_STOPS = [
  'tổng hợp', 'trước', 'chậm nhất', 'để', 'báo cáo', 'theo', 'chủ trì', 'phối hợp', 'thực hiện', 'triển khai',
  'tham mưu', 'xây dựng', 'có', 'chịu', 'căn cứ', 'chủ động', 'đẩy mạnh', 'tổ chức', 'gửi', 'qua', 'trong', 'về',
  'kịp thời', 'thường xuyên', 'tăng cường', 'hướng dẫn', 'theo dõi', 'nghiên cứu', 'là', 'được', 'cần', 'phải',
  'đề xuất', 'trình', 'ban hành', 'giao', 'hoàn thành', 'nộp', 'lập', 'rà soát', 'đôn đốc', 'kiểm tra', 'tiếp tục',
  'bảo đảm', 'đảm bảo', 'tuyên truyền', 'tập trung', 'thông qua', 'cung cấp', 'chỉ đạo', 'và các', 'vào', 'trên',
].map((s) => s.split(' '));
const UNIT_START = /^(?:Các\s+)?(?:Văn phòng|Phòng|Thanh tra|Trung tâm|Đài|Chi cục|Ban|Sở|UBND|Ủy ban|Uỷ ban|Công an|Bộ phận|Hội|Đoàn|Tổ|Bộ|Cục|Vụ|Viện|Trường|Bệnh viện|Kho bạc|Chi nhánh|Hạt|Đội|Lãnh đạo|Giám đốc|Chủ tịch|Trưởng)\s|^Các\s+(?:phòng|đơn vị|bộ phận|cơ quan|sở|ban|ngành|tổ chức|xã|phường)(?![\p{L}\p{M}])/u;

/** True when a piece of text starts with something that names a unit ("Văn phòng Sở …", "Các phòng …"). */
export function startsWithUnit(text: string): boolean {
  return UNIT_START.test(text.trim());
}

/**
 * The unit named at the start of a piece of text: the longest registry name that fits when there is
 * one, else the words up to the first verb-like word or punctuation. Null when the text does not start
 * with a unit.
 * @example readUnitAt('Văn phòng Sở tổng hợp, báo cáo', agencies, { issuer: 'so-tttt-tay-ninh' })
 * // { name: 'Văn phòng Sở', length: 12, match: { id: 'van-phong-so-tttt-tay-ninh', known: true, … } }
 */
export function readUnitAt(
  text: string,
  agencies: readonly KnownAgency[],
  context: AgencyContext = {},
): { name: string; length: number; match: AgencyMatch } | null {
  const trimmed = text.replace(/^\s+/, '');
  const lead = text.length - trimmed.length;
  const words = [...trimmed.matchAll(/[^\s,;:.()]+(?:[,.](?=\s))?/gu)];
  if (words.length === 0) return null;
  // Longest registry match first (names with commas: "Sở Văn hóa, Thể thao và Du lịch").
  for (let n = Math.min(words.length, 16); n >= 1; n--) {
    const last = words[n - 1]!;
    const end = last.index + last[0].replace(/[,.]$/, '').length;
    const candidate = trimmed.slice(0, end);
    const match = matchKnownAgency(candidate, agencies, context);
    if (match && match.how === 'exact') return { name: candidate, length: lead + end, match };
  }
  if (!startsWithUnit(trimmed)) return null;
  const stopAt = /[,;:.(]/u.exec(trimmed);
  const limit = stopAt ? stopAt.index : trimmed.length;
  const tokens = [...trimmed.slice(0, limit).matchAll(/\S+/gu)];
  let end = limit;
  for (let i = 1; i < tokens.length; i++) {
    const keys = tokens.slice(i).map((t) => t[0].toLowerCase());
    if (NAME_STOPS.some((stop) => stop.every((w, j) => keys[j] === w))) {
      end = tokens[i]!.index;
      break;
    }
  }
  const name = cleanUnitName(trimmed.slice(0, end));
  if (!name) return null;
  const partial = matchKnownAgency(name, agencies, context);
  return { name, length: lead + end, match: partial ?? matchAgency(name, agencies, context) };
}
