import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, FEED_PAGE_SIZE, feedPages, jsonFeed } from '../../../src/lib/opendata/feeds';
import { syntheticCatalog } from '../portal/synthetic-catalog';
import { contentModified, planDate } from '../../../src/lib/opendata/records';
import { catalog, ctx, PREFIX } from './real-content';

const planUrls = catalog.plans.map((p) => `${PREFIX}ke-hoach/${p.slug}/`);

describe('Atom feed', () => {
  const xml = atomFeed(catalog, ctx);

  it('is well-formed XML in the Atom namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  });

  it('lists every plan newest first, with ids, links and content dates', () => {
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' || name === 'category' }).parse(xml).feed;
    expect(feed.id).toBe(PREFIX);
    expect(feed.updated).toBe(`${contentModified(catalog)}T00:00:00.000Z`);
    expect(feed.entry.map((e: any) => e.id)).toEqual(planUrls);
    feed.entry.forEach((entry: any, i: number) => {
      const plan = catalog.plans[i]!;
      expect(entry.link[0]['@_href']).toBe(planUrls[i]);
      expect(entry.updated).toBe(`${planDate(plan)}T00:00:00.000Z`);
      expect(entry.title['#text']).toContain(plan.data.title);
      expect(entry.summary['#text']).toBe(plan.data.summary);
      expect(entry.category.map((c: any) => c['@_term'])).toEqual(plan.data.topics);
    });
    const dates = feed.entry.map((e: any) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('JSON Feed', () => {
  const feed = JSON.parse(jsonFeed(catalog, ctx));

  it('is JSON Feed 1.1 with the required fields', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBeTruthy();
    expect(feed.feed_url).toBe(`${PREFIX}feed.json`);
    expect(feed.home_page_url).toBe(PREFIX);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_text ?? item.content_html).toBeTruthy();
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    }
  });

  it('has the same items as the Atom feed, newest first, each linking its JSON', () => {
    expect(feed.items.map((i: any) => i.url)).toEqual(planUrls);
    feed.items.forEach((item: any, i: number) => {
      expect(item.attachments[0].url).toBe(`${PREFIX}api/v1/plans/${catalog.plans[i]!.slug}.json`);
    });
  });
});

describe('feed paging (RFC 5005 archives, JSON Feed next_url)', () => {
  const big = syntheticCatalog(230);
  const { current, archives } = feedPages(big);
  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
  const links = (feed: any) => Object.fromEntries(feed.link.map((l: any) => [l['@_rel'] ?? 'alternate', l['@_href']]));

  it('the subscription feeds hold the newest 50 plans and point at the newest full archive page', () => {
    expect(current.plans.map((p) => p.slug)).toEqual(big.plans.slice(0, FEED_PAGE_SIZE).map((p) => p.slug));
    const atom = atomFeed(big, ctx);
    expect(XMLValidator.validate(atom)).toBe(true);
    const feed = parse(atom);
    expect(feed.entry).toHaveLength(FEED_PAGE_SIZE);
    expect(feed['fh:archive']).toBeUndefined();
    expect(links(feed)['prev-archive']).toBe(`${PREFIX}feed/luu-tru/4.xml`);
    const json = JSON.parse(jsonFeed(big, ctx));
    expect(json.items).toHaveLength(FEED_PAGE_SIZE);
    expect(json.next_url).toBe(`${PREFIX}feed/luu-tru/4.json`);
  });

  it('archive pages are full pages counted from the oldest plan, so adding plans never changes them', () => {
    expect(archives.map((a) => a.page)).toEqual([1, 2, 3, 4]);
    expect(archives.every((a) => a.plans.length === FEED_PAGE_SIZE)).toBe(true);
    const oldest = [...big.plans].reverse();
    expect(archives[0]!.plans.map((p) => p.slug)).toEqual(oldest.slice(0, 50).reverse().map((p) => p.slug));
    // Every plan is on an archive page or in the subscription feed.
    const seen = new Set([...current.plans, ...archives.flatMap((a) => a.plans)].map((p) => p.slug));
    expect(seen.size).toBe(big.plans.length);
    // With more plans, the existing archive pages keep their plans.
    const bigger = feedPages(syntheticCatalog(290));
    expect(bigger.archives.length).toBe(5);
  });

  it('an archive page is marked fh:archive and links the current feed and its neighbours', () => {
    const xml = atomFeed(big, ctx, 2);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    const feed = parse(xml);
    expect(feed).toHaveProperty('fh:archive');
    expect(links(feed)).toMatchObject({
      current: `${PREFIX}feed.xml`,
      'prev-archive': `${PREFIX}feed/luu-tru/1.xml`,
      'next-archive': `${PREFIX}feed/luu-tru/3.xml`,
      self: `${PREFIX}feed/luu-tru/2.xml`,
    });
    expect(feed.entry.map((e: any) => e.id)).toEqual(archives[1]!.plans.map((p) => `${PREFIX}ke-hoach/${p.slug}/`));
    expect(links(parse(atomFeed(big, ctx, 1)))['prev-archive']).toBeUndefined();
    expect(JSON.parse(jsonFeed(big, ctx, 1)).next_url).toBeUndefined();
    expect(JSON.parse(jsonFeed(big, ctx, 2)).next_url).toBe(`${PREFIX}feed/luu-tru/1.json`);
    expect(() => atomFeed(big, ctx, 5)).toThrow(/does not exist/);
  });

  it('a portal with fewer than 50 plans has one feed page and no archive', () => {
    expect(feedPages(catalog).archives).toEqual([]);
    expect(atomFeed(catalog, ctx)).not.toContain('prev-archive');
  });
});
