/**
 * Glue between the catalog and the card renderer: one job per plan and format, and the public path
 * of each image. Used by the /og/ endpoint, the tests and the benchmark alike.
 */
import type { Catalog } from '../catalog/build';
import { paths } from '../paths';
import type { SiteConfig } from '../../site.config';
import { planCardData, portalAddress, type CardData } from './card-data';
import { CARD_FORMATS, type CardFormat } from './template';
import { cardCacheKey, renderCards, type CardJob, type RenderCardsOptions, type RenderCardsResult } from './cards';

/** Public path (relative to the base path) of a plan's card. */
export function cardImagePath(slug: string, format: CardFormat): string {
  return format === 'landscape' ? paths.ogImage(slug) : paths.ogSquareImage(slug);
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

/** Card data of one plan of the catalog. */
export function catalogCardData(catalog: Catalog, slug: string, context: PlanCardContext): CardData {
  const entry = catalog.planBySlug.get(slug);
  if (!entry) throw new Error(`no plan "${slug}" in the catalog`);
  return planCardData({
    plan: entry.data,
    issuer: catalog.agencies.get(entry.data.issuer)?.data,
    agencyShortName: (id) => catalog.agencies.get(id)?.data.shortName,
    site: context.site,
    portal: portalAddress(context.siteUrl, context.base),
  });
}

/** The content hash of one plan card (its PNG's name in the card cache), e.g. as an incremental-build key. */
export function catalogCardKey(catalog: Catalog, slug: string, format: CardFormat, context: PlanCardContext): string {
  return cardCacheKey(catalogCardData(catalog, slug, context), format);
}

/** Every card of every plan: the landscape and the square format. */
export function planCardJobs(catalog: Catalog, context: PlanCardContext): CardJob[] {
  return catalog.plans.flatMap(({ slug }) => {
    const data = catalogCardData(catalog, slug, context);
    return CARD_FORMATS.map((format) => ({ id: cardJobId(slug, format), data, format }));
  });
}

const batches = new WeakMap<Catalog, Promise<RenderCardsResult>>();

/**
 * Renders every card of the catalog once (cache hits cost a stat, misses go to the worker pool)
 * and remembers the result for this catalog, so each image route of a build only reads its file.
 * Prints one line for the person running the build.
 */
export function renderCatalogCards(catalog: Catalog, context: PlanCardContext, options: RenderCardsOptions = {}): Promise<RenderCardsResult> {
  let batch = batches.get(catalog);
  if (!batch) {
    batch = renderCards(planCardJobs(catalog, context), options).then((result) => {
      const seconds = (result.ms / 1000).toFixed(1);
      const workers = result.workers > 0 ? ` on ${result.workers} worker${result.workers > 1 ? 's' : ''}` : '';
      console.log(`[og] ${result.cards.size} share cards: ${result.hits} from cache, ${result.misses} rendered${workers} in ${seconds} s`);
      return result;
    });
    batches.set(catalog, batch);
  }
  return batch;
}

/**
 * The cached PNG file of one plan card. With `batch`, the first call renders the whole catalog in
 * parallel (a build); without, only this card (the dev server, one request at a time).
 */
export async function catalogCardFile(
  catalog: Catalog,
  slug: string,
  format: CardFormat,
  context: PlanCardContext,
  { batch = true, ...options }: RenderCardsOptions & { batch?: boolean } = {},
): Promise<string> {
  const id = cardJobId(slug, format);
  if (batch) {
    const card = (await renderCatalogCards(catalog, context, options)).cards.get(id);
    if (card) return card.file;
  }
  const result = await renderCards([{ id, data: catalogCardData(catalog, slug, context), format }], options);
  return result.cards.get(id)!.file;
}
