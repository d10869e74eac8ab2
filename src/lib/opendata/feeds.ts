import { Feed } from 'feed';
import { compareIsoDates } from '../vn/dates';
import type { Catalog } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { site } from '../../site.config';
import { withoutControls, xmlText } from './xml';
import { apiPaths, urlOf, type PublishContext } from './context';
import { contentModified, latestReportDate, planEntryDate } from './records';
import { reportDate } from '../catalog/build';
import { periodLabel, tallyHeadline, tallyResults } from '../portal/reports';

/** A content date as a timestamp: midnight UTC of that day (no build time ever enters a feed). */
function dayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function itemTitle(plan: Pick<Catalog['plans'][number], 'data'> | Pick<Catalog['reports'][number], 'data'>): string {
  const identifier = formatPlanNumber(plan.data);
  return plan.data.number && identifier
    ? `${plan.data.docType} ${identifier}: ${plan.data.title}`
    : `${plan.data.docType}: ${plan.data.title}`;
}

/**
 * The `feed` library writes entry titles and summaries as `type="html"` CDATA, which readers would
 * render as markup. Ours are plain text: we hand it XML-escaped text (so no "]]>" can end the CDATA
 * early) and turn each such element into `type="text"` with that escaped text.
 */
function asTextConstructs(xml: string): string {
  return xml
    .replace(/<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g, '<$1 type="text">$2</$1>')
    // The library escapes "&" and '"' in attributes but leaves "<", which XML forbids there.
    .replace(/ (term|label)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/</g, '&lt;')}"`);
}

const FEED_TITLE = `${site.name}: kế hoạch mới`;
const FEED_DESCRIPTION = `Các kế hoạch và báo cáo kết quả mới đăng trên ${site.name} của ${site.agency}, mới nhất trước.`;

/** One feed entry: a plan or a results report, with what both feed formats print. */
export interface FeedEntry {
  /** The plan's or report's slug. */
  slug: string;
  path: string;
  title: string;
  summary: string;
  date: string;
  author: string;
  tags: string[];
  /** The JSON data of the entry, when it has a file of its own. */
  data: { path: string; title: string } | null;
}

const entriesCache = new WeakMap<Catalog, FeedEntry[]>();

/** Plans and signed reports, newest first (a plan before a report of the same day): one list for both formats, once per catalog. */
export function feedEntries(catalog: Catalog): FeedEntry[] {
  const hit = entriesCache.get(catalog);
  if (hit) return hit;
  const entries = buildFeedEntries(catalog);
  entriesCache.set(catalog, entries);
  return entries;
}

function buildFeedEntries(catalog: Catalog): FeedEntry[] {
  const agencyName = (id: string) => catalog.agencies.get(id)?.data.name ?? id;
  const plans: FeedEntry[] = catalog.plans.map((plan) => ({
    slug: plan.slug,
    path: paths.plan(plan.slug),
    title: itemTitle(plan),
    summary: plan.data.summary,
    date: planEntryDate(plan),
    author: agencyName(plan.data.issuer),
    tags: plan.data.topics,
    data: { path: apiPaths.plan(plan.slug), title: 'Dữ liệu JSON của kế hoạch' },
  }));
  const reports: FeedEntry[] = catalog.reports.map((report) => {
    const headline = tallyHeadline(tallyResults(report.data.results), periodLabel(report.data.period));
    return {
      slug: report.slug,
      path: paths.report(report.slug),
      title: itemTitle(report),
      summary: `${headline}. ${report.data.summary}`,
      date: reportDate(report.data),
      author: agencyName(report.data.issuer),
      tags: ['Báo cáo kết quả'],
      data: null,
    };
  });
  if (reports.length === 0) return plans;
  // Both lists are newest first already; a stable sort keeps each list's own order on equal days.
  return [...plans, ...reports].sort((a, b) => compareIsoDates(b.date, a.date));
}

/** The feed's `updated`: the newest plan or report date. */
function feedModified(catalog: Catalog): string | null {
  const plans = contentModified(catalog);
  const reports = latestReportDate(catalog);
  return plans !== null && reports !== null ? (plans > reports ? plans : reports) : (plans ?? reports);
}

/** Plans in `/feed.xml` and `/feed.json`, and in each archive page. */
export const FEED_PAGE_SIZE = 50;

/** A page of the feeds: the subscription feed (`page` null) or archive page `page`. */
export interface FeedPage {
  /** Null for the subscription feed; 1 for the oldest archive page. */
  page: number | null;
  /** Its entries (plans and signed reports), newest first. */
  entries: FeedEntry[];
  /** The next older archive page, if any. */
  older: number | null;
  /** The next newer archive page (null: the subscription feed is newer). */
  newer: number | null;
}

/**
 * The subscription feed (the newest `size` plans) and the archive pages (RFC 5005). Archive pages
 * are counted from the oldest plan and hold exactly `size` plans, so a page never changes when
 * plans are added; plans not yet on a full archive page are in the subscription feed.
 * @example feedPages(catalog).archives.map((p) => p.page) // [1, 2, …] oldest first
 */
export function feedPages(catalog: Catalog, size = FEED_PAGE_SIZE): { current: FeedPage; archives: FeedPage[] } {
  const all = feedEntries(catalog);
  const oldestFirst = [...all].reverse();
  const count = Math.floor(oldestFirst.length / size);
  const archives = Array.from({ length: count }, (_, i): FeedPage => ({
    page: i + 1,
    entries: oldestFirst.slice(i * size, (i + 1) * size).reverse(),
    older: i > 0 ? i : null,
    newer: i + 2 <= count ? i + 2 : null,
  }));
  return { current: { page: null, entries: all.slice(0, size), older: count > 0 ? count : null, newer: null }, archives };
}

