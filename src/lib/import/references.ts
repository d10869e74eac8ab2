/**
 * Numbered documents a plan refers to. The basis (căn cứ) is every numbered document of the opening
 * "Thực hiện …/Căn cứ …" paragraph(s), before "… ban hành Kế hoạch"; citations are every other
 * numbered document in the text, each document once, at its first mention, in order.
 */
import {
  canonicalDocumentId,
  findDocumentReferences,
  parseDocumentNumber,
  sameDocumentNumber,
  type DocumentReferenceMatch,
} from '../documents';
import { slugify } from '../vn/slug';
import { collapseWhitespace } from '../vn/text';

/** A document of the registry (`content/documents/{id}.yaml`), as far as matching needs it. */
export interface KnownDocument {
  id: string;
  type: string;
  number: string;
  aliases: readonly string[];
  date: string | null;
  year: number;
}

/** One reference in the shape of the plan frontmatter, plus what the review report needs. */
export interface ExtractedReference {
  type: string;
  number: string;
  date: string | null;
  issuer: string | null;
  title: string | null;
  /** Registry id: the registry's when it has the document, else the canonical id (or a fallback slug). */
  document: string;
  /** True when the registry has the document. */
  registered: boolean;
  /** The registry's date when it differs from the plan's. */
  registryDate: string | null;
  /** True when `type` was inferred from the abbreviation ("1432/BNV-CTTN" → Công văn). */
  typeInferred: boolean;
  /** True when the id could not be computed (Party number without a year). */
  idUncertain: boolean;
  /** True when a Party number without a date was matched to the registry by its number alone. */
  idFromRegistry: boolean;
}

/** A mention found in one piece of text, with its trích yếu. */
export interface ReferenceMention extends DocumentReferenceMatch {
  title: string | null;
}

