import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, FEED_PAGE_SIZE, feedPages, feedPageShown, jsonFeed } from '../../../src/lib/opendata/feeds';
import { renderKey } from '../../../src/lib/build/cache-key';
import { syntheticCatalog } from '../portal/synthetic-catalog';
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

describe('Atom feed with hostile text', () => {
  // One plan whose text tries to close the CDATA, inject markup and carry a control character.
  const plan = catalog.plans[0]!;
  const hostile = {
    ...catalog,
    plans: [
      {
        ...plan,
        data: {
          ...plan.data,
          title: 'Tiêu đề <b>đậm</b> ]]> & "nháy"',
          summary: '<script>alert(1)</script> ]]><x/> & tóm tắt\u000b',
          topics: ['Chủ đề "a" <b> & c'],
        },
      },
    ],
  } as typeof catalog;
  const xml = atomFeed(hostile, ctx);
  const entry = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml).feed.entry[0];

  it('stays well-formed and carries no control character', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // No "<" inside an attribute value (XML forbids it; lenient parsers let it through).
    expect(xml).not.toMatch(/="[^"]*</);
  });

  it('marks titles and summaries as plain text, so readers show the markup instead of running it', () => {
    expect(entry.title['@_type']).toBe('text');
    expect(entry.summary['@_type']).toBe('text');
    expect(xml).not.toContain('<script>');
    // Read back as XML, the text is the author's text exactly (minus the control character).
    expect(entry.summary['#text']).toBe('<script>alert(1)</script> ]]><x/> & tóm tắt');
    expect(entry.title['#text']).toContain('Tiêu đề <b>đậm</b> ]]> & "nháy"');
    expect(entry.category[0]['@_term']).toBe('Chủ đề "a" <b> & c');
  });
});

describe('feed paging (RFC 5005 archives, JSON Feed next_url)', () => {
  const big = syntheticCatalog(230);
  const { current, archives } = feedPages(big);
  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
  const links = (feed: any) => Object.fromEntries(feed.link.map((l: any) => [l['@_rel'] ?? 'alternate', l['@_href']]));

  it('the subscription feeds hold the newest 50 plans and point at the newest full archive page', () => {
    expect(current.entries.map((p) => p.slug)).toEqual(big.plans.slice(0, FEED_PAGE_SIZE).map((p) => p.slug));
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
    expect(archives.every((a) => a.entries.length === FEED_PAGE_SIZE)).toBe(true);
    const oldest = [...big.plans].reverse();
    expect(archives[0]!.entries.map((p) => p.slug)).toEqual(oldest.slice(0, 50).reverse().map((p) => p.slug));
    // Every plan is on an archive page or in the subscription feed.
    const seen = new Set([...current.entries, ...archives.flatMap((a) => a.entries)].map((p) => p.slug));
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
    expect(feed.entry.map((e: any) => e.id)).toEqual(archives[1]!.entries.map((p) => `${PREFIX}ke-hoach/${p.slug}/`));
    expect(links(parse(atomFeed(big, ctx, 1)))['prev-archive']).toBeUndefined();
    expect(JSON.parse(jsonFeed(big, ctx, 1)).next_url).toBeUndefined();
    expect(JSON.parse(jsonFeed(big, ctx, 2)).next_url).toBe(`${PREFIX}feed/luu-tru/1.json`);
    expect(() => atomFeed(big, ctx, 5)).toThrow(/does not exist/);
  });

  it("an archive page's key holds each plan's entry as its plan, and changes when a plan it lists changes", () => {
    const page = archives[1]!;
    const shown = feedPageShown(big, page) as { entries: unknown[] };
    expect(shown.entries).toEqual(page.entries.map((entry) => big.planBySlug.get(entry.slug)));
    const key = renderKey(big, feedPageShown(big, page), ctx);
    expect(renderKey(big, feedPageShown(big, { ...page, entries: [...page.entries].reverse() }), ctx)).not.toBe(key);
    const edited = syntheticCatalog(230);
    const listed = edited.planBySlug.get(page.entries[0]!.slug)!;
    listed.data = { ...listed.data, summary: `${listed.data.summary} Đã sửa đổi.` };
    expect(renderKey(edited, feedPageShown(edited, feedPages(edited).archives[1]!), ctx)).not.toBe(key);
    const other = edited.planBySlug.get(archives[0]!.entries[0]!.slug)!;
    const untouched = syntheticCatalog(230);
    untouched.planBySlug.get(other.slug)!.body = 'Nội dung khác.';
    expect(renderKey(untouched, feedPageShown(untouched, feedPages(untouched).archives[1]!), ctx)).toBe(key);
  });

  it("a report's entry is shown as it is, even under a plan's slug (its path says it is a report's)", () => {
    const report = { slug: big.plans[0]!.slug, path: 'bao-cao/bao-cao-thu/', title: 'Báo cáo', summary: 'Tóm tắt', date: '2024-01-01', author: 'UBND', tags: ['Báo cáo kết quả'], data: null };
    expect((feedPageShown(big, { page: 1, entries: [report], older: null, newer: null }) as { entries: unknown[] }).entries).toEqual([report]);
  });

  it('a portal with fewer than 50 plans has one feed page and no archive', () => {
    expect(feedPages(catalog).archives).toEqual([]);
    expect(atomFeed(catalog, ctx)).not.toContain('prev-archive');
  });
});
