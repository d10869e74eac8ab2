import type { AgencyView, Catalog, DeadlineRow } from '../catalog/build';

/** Deadlines falling in one calendar month. */
export interface DeadlineMonth {
  /** "2024-11": also the anchor id of the month's section ("thang-2024-11"). */
  key: string;
  /** "Tháng 11/2024". */
  label: string;
  rows: DeadlineRow[];
}

/**
 * Groups deadline rows (already sorted by date) by month, in date order.
 * @example groupDeadlinesByMonth(rows)[0].label // 'Tháng 5/2024'
 */
export function groupDeadlinesByMonth(rows: DeadlineRow[]): DeadlineMonth[] {
  const months: DeadlineMonth[] = [];
  for (const row of rows) {
    const key = row.deadline.date.slice(0, 7);
    let month = months.at(-1);
    if (!month || month.key !== key) {
      const [year, m] = key.split('-');
      month = { key, label: `Tháng ${Number(m)}/${year}`, rows: [] };
      months.push(month);
    }
    month.rows.push(row);
  }
  return months;
}

/** Agencies owning at least one deadline, by name, with how many they own. */
export function deadlineOwners(catalog: Catalog): { agency: AgencyView; count: number }[] {
  return [...catalog.agencies.values()].filter((a) => a.deadlines.length > 0).map((agency) => ({ agency, count: agency.deadlines.length }));
}

export type DeadlineState = 'past' | 'soon' | 'later';

/** Days ahead within which an open deadline counts as "Sắp đến hạn". */
export const SOON_DAYS = 30;

/**
 * Whether a deadline (ISO day) is past, due within `SOON_DAYS`, or later, seen on `today` (ISO day).
 * The deadline day itself is still open. The inline script on /thoi-han/ applies the same rule.
 * @example classifyDeadline('2024-11-10', '2024-11-10') // 'soon'
 */
export function classifyDeadline(date: string, today: string, soonDays = SOON_DAYS): DeadlineState {
  if (date < today) return 'past';
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= soonDays ? 'soon' : 'later';
}

/** Labels the script writes on each row, by state. */
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  past: 'Đã qua hạn',
  soon: 'Sắp đến hạn',
  later: 'Còn hạn',
};

/**
 * Progressive enhancement for the deadline list, inlined into the page (the site is static, so
 * "today" is only known in the reader's browser). It reads `data-date` on `[data-deadline]` rows,
 * writes the state into the row's `[data-deadline-state]` slot and a `data-state` attribute, and adds
 * a button that hides past deadlines (and months left empty; `[data-deadline-none]` then says so when
 * nothing is left). Without JavaScript the full list shows.
 */
export function deadlineStateScript(): string {
  const labels = JSON.stringify(DEADLINE_STATE_LABELS);
  return `(() => {
  const labels = ${labels};
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  const day = (iso) => Date.parse(iso + 'T00:00:00Z') / 86400000;
  let past = 0;
  for (const row of document.querySelectorAll('[data-deadline]')) {
    const date = row.getAttribute('data-date');
    const state = date < today ? 'past' : day(date) - day(today) <= ${SOON_DAYS} ? 'soon' : 'later';
    if (state === 'past') past++;
    row.setAttribute('data-state', state);
    const slot = row.querySelector('[data-deadline-state]');
    if (slot) { slot.textContent = labels[state]; slot.hidden = false; }
  }
  const host = document.querySelector('[data-deadline-toggle]');
  if (!host || past === 0) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  const render = (hide) => {
    button.textContent = hide ? 'Hiện cả ' + past + ' thời hạn đã qua' : 'Ẩn ' + past + ' thời hạn đã qua';
    button.setAttribute('aria-pressed', String(hide));
    for (const row of document.querySelectorAll('[data-deadline][data-state="past"]')) row.hidden = hide;
    for (const month of document.querySelectorAll('[data-deadline-month]')) {
      month.hidden = hide && !month.querySelector('[data-deadline]:not([hidden])');
    }
    const none = document.querySelector('[data-deadline-none]');
    if (none) none.hidden = !(hide && past === document.querySelectorAll('[data-deadline]').length);
  };
  button.addEventListener('click', () => render(button.getAttribute('aria-pressed') !== 'true'));
  render(false);
  host.append(button);
  host.hidden = false;
})();`;
}
