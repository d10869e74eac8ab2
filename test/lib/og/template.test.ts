import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { site } from '../../../src/site.config';
import { catalogCardData } from '../../../src/lib/og/plan-cards';
import { cardFontMeasure } from '../../../src/lib/og/fonts';
import { FONT_FAMILY } from '../../../src/lib/og/families';
import { ELLIPSIS, type Measure } from '../../../src/lib/og/fit-text';
import { CARD_FORMATS, CARD_SIZES, TEMPLATE_VERSION, layoutCard, type CardLayout, type CardNode } from '../../../src/lib/og/template';
import { extremeCard as extreme } from './fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const content = loadContent(join(root, 'content'));
const catalog = buildCatalog({ plans: content.plans, agencies: content.agencies, documents: content.documents });
const context = { site, siteUrl: site.portalUrl, base: '/' };
const measure = cardFontMeasure();

/** Every fitted text stays inside its box, and the title's lines fit the height left for it. */
function expectNoOverflow(layout: CardLayout, m: Measure = measure) {
  for (const { fitted, maxWidth, weight } of layout.texts) {
    for (const line of fitted.lines) expect(m(line, fitted.fontSize, weight), line).toBeLessThanOrEqual(maxWidth);
  }
  const { fitted, boxHeight, lineHeight } = layout.title;
  expect(fitted.lines.length).toBeGreaterThan(0);
  expect(fitted.lines.length * Math.round(fitted.fontSize * lineHeight)).toBeLessThanOrEqual(boxHeight);
}

function textsOf(node: CardNode | string | undefined): string[] {
  if (node === undefined) return [];
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  return Array.isArray(children) ? children.flatMap(textsOf) : textsOf(children);
}

const realPlans = catalog.plans.map((p) => [p.slug] as const);

describe.each(CARD_FORMATS)('%s card', (format) => {
  it.each(realPlans)('%s: every text fits its box, the title in full or cut with "…"', (slug) => {
    const data = catalogCardData(catalog, slug, context);
    const layout = layoutCard(data, format, measure);
    expectNoOverflow(layout);
    const title = layout.title.fitted;
    if (title.truncated) {
      expect(title.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
      expect(data.title.startsWith(title.lines.join(' ').slice(0, -1))).toBe(true);
    } else {
      expect(title.lines.join(' ')).toBe(data.title);
    }
    const texts = textsOf(layout.tree).join('\n');
    expect(texts).toContain(data.agencyName.split(' ')[0]);
    expect(texts).toContain(data.portal);
    for (const h of data.highlights) if (h.value) expect(texts).toContain(h.value);
  });

  it('is the declared size, in the agency colours and the card fonts', () => {
    const data = catalogCardData(catalog, catalog.plans[0]!.slug, context);
    const tree = layoutCard(data, format, measure).tree;
    expect(tree.props.style).toMatchObject({ ...CARD_SIZES[format], fontFamily: FONT_FAMILY });
    const header = (tree.props.children as CardNode[])[0]!;
    expect(header.props.style).toMatchObject({ backgroundColor: site.colors.primary, color: site.colors.onPrimary });
  });

  it('a 400-character title and over-long everything else still fit, shrunk and cut', () => {
    expect(extreme.title).toHaveLength(400);
    const layout = layoutCard(extreme, format, measure);
    expectNoOverflow(layout);
    expect(layout.title.fitted.truncated).toBe(true);
    expect(layout.texts.some((t) => t.fitted.truncated && t.fitted.lines.at(-1)!.endsWith(ELLIPSIS))).toBe(true);
  });

  it('a 10-character title is set on one line at the largest size', () => {
    const layout = layoutCard({ ...extreme, title: 'Kế hoạch A' }, format, measure);
    expect(layout.title.fitted.lines).toEqual(['Kế hoạch A']);
    expect(layout.title.fitted.truncated).toBe(false);
    const larger = layoutCard({ ...extreme, title: 'Kế hoạch A '.repeat(12) }, format, measure);
    expect(layout.title.fitted.fontSize).toBeGreaterThan(larger.title.fitted.fontSize);
  });

  it('without targets or deadlines shows the summary, and gives the title more room', () => {
    const bare = { ...extreme, highlights: [], highlightsHeading: null, summary: 'Kế hoạch đề ra việc cần làm. '.repeat(30) };
    const withBlock = layoutCard(extreme, format, measure);
    const layout = layoutCard(bare, format, measure);
    expectNoOverflow(layout);
    expect(layout.title.boxHeight).toBeGreaterThan(withBlock.title.boxHeight);
    expect(textsOf(layout.tree).join(' ')).toContain('Kế hoạch đề ra việc cần làm.');
  });

  it('lays out with any measure: a fake monospace font gives the same guarantees', () => {
    const mono: Measure = (text, size, weight) => [...text].length * size * (weight >= 700 ? 0.62 : 0.56);
    expectNoOverflow(layoutCard(extreme, format, mono), mono);
  });

  it('renders NFD input exactly as NFC input', () => {
    const nfd = { ...extreme, title: extreme.title.normalize('NFD'), agencyName: extreme.agencyName.normalize('NFD') };
    expect(nfd.title).not.toBe(extreme.title);
    expect(layoutCard(nfd, format, measure).tree).toEqual(layoutCard(extreme, format, measure).tree);
  });
});

describe('TEMPLATE_VERSION', () => {
  // Rendered cards are cached under TEMPLATE_VERSION (and networks cache og:image by its ?v=), so a
  // design change that keeps the version would serve stale cards. This fingerprint of the layout
  // (with a fake font, so only the template decides it) fails on any change to the template:
  // then bump TEMPLATE_VERSION in src/lib/og/template.ts and update the snapshot (vitest -u).
  it('changes whenever the layout does', () => {
    const mono: Measure = (text, size, weight) => [...text].length * size * (weight >= 700 ? 0.62 : 0.56);
    const fingerprint = (data: typeof extreme) =>
      createHash('sha256')
        .update(JSON.stringify(CARD_FORMATS.map((format) => layoutCard(data, format, mono).tree)))
        .digest('hex')
        .slice(0, 16);
    const bare = { ...extreme, highlights: [], highlightsHeading: null, summary: 'Tóm tắt. '.repeat(40) };
    const targets = { ...extreme, highlightsHeading: 'Chỉ tiêu', highlights: extreme.highlights.map((h, i) => ({ ...h, value: String(90 + i), unit: '%', note: null })) };
    expect({ TEMPLATE_VERSION, deadlines: fingerprint(extreme), targets: fingerprint(targets), summary: fingerprint(bare) }).toMatchInlineSnapshot(`
      {
        "TEMPLATE_VERSION": 2,
        "deadlines": "79f9b40ae5b93167",
        "summary": "9e197f654b5d0cbb",
        "targets": "ac3c4c38658c9efd",
      }
    `);
  });
});
