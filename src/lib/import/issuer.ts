/**
 * Who issued the document, never guessed: the registry agency when the letterhead (or, in copies
 * without one, the enactment or closing sentence) names the same body — same name, level and
 * province — else a proposed registry entry read from the letterhead (name, short name, level,
 * parent, province), else "unknown" with the reason. A motto line, a fragment ("BAN", "ỦY BAN NHÂN
 * DÂN" with no place) or another province's body is never returned.
 */
import { collapseWhitespace, foldVietnamese } from '../vn/text';
import { agencyKey, proposeAgencyId, type KnownAgency } from './agencies';
import type { Letterhead } from './letterhead';
import type { Agency } from '../../schemas/agency';

type AgencyLevel = Agency['level'];

/** A registry entry the importer proposes for a body the registry does not have. */
export interface ProposedAgencyEntry {
  id: string;
  name: string;
  shortName: string;
  /** Null when the name does not say it (the reviewer fills it in). */
  level: AgencyLevel | null;
  /** Registry id of the parent when the registry has it, else null. */
  parent: string | null;
  /** The parent's name as the letterhead prints it, or null. */
  parentName: string | null;
  province: string | null;
}

export type ResolvedIssuer =
  | { kind: 'registry'; agency: KnownAgency; where: string }
  | { kind: 'proposed'; entry: ProposedAgencyEntry; where: string }
  | { kind: 'unknown'; reason: string };

// A line that begins a body of its own; other lines continue the one above ("ỦY BAN NHÂN DÂN" / "TỈNH X").
const BODY_START =
  /^(?:UBND|HĐND|(?:ỦY|UỶ)\s+BAN|HỘI\s+ĐỒNG|SỞ|BAN\s+(?!NHÂN\s+DÂN)|ĐẢNG\s+(?:ỦY|UỶ|BỘ)|CHI\s+BỘ|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)|PHÒNG|VĂN\s+PHÒNG|CHI\s+CỤC|TỔNG\s+CỤC|CỤC|TRUNG\s+TÂM|BỘ\s|MẶT\s+TRẬN|CÔNG\s+AN|THANH\s+TRA|BỆNH\s+VIỆN|TRƯỜNG|ĐÀI|KHO\s+BẠC|BẢO\s+HIỂM|LIÊN\s+ĐOÀN|ĐOÀN|HỘI\s)/u;
// "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN" with no place: the letterhead lost its second line.
const BARE_BODY = /^(?:uy ban nhan dan|hoi dong nhan dan)$/;
// Cities run by the centre (Luật Tổ chức chính quyền địa phương): their "thành phố" is a province-level body.
const CENTRAL_CITIES = ['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue'];

interface BodyFacts {
  level: AgencyLevel | null;
  province: string | null;
  /** The place the name ends with ("Nghệ An", "Dân Lực"), for matching the date line. */
  place: string | null;
}

