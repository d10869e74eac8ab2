/**
 * Chỉ tiêu: the commitments a plan sets. When the plan has a chỉ tiêu section ("III. MỘT SỐ CHỈ TIÊU
 * CỤ THỂ NĂM 2024"), each of its items is a target, measurable ("100% cán bộ …") or not ("Được …
 * xếp loại đạt mức Tốt"). Without one, a sentence is a target when it commits to a number: a
 * percentage, or "phấn đấu"/"đạt" followed by a figure.
 */
import { foldVietnamese } from '../vn/text';
import { findSection, splitSentences, type Outline, type Section } from './outline';
import type { Block } from './repair';

export interface ExtractedTarget {
  text: string;
  value: number | null;
  unit: string | null;
  /** A short comparable label when one can be read off the text ("Tỷ lệ …"), else null. */
  indicator: string | null;
  /** True when the target came from a chỉ tiêu section; false when found in running text. */
  fromSection: boolean;
}

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/u;
const COUNTED = /(?:phấn đấu|đạt|ít nhất|tối thiểu|không dưới|trên)\s+(?:(?:từ|trên|tối thiểu|ít nhất)\s+)?(\d+(?:[.,]\d+)?)\s+(\p{L}+)/u;
const COMMITMENT = /%|phấn đấu|(?<![\p{L}\p{M}])đạt\s+(?:(?:từ|trên|tối thiểu|ít nhất|tỷ lệ|mức)\s+)?\d/iu;

// What was done, not promised: "đã hoàn thành 30/34 chỉ tiêu", "GRDP tăng 7,07% (cùng kỳ 6,64%)".
const RESULT = /(?<![\p{L}\p{M}])(?:đã|cùng kỳ)(?![\p{L}\p{M}])/iu;

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

/** The figure a target promises: 100 for "100% …", 20 "cuộc" for "phấn đấu tổ chức ít nhất 20 cuộc". */
export function readTargetValue(text: string): { value: number | null; unit: string | null } {
  const pct = PERCENT.exec(text);
  if (pct) return { value: toNumber(pct[1]!), unit: '%' };
  const counted = COUNTED.exec(text);
  if (counted && !/^(năm|tháng|ngày)$/u.test(counted[2]!)) return { value: toNumber(counted[1]!), unit: counted[2]! };
  return { value: null, unit: null };
}

/**
 * "Tỷ lệ …" label for a percentage target: what follows the percentage, up to the first clause break.
 * @example readIndicator('100% cán bộ, công chức, viên chức được học tập, quán triệt các Chỉ thị.') // 'Tỷ lệ cán bộ, công chức, viên chức được học tập, quán triệt các Chỉ thị'
 */
export function readIndicator(text: string): string | null {
  const m = /^\s*(?:đạt\s+)?\d+(?:[.,]\d+)?\s*%\s+(?:các\s+)?(.+)$/iu.exec(text);
  if (!m) return null;
  const clause = m[1]!.split(/[;.](?:\s|$)/u)[0]!.trim();
  const words = clause.split(' ');
  // Cut where the measured thing ends and its circumstances begin ("… Quy chế dân chủ | trong hoạt động …").
  const boundary = words.findIndex((w, i) => i >= 6 && /^(?:theo|tại|trong|của|về|để|nhằm|đối với)$/u.test(w));
  const short = (boundary !== -1 ? words.slice(0, boundary) : words.slice(0, 14)).join(' ');
  return short ? `Tỷ lệ ${short.replace(/[,\s]+$/, '')}` : null;
}

function target(text: string, fromSection: boolean): ExtractedTarget {
  const { value, unit } = readTargetValue(text);
  return { text, value, unit, indicator: unit === '%' ? readIndicator(text) : null, fromSection };
}

/**
 * The chỉ tiêu section, if the plan has one: the most specific heading that names it ("2. Chỉ tiêu"
 * rather than "I. MỤC TIÊU, CHỈ TIÊU" around it).
 */
export function findTargetSection(outline: Outline): Section | undefined {
  let found = findSection(outline, 'chi tieu');
  for (;;) {
    const inner = found?.children.find(
      (c) => (c.content.length > 0 || c.children.length > 0) && c.block.text.length < 80 && foldVietnamese(c.block.text).includes('chi tieu'),
    );
    if (!inner) return found;
    found = inner;
  }
}

/**
 * Every target of the plan.
 * @example extractTargets(buildOutline(body), body).map((t) => t.value) // [100, 100, null, null, null]
 */
export function extractTargets(outline: Outline, body: readonly Block[]): ExtractedTarget[] {
  const section = findTargetSection(outline);
  if (section) {
    // Sub-headings ("2. Chỉ tiêu" under "I. MỤC TIÊU, CHỈ TIÊU") are not targets; their items are.
    const collect = (s: Section): Block[] => [
      ...s.content,
      ...s.children.flatMap((c) => (c.content.length || c.children.length ? collect(c) : [c.block])),
    ];
    return collect(section).map((b) => target(b.text, true));
  }
  const out: ExtractedTarget[] = [];
  for (const block of body) {
    if (block.kind === 'item' && (block.markerKind === 'roman' || block.text === block.text.toUpperCase())) continue;
    for (const s of splitSentences(block.text)) {
      if (COMMITMENT.test(s.text) && !RESULT.test(s.text)) out.push(target(s.text, false));
    }
  }
  return out;
}
