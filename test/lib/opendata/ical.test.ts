import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { calendarKey, deadlinesCalendar, deadlinesCalendarInOneGo, deadlineUid, planEventsKey, planLabel, REMINDER_DAYS } from '../../../src/lib/opendata/ical';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { deadlineDueDate } from '../../../src/lib/catalog/deadline-due';
import { calendarAgencies, planEntryDate } from '../../../src/lib/opendata/records';
import { catalog, content, ctx } from './real-content';
import { CONTENT_CACHE_ENV, contentCacheRoot } from '../../../src/lib/content/cache';

/** node-ical builds all-day dates at local midnight, so read them back with local getters. */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A calendar file as text. */
const calendar = (...args: Parameters<typeof deadlinesCalendar>): string => deadlinesCalendar(...args).toString('utf8');

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('deadlines.ics', () => {
  const text = calendar(catalog, ctx);
  const parsed = events(text);

  it('is RFC 5545 text: CRLF lines of at most 75 octets, one VCALENDAR with a name', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    expect(text).toMatch(/^X-WR-CALNAME:Thời hạn/m);
  });

  it('has one all-day VEVENT per deadline, on the right day, with a stable unique UID', () => {
    expect(parsed).toHaveLength(catalog.deadlines.length);
    expect(text.match(/^DTSTART;VALUE=DATE:\d{8}$/gm)).toHaveLength(catalog.deadlines.length);
    const byUid = new Map(parsed.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(parsed.length);
    for (const row of catalog.deadlines) {
      const uid = deadlineUid(row, ctx);
      expect(uid).toBe(`${row.plan}-${row.position + 1}@cong.example.gov.vn`);
      const event = byUid.get(uid)!;
      expect(event, uid).toBeDefined();
      expect(event.datetype).toBe('date');
      // The event sits on the due day: "trước ngày X" is due by the end of the day before X.
      expect(localIsoDate(event.start)).toBe(deadlineDueDate(row.deadline));
      if (row.deadline.qualifier === 'trước ngày') expect(localIsoDate(event.start) < row.deadline.date).toBe(true);
    }
    expect(catalog.deadlines.some((row) => row.deadline.qualifier === 'trước ngày')).toBe(true);
  });

  it('reminds 7 days and 1 day before every event (VALARM)', () => {
    const events = text.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(catalog.deadlines.length);
    for (const event of events) {
      const triggers = [...event.matchAll(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:(-P\d+D)\r\n/g)].map((m) => m[1]);
      expect(triggers).toEqual(REMINDER_DAYS.map((days) => `-P${days}D`));
    }
    expect(REMINDER_DAYS).toEqual([7, 1]);
  });

  it('names the task and the plan in Vietnamese, with owner, recipient, qualifier and link in the description', () => {
    const byUid = new Map(parsed.map((e) => [e.uid, e]));
    for (const row of catalog.deadlines) {
      const event = byUid.get(deadlineUid(row, ctx))!;
      const plan = catalog.planBySlug.get(row.plan)!;
      expect(event.summary).toBe(`${row.deadline.task} (${planLabel(catalog, plan)})`);
      const description = String(event.description);
      expect(description).toContain(`Đơn vị thực hiện: ${catalog.agencies.get(row.deadline.owner)!.data.name}`);
      if (row.deadline.submitTo) expect(description).toContain(`Gửi về: ${catalog.agencies.get(row.deadline.submitTo)!.data.name}`);
      else expect(description).not.toContain('Gửi về:');
      if (row.deadline.qualifier) expect(description).toContain(row.deadline.qualifier);
      expect(description).toContain(`https://cong.example.gov.vn/ke-hoach-mo/ke-hoach/${row.plan}/`);
    }
  });

  it('stamps each event with its plan\'s content date, not the build time', () => {
    const byUid = new Map(parsed.map((e) => [e.uid, e]));
    for (const row of catalog.deadlines) {
      const stamp = byUid.get(deadlineUid(row, ctx))!.dtstamp as Date;
      expect(stamp.toISOString()).toBe(`${planEntryDate(catalog.planBySlug.get(row.plan)!)}T00:00:00.000Z`);
    }
    expect(calendar(catalog, ctx)).toBe(text);
  });
});

