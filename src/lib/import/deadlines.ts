/**
 * Dated deadlines of TỔ CHỨC THỰC HIỆN: every date that binds a unit ("trước ngày 10/11/2024",
 * "chậm nhất ngày 10/11/2025", "Thời hạn báo cáo năm 2024: trước ngày 25 tháng 10 năm 2024"), with the
 * unit of the enclosing item as owner, one entry per (date, owner) when a sentence names two units,
 * and the unit the result goes to ("gửi về Phòng Nội vụ").
 */
import { findDocumentReferences } from '../documents';
import { findVietnameseDates, type VietnameseDateMatch } from '../vn/dates';
import { collapseWhitespace } from '../vn/text';
import { readUnitAt, startsWithUnit, type AgencyContext, type AgencyMatch, type KnownAgency } from './agencies';
import { subjectUnits, type UnitScope } from './assignments';
import { splitSentences } from './outline';

export interface ExtractedDeadline {
  date: string;
  task: string;
  /** Owner agency id (registry id, or a proposed id when `ownerKnown` is false). */
  owner: string;
  ownerName: string;
  ownerKnown: boolean;
  submitTo: string | null;
  submitToName: string | null;
  submitToKnown: boolean;
  /** As written, lowercase: "trước ngày", "chậm nhất ngày", or null. */
  qualifier: string | null;
  /** The sentence the deadline was read from, for the review report. */
  sentence: string;
}

// Dates that start something or lie in the past of a reference are not deadlines.
const NOT_DEADLINE = /^(?:từ|kể từ|sau)(?![\p{L}\p{M}])/u;
const BINDING = /^(?:trước|chậm nhất|đến hết|đến|vào)/u;
const DEADLINE_CUE = /thời hạn|hạn chót|hạn cuối|báo cáo|gửi|hoàn thành|nộp|trình/iu;
const TASK_LEAD = /^(?:thời hạn(?:\s+gửi)?|hạn chót|hạn cuối)\s+/iu;

/** Dates of a sentence that are deadlines: not a referenced document's date, not "từ ngày …". */
export function deadlineDates(sentence: string): VietnameseDateMatch[] {
  const refs = findDocumentReferences(sentence).map((r) => [r.index, r.index + r.length] as const);
  return findVietnameseDates(sentence).filter((d) => {
    if (refs.some(([s, e]) => d.index >= s && d.index < e)) return false;
    const q = d.qualifier ?? '';
    if (NOT_DEADLINE.test(q)) return false;
    return BINDING.test(q) || DEADLINE_CUE.test(sentence);
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TASK_MAX = 200;

/** A task name from the words around a date, cut to a readable length at a word boundary. */
function cleanTask(raw: string): string {
  let t = collapseWhitespace(raw)
    .replace(/[\s(,:;–-]+$/u, '')
    .replace(/^[\s),;:–-]+/u, '')
    .replace(/^(?:và|,)\s+/u, '')
    .replace(/\s+(?:và|hoặc)$/u, '')
    .replace(TASK_LEAD, '');
  t = t.replace(/\s*\($/, '').trim();
  if (t.length > TASK_MAX) {
    const cut = t.slice(0, TASK_MAX);
    t = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  return capitalize(t);
}

/**
 * What each date of a sentence is for. The words before the first date name the first task; the words
 * between two dates name the next one, completed from the first when they are only a period
 * ("định kỳ 06 tháng (trước ngày 10/5/2024), 01 năm (trước ngày 10/11/2024)").
 */
export function tasksOfSentence(sentence: string, dates: readonly VietnameseDateMatch[], subjectEnd = 0): string[] {
  const tasks: string[] = [];
  let first = '';
  dates.forEach((d, i) => {
    const from = i === 0 ? subjectEnd : dates[i - 1]!.index + dates[i - 1]!.length;
    let segment = sentence.slice(from, d.index);
    if (i === 0) {
      if (!collapseWhitespace(segment.replace(/[(),:;]/g, ''))) segment = sentence.slice(d.index + d.length);
      first = cleanTask(segment);
      tasks.push(first);
      return;
    }
    const own = cleanTask(segment);
    const words = own.split(' ').filter(Boolean);
    if (words.length < 3 && first) {
      const base = first.split(' ');
      tasks.push(capitalize([...base.slice(0, Math.max(1, base.length - words.length)), ...words.map((w) => w.toLowerCase())].join(' ')));
    } else tasks.push(own || first);
  });
  return tasks;
}

const SEND_TO = /(?:gửi\s+(?:về|đến|cho|lên|tới)?|báo cáo\s+(?:về|lên)|nộp\s+(?:về|cho)?|\bvề)\s+/giu;

/** The unit a result is sent to: the last "gửi về X" / "về X" before `limit` that names a unit. */
export function findSubmitTo(
  text: string,
  limit: number,
  agencies: readonly KnownAgency[],
  context: AgencyContext,
): { name: string; match: AgencyMatch } | null {
  let found: { name: string; match: AgencyMatch } | null = null;
  for (const m of text.slice(0, limit).matchAll(SEND_TO)) {
    const after = text.slice(m.index + m[0].length, limit);
    if (!startsWithUnit(after) && !/^(?:UBND|Ủy ban|Uỷ ban)/u.test(after)) continue;
    const unit = readUnitAt(after, agencies, context);
    if (unit) found = { name: unit.name, match: unit.match };
  }
  return found;
}

/**
 * Every dated deadline in the units' duties.
 * @example extractDeadlines(findUnitScopes(outline, agencies, ctx), agencies, ctx)
 * // [{ date: '2024-05-10', owner: 'van-phong-thong-ke-xa-minh-tam', qualifier: 'trước ngày', … }, …]
 */
export function extractDeadlines(scopes: readonly UnitScope[], agencies: readonly KnownAgency[], context: AgencyContext): ExtractedDeadline[] {
  const out: ExtractedDeadline[] = [];
  for (const scope of scopes) {
    for (const duty of scope.duties) {
      const sentences = splitSentences(duty);
      sentences.forEach((s) => {
        const dates = deadlineDates(s.text);
        if (dates.length === 0) return;
        const subjects = subjectUnits(s.text, agencies, context);
        const owners = subjects.length ? subjects.map((u) => ({ name: u.name, match: u.match })) : [{ name: scope.name, match: scope.match }];
        const subjectEnd = subjects.length ? subjects[subjects.length - 1]!.end : 0;
        const tasks = tasksOfSentence(s.text, dates, subjectEnd);
        dates.forEach((d, i) => {
          // "gửi về …" in this sentence before the date, else earlier in the same paragraph.
          const submit = findSubmitTo(s.text, d.index, agencies, context) ?? findSubmitTo(duty, s.index, agencies, context);
          for (const owner of owners) {
            const to = submit && submit.match.id !== owner.match.id ? submit : null;
            out.push({
              date: d.iso,
              task: tasks[i] || cleanTask(s.text),
              owner: owner.match.id,
              ownerName: owner.name,
              ownerKnown: owner.match.known,
              submitTo: to?.match.id ?? null,
              submitToName: to?.name ?? null,
              submitToKnown: to?.match.known ?? true,
              qualifier: d.qualifier,
              sentence: s.text,
            });
          }
        });
      });
    }
  }
  return out;
}
