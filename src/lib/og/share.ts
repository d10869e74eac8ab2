/**
 * Share links and Open Graph data for a plan page. Plain share URLs only: no SDK, no script from
 * the networks, nothing that tracks the reader before they choose to share.
 */
import { CARD_SIZES, TEMPLATE_VERSION, type CardFormat } from './template';
import { cardImagePath } from './plan-cards';
import { reportCardImagePath } from './report-cards';
import { cardAltText } from './labels';

export interface ShareUrls {
  facebook: string;
  zalo: string;
  x: string;
}

/**
 * Share URLs of a page on Facebook, Zalo and X.
 * @example shareUrls('https://a.gov.vn/ke-hoach/x/', 'Kế hoạch').zalo
 * // 'https://sp.zalo.me/share_to_zalo?url=https%3A%2F%2Fa.gov.vn%2Fke-hoach%2Fx%2F'
 */
export function shareUrls(pageUrl: string, text: string): ShareUrls {
  const url = encodeURIComponent(pageUrl);
  return {
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    zalo: `https://sp.zalo.me/share_to_zalo?url=${url}`,
    x: `https://x.com/intent/post?url=${url}&text=${encodeURIComponent(text)}`,
  };
}

/**
 * Path of a card with the template version as query, so Facebook and Zalo, which cache a link's
 * image for weeks, fetch the new card after a design change.
 * @example versionedCardPath('ke-hoach-a', 'landscape') // 'og/ke-hoach-a.png?v=1'
 */
export function versionedCardPath(slug: string, format: CardFormat): string {
  return `${cardImagePath(slug, format)}?v=${TEMPLATE_VERSION}`;
}

/** The `og` prop of Base.astro for a plan page: the landscape card, its size and text alternative. */
export function planOpenGraph(slug: string, plan: { docType: string; title: string }, agencyName: string) {
  const { width, height } = CARD_SIZES.landscape;
  return {
    type: 'article',
    image: versionedCardPath(slug, 'landscape'),
    imageWidth: width,
    imageHeight: height,
    imageAlt: cardAltText(plan, agencyName),
  };
}

/** The `og` prop of Base.astro for a report page: its landscape card ("Đạt 4/5 chỉ tiêu năm 2024"). */
export function reportOpenGraph(slug: string, report: { docType: string; title: string }, agencyName: string) {
  const { width, height } = CARD_SIZES.landscape;
  return {
    type: 'article',
    image: `${reportCardImagePath(slug, 'landscape')}?v=${TEMPLATE_VERSION}`,
    imageWidth: width,
    imageHeight: height,
    imageAlt: cardAltText(report, agencyName),
  };
}
