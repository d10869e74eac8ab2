/**
 * Glue between the catalog and the card renderer: one job per plan and format, and the public path
 * of each image. Used by the build's card process and publishing (src/lib/og/publish.ts), the
 * /og/ endpoint of `astro dev`, the tests and the benchmark alike.
 */
import type { Catalog } from '../catalog/build';
import { paths } from '../paths';
import { site, type SiteConfig } from '../../site.config';
import { planCardDataWith, portalAddress, type CardData } from './card-data';
import { CARD_FORMATS, type CardFormat } from './template';
import { cardBatch, type CardJob, type RenderCardsOptions } from './cards';

/** Public path (relative to the base path) of a plan's card. */
export function cardImagePath(slug: string, format: CardFormat): string {
  return paths.ogCard(slug, format);
}

/**
 * The `[slug]` param of src/pages/og/[slug].png.ts for a plan's card.
 * @example cardRouteParam('ke-hoach-a', 'square') // 'ke-hoach-a-vuong'
 */
export function cardRouteParam(slug: string, format: CardFormat): string {
  return cardImagePath(slug, format).replace(/^og\//, '').replace(/\.png$/, '');
}

export function cardJobId(slug: string, format: CardFormat): string {
  return `${slug}/${format}`;
}

export interface PlanCardContext {
  site: Pick<SiteConfig, 'name' | 'colors'>;
  /** Origin of the public site (Astro's `site`), e.g. "https://congthongtin.tayninh.gov.vn". */
  siteUrl: string;
  /** Deployment base path ("/" or "/ke-hoach-mo/"). */
  base: string;
}

/**
 * This deployment's card context: the site config, its public address (Astro's `site`, else the
 * config's portalUrl) and the base path. The card routes and the editor's preview use it alike.
 */
export function deploymentCardContext(siteUrl: URL | string | undefined, base: string): PlanCardContext {
  return { site, siteUrl: siteUrl ? new URL(siteUrl).href : site.portalUrl, base };
}

/** Card data of one plan of the catalog. */
export function catalogCardData(catalog: Catalog, slug: string, context: PlanCardContext): CardData {
  const entry = catalog.planBySlug.get(slug);
  if (!entry) throw new Error(`no plan "${slug}" in the catalog`);
  return planCardDataWith(entry.data, catalog.agencies, { site: context.site, portal: portalAddress(context.siteUrl, context.base) });
}

/** Every card of every plan: the landscape and the square format. */
export function planCardJobs(catalog: Catalog, context: PlanCardContext): CardJob[] {
  return catalog.plans.flatMap(({ slug }) => {
    const data = catalogCardData(catalog, slug, context);
    return CARD_FORMATS.map((format) => ({ id: cardJobId(slug, format), data, format }));
  });
}

const planCards = cardBatch('share cards', planCardJobs);

/** Renders every plan card of the catalog once per build and remembers the result. */
export const renderCatalogCards = planCards.all;

/** The cached PNG of one plan card, drawn unless the cache holds it (the dev server's image route). */
export function catalogCardFile(catalog: Catalog, slug: string, format: CardFormat, context: PlanCardContext, options: RenderCardsOptions = {}): Promise<string> {
  return planCards.file({ id: cardJobId(slug, format), data: catalogCardData(catalog, slug, context), format }, options);
}
