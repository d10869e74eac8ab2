import { Feed } from 'feed';
import type { Catalog } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { site } from '../../site.config';
import { apiPaths, urlOf, type PublishContext } from './context';
import { contentModified, planEntryDate } from './records';

/** A content date as a timestamp: midnight UTC of that day (no build time ever enters a feed). */
function dayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function itemTitle(plan: Catalog['plans'][number]): string {
  const identifier = formatPlanNumber(plan.data);
  return plan.data.number && identifier
    ? `${plan.data.docType} ${identifier}: ${plan.data.title}`
    : `${plan.data.docType}: ${plan.data.title}`;
}

const FEED_TITLE = `${site.name}: kế hoạch mới`;
const FEED_DESCRIPTION = `Các kế hoạch mới đăng trên ${site.name} của ${site.agency}, mới nhất trước.`;

/** Atom 1.0 (`/feed.xml`) of plans, newest first; `updated` is the newest plan's date. */
export function atomFeed(catalog: Catalog, ctx: PublishContext): string {
  const home = urlOf(ctx, paths.home());
  const modified = contentModified(catalog);
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
  for (const plan of catalog.plans) {
    const url = urlOf(ctx, paths.plan(plan.slug));
    const date = dayStart(planEntryDate(plan));
    feed.addItem({
      id: url,
      link: url,
      title: itemTitle(plan),
      description: plan.data.summary,
      date,
      published: date,
      author: [{ name: catalog.agencies.get(plan.data.issuer)?.data.name ?? plan.data.issuer }],
      category: plan.data.topics.map((topic) => ({ name: topic, term: topic })),
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
    items: catalog.plans.map((plan) => {
      const url = urlOf(ctx, paths.plan(plan.slug));
      return {
        id: url,
        url,
        title: itemTitle(plan),
        summary: plan.data.summary,
        content_text: plan.data.summary,
        date_published: dayStart(planEntryDate(plan)).toISOString(),
        authors: [{ name: catalog.agencies.get(plan.data.issuer)?.data.name ?? plan.data.issuer }],
        tags: plan.data.topics,
        language: 'vi',
        attachments: [{ url: urlOf(ctx, apiPaths.plan(plan.slug)), mime_type: 'application/json', title: 'Dữ liệu JSON của kế hoạch' }],
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