/**
 * What a feed page shows, for its key (src/lib/build/cache-key.ts): a plan's entry is made from
 * that plan alone (and the issuer's name, from the registries every key covers), so the plan stands
 * for it, as its digest; a report's entry is hashed as it is. An archive page's entries as text were
 * 46 KB of its key's JSON at 5,000 plans.
 */
export function feedPageShown(catalog: Catalog, page: FeedPage): object {
  const entries = page.entries.map((entry) => {
    const plan = catalog.planBySlug.get(entry.slug);
    return plan && entry.path === paths.plan(plan.slug) ? plan : entry;
  });
  return { ...page, entries };
}

/**
 * Path of an archive page of the feeds.
 * @example feedArchivePath(3, 'xml') // 'feed/luu-tru/3.xml'
 */
export function feedArchivePath(page: number, ext: 'xml' | 'json'): string {
  return `feed/luu-tru/${page}.${ext}`;
}

const HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** The page `page` of the feeds (null: the subscription feed); throws for a page that does not exist. */
function pageOf(catalog: Catalog, page: number | null): FeedPage {
  const { current, archives } = feedPages(catalog);
  if (page === null) return current;
  const found = archives[page - 1];
  if (!found) throw new Error(`feed archive page ${page} does not exist (1…${archives.length})`);
  return found;
}

/**
 * Atom 1.0 of plans, newest first: `/feed.xml` holds the newest FEED_PAGE_SIZE and links its newest
 * archive page (`rel="prev-archive"`); archive page `page` (`/feed/luu-tru/{page}.xml`) is marked
 * `<fh:archive/>` and links the current feed and its neighbours (RFC 5005 §4). `updated` is the
 * newest date of the page's plans.
 */
export function atomFeed(catalog: Catalog, ctx: PublishContext, page: number | null = null): string {
  const home = urlOf(ctx, paths.home());
  const current = pageOf(catalog, page);
  const modified = page === null ? feedModified(catalog) : (current.entries[0]?.date ?? null);
  const self = page === null ? apiPaths.atom() : feedArchivePath(page, 'xml');
  const feed = new Feed({
    id: page === null ? home : urlOf(ctx, self),
    title: page === null ? FEED_TITLE : `${FEED_TITLE} – lưu trữ ${page}`,
    description: FEED_DESCRIPTION,
    link: home,
    language: 'vi',
    updated: modified ? dayStart(modified) : new Date(0),
    feedLinks: { atom: urlOf(ctx, self), json: urlOf(ctx, page === null ? apiPaths.jsonFeed() : feedArchivePath(page, 'json')) },
    author: { name: site.agency, link: site.portalUrl },
    copyright: `${site.license.name} — ${site.license.url}`,
    generator: site.name,
  });
  for (const entry of current.entries) {
    const url = urlOf(ctx, entry.path);
    const date = dayStart(entry.date);
    feed.addItem({
      id: url,
      link: url,
      title: xmlText(entry.title),
      description: xmlText(entry.summary),
      date,
      published: date,
      author: [{ name: withoutControls(entry.author) }],
      category: entry.tags.map((topic) => ({ name: withoutControls(topic), term: withoutControls(topic) })),
    });
  }
  const link = (rel: string, path: string) => `<link rel="${rel}" href="${urlOf(ctx, path)}"/>`;
  const history = [
    ...(page !== null ? ['<fh:archive/>', link('current', apiPaths.atom())] : []),
    ...(current.older !== null ? [link('prev-archive', feedArchivePath(current.older, 'xml'))] : []),
    ...(current.newer !== null ? [link('next-archive', feedArchivePath(current.newer, 'xml'))] : []),
  ];
  const xml = asTextConstructs(feed.atom1());
  if (history.length === 0) return xml;
  // The feed library has no archive links: they go in the feed head, before the first entry.
  const head = xml.indexOf('<entry>') === -1 ? xml.lastIndexOf('</feed>') : xml.indexOf('<entry>');
  return `${xml.slice(0, head)}${history.map((h) => `${h}\n    `).join('')}${xml.slice(head)}`.replace(
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="${HISTORY_NS}">`,
  );
}

/**
 * JSON Feed 1.1 with the same items as the Atom feed of the same page; `next_url` leads to the next
 * older archive page (`/feed/luu-tru/{n}.json`), as JSON Feed pages.
 */
export function jsonFeed(catalog: Catalog, ctx: PublishContext, page: number | null = null): string {
  const current = pageOf(catalog, page);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: page === null ? FEED_TITLE : `${FEED_TITLE} – lưu trữ ${page}`,
    home_page_url: urlOf(ctx, paths.home()),
    feed_url: urlOf(ctx, page === null ? apiPaths.jsonFeed() : feedArchivePath(page, 'json')),
    ...(current.older !== null ? { next_url: urlOf(ctx, feedArchivePath(current.older, 'json')) } : {}),
    description: FEED_DESCRIPTION,
    language: 'vi',
    authors: [{ name: site.agency, url: site.portalUrl }],
    items: current.entries.map((entry) => {
      const url = urlOf(ctx, entry.path);
      return {
        id: url,
        url,
        title: entry.title,
        summary: entry.summary,
        content_text: entry.summary,
        date_published: dayStart(entry.date).toISOString(),
        authors: [{ name: entry.author }],
        tags: entry.tags,
        language: 'vi',
        ...(entry.data ? { attachments: [{ url: urlOf(ctx, entry.data.path), mime_type: 'application/json', title: entry.data.title }] } : {}),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