describe('per-agency calendars', () => {
  const agencies = calendarAgencies(catalog);

  it('exist for exactly the agencies that own deadlines', () => {
    expect(new Set(agencies)).toEqual(new Set(catalog.deadlines.map((row) => row.deadline.owner)));
  });

  it.each(agencies)('%s holds that agency\'s deadlines and no other', (agency) => {
    const parsed = events(calendar(catalog, ctx, { agency }));
    const own = catalog.deadlines.filter((row) => row.deadline.owner === agency);
    expect(parsed.map((e) => e.uid).sort()).toEqual(own.map((row) => deadlineUid(row, ctx)).sort());
  });

  it('refuses an unknown agency', () => {
    expect(() => calendar(catalog, ctx, { agency: 'khong-co' })).toThrow(/khong-co/);
  });
});

describe('calendars made of each plan’s kept events', () => {
  it('equal, byte for byte, the calendar ical-generator writes in one go, for the site and every agency', () => {
    expect(calendar(catalog, ctx)).toBe(deadlinesCalendarInOneGo(catalog, ctx));
    for (const agency of calendarAgencies(catalog)) expect(calendar(catalog, ctx, { agency }), agency).toBe(deadlinesCalendarInOneGo(catalog, ctx, { agency }));
  });

  it('follow an edited plan, a renamed agency and another address, whatever events were kept before', () => {
    calendar(catalog, ctx);
    const plan = content.plans.find((entry) => entry.data.deadlines.length > 0)!;
    const edited = buildCatalog({ ...content, plans: content.plans.map((entry) => (entry === plan ? { ...entry, data: { ...entry.data, title: `${entry.data.title} (sửa đổi)` } } : entry)) });
    expect(calendar(edited, ctx)).toContain('(sửa đổi)');
    expect(calendar(edited, ctx)).toBe(deadlinesCalendarInOneGo(edited, ctx));
    const owner = plan.data.deadlines[0]!.owner;
    const renamed = buildCatalog({ ...content, agencies: content.agencies.map((agency) => (agency.id === owner ? { ...agency, data: { ...agency.data, name: `${agency.data.name} (tên mới)` } } : agency)) });
    expect(calendar(renamed, ctx)).toContain('(tên mới)');
    expect(calendar(renamed, ctx)).toBe(deadlinesCalendarInOneGo(renamed, ctx));
    const elsewhere = { ...ctx, site: 'https://khac.example.gov.vn' };
    expect(calendar(catalog, elsewhere)).toBe(deadlinesCalendarInOneGo(catalog, elsewhere));
  });
});

describe('calendars joined from the events kept for each chunk of their rows', () => {
  /** The kept parts of calendars: files of the content cache's calendar parts. */
  const partFiles = () => new Set(readdirSync(contentCacheRoot(), { recursive: true }).map(String).filter((path) => path.includes('open-data-calendar-parts') && path.endsWith('.bin')));

  it('make again only the events of the chunks a new plan joins, byte for byte as written in one go', () => {
    const plan = content.plans.find((entry) => entry.data.deadlines.length > 1)!;
    // A site of many plans: copies of a real plan with deadlines, each with its own slug and a title
    // no earlier run wrote (parts are kept by content, across runs).
    const run = randomUUID();
    const copy = (i: number) => ({ ...plan, slug: `${plan.slug}-${i}`, data: { ...plan.data, title: `${plan.data.title} (bản ${i}, ${run})` } });
    const copies = Array.from({ length: Math.ceil(4000 / plan.data.deadlines.length) }, (_, i) => copy(i));
    const site = buildCatalog({ ...content, plans: [...content.plans, ...copies] });
    const before = partFiles();
    expect(calendar(site, ctx)).toBe(deadlinesCalendarInOneGo(site, ctx));
    const chunks = [...partFiles()].filter((path) => !before.has(path)).length;
    expect(chunks, 'a calendar of 4,000 events is kept in several chunks').toBeGreaterThan(4);

    const added = buildCatalog({ ...content, plans: [...content.plans, ...copies, copy(copies.length)] });
    const kept = partFiles();
    expect(calendar(added, ctx)).toBe(deadlinesCalendarInOneGo(added, ctx));
    const built = [...partFiles()].filter((path) => !kept.has(path)).length;
    expect(built, 'parts made again: at most one per deadline of the new plan').toBeLessThanOrEqual(plan.data.deadlines.length);
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(chunks / 2);
  }, 120_000);
});

