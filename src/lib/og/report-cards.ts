/**
 * Share cards of results reports ("Đạt 4/5 chỉ tiêu năm 2024"), in the plan cards' three layers:
 * this file picks the card data from the catalog (layer 1); the same template (`template.ts`) and
 * cached renderer (`cards.ts`) draw it. `/og/bao-cao/{slug}.png` and `/og/bao-cao/{slug}-vuong.png`.
 */
import type { Catalog } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import { formatNumber } from '../vn/numbers';
import { achievedText, periodLabel, RESULT_STATUS, tallyHeadline, tallyResults } from '../portal/reports';
import { formatVietnameseDate } from '../vn/dates';
import { cardFrame, portalAddress, type CardData, type CardHighlight } from './card-data';
import type { PlanCardContext } from './plan-cards';
import { cardBatch, type CardJob, type RenderCardsOptions } from './cards';
import { CARD_FORMATS, type CardFormat } from './template';

/** Public path (relative to the base path) of a report's card. */
export function reportCardImagePath(slug: string, format: CardFormat): string {
  return format === 'landscape' ? paths.ogReportImage(slug) : paths.ogReportSquareImage(slug);
}

/**
 * The `[slug]` param of src/pages/og/bao-cao/[slug].png.ts.
 * @example reportCardRouteParam('bao-cao-a', 'square') // 'bao-cao-a-vuong'
 */
export function reportCardRouteParam(slug: string, format: CardFormat): string {
  return reportCardImagePath(slug, format).replace(/^og\/bao-cao\//, '').replace(/\.png$/, '');
}

/**
 * What a report's card shows: the report's heading, the tally as the highlights' heading ("Đạt 4/5
 * chỉ tiêu năm 2024") and its first three results, each with the achieved value and its status.
 */
export function reportCardData(catalog: Catalog, slug: string, context: PlanCardContext): CardData {
  const report = catalog.reportBySlug.get(slug);
  if (!report) throw new Error(`no report "${slug}" in the catalog`);
  const { data } = report;
  const issuer = catalog.agencies.get(data.issuer)?.data;
  const period = periodLabel(data.period);
  const highlights: CardHighlight[] = data.results.slice(0, 3).map((result) => {
    const target = catalog.planBySlug.get(result.plan)?.data.targets[result.target - 1];
    return {
      value: result.value !== null ? formatNumber(result.value) : null,
      unit: result.value !== null ? result.unit : null,
      label: target ? (target.indicator ?? target.text) : achievedText(result),
      note: result.value !== null ? RESULT_STATUS[result.status].label : `${RESULT_STATUS[result.status].label}: ${achievedText(result)}`,
    };
  });
  const frame = cardFrame(data.issuer, issuer, context.site, portalAddress(context.siteUrl, context.base));
  return {
    agencyName: frame.agencyName,
    agencyLevel: frame.agencyLevel,
    docType: data.docType,
    title: data.title,
    number: data.number ? formatPlanNumber(data) : null,
    date: data.issuedOn ? formatVietnameseDate(data.issuedOn, 'short') : null,
    year: data.year,
    highlightsHeading: highlights.length > 0 ? tallyHeadline(tallyResults(data.results), period) : null,
    highlights,
    summary: data.summary,
    portal: frame.portal,
    siteName: frame.siteName,
    theme: frame.theme,
  };
}

export function reportCardJobId(slug: string, format: CardFormat): string {
  return `bao-cao/${slug}/${format}`;
}

/** Both cards of every report. */
export function reportCardJobs(catalog: Catalog, context: PlanCardContext): CardJob[] {
  return catalog.reports.flatMap(({ slug }) => {
    const data = reportCardData(catalog, slug, context);
    return CARD_FORMATS.map((format) => ({ id: reportCardJobId(slug, format), data, format }));
  });
}

const reportCards = cardBatch('report share cards', reportCardJobs);

/** Renders every report card of the catalog once per build and remembers the result. */
export const renderReportCards = reportCards.all;

/** The cached PNG of one report card, drawn unless the cache holds it (the dev server's image route). */
export function reportCardFile(catalog: Catalog, slug: string, format: CardFormat, context: PlanCardContext, options: RenderCardsOptions = {}): Promise<string> {
  return reportCards.file({ id: reportCardJobId(slug, format), data: reportCardData(catalog, slug, context), format }, options);
}
