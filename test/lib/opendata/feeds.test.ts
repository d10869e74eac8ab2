import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, jsonFeed } from '../../../src/lib/opendata/feeds';
import { contentModified, planEntryDate } from '../../../src/lib/opendata/records';
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
      expect(entry.updated).toBe(`${planEntryDate(plan)}T00:00:00.000Z`);
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
