import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Catalog, DeadlineRow, PlanEntry } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { site } from '../../site.config';
import { deadlineWhen } from '../plan-view';
import { deadlineDueDate } from '../catalog/deadline-due';
import { formatVietnameseDate } from '../vn/dates';
import { apiPaths, hostOf, urlOf, type PublishContext } from './context';
import { planEntryDate } from './records';

/** How a calendar names a plan: by its số/ký hiệu when numbered, else by its title; with the issuer's short name. */
export function planLabel(catalog: Catalog, plan: PlanEntry): string {
  const issuer = catalog.agencies.get(plan.data.issuer)?.data.shortName ?? plan.data.issuer;
  const identifier = formatPlanNumber(plan.data);
  return plan.data.number && identifier
    ? `Kế hoạch ${identifier} của ${issuer}`
    : `Kế hoạch “${plan.data.title}” của ${issuer}`;
}

/** iCalendar UID of a deadline: stable as long as the plan keeps the deadline at that position. */
export function deadlineUid(row: Pick<DeadlineRow, 'plan' | 'position'>, ctx: PublishContext): string {
  return `${row.plan}-${row.position + 1}@${hostOf(ctx)}`;
}

/** Reminders on every event: a week and a day before the due day (RFC 5545 VALARM, TRIGGER:-P7D / -P1D). */
export const REMINDER_DAYS = [7, 1] as const;

export interface CalendarOptions {
  /** Only this agency's deadlines (as owner); all deadlines when absent. */
  agency?: string;
}

/**
 * RFC 5545 calendar of deadlines: one all-day VEVENT per deadline on its due day (`deadlineDueDate`,
 * DTSTART;VALUE=DATE) with reminders 7 days and 1 day before (VALARM), a stable UID, and DTSTAMP
 * taken from the plan's date so two builds of the same content are identical.
 */
export function deadlinesCalendar(catalog: Catalog, ctx: PublishContext, options: CalendarOptions = {}): string {
  const agency = options.agency ? catalog.agencies.get(options.agency) : undefined;
  if (options.agency && !agency) throw new Error(`Open data: no agency "${options.agency}" for a calendar`);
  const rows = agency ? agency.deadlines : catalog.deadlines;
  const calendarUrl = urlOf(ctx, agency ? apiPaths.agencyIcs(agency.id) : apiPaths.deadlinesIcs());

  const calendar = ical({
    name: agency ? `Thời hạn của ${agency.data.shortName} (${site.name})` : `Thời hạn các kế hoạch (${site.name})`,
    description: agency
      ? `Các việc ${agency.data.name} phải hoàn thành theo các kế hoạch đăng trên ${site.name}.`
      : `Các việc các cơ quan, đơn vị phải hoàn thành theo các kế hoạch đăng trên ${site.name}.`,
    prodId: { company: site.agency, product: site.name, language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    url: calendarUrl,
    ttl: 60 * 60 * 24,
  });

  for (const row of rows) {
    const plan = catalog.planBySlug.get(row.plan);
    if (!plan) continue;
    const { deadline } = row;
    const owner = catalog.agencies.get(deadline.owner)?.data.name ?? deadline.owner;
    const submitTo = deadline.submitTo ? (catalog.agencies.get(deadline.submitTo)?.data.name ?? deadline.submitTo) : null;
    const issuer = catalog.agencies.get(plan.data.issuer)?.data.name ?? plan.data.issuer;
    const identifier = formatPlanNumber(plan.data);
    const planUrl = urlOf(ctx, paths.plan(plan.slug));
    const due = deadlineDueDate(deadline);
    const description = [
      `Việc: ${deadline.task}`,
      `Thời hạn: ${deadlineWhen(deadline)} (phải xong trong ngày ${formatVietnameseDate(due, 'short')})`,
      `Đơn vị thực hiện: ${owner}`,
      submitTo ? `Gửi về: ${submitTo}` : null,
      `Theo: ${plan.data.docType}${identifier ? ` ${identifier}` : ''} “${plan.data.title}” của ${issuer}`,
      `Chi tiết: ${planUrl}`,
    ].filter((line): line is string => line !== null);

    const summary = `${deadline.task} (${planLabel(catalog, plan)})`;
    calendar.createEvent({
      id: deadlineUid(row, ctx),
      // An all-day event on the last day the work may be done ("trước ngày 20/10" → 19/10).
      start: due,
      allDay: true,
      stamp: `${planEntryDate(plan)}T00:00:00Z`,
      summary,
      description: description.join('\n'),
      url: planUrl,
      alarms: REMINDER_DAYS.map((days) => ({
        type: ICalAlarmType.display,
        // Seconds before the event starts.
        trigger: days * 86_400,
        description: `Còn ${days} ngày: ${summary}`,
      })),
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF; ical-generator omits the final one.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
