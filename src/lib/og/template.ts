/**
 * Share-card templates: pure functions from CardData to the element tree the renderer draws (plain
 * `{ type, props: { style, children } }` objects, so no JSX and nothing to serialise for workers).
 * Every text goes through fitText with the injected `measure`, and each fitted line is drawn as its
 * own non-wrapping box: the layout is decided here, never by the renderer's own line breaking, so no text
 * can overflow its box.
 */
import type { CardData, CardHighlight } from './card-data';
import { FONT_FAMILY } from './families';
import { fitText, type FittedText, type Measure } from './fit-text';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import { withUnit } from '../vn/numbers';

/**
 * Bump on any visible design change: it is part of the image cache key and of the `?v=` query of
 * the og:image URL, so both the build cache and social networks' caches fetch the new card.
 */
export const TEMPLATE_VERSION = 2;

export type CardFormat = 'landscape' | 'square';
export const CARD_FORMATS: readonly CardFormat[] = ['landscape', 'square'];

/** Pixel size of each format: 1200×630 for link previews, 1080×1080 for posts. */
export const CARD_SIZES: Record<CardFormat, { width: number; height: number }> = {
  landscape: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
};

type Style = Record<string, string | number>;
export interface CardNode {
  type: 'div';
  props: { style: Style; children?: string | CardNode | CardNode[] };
}

/**
 * A tree as takumi draws it, natively in the build (render.ts) and as WebAssembly in the editor's
 * preview (preview.ts): the tree has the shape of a React element, which is what fromJsx reads,
 * and no browser default style applies, so the template alone decides the layout.
 */
export function takumiTree(tree: CardNode): ReturnType<typeof fromJsx> {
  return fromJsx(tree as unknown as Parameters<typeof fromJsx>[0], { defaultStyles: false });
}

function box(style: Style, children?: string | CardNode | (CardNode | null | false)[]): CardNode {
  const kids = Array.isArray(children) ? children.filter((c): c is CardNode => Boolean(c)) : children;
  // Boxes are sized like CSS's content-box by default; border-box keeps widths here equal to the drawn ones.
  return { type: 'div', props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children: kids } };
}

/** Draws fitted lines, one non-wrapping box per line, so the renderer cannot re-break them. */
function lines(fitted: FittedText, style: Style, lineHeight: number): CardNode {
  const height = Math.round(fitted.fontSize * lineHeight);
  return box(
    { flexDirection: 'column', ...style },
    fitted.lines.map((line) => box({ fontSize: fitted.fontSize, lineHeight: `${height}px`, height, whiteSpace: 'pre' }, line)),
  );
}

interface Layout {
  padX: number;
  header: { height: number; nameSizes: number[]; nameLines: number; levelSize: number };
  stripe: number;
  bodyTop: number;
  bodyBottom: number;
  meta: { size: number; gap: number };
  title: { sizes: number[]; maxLines: number; lineHeight: number };
  summary: { size: number; maxLines: number; lineHeight: number };
  heading: { size: number; gap: number };
  highlight: {
    direction: 'row' | 'column';
    gap: number;
    valueSizes: number[];
    /** Width of the value column when items are stacked. */
    valueWidth: number;
    labelSize: number;
    labelLines: number;
    noteSize: number;
  };
  footer: { height: number; size: number };
}

const LAYOUTS: Record<CardFormat, Layout> = {
  landscape: {
    padX: 64,
    header: { height: 112, nameSizes: [34, 31, 28, 25], nameLines: 1, levelSize: 21 },
    stripe: 10,
    bodyTop: 28,
    bodyBottom: 24,
    meta: { size: 24, gap: 8 },
    title: { sizes: [58, 54, 50, 46, 42, 38, 34], maxLines: 4, lineHeight: 1.16 },
    summary: { size: 25, maxLines: 3, lineHeight: 1.35 },
    heading: { size: 20, gap: 8 },
    highlight: { direction: 'row', gap: 28, valueSizes: [48, 44, 40, 34], valueWidth: 0, labelSize: 21, labelLines: 2, noteSize: 19 },
    footer: { height: 62, size: 24 },
  },
  square: {
    padX: 72,
    header: { height: 168, nameSizes: [42, 38, 34, 30], nameLines: 2, levelSize: 24 },
    stripe: 12,
    bodyTop: 44,
    bodyBottom: 40,
    meta: { size: 28, gap: 12 },
    title: { sizes: [84, 76, 70, 64, 58, 52, 46], maxLines: 6, lineHeight: 1.14 },
    summary: { size: 30, maxLines: 5, lineHeight: 1.35 },
    heading: { size: 24, gap: 14 },
    highlight: { direction: 'column', gap: 22, valueSizes: [60, 54, 48, 42], valueWidth: 300, labelSize: 27, labelLines: 2, noteSize: 23 },
    footer: { height: 88, size: 28 },
  },
};

