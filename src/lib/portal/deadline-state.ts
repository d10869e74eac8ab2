/** Deadline state as the reader sees it: shared by the build and the browser script, so it has no imports. */

export type DeadlineState = 'past' | 'soon' | 'later';

/** Days ahead within which an open deadline counts as "Sắp đến hạn". */
export const SOON_DAYS = 30;

/**
 * Whether a deadline's due day (ISO, from `deadlineDueDate`: "trước ngày X" is due the day before
 * X) is past, within `SOON_DAYS`, or later, seen on `today` (ISO day). The due day itself is still open. The deadline lists' script (src/scripts/deadline-state.ts) applies this same function in the browser.
 * @example classifyDeadline('2024-11-10', '2024-11-10') // 'soon'
 */
export function classifyDeadline(date: string, today: string, soonDays = SOON_DAYS): DeadlineState {
  if (date < today) return 'past';
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= soonDays ? 'soon' : 'later';
}

/**
 * Labels the script writes on each row, by state. A passed day is worded neutrally: whether the work
 * was done is for a results report to say, not the calendar.
 */
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  past: 'Ngày hạn đã qua',
  soon: 'Sắp đến hạn',
  later: 'Còn hạn',
};
