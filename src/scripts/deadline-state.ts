/**
 * Progressive enhancement of the deadline lists (src/components/DeadlineMonths.astro): the site is
 * static, so "today" is only known in the reader's browser. Reads `data-due` (the due day) on `[data-deadline]`
 * rows, writes the state into the row's `[data-deadline-state]` slot and a `data-state` attribute,
 * and adds a button that hides past deadlines (and months left empty; `[data-deadline-none]` then
 * says so when nothing is left). Without JavaScript the full list shows. A bundled module, not an
 * inline script, so the Content-Security-Policy can forbid inline script.
 */
import { classifyDeadline, DEADLINE_STATE_LABELS } from '../lib/portal/deadline-state';

/** The reader's today as an ISO day, in the reader's time zone. */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function startDeadlineState(root: Document, now: Date = new Date()): void {
  const today = localToday(now);
  let past = 0;
  for (const row of root.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const date = row.getAttribute('data-due') ?? '';
    const state = classifyDeadline(date, today);
    if (state === 'past') past++;
    row.setAttribute('data-state', state);
    const slot = row.querySelector<HTMLElement>('[data-deadline-state]');
    // A past deadline with a published report says so itself ("Đã báo cáo ngày …"); one without
    // gets the neutral `[data-deadline-no-report]` note.
    const reported = row.hasAttribute('data-reported');
    if (slot && !(reported && state === 'past')) {
      slot.textContent = DEADLINE_STATE_LABELS[state];
      slot.hidden = false;
    }
    const note = row.querySelector<HTMLElement>('[data-deadline-no-report]');
    if (note) note.hidden = state !== 'past';
  }
  const host = root.querySelector<HTMLElement>('[data-deadline-toggle]');
  if (!host || past === 0) return;
  const button = root.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  const render = (hide: boolean) => {
    button.textContent = hide ? `Hiện cả ${past} thời hạn đã qua` : `Ẩn ${past} thời hạn đã qua`;
    button.setAttribute('aria-pressed', String(hide));
    for (const row of root.querySelectorAll<HTMLElement>('[data-deadline][data-state="past"]')) row.hidden = hide;
    for (const month of root.querySelectorAll<HTMLElement>('[data-deadline-month]')) {
      month.hidden = hide && !month.querySelector('[data-deadline]:not([hidden])');
    }
    const none = root.querySelector<HTMLElement>('[data-deadline-none]');
    if (none) none.hidden = !(hide && past === root.querySelectorAll('[data-deadline]').length);
  };
  button.addEventListener('click', () => render(button.getAttribute('aria-pressed') !== 'true'));
  render(false);
  host.append(button);
  host.hidden = false;
}