function titleCase(words: string): string {
  return words
    .split(' ')
    .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * A letterhead name in the registry's spelling: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân tỉnh
 * Nghệ An", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch".
 */
export function displayName(printed: string): string {
  const lower = collapseWhitespace(printed).toLocaleLowerCase('vi').replace(/^ubnd\b/u, 'ủy ban nhân dân').replace(/^hđnd\b/u, 'hội đồng nhân dân');
  const place = /^(.*?\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s+(?:ủy|uỷ))?)\s+(.+)$/u.exec(lower);
  let name = place ? `${place[1]} ${titleCase(place[2]!)}` : lower;
  // Sở and Bộ names capitalise each field they cover: "Sở Kế hoạch và Đầu tư".
  if (/^(?:sở|bộ)\s/u.test(name)) name = name.replace(/(^(?:sở|bộ)\s|,\s|\svà\s)(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The usual short name: "Ủy ban nhân dân tỉnh Nghệ An" → "UBND tỉnh Nghệ An". */
function shortNameOf(name: string): string {
  return name.replace(/^Ủy ban nhân dân\b/u, 'UBND').replace(/^Uỷ ban nhân dân\b/u, 'UBND').replace(/^Hội đồng nhân dân\b/u, 'HĐND');
}

/** Level, province and place as the name itself states them; the parent fills in what it lacks. */
export function bodyFacts(name: string, parent: BodyFacts | null): BodyFacts {
  const key = foldVietnamese(collapseWhitespace(name)).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  const placeOf = (rest: string) => titleCase(collapseWhitespace(name).split(' ').slice(-rest.split(' ').length).join(' ').toLocaleLowerCase('vi'));
  let m = /\b(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)(?: uy)? ([a-z0-9 ]+)$/.exec(key);
  const party = /^(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|chi bo|ban (?:dan van|tuyen giao|to chuc|kiem tra|noi chinh|thuong vu|can su)|uy ban kiem tra)\b/.test(key);
  if (/^ban chi dao\b/.test(key) && /\b(?:quoc gia|trung uong)\b/.test(key)) return { level: 'trung ương', province: null, place: null };
  if (m) {
    const [, word, rest] = m;
    const place = placeOf(rest!);
    const central = word === 'thanh pho' && CENTRAL_CITIES.includes(rest!);
    if (party) return { level: 'Đảng', province: word === 'tinh' || central ? place : parent?.province ?? null, place };
    if (/^so\b/.test(key)) return { level: 'sở', province: word === 'tinh' || central ? place : parent?.province ?? null, place };
    if (word === 'tinh' || central) return { level: 'tỉnh', province: place, place };
    if (word === 'huyen' || word === 'quan' || word === 'thi xa' || word === 'thanh pho') return { level: 'huyện', province: parent?.province ?? null, place };
    return { level: 'xã', province: parent?.province ?? null, place };
  }
  if (party) return { level: 'Đảng', province: parent?.province ?? null, place: null };
  if (/^so\b/.test(key)) return { level: 'sở', province: parent?.province ?? null, place: null };
  m = null;
  return { level: null, province: parent?.province ?? null, place: null };
}

/**
 * A body printed under its parent, named in full: "SỞ Y TẾ" under "UBND TỈNH NGHỆ AN" is "Sở Y tế tỉnh
 * Nghệ An", "PHÒNG NỘI VỤ" under "ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN" is "Phòng Nội vụ huyện Hớn Quản",
 * "BAN DÂN VẬN" under "TỈNH ỦY TÂY NINH" is "Ban Dân vận Tỉnh ủy Tây Ninh". A name that already ends
 * with its place ("ĐẢNG ỦY XÃ MINH TÂM" under "ĐẢNG BỘ HUYỆN …") stays as it is.
 */
function qualify(child: string, parent: string, parentFacts: BodyFacts): string {
  if (bodyFacts(child, null).place) return child;
  const parentKey = agencyKey(parent);
  if (/^(?:uy ban nhan dan|hoi dong nhan dan)\b/.test(parentKey)) {
    const place = /\b((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+.+)$/u.exec(collapseWhitespace(parent).toLocaleUpperCase('vi'));
    if (place && parentFacts.place) return `${child} ${place[1]}`;
    return child;
  }
  return `${child} ${parent}`;
}

/** The bodies of a letterhead column, top to bottom: a line that does not start a body continues the one above. */
export function bodiesOf(issuerLines: readonly string[]): string[] {
  const bodies: string[] = [];
  for (const line of issuerLines) {
    if (bodies.length && !BODY_START.test(line)) bodies[bodies.length - 1] = `${bodies[bodies.length - 1]} ${line}`;
    else bodies.push(line);
  }
  return bodies.map((b) => collapseWhitespace(b));
}

/** A name is complete when it says what kind of body it is and, for a People's Committee or Council, where. */
function isComplete(name: string): boolean {
  const key = agencyKey(name);
  if (!key || key.split(' ').length < 2) return false;
  if (BARE_BODY.test(key)) return false;
  if (/^(?:uy ban nhan dan|hoi dong nhan dan)\b/.test(key)) return /\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b/.test(key);
  return BODY_START.test(collapseWhitespace(name).toLocaleUpperCase('vi'));
}

/** Names a body in running text: "Ủy ban nhân dân tỉnh Lào Cai xây dựng Kế hoạch …" → "Ủy ban nhân dân tỉnh Lào Cai". */
function subjectOf(sentence: string): string | null {
  const m = /((?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)((?:\s+\p{Lu}[\p{Ll}\p{M}]*)+)/u.exec(sentence);
  return m ? collapseWhitespace(`${m[1]} ${m[2]}${m[3]}`) : null;
}

/**
 * Completes a letterhead name the extraction cut short ("ỦY BAN NHÂN DÂN" without its place, "ỦY BAN
 * NHÂN DÂN" / "LÀO CAI" without "TỈNH") from the authority line or the enactment sentence, when
 * they name the same body.
 */
function complete(name: string, letterhead: Letterhead, sentences: readonly string[]): string | null {
  if (isComplete(name)) return name;
  const key = agencyKey(name);
  const stripLevel = (k: string) => k.replace(/\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const candidates = [letterhead.authorityLine, ...sentences.map(subjectOf)].filter((c): c is string => !!c && isComplete(c));
  for (const c of candidates) {
    const ck = agencyKey(c);
    if (BARE_BODY.test(key) ? ck.startsWith(`${key} `) : stripLevel(ck) === stripLevel(key)) return c;
  }
  return null;
}

/** The registry agency that is the same body: same name, and same level and province where known. */
export function sameRegistryBody(
  name: string,
  facts: BodyFacts,
  agencies: readonly KnownAgency[],
  evidence: { place: string | null; text: string },
): KnownAgency | undefined {
  const key = agencyKey(name);
  const found = agencies.filter((a) => {
    if (facts.level && a.level !== facts.level) return false;
    const names = [agencyKey(a.name), agencyKey(a.shortName)];
    const withProvince = a.province ? `${key} tinh ${agencyKey(a.province)}` : null;
    if (!names.includes(key) && !(withProvince && names.includes(withProvince))) return false;
    if (!a.province) return true;
    const province = foldVietnamese(a.province);
    if (facts.province) return foldVietnamese(facts.province) === province;
    // The name does not say where: the date line's place, or the province the text itself names.
    if (evidence.place && (foldVietnamese(evidence.place) === province || agencyKey(a.name).endsWith(agencyKey(evidence.place)))) return true;
    return new RegExp(`\\btinh ${province}\\b`).test(foldVietnamese(evidence.text));
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A registry body with the very id a proposal would take, which the text could not confirm (no
 * province to compare): not claimed, and not shadowed by a new entry either.
 */
function namesakeIn(agencies: readonly KnownAgency[], id: string): ResolvedIssuer | null {
  const namesake = agencies.find((a) => a.id === id);
  if (!namesake) return null;
  return {
    kind: 'unknown',
    reason: `tên trùng với "${namesake.name}" (${namesake.id}${namesake.province ? `, tỉnh ${namesake.province}` : ''}) trong danh mục nhưng văn bản không cho biết có cùng tỉnh không; nếu đúng là cơ quan này, chạy lại với --agency ${namesake.id}`,
  };
}

export interface IssuerInput {
  letterhead: Letterhead;
  /** The enactment sentence ("UBND tỉnh Quảng Nam ban hành Kế hoạch …"), the closing sentence's "của …", in order of trust. */
  sentences: Array<{ text: string; where: string }>;
  /** All body text, for the province a name without one belongs to. */
  bodyText: string;
  agencies: readonly KnownAgency[];
}

/**
 * Resolves the issuer.
 * @example resolveIssuer({ letterhead: readLetterhead(['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN', 'Số: 495/KH-UBND', 'Nghệ An, ngày 03 tháng 7 năm 2023']), sentences: [], bodyText: '', agencies: [] })
 * // { kind: 'proposed', entry: { id: 'ubnd-tinh-nghe-an', name: 'Ủy ban nhân dân tỉnh Nghệ An', level: 'tỉnh', province: 'Nghệ An', … } }
 */
export function resolveIssuer(input: IssuerInput): ResolvedIssuer {
  const { letterhead, agencies } = input;
  const bodies = bodiesOf(letterhead.issuerLines);
  const sentenceTexts = input.sentences.map((s) => s.text);
  const evidence = { place: letterhead.place, text: input.bodyText };

  if (bodies.length) {
    const printed = bodies[bodies.length - 1]!;
    const full = complete(printed, letterhead, sentenceTexts);
    if (!full) {
      return { kind: 'unknown', reason: `đầu văn bản chỉ ghi "${printed}", không đủ để biết cơ quan nào (thiếu địa danh hoặc cấp)` };
    }
    const parentPrinted = bodies.length > 1 ? bodies[bodies.length - 2]! : null;
    const parentFacts = parentPrinted ? bodyFacts(parentPrinted, null) : null;
    const qualified = parentPrinted ? qualify(full, parentPrinted, parentFacts!) : full;
    const facts = bodyFacts(qualified, parentFacts);
    const where = 'dòng tên cơ quan ở đầu văn bản';
    const known = sameRegistryBody(qualified, facts, agencies, evidence);
    if (known) return { kind: 'registry', agency: known, where };
    const parentAgency = parentPrinted && parentFacts ? sameRegistryBody(parentPrinted, parentFacts, agencies, evidence) : undefined;
    const name = displayName(qualified);
    const clash = namesakeIn(agencies, proposeAgencyId(name));
    if (clash) return clash;
    return {
      kind: 'proposed',
      where,
      entry: {
        id: proposeAgencyId(name),
        name,
        shortName: shortNameOf(displayName(full)),
        level: facts.level,
        parent: parentAgency?.id ?? null,
        parentName: parentPrinted ? displayName(parentPrinted) : null,
        province: facts.province,
      },
    };
  }

  // No letterhead: the body as the text names it, only when the registry has that very body.
  for (const s of input.sentences) {
    const words = collapseWhitespace(s.text).split(' ');
    for (let n = Math.min(words.length, 16); n >= 2; n--) {
      const candidate = words.slice(0, n).join(' ').replace(/[,.;:]+$/, '');
      const facts = bodyFacts(candidate, null);
      const known = sameRegistryBody(candidate, facts, agencies, evidence);
      if (known) return { kind: 'registry', agency: known, where: s.where };
    }
  }
  for (const s of input.sentences) {
    const named = subjectOf(s.text);
    if (named && s.text.trimStart().startsWith(named.split(' ')[0]!)) {
      const facts = bodyFacts(named, null);
      if (facts.level && (facts.province || facts.level !== 'tỉnh')) {
        const name = displayName(named);
        const clash = namesakeIn(agencies, proposeAgencyId(name));
        if (clash) return clash;
        return {
          kind: 'proposed',
          where: s.where,
          entry: { id: proposeAgencyId(name), name, shortName: shortNameOf(name), level: facts.level, parent: null, parentName: null, province: facts.province },
        };
      }
    }
  }
  return { kind: 'unknown', reason: 'văn bản không có dòng tên cơ quan ở đầu và không câu nào nêu đủ tên cơ quan ban hành' };
}

/**
 * The proposed entry as a registry file (`content/agencies/{id}.yaml`), or null when the letterhead
 * does not say the body's level (the schema requires it: the reviewer writes the file by hand).
 * @example agencyDraftFile({ id: 'ubnd-tinh-nghe-an', name: 'Ủy ban nhân dân tỉnh Nghệ An', shortName: 'UBND tỉnh Nghệ An', level: 'tỉnh', parent: null, parentName: null, province: 'Nghệ An' })
 * // '# Đề xuất …\nname: "Ủy ban nhân dân tỉnh Nghệ An"\n…'
 */
export function agencyDraftFile(entry: ProposedAgencyEntry, source: string): string | null {
  if (!entry.level) return null;
  const q = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));
  return [
    `# Đề xuất từ npm run import (${source}), đọc từ đầu văn bản: kiểm tra tên, cấp, cơ quan cấp trên, tỉnh và thêm website.`,
    ...(entry.parentName && !entry.parent ? [`# Cơ quan cấp trên theo đầu văn bản: ${entry.parentName} (chưa có trong danh mục).`] : []),
    `name: ${q(entry.name)}`,
    `shortName: ${q(entry.shortName)}`,
    `level: ${q(entry.level)}`,
    `parent: ${q(entry.parent)}`,
    `province: ${q(entry.province)}`,
    'website: null',
    '',
  ].join('\n');
}
