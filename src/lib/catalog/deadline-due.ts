import type { Deadline } from '../../schemas/deadline';

/**
 * The day by whose end a deadline's work must be done. "trước ngày 20/10" (before 20 October) is due
 * at the end of 19 October; "chậm nhất ngày 20/10", "ngày 20/10", "đến ngày 20/10" and a bare date
 * are due at the end of 20 October. The one home of this rule: the pages, the past/upcoming state,
 * the iCalendar events and the open data's `dueDate` all use it, and /du-lieu-mo/ states it.
 * @example deadlineDueDate({ date: '2024-10-20', qualifier: 'trước ngày' }) // '2024-10-19'
 * @example deadlineDueDate({ date: '2024-10-20', qualifier: 'chậm nhất ngày' }) // '2024-10-20'
 */
export function deadlineDueDate(deadline: Pick<Deadline, 'date' | 'qualifier'>): string {
  if (!isBeforeQualifier(deadline.qualifier)) return deadline.date;
  const day = new Date(`${deadline.date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** "trước", "trước ngày" (any spacing or case): the named day itself is already too late. */
function isBeforeQualifier(qualifier: string | null): boolean {
  return qualifier !== null && /^trước(\s+ngày)?$/i.test(qualifier.trim().replace(/\s+/g, ' '));
}

/** The rule in words, for /du-lieu-mo/ and the calendar descriptions. */
export const DUE_DATE_RULE =
  'Thời hạn “trước ngày X” được hiểu là phải xong trước khi hết ngày liền trước ngày X; “chậm nhất ngày X”, “đến ngày X” hoặc chỉ ghi “ngày X” là phải xong trước khi hết ngày X. Trường dueDate trong dữ liệu mở và ngày của sự kiện trong tệp lịch (.ics) là ngày cuối cùng đó; trường date giữ ngày như kế hoạch ghi.';
