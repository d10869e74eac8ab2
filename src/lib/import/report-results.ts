/**
 * Matching a results report's sentences to the chỉ tiêu of the plan it reports on: for each target,
 * the sentence that shares most of its distinctive words, the figure in the target's own unit, and
 * the status the sentence states ("chưa đạt", "vượt", "đang thực hiện"), else one worked out from
 * the figures and marked as inferred. What matches nothing is returned so the import report can say so.
 */
import type { Target } from '../../schemas/target';
import type { ResultStatus } from '../../schemas/report';
import { foldVietnamese } from '../vn/text';

export interface MatchedResult {
  /** Position of the target in the plan (0-based). */
  target: number;
  /** The sentence the result rests on. */
  sentence: string;
  value: number | null;
  unit: string | null;
  /** The sentence as the qualitative result when no figure in the target's unit is found. */
  outcome: string | null;
  status: ResultStatus;
  /** True when the status is worked out from the figures, not written in the sentence. */
  statusInferred: boolean;
}

export interface ResultMatch {
  results: MatchedResult[];
  /** Targets no sentence reports on (0-based). */
  unmatchedTargets: number[];
  /** Sentences that read like results (a percentage, "đạt" and a figure) but match no target. */
  unmatchedSentences: string[];
}

// Words every target and sentence share, which say nothing about which target a sentence is about.
const STOP = new Set(
  'cac cua va duoc trong nam voi cho tai theo tren den tu cong tac thuc hien ke hoach bao cao ket qua dat ty le muc mot nhung nay do de so co la khong hoac tren dia ban'.split(' '),
);

function words(text: string): Set<string> {
  return new Set(
    foldVietnamese(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2 && !STOP.has(w) && !/^\d+$/.test(w)),
  );
}

const RESULT_LIKE = /%|(?<![\p{L}\p{M}])đạt\s+(?:\p{L}+\s+){0,3}\d/iu;

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The figure of a sentence in `unit`: "97,5%" → 97.5 for "%", "05 cuộc" → 5 for "cuộc"; null when the
 * sentence has no figure in that unit.
 * @example readValueIn('Đã tổ chức 05 cuộc đối thoại.', 'cuộc') // 5
 */
export function readValueIn(sentence: string, unit: string): number | null {
  const re = unit === '%' ? /(\d+(?:[.,]\d+)?)\s*%/u : new RegExp(`(\\d+(?:[.,]\\d+)?)\\s+${escapeRegExp(unit)}(?![\\p{L}\\p{M}])`, 'iu');
  const m = re.exec(sentence);
  return m ? toNumber(m[1]!) : null;
}

/**
 * The status a sentence states, or null when it states none. "chưa đạt" is checked before "đạt";
 * "đạt" followed by a figure ("đạt 97,5%") only reports a level, not that the target was met.
 * @example statedStatus('Tỷ lệ hồ sơ đúng hạn đạt 97,5%.') // null
 * @example statedStatus('Hoàn thành 100% chỉ tiêu, vượt kế hoạch.') // 'vượt'
 */
export function statedStatus(sentence: string): ResultStatus | null {
  const folded = foldVietnamese(sentence);
  if (/\bchua (?:dat|hoan thanh)\b/.test(folded)) return 'chưa đạt';
  if (/\bvuot\b/.test(folded)) return 'vượt';
  if (/\bdang (?:thuc hien|trien khai)\b/.test(folded)) return 'đang thực hiện';
  if (/\b(?:dat|hoan thanh)\b(?!\s+(?:[a-z]+\s+){0,2}\d)/.test(folded)) return 'đạt';
  return null;
}

/** The status from the figures: above the promise is vượt, equal is đạt, below is chưa đạt. */
function statusFromFigures(value: number | null, target: Target): ResultStatus {
  if (value === null || target.value === null) return 'đang thực hiện';
  return value > target.value ? 'vượt' : value === target.value ? 'đạt' : 'chưa đạt';
}

/**
 * Pairs each target with the sentence that shares the largest share of its distinctive words (at
 * least half of them and at least two), best pairs first, each sentence used once. Linear in
 * targets × sentences, which a report keeps small.
 */
export function matchResults(sentences: readonly string[], targets: readonly Target[]): ResultMatch {
  const sentenceWords = sentences.map(words);
  const pairs: { target: number; sentence: number; score: number }[] = [];
  targets.forEach((target, t) => {
    const wanted = words(target.indicator ?? target.text);
    if (wanted.size === 0) return;
    sentenceWords.forEach((have, s) => {
      let shared = 0;
      for (const w of wanted) if (have.has(w)) shared += 1;
      const score = shared / wanted.size;
      if (shared >= 2 && score >= 0.5) pairs.push({ target: t, sentence: s, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.target - b.target || a.sentence - b.sentence);
  const usedTargets = new Set<number>();
  const usedSentences = new Set<number>();
  const results: MatchedResult[] = [];
  for (const pair of pairs) {
    if (usedTargets.has(pair.target) || usedSentences.has(pair.sentence)) continue;
    usedTargets.add(pair.target);
    usedSentences.add(pair.sentence);
    const target = targets[pair.target]!;
    const sentence = sentences[pair.sentence]!;
    const value = target.unit ? readValueIn(sentence, target.unit) : null;
    const stated = statedStatus(sentence);
    results.push({
      target: pair.target,
      sentence,
      value,
      unit: value !== null ? target.unit : null,
      outcome: value === null ? sentence : null,
      status: stated ?? statusFromFigures(value, target),
      statusInferred: stated === null,
    });
  }
  results.sort((a, b) => a.target - b.target);
  return {
    results,
    unmatchedTargets: targets.map((_, i) => i).filter((i) => !usedTargets.has(i)),
    unmatchedSentences: sentences.filter((s, i) => !usedSentences.has(i) && RESULT_LIKE.test(s)),
  };
}
