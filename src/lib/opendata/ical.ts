import ical, { ICalAlarmType, ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import type { AgencyView, Catalog, DeadlineRow, PlanEntry } from '../catalog/build';
import { plainKey } from '../build/cache-key';
import { perCatalogAndId } from '../catalog/memo';
import { cached, cacheKey } from '../content/cache';
import { openDataCode } from './code';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { site } from '../../site.config';
import { deadlineWhen } from '../plan-view';
import { deadlineDueDate } from '../catalog/deadline-due';
import { formatVietnameseDate } from '../vn/dates';
import { apiPaths, hostOf, urlOf, type PublishContext } from './context';
import { planEntryDate } from './records';
import { keptChunkParts } from './table-files';
import { catalogRowKeys, chunkedRowsDigest, type ChunkedRowsSource, type RowsDigest } from './table-keys';

/** Where the events of each chunk of a calendar's rows are kept, as they stand in the file (src/lib/content/cache.ts). */
const CALENDAR_PARTS = 'open-data-calendar-parts';

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

/** The calendar's own lines (name, description, address…), without events. */
function calendarShell(catalog: Catalog, ctx: PublishContext, agency: AgencyView | undefined) {
  return ical({
    name: agency ? `Thời hạn của ${agency.data.shortName} (${site.name})` : `Thời hạn các kế hoạch (${site.name})`,
    description: agency
      ? `Các việc ${agency.data.name} phải hoàn thành theo các kế hoạch đăng trên ${site.name}.`
      : `Các việc các cơ quan, đơn vị phải hoàn thành theo các kế hoạch đăng trên ${site.name}.`,
    prodId: { company: site.agency, product: site.name, language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    url: urlOf(ctx, agency ? apiPaths.agencyIcs(agency.id) : apiPaths.deadlinesIcs()),
    ttl: 60 * 60 * 24,
  });
}

/** Adds the VEVENT of one deadline row of `plan` to `calendar`. */
function addDeadlineEvent(calendar: ICalCalendar, catalog: Catalog, ctx: PublishContext, plan: PlanEntry, row: DeadlineRow): void {
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
const END = 'END:VCALENDAR\r\n';
const withFinalCrlf = (text: string) => (text.endsWith('\r\n') ? text : `${text}\r\n`);

/** Where `planDeadlineEvents` keeps each plan's events in the content cache. */
const EVENTS_NAMESPACE = 'ical-events';

const eventsKeysOf = new WeakMap<Catalog, Map<string, string>>();

/**
 * The key of a plan's events: what `addDeadlineEvent` prints, taken by the same calls (the plan's
 * address, type, số/ký hiệu, title, issuer and date, each deadline row), with the registries' names
 * and the publish context (`plainKey`: the values as they are, where `renderKey` would widen the
 * catalog's own deadline objects to the plan's whole digest). Not the plan's whole digest: an edit
 * to a plan's summary, body or targets leaves its events, and so the calendars, as they were.
 */
export function planEventsKey(catalog: Catalog, ctx: PublishContext, slug: string): string {
  let keys = eventsKeysOf.get(catalog);
  if (!keys) eventsKeysOf.set(catalog, (keys = new Map()));
  const memo = `${ctx.site}\0${ctx.base}\0${slug}`;
  let key = keys.get(memo);
  if (key === undefined) {
    const plan = catalog.planBySlug.get(slug);
    const rows = catalog.rowsByPlan.get(slug)?.deadlines ?? [];
    const printed = plan && {
      url: urlOf(ctx, paths.plan(plan.slug)),
      docType: plan.data.docType,
      number: plan.data.number,
      identifier: formatPlanNumber(plan.data),
      title: plan.data.title,
      issuer: plan.data.issuer,
      stamp: planEntryDate(plan),
    };
    key = plainKey(catalog, EVENTS_NAMESPACE, ctx, slug, printed ?? null, rows.map((row) => [row.position, row.deadline]));
    keys.set(memo, key);
  }
  return key;
}

/**
 * The key of a calendar (`deadlinesCalendar` with the same options): its rows in order, each as its
 * plan, position and plan's events (`planEventsKey`), with the shell's agency and publish context.
 * The rows are hashed in chunks whose digests are kept between builds under their plans' digests
 * (table-keys.ts), so a build after one edit works out the events' keys of the plans that share a
 * chunk with the edited one, not of every plan with a deadline (4.4 s at 50,000 plans).
 */
export function calendarKey(catalog: Catalog, ctx: PublishContext, options: CalendarOptions = {}): string {
  return calendarChunks(catalog, ctx, options).digest;
}

/** The name a calendar's chunk digests and parts are kept under: the calendar and the publish context (read back by `chunksOf`). */
function calendarMemo(ctx: PublishContext, options: CalendarOptions): string {
  return JSON.stringify(['calendar', options.agency ?? null, ctx.site, ctx.base]);
}

/**
 * A calendar's rows in chunks (`calendarKey`), made once per catalog and calendar (its memo names
 * the agency and publish context) for its key and its file. A chunk's digest stands for its rows'
 * events (a row is its plan, position and `planEventsKey`), so the file keeps each chunk's events
 * under it (`deadlinesCalendar`).
 */
const chunksOf = perCatalogAndId((catalog, memo): RowsDigest => {
  const [, agency, site, base] = JSON.parse(memo) as [string, string | null, string, string];
  const ctx: PublishContext = { site, base };
  const options: CalendarOptions = agency === null ? {} : { agency };
  const source: ChunkedRowsSource<DeadlineRow> = {
    items: calendarRows(catalog, options),
    ...catalogRowKeys(catalog),
    row: (row) => [row.plan, row.position, planEventsKey(catalog, ctx, row.plan)],
  };
  return chunkedRowsDigest(source, plainKey(catalog, 'calendar', agency, ctx), memo);
});

function calendarChunks(catalog: Catalog, ctx: PublishContext, options: CalendarOptions): RowsDigest {
  return chunksOf(catalog, calendarMemo(ctx, options));
}

/** The deadline rows of a calendar: the site's, or one agency's as owner (none for an unknown agency). */
function calendarRows(catalog: Catalog, options: CalendarOptions): DeadlineRow[] {
  return options.agency ? (catalog.agencies.get(options.agency)?.deadlines ?? []) : catalog.deadlines;
}

/**
 * The VEVENT text of each deadline of a plan, by position: what ical-generator writes for those
 * events, cut out of a calendar holding only them. Kept in the content cache under the events' key
 * (`planEventsKey`) and the open-data code, so a build after
 * one edit writes the events of one plan, not of every deadline of the site (14,500 events, 21 MB
 * at 5,000 plans).
 */
export function planDeadlineEvents(catalog: Catalog, ctx: PublishContext, slug: string): string[] {
  const plan = catalog.planBySlug.get(slug);
  const rows = catalog.rowsByPlan.get(slug)?.deadlines;
  if (!plan || !rows) return [];
  return cached(EVENTS_NAMESPACE, cacheKey(EVENTS_NAMESPACE, openDataCode(), planEventsKey(catalog, ctx, slug)), () => {
    const calendar = ical();
    for (const row of rows) addDeadlineEvent(calendar, catalog, ctx, plan, row);
    const text = withFinalCrlf(calendar.toString());
    const events = text.slice(text.indexOf('BEGIN:VEVENT\r\n'), -END.length).split(/(?=BEGIN:VEVENT\r\n)/);
    if (events.length !== rows.length) throw new Error(`Open data: ${events.length} events written for ${rows.length} deadlines of "${slug}"`);
    const byPosition: string[] = [];
    rows.forEach((row, i) => (byPosition[row.position] = events[i]!));
    return byPosition;
  });
}

/**
 * RFC 5545 calendar of deadlines, as the file's bytes (UTF-8): one all-day VEVENT per deadline on its
 * due day (`deadlineDueDate`, DTSTART;VALUE=DATE) with reminders 7 days and 1 day before (VALARM), a
 * stable UID, and DTSTAMP taken from the plan's date so two builds of the same content are
 * identical. The events are each plan's own (`planDeadlineEvents`), in the order of the calendar's
 * rows, and each chunk of rows (`calendarChunks`) has its events kept in the content cache as they
 * stand in the file, under the chunk's digest and the open-data code: a build after a plan is added
 * or removed joins the kept parts and makes the events of the chunks it changed, where it read the
 * kept events of every plan again (14 s for the site's calendar at 50,000 plans, 255 MB).
 */
export function deadlinesCalendar(catalog: Catalog, ctx: PublishContext, options: CalendarOptions = {}): Buffer {
  return Buffer.concat(deadlinesCalendarPieces(catalog, ctx, options));
}

/**
 * `deadlinesCalendar`'s bytes in pieces, in order, not joined: the site's calendar (250 MB at 50,000
 * plans) is written and hashed piece by piece (src/lib/opendata/publish.ts).
 */
export function deadlinesCalendarPieces(catalog: Catalog, ctx: PublishContext, options: CalendarOptions = {}): Uint8Array[] {
  const agency = options.agency ? catalog.agencies.get(options.agency) : undefined;
  if (options.agency && !agency) throw new Error(`Open data: no agency "${options.agency}" for a calendar`);
  const rows = calendarRows(catalog, options);
  const shell = withFinalCrlf(calendarShell(catalog, ctx, agency).toString());
  const byPlan = new Map<string, string[]>();
  const eventsOf = (slug: string) => {
    let events = byPlan.get(slug);
    if (!events) byPlan.set(slug, (events = planDeadlineEvents(catalog, ctx, slug)));
    return events;
  };
  const code = openDataCode();
  const parts = keptChunkParts(
    CALENDAR_PARTS,
    calendarChunks(catalog, ctx, options).parts,
    code ? { file: cacheKey(calendarMemo(ctx, options), 'ics'), key: (chunk) => cacheKey(CALENDAR_PARTS, code, chunk.digest) } : undefined,
    (chunk) => Buffer.from(rows.slice(chunk.start, chunk.end).map((row) => eventsOf(row.plan)[row.position] ?? '').join('')),
  );
  return [Buffer.from(shell.slice(0, -END.length)), ...parts, Buffer.from(END)];
}

/**
 * The same calendar written by ical-generator in one go, every event at once: what
 * `deadlinesCalendar` must equal byte for byte (test/lib/opendata/ical.test.ts).
 */
export function deadlinesCalendarInOneGo(catalog: Catalog, ctx: PublishContext, options: CalendarOptions = {}): string {
  const agency = options.agency ? catalog.agencies.get(options.agency) : undefined;
  const calendar = calendarShell(catalog, ctx, agency);
  for (const row of agency ? agency.deadlines : catalog.deadlines) {
    const plan = catalog.planBySlug.get(row.plan);
    if (plan) addDeadlineEvent(calendar, catalog, ctx, plan, row);
  }
  return withFinalCrlf(calendar.toString());
}