const LABEL_LINE_HEIGHT = 1.25;
const VALUE_LINE_HEIGHT = 1.1;

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

function highlightValue(h: CardHighlight): string | null {
  return h.value === null ? null : withUnit(h.value, h.unit);
}

/** Fits several one-line texts at one common size (the largest at which all fit), so a row of values looks even. */
function fitTogether(texts: (string | null)[], maxWidth: number, sizes: number[], weight: number, measure: Measure): (FittedText | null)[] {
  const present = texts.filter((t): t is string => t !== null);
  const common = sizes.find((size) => present.every((t) => measure(t, size, weight) <= maxWidth)) ?? sizes.at(-1)!;
  const allowed = sizes.filter((size) => size <= common);
  return texts.map((t) => (t === null ? null : fitText(t, { maxWidth, maxLines: 1, sizes: allowed, weight, measure })));
}

/** One fitted text of a card and the box it was fitted into. */
export interface FittedRecord {
  fitted: FittedText;
  maxWidth: number;
  weight: number;
}

export interface CardLayout {
  tree: CardNode;
  /** Every text on the card, as fitted. */
  texts: FittedRecord[];
  /** The title and the height of its box (the space the other parts leave). */
  title: { fitted: FittedText; boxHeight: number; lineHeight: number };
}

/** The card for one plan in one format; see layoutCard. */
export function buildCardTree(data: CardData, format: CardFormat, measure: Measure): CardNode {
  return layoutCard(data, format, measure).tree;
}

/**
 * Lays out the card for one plan in one format. `measure` must measure with the fonts the renderer
 * uses (cardFontMeasure) for the layout to hold; tests pass a fake one to check the rules.
 */
