/**
 * A build's share cards as files of its out dir: both PNGs of every plan (`og/{slug}.png`,
 * `og/{slug}-vuong.png`) and of every results report (`og/bao-cao/…`), linked from the card cache
 * (src/lib/build/link.ts) once the pages are written (src/integrations/share-cards.ts).
 *
 * They used to be pages of Astro's (src/pages/og/): 100,000 image pages at 50,000 plans, each
 * waited for, read, wrapped in a Response, written and kept as a copy in Astro's cache by its one
 * page thread, and the first of them made that thread wait until the other process had drawn every
 * card. A card is a function of its data alone, named by its hash in the card cache, so publishing
 * it needs no rendering: a link per file, after the pages, from the catalog the pages were made from.
 */
import type { Catalog } from '../catalog/build';
import { dirname, join } from 'node:path';
import { contextFingerprint } from '../build/cache-key';
import { PRUNE_LEDGER, pruneWhenDue } from '../build/prune-ledger';
import { publishFilesSync, removeOtherFilesSync, type PublishedFile } from '../build/link';
import { adoptStagedSync, stageFilesSync, stagingDir, type StagedFiles } from '../build/staging';
import { cardImagePath, cardJobId, renderCatalogCards, type PlanCardContext } from './plan-cards';
import { renderReportCards, reportCardImagePath, reportCardJobId } from './report-cards';
import { CARD_FORMATS } from './template';

/** One published card: its path in the out dir and its PNG in the card cache. */
export type CardFile = PublishedFile;

/**
 * Every card of the catalog with its cached PNG, drawing those the cache lacks (the build's content
 * process has drawn them already, unless it failed; `cardBatch`), plans first, then reports, each
 * in the catalog's order; and how many were drawn here.
 */
export async function catalogCardFiles(catalog: Catalog, context: PlanCardContext): Promise<{ cards: CardFile[]; drawn: number }> {
  const [plans, reports] = await Promise.all([renderCatalogCards(catalog, context), renderReportCards(catalog, context)]);
  const cards: CardFile[] = [];
  for (const { slug } of catalog.plans) {
    for (const format of CARD_FORMATS) cards.push({ path: cardImagePath(slug, format), file: plans.cards.get(cardJobId(slug, format))!.file });
  }
  for (const { slug } of catalog.reports) {
    for (const format of CARD_FORMATS) cards.push({ path: reportCardImagePath(slug, format), file: reports.cards.get(reportCardJobId(slug, format))!.file });
  }
  return { cards, drawn: plans.misses + reports.misses };
}

/**
 * Puts each card at its path under `outDir`: a hard link to the cached PNG (a copy where links are
 * refused), replacing a file already there unless it is that PNG; fails naming every card it could
 * not place, so a build never publishes a site with cards missing (`publishFilesSync`).
 */
export function publishCards(outDir: string, cards: readonly CardFile[]): void {
  publishFilesSync(outDir, cards, 'ảnh chia sẻ', 'ảnh');
}

/**
 * Removes from the card cache every PNG that no card of this build is (an edited plan's old cards,
 * every card of an older template: about 68 KB a plan, 3.4 GB a set at 50,000 plans), so the cache
 * does not grow with edits. The folder is the one the cards are in, never a guess, so a build with no
 * cards removes nothing. A site published before keeps its cards, which are links. Returns how many
 * it removed.
 */
export function pruneCardCache(cards: readonly CardFile[]): number {
  const keep = new Set(cards.map(({ file }) => file));
  const folders = new Set(cards.map(({ file }) => dirname(file)));
  // And the ledger of when to prune (`pruneCardCacheWhenDue`).
  for (const folder of folders) keep.add(join(folder, PRUNE_LEDGER));
  let removed = 0;
  for (const folder of folders) removed += removeOtherFilesSync(folder, keep);
  return removed;
}

/**
 * `pruneCardCache` when the cards left behind may be more than `allowed` (a tenth of the cards by
 * default: src/lib/build/prune-ledger.ts), `drawn` being the cards this build drew; a listing of
 * 97,000 cards at 50,000 plans otherwise. Returns how many it removed.
 */
export function pruneCardCacheWhenDue(cards: readonly CardFile[], drawn: number, allowed?: number): number {
  if (cards.length === 0) return 0;
  const used = new Set(cards.map(({ file }) => file)).size;
  // The ledger is kept in the first card's folder.
  return pruneWhenDue(dirname(cards[0]!.file), 'cards', used, drawn, () => pruneCardCache(cards), allowed);
}

/** The folder of the out dir every card is in (`og/…`, `og/bao-cao/…`). */
const CARD_FOLDER = 'og';

/**
 * In the build's content process, once its cards are drawn: links every card of the catalog into a
 * staging folder as the out dir will have them (`og/…`), then prunes the card cache when due. The build's
 * share-cards integration then moves the folder into the out dir with one rename
 * (`adoptStagedCards`) instead of linking 100,000 files on Astro's thread after the pages.
 */
export async function stageCatalogCards(catalog: Catalog, context: PlanCardContext, dir: string = stagingDir(CARD_FOLDER)): Promise<StagedFiles> {
  const { cards, drawn } = await catalogCardFiles(catalog, context);
  stageFilesSync(dir, CARD_FOLDER, cards, 'ảnh chia sẻ', 'ảnh');
  return { dir, folder: CARD_FOLDER, fingerprint: contextFingerprint(catalog, context), files: cards.length, missing: [], pruned: pruneCardCacheWhenDue(cards, drawn) };
}

/**
 * Moves the staged cards into `outDir` when they were made from the same catalog and card context
 * (site, address, base path: `contextFingerprint`) as the pages, and the out dir has no `og/` yet:
 * true when done (`adoptStagedSync`). On false the caller places the cards itself
 * (`catalogCardFiles`, `publishCards`).
 */
export function adoptStagedCards(staged: StagedFiles, catalog: Catalog, context: PlanCardContext, outDir: string): boolean {
  return adoptStagedSync(staged, contextFingerprint(catalog, context), outDir);
}
