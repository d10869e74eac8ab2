/**
 * The draft plan an import or `npm run new` writes: the plan schema's fields with null where the text
 * does not say, status "dự thảo"; and the naming rules drafts share (file slug, place, topic labels).
 */
import type { Plan } from '../../schemas/plan';
import { formatVietnameseDate } from '../vn/dates';
import { slugify } from '../vn/slug';
import { foldVietnamese } from '../vn/text';
import type { KnownAgency } from './agencies';
import type { ExtractedDeadline } from './deadlines';
import type { Outline } from './outline';
import type { ExtractedTarget } from './targets';

type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** The draft frontmatter: the plan schema's fields, with null where the text does not say. */
export type DraftPlan = Nullable<Omit<Plan, 'status' | 'signer' | 'titleEn' | 'summaryEn'>, 'title' | 'issuer' | 'place' | 'year' | 'summary'> & {
  status: 'dự thảo';
  signer: Nullable<Plan['signer'], 'title'>;
};

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

/** Up to three topics, by how often the title (weighted) and section headings name them. */
export function inferTopics(title: string | null, outline: Outline): string[] {
  const titleKey = foldVietnamese(title ?? '');
  const headingKeys = outline.sections.flatMap((s) => [s.block.text, ...s.children.map((c) => c.block.text)]).map((t) => foldVietnamese(t));
  return TOPICS.map((topic) => ({
    topic,
    score: (TOPIC_KEYS[topic].test(titleKey) ? 10 : 0) + headingKeys.filter((k) => TOPIC_KEYS[topic].test(k)).length,
  }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((t) => t.topic);
}

/** Place from the issuer: the commune or district for a xã/huyện body, else the province. */
export function placeOf(agency: KnownAgency): string | null {
  if (agency.level === 'xã' || agency.level === 'huyện') {
    const m = /(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố)\s+(.+)$/u.exec(agency.name);
    if (m) return m[1]!.trim();
  }
  return agency.province;
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

/** A first summary from the title, the targets and the deadline dates, for the editor to rewrite. */
export function draftSummary(
  plan: Pick<DraftPlan, 'title' | 'year'>,
  issuerName: string | null,
  targets: readonly ExtractedTarget[],
  deadlines: readonly ExtractedDeadline[],
): string | null {
  if (!plan.title) return null;
  const parts = [issuerName ? `${issuerName} ban hành kế hoạch ${lcFirst(plan.title)}.` : `Kế hoạch ${lcFirst(plan.title)}.`];
  const measured = targets.filter((t) => t.value !== null);
  if (targets.length) parts.push(`Kế hoạch đặt ${targets.length} chỉ tiêu${measured.length ? `, trong đó ${measured.length} chỉ tiêu có số đo cụ thể` : ''}.`);
  const dates = [...new Set(deadlines.map((d) => d.date))].sort();
  if (dates.length) parts.push(`Các thời hạn báo cáo: ${dates.map((d) => formatVietnameseDate(d)).join(', ')}.`);
  return parts.join(' ');
}