export function layoutCard(data: CardData, format: CardFormat, measure: Measure): CardLayout {
  const L = LAYOUTS[format];
  const { width, height } = CARD_SIZES[format];
  const t = data.theme;
  const inner = width - 2 * L.padX;
  const texts: FittedRecord[] = [];
  const keep = (fitted: FittedText, maxWidth: number, weight: number) => {
    texts.push({ fitted, maxWidth, weight });
    return fitted;
  };
  const fit = (text: string, maxWidth: number, sizes: number[], weight: number, maxLines = 1, maxHeight?: number, lineHeight = LABEL_LINE_HEIGHT) =>
    keep(fitText(text, { maxWidth, maxLines, sizes, weight, measure, maxHeight, lineHeight }), maxWidth, weight);

  // Header: level above the agency name, white on the agency colour.
  const level = data.agencyLevel ? fit(upper(data.agencyLevel), inner, [L.header.levelSize], 700) : null;
  // One line at any listed size reads better than two; two lines are balanced.
  const oneLineName = fit(data.agencyName, inner, L.header.nameSizes, 700, 1);
  const name = oneLineName.truncated && L.header.nameLines > 1
    ? keep(fitText(data.agencyName, { maxWidth: inner, maxLines: L.header.nameLines, sizes: L.header.nameSizes, weight: 700, measure, balance: true }), inner, 700)
    : oneLineName;
  const header = box(
    { flexDirection: 'column', justifyContent: 'center', height: L.header.height, padding: `0 ${L.padX}px`, backgroundColor: t.primary, color: t.onPrimary },
    [level && lines(level, { fontWeight: 700, marginBottom: 4 }, 1.2), lines(name, { fontWeight: 700 }, 1.18)],
  );

  // Meta line: "KẾ HOẠCH · Số 859/KH-UBND · 25/3/2024".
  const docType = fit(upper(data.docType), inner, [L.meta.size], 800);
  const metaRest = [data.number && `Số ${data.number}`, data.date ?? (data.number ? null : `Năm ${data.year}`)].filter(Boolean).join('  ·  ');
  const restWidth = inner - measure(`${docType.lines[0] ?? ''}  ·  `, L.meta.size, 800);
  const rest = metaRest ? fit(metaRest, Math.max(restWidth, 0), [L.meta.size, L.meta.size - 4], 400) : null;
  const metaHeight = Math.round(L.meta.size * 1.25);
  const meta = box({ flexDirection: 'row', height: metaHeight, alignItems: 'center', color: t.muted }, [
    lines(docType, { fontWeight: 800, color: t.primary }, 1.25),
    rest && rest.lines.length > 0 && box({ fontSize: L.meta.size, whiteSpace: 'pre' }, '  ·  '),
    rest && lines(rest, { fontWeight: 400 }, metaHeight / rest.fontSize),
  ]);

  // Highlights (targets or deadlines) or, failing both, the summary.
  const H = L.highlight;
  const hasNotes = data.highlights.some((h) => h.note);
  let block: CardNode;
  let blockHeight: number;
  if (data.highlights.length > 0) {
    const headingHeight = Math.round(L.heading.size * 1.2);
    const heading = box({ fontSize: L.heading.size, fontWeight: 800, color: t.primary, height: headingHeight, marginBottom: L.heading.gap }, upper(data.highlightsHeading ?? ''));
    const qualitative = data.highlights.every((h) => h.value === null);
    const labelLines = qualitative ? H.labelLines + 1 : H.labelLines;
    const labelHeight = Math.round(H.labelSize * LABEL_LINE_HEIGHT) * labelLines;
    const noteHeight = hasNotes ? Math.round(H.noteSize * LABEL_LINE_HEIGHT) + 4 : 0;
    const valueHeight = qualitative ? 0 : Math.round(H.valueSizes[0]! * VALUE_LINE_HEIGHT);
    const count = data.highlights.length;

    if (H.direction === 'row') {
      const border = 6;
      const boxWidth = Math.floor((inner - H.gap * 2) / 3);
      const textWidth = boxWidth - border - 16;
      const itemHeight = valueHeight + (qualitative ? 0 : 4) + labelHeight + noteHeight;
      const values = fitTogether(data.highlights.map(highlightValue), textWidth, H.valueSizes, 800, measure).map((v) => v && keep(v, textWidth, 800));
      const items = data.highlights.map((h, i) => {
        const value = values[i];
        return box(
          { flexDirection: 'column', width: boxWidth, flexShrink: 0, height: itemHeight, marginRight: i < count - 1 ? H.gap : 0, paddingLeft: 16, borderLeft: `${border}px solid ${t.primary}` },
          [
            value && box({ height: valueHeight, alignItems: 'flex-end', marginBottom: 4 }, [
              lines(value, { fontWeight: 800, color: t.primary }, VALUE_LINE_HEIGHT),
            ]),
            lines(fit(h.label, textWidth, [H.labelSize, H.labelSize - 2], 400, labelLines), { fontWeight: 400, color: t.ink }, LABEL_LINE_HEIGHT),
            h.note !== null && lines(fit(h.note, textWidth, [H.noteSize], 700), { fontWeight: 700, color: t.muted, marginTop: 4 }, LABEL_LINE_HEIGHT),
          ],
        );
      });
      blockHeight = headingHeight + L.heading.gap + itemHeight;
      block = box({ flexDirection: 'column', height: blockHeight }, [heading, box({ flexDirection: 'row' }, items)]);
    } else {
      // The value column is as wide as the widest value needs, at most H.valueWidth.
      const values = fitTogether(data.highlights.map(highlightValue), H.valueWidth - 22, H.valueSizes, 800, measure).map((v) => v && keep(v, H.valueWidth - 22, 800));
      const widest = Math.max(0, ...values.map((v) => (v ? Math.max(...v.lines.map((line) => measure(line, v.fontSize, 800))) : 0)));
      const valueWidth = qualitative ? 0 : Math.min(H.valueWidth, Math.ceil(widest) + 22 + 8);
      const textWidth = inner - valueWidth - (qualitative ? 28 : 24);
      const itemHeight = Math.max(valueHeight, labelHeight + noteHeight);
      const items = data.highlights.map((h, i) => {
        const value = values[i];
        return box({ flexDirection: 'row', height: itemHeight, marginBottom: i < count - 1 ? H.gap : 0, alignItems: 'flex-start' }, [
          value &&
            box({ width: valueWidth, flexShrink: 0, marginRight: 24, height: itemHeight, paddingLeft: 16, borderLeft: `6px solid ${t.primary}` }, [
              lines(value, { fontWeight: 800, color: t.primary }, VALUE_LINE_HEIGHT),
            ]),
          qualitative && box({ width: 12, height: 12, marginTop: Math.round(H.labelSize * 0.5), marginRight: 16, backgroundColor: t.primary }),
          box({ flexDirection: 'column', width: textWidth, flexShrink: 0 }, [
            lines(fit(h.label, textWidth, [H.labelSize, H.labelSize - 2], 400, labelLines), { fontWeight: 400, color: t.ink }, LABEL_LINE_HEIGHT),
            h.note !== null && lines(fit(h.note, textWidth, [H.noteSize], 700), { fontWeight: 700, color: t.muted, marginTop: 4 }, LABEL_LINE_HEIGHT),
          ]),
        ]);
      });
      blockHeight = headingHeight + L.heading.gap + itemHeight * count + H.gap * (count - 1);
      block = box({ flexDirection: 'column', height: blockHeight }, [heading, box({ flexDirection: 'column' }, items)]);
    }
  } else {
    const summary = fit(data.summary, inner, [L.summary.size], 400, L.summary.maxLines, undefined, L.summary.lineHeight);
    blockHeight = Math.round(summary.fontSize * L.summary.lineHeight) * summary.lines.length;
    block = lines(summary, { color: t.ink, height: blockHeight }, L.summary.lineHeight);
  }

  // The title takes whatever height is left, shrinking before it truncates.
  const gapAboveBlock = Math.round(L.meta.size * 0.9);
  const titleHeight =
    height - L.header.height - L.stripe - L.bodyTop - metaHeight - L.meta.gap - gapAboveBlock - blockHeight - L.bodyBottom - L.footer.height;
  const title = keep(fitText(data.title, {
    maxWidth: inner,
    maxLines: L.title.maxLines,
    maxHeight: titleHeight,
    lineHeight: L.title.lineHeight,
    sizes: L.title.sizes,
    weight: 800,
    measure,
    balance: true,
  }), inner, 800);

  const body = box({ flexDirection: 'column', flexGrow: 1, padding: `${L.bodyTop}px ${L.padX}px ${L.bodyBottom}px` }, [
    meta,
    box({ height: titleHeight, marginTop: L.meta.gap, flexDirection: 'column', justifyContent: 'flex-start' }, [
      lines(title, { fontWeight: 800, color: t.ink }, L.title.lineHeight),
    ]),
    box({ marginTop: gapAboveBlock, flexDirection: 'column' }, [block]),
  ]);

  // Footer: where to read the plan, and the portal's name.
  const siteName = fit(data.siteName, inner * 0.35, [L.footer.size], 800);
  const portal = fit(data.portal, inner - measure(siteName.lines[0] ?? '', siteName.fontSize, 800) - 32, [L.footer.size, L.footer.size - 4, L.footer.size - 8], 700);
  const footer = box(
    {
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'center',
      height: L.footer.height,
      padding: `0 ${L.padX}px`,
      backgroundColor: t.surface,
      borderTop: `2px solid ${t.border}`,
    },
    [lines(portal, { fontWeight: 700, color: t.ink }, 1.2), lines(siteName, { fontWeight: 800, color: t.primary }, 1.2)],
  );

  const tree = box(
    { flexDirection: 'column', width, height, backgroundColor: '#ffffff', color: t.ink, fontFamily: FONT_FAMILY },
    [header, box({ height: L.stripe, backgroundColor: t.accent }), body, footer],
  );
  return { tree, texts, title: { fitted: title, boxHeight: titleHeight, lineHeight: L.title.lineHeight } };
}