describe('calendar keys', () => {
  const plan = content.plans.find((entry) => entry.data.deadlines.length > 0 && entry.data.symbol)!;
  const owner = plan.data.deadlines[0]!.owner;
  const withPlan = (data: Partial<typeof plan.data>, body = plan.body) =>
    buildCatalog({ ...content, plans: content.plans.map((entry) => (entry === plan ? { ...entry, body, data: { ...entry.data, ...data } } : entry)) });
  const keys = (edited: typeof catalog, where = ctx) => [calendarKey(edited, where), calendarKey(edited, where, { agency: owner }), planEventsKey(edited, where, plan.slug)];

  it('stay when a plan changes only what its events do not print (summary, body, targets)', () => {
    const edited = withPlan({ summary: `${plan.data.summary ?? ''} Đã sửa đổi.`, targets: [] }, `${plan.body ?? ''}\n\nĐoạn mới.\n`);
    expect(calendar(edited, ctx)).toBe(calendar(catalog, ctx));
    expect(keys(edited)).toEqual(keys(catalog));
  });

  it('change with everything the events print: title, số, date, a deadline, an agency name, the address', () => {
    const deadlines = plan.data.deadlines.map((deadline, i) => (i === 0 ? { ...deadline, task: `${deadline.task} (sửa)` } : deadline));
    const changed = [
      withPlan({ title: `${plan.data.title} (sửa đổi)` }),
      withPlan({ number: '999' }),
      withPlan({ issuedOn: '2019-01-02' }),
      withPlan({ deadlines }),
      withPlan({ deadlines: plan.data.deadlines.slice(1) }),
      buildCatalog({ ...content, agencies: content.agencies.map((agency) => (agency.id === owner ? { ...agency, data: { ...agency.data, name: `${agency.data.name} (tên mới)` } } : agency)) }),
    ];
    const before = keys(catalog);
    for (const [i, edited] of changed.entries()) {
      expect(calendar(edited, ctx), `change ${i}`).not.toBe(calendar(catalog, ctx));
      const after = keys(edited);
      expect(after[0], `change ${i}`).not.toBe(before[0]);
      expect(after[1], `change ${i}`).not.toBe(before[1]);
      expect(after[2], `change ${i}`).not.toBe(before[2]);
    }
    expect(keys(catalog, { ...ctx, site: 'https://khac.example.gov.vn' })[0]).not.toBe(before[0]);
  });

  it('are the same from chunk digests kept by an earlier build as from none', () => {
    const deadlines = plan.data.deadlines.map((deadline, i) => (i === 0 ? { ...deadline, date: '2031-12-31' } : deadline));
    keys(catalog);
    const edited = withPlan({ deadlines });
    // The first call keeps the digests of the chunks the edit did not touch; the second keeps all of them.
    const kept = keys(edited);
    expect(keys(edited)).toEqual(kept);
    const previous = process.env[CONTENT_CACHE_ENV];
    process.env[CONTENT_CACHE_ENV] = 'off';
    try {
      expect(kept).toEqual(keys(withPlan({ deadlines })));
    } finally {
      if (previous === undefined) delete process.env[CONTENT_CACHE_ENV];
      else process.env[CONTENT_CACHE_ENV] = previous;
    }
  });
});
