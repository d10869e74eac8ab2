import { Feed } from 'feed';
import type { Catalog } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { site } from '../../site.config';
import { apiPaths, urlOf, type PublishContext } from './context';
import { contentModified, latestReportDate, planDate } from './records';
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

const FEED_TITLE = `${site.name}: kế hoạch mới`;
const FEED_DESCRIPTION = `Các kế hoạch và báo cáo kết quả mới đăng trên ${site.name} của ${site.agency}, mới nhất trước.`;

/** One feed entry: a plan or a results report, with what both feed formats print. */
interface FeedEntry {
  path: string;
  title: string;
  summary: string;
  date: string;
  author: string;
  tags: string[];
  /** The JSON data of the entry, when it has a file of its own. */
  data: { path: string; title: string } | null;
}

/** Plans and signed reports, newest first (a plan before a report of the same day): one list for both formats. */
function feedEntries(catalog: Catalog): FeedEntry[] {
  const agencyName = (id: string) => catalog.agencies.get(id)?.data.name ?? id;
  const plans: FeedEntry[] = catalog.plans.map((plan) => ({
    path: paths.plan(plan.slug),
    title: itemTitle(plan),
    summary: plan.data.summary,
    date: planDate(plan),
    author: agencyName(plan.data.issuer),
    tags: plan.data.topics,
    data: { path: apiPaths.plan(plan.slug), title: 'Dữ liệu JSON của kế hoạch' },
  }));
  const reports: FeedEntry[] = catalog.reports
    .filter((report) => report.data.status === 'ban hành')
    .map((report) => {
      const headline = tallyHeadline(tallyResults(report.data.results), periodLabel(report.data.period));
      return {
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
  return [...plans, ...reports].sort((a, b) => b.date.localeCompare(a.date));
}

/** The feed's `updated`: the newest plan or report date. */
function feedModified(catalog: Catalog): string | null {
  const plans = contentModified(catalog);
  const reports = latestReportDate(catalog);
  return plans !== null && reports !== null ? (plans > reports ? plans : reports) : (plans ?? reports);
}

/** Atom 1.0 (`/feed.xml`) of plans, newest first; `updated` is the newest plan's date. */
export function atomFeed(catalog: Catalog, ctx: PublishContext): string {
  const home = urlOf(ctx, paths.home());
  const modified = feedModified(catalog);
  const feed = new Feed({
    id: home,
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    link: home,
    language: 'vi',
    updated: modified ? dayStart(modified) : new Date(0),
    feedLinks: { atom: urlOf(ctx, apiPaths.atom()), json: urlOf(ctx, apiPaths.jsonFeed()) },
    author: { name: site.agency, link: site.portalUrl },
    copyright: `${site.license.name} — ${site.license.url}`,
    generator: site.name,
  });
  for (const entry of feedEntries(catalog)) {
    const url = urlOf(ctx, entry.path);
    const date = dayStart(entry.date);
    feed.addItem({
      id: url,
      link: url,
      title: entry.title,
      description: entry.summary,
      date,
      published: date,
      author: [{ name: entry.author }],
      category: entry.tags.map((topic) => ({ name: topic, term: topic })),
    });
  }
  return feed.atom1();
}

/** JSON Feed 1.1 (`/feed.json`) with the same items as the Atom feed. */
export function jsonFeed(catalog: Catalog, ctx: PublishContext): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    home_page_url: urlOf(ctx, paths.home()),
    feed_url: urlOf(ctx, apiPaths.jsonFeed()),
    description: FEED_DESCRIPTION,
    language: 'vi',
    authors: [{ name: site.agency, url: site.portalUrl }],
    items: feedEntries(catalog).map((entry) => {
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