// Where a trích yếu stops: the end of the clause, a parenthetical alias, or the next document of a list.
const TITLE_STOP = /;|\.(?=\s+["“(]?\p{Lu})|\.\s*$|\.\/\.|…|\.\.\.|,\s+(?:góp phần|nhằm|để|đồng thời|phát huy|bảo đảm|đảm bảo|tạo)\s|\s+\(gọi\s+(?:tắt\s+)?là(?![\p{L}\p{M}])|\s+và\s+các\s+văn\s+bản\b|:\s/u;
const LIST_JOINER = /(?:,|\s+và|\s+và\s+các|:)\s*$/u;
const TITLE_START = /^(?:[“"«\p{Lu}]|(?:về|ban hành|thực hiện|triển khai|hướng dẫn|quy định|phê duyệt|phối hợp|tiếp tục|tăng cường|đẩy mạnh|sửa đổi|bổ sung|chấn chỉnh|nâng cao|xây dựng|tổ chức|kiểm soát|rà soát|thành lập|công bố)(?![\p{L}\p{M}]))/u;

/** Quotes and punctuation around a quoted trích yếu: `“Về … của dân”;` → `Về … của dân`. */
function trimTitle(raw: string): string | null {
  let t = collapseWhitespace(raw).replace(/^[\s,:–-]+/, '').replace(/[\s,;:.…]+$/, '');
  const opens = (t.match(/[“"]/g) ?? []).length;
  const closes = (t.match(/[”"]/g) ?? []).length;
  if (/^[“"]/.test(t) && opens > closes - (t.endsWith('”') ? 1 : 0)) t = t.replace(/^[“"]\s*/, '');
  if (/[”"]$/.test(t) && (t.match(/[“]/g) ?? []).length < (t.match(/[”]/g) ?? []).length) t = t.replace(/\s*[”"]$/, '');
  t = t.replace(/[\s,;:.…]+$/, '').replace(/\s+và(?:\s+các)?$/u, '').trim();
  if (/^[“"]/.test(t) && /[”"]$/.test(t) && !/[”"]/.test(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t || null;
}

/**
 * Reads what follows a reference's issuer: "(khóa XI)" joins the issuer, then the trích yếu up to the
 * end of the clause. `limit` is where the next reference of a list begins.
 */
function readTail(text: string, from: number, limit: number): { title: string | null; issuerSuffix: string | null } {
  let rest = text.slice(from, limit);
  let issuerSuffix: string | null = null;
  const term = /^\s*(\((?:khóa|khoá|nhiệm kỳ)[^)]*\)|(?:khóa|khoá)\s+[IVXL]+\b)/iu.exec(rest);
  if (term) {
    issuerSuffix = collapseWhitespace(term[1]!);
    rest = rest.slice(term[0].length);
  }
  // Unbalanced ")" closes the parenthesis the reference was written in: "(Luật số 10/2022/QH15 ngày …)".
  let depth = 0;
  let cut = rest.length;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '(') depth++;
    else if (rest[i] === ')') {
      if (depth === 0) {
        cut = i;
        break;
      }
      depth--;
    }
  }
  rest = rest.slice(0, cut);
  const stop = TITLE_STOP.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  const title = trimTitle(rest);
  if (!title || !TITLE_START.test(title) || /^(?:ngày|số|năm)(?![\p{L}\p{M}])/u.test(title)) return { title: null, issuerSuffix };
  return { title, issuerSuffix };
}

/** The name of a Luật written before its number: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15". */
function nameBeforeNumber(text: string, match: DocumentReferenceMatch): string | null {
  if (match.typeInferred || !match.type || match.numberIndex <= match.index) return null;
  const words = collapseWhitespace(text.slice(match.index, match.numberIndex)).split(' ');
  if (words[words.length - 1]?.toLowerCase() !== 'số') return null;
  const name = words.slice(match.type.split(' ').length, -1).join(' ').trim();
  return name && /^\p{Lu}/u.test(name) ? name : null;
}

/**
 * Every numbered reference in one piece of text (a paragraph), with its trích yếu.
 * @example findReferenceMentions('Thực hiện Kế hoạch số 696/KH-UBND ngày 06/3/2025 của UBND tỉnh về việc thực hiện công tác dân vận chính quyền năm 2025.')[0].title
 * // 'về việc thực hiện công tác dân vận chính quyền năm 2025'
 */
export function findReferenceMentions(text: string): ReferenceMention[] {
  const matches = findDocumentReferences(text);
  return matches.map((m, i) => {
    // A later document ends this one's trích yếu when it is listed after it ("…, Quyết định số 218-QĐ/TW"),
    // not when the trích yếu names it ("ban hành Kế hoạch triển khai thực hiện Quyết định số 1847/QĐ-TTg").
    const end = m.index + m.length;
    const listed = matches.slice(i + 1).find((next) => next.index >= end && LIST_JOINER.test(text.slice(end, next.index)));
    const limit = listed ? listed.index : text.length;
    const { title, issuerSuffix } = readTail(text, m.index + m.length, limit);
    const issuer = m.issuer && issuerSuffix ? `${m.issuer} ${issuerSuffix}` : m.issuer;
    const named = m.type === 'Luật' ? nameBeforeNumber(text, m) : null;
    return { ...m, issuer, title: named ?? title };
  });
}

/** The registry entry a reference points at, if the registry has it. */
export function findKnownDocument(
  number: string,
  date: string | null,
  type: string | null,
  registry: readonly KnownDocument[],
): KnownDocument | undefined {
  const parsed = parseDocumentNumber(number, { type });
  if (!parsed.ok) return undefined;
  const candidates = registry.filter((doc) =>
    [doc.number, ...doc.aliases].some((n) => sameDocumentNumber(parsed, n, { typeName: doc.type })),
  );
  if (parsed.grammar === 'state' || candidates.length <= 1) {
    if (parsed.grammar === 'party' && date && candidates[0] && candidates[0].year !== Number(date.slice(0, 4))) return undefined;
    return candidates[0];
  }
  if (!date) return undefined;
  return candidates.find((doc) => doc.year === Number(date.slice(0, 4)));
}

function sameDocument(a: ExtractedReference, b: ReferenceMention): boolean {
  if (!sameDocumentNumber(a.number, b.number, { typeName: a.type })) return false;
  if (a.date && b.date && a.date !== b.date) return false;
  return true;
}

function toReference(m: ReferenceMention, registry: readonly KnownDocument[]): ExtractedReference {
  const type = m.type ?? 'Văn bản';
  const known = findKnownDocument(m.number, m.date, type, registry);
  let document = known?.id ?? m.document;
  let idUncertain = false;
  if (!document) {
    const id = canonicalDocumentId(m.number, { year: m.date, typeName: type });
    document = id.ok ? id.id : slugify(m.number);
    idUncertain = !id.ok;
  }
  return {
    type,
    number: m.number,
    date: m.date,
    issuer: m.issuer,
    title: m.title,
    document,
    registered: known !== undefined,
    registryDate: known && known.date && m.date && known.date !== m.date ? known.date : null,
    typeInferred: m.typeInferred,
    idUncertain,
    idFromRegistry: known !== undefined && !m.date && m.parsed.grammar === 'party',
  };
}

/** Adds a mention to a list of references: a new document, or details a later mention gives. */
function addMention(list: ExtractedReference[], m: ReferenceMention, registry: readonly KnownDocument[]): boolean {
  const existing = list.find((r) => sameDocument(r, m));
  if (!existing) {
    list.push(toReference(m, registry));
    return true;
  }
  // The first spelling stays; what the first mention left out is filled from later ones.
  if (!existing.date && m.date) {
    existing.date = m.date;
    const again = toReference({ ...m, number: existing.number }, registry);
    existing.document = again.document;
    existing.registered = again.registered;
    existing.registryDate = again.registryDate;
    existing.idUncertain = again.idUncertain;
    existing.idFromRegistry = again.idFromRegistry;
  }
  existing.issuer ??= m.issuer;
  existing.title ??= m.title;
  return false;
}

export interface ExtractedReferences {
  basis: ExtractedReference[];
  citations: ExtractedReference[];
}

/**
 * Basis and citations of a plan. `opening` is the text of the opening paragraph(s) before the
 * enactment sentence; `rest` is every other piece of body text, in order.
 * @example extractReferences(['Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của UBND tỉnh …'], ['… Chỉ thị số 33/CT-TTg ngày 26/11/2021 …'], registry)
 * // { basis: [{ number: '859/KH-UBND', … }], citations: [{ number: '33/CT-TTg', … }] }
 */
export function extractReferences(opening: readonly string[], rest: readonly string[], registry: readonly KnownDocument[]): ExtractedReferences {
  const basis: ExtractedReference[] = [];
  const citations: ExtractedReference[] = [];
  for (const text of opening) for (const m of findReferenceMentions(text)) addMention(basis, m, registry);
  for (const text of rest) {
    for (const m of findReferenceMentions(text)) {
      const inBasis = basis.find((r) => sameDocument(r, m));
      if (inBasis) {
        inBasis.title ??= m.title;
        inBasis.issuer ??= m.issuer;
        continue;
      }
      addMention(citations, m, registry);
    }
  }
  return { basis, citations };
}
