/**
 * Renders many cards at once: each card's PNG is cached on disk under the sha256 of everything
 * that decides its pixels (card data, format, TEMPLATE_VERSION, font files, renderer versions), so
 * an unchanged plan costs a stat() on rebuild; cache misses are rendered in parallel, one per core
 * (takumi renders off the JavaScript thread). The cache lives in the build cache folder
 * (`.cache/og`, see src/lib/build/cache-dir.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import type { CardData } from './card-data';
import { buildCachePath } from '../build/cache-dir';
import { cardFontMeasure, cardFontsHash } from './fonts';
import type { Measure } from './fit-text';
import { renderCardPng } from './render';
import { buildCardTree, TEMPLATE_VERSION, type CardFormat } from './template';

/** Where rendered cards are kept between builds; OG_CACHE_DIR overrides it (e.g. a CI cache folder). */
export function defaultCardCacheDir(root: string = process.cwd()): string {
  return process.env.OG_CACHE_DIR || buildCachePath('og', root);
}

export interface CardJob {
  /** Caller's name for the card, e.g. "dan-van-2024/landscape". */
  id: string;
  data: CardData;
  format: CardFormat;
}

export interface RenderedCard {
  id: string;
  format: CardFormat;
  /** Absolute path of the PNG in the cache. */
  file: string;
  /** True when the PNG was already in the cache. */
  hit: boolean;
}

export interface RenderCardsResult {
  cards: Map<string, RenderedCard>;
  hits: number;
  misses: number;
  /** Wall-clock time of the whole call. */
  ms: number;
  /** Cards rendered at once (0 when everything came from the cache). */
  workers: number;
}

export interface RenderCardsOptions {
  cacheDir?: string;
  /** Cards rendered at once; defaults to os.availableParallelism(). */
  concurrency?: number;
  /** Text measure; defaults to one built from the card fonts. */
  measure?: Measure;
}

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

let rendererDigest: string | undefined;

function rendererFingerprint(): string {
  rendererDigest ??= `${TEMPLATE_VERSION}|${cardFontsHash()}|takumi@${packageVersion('@takumi-rs/core')}|helpers@${packageVersion('@takumi-rs/helpers')}`;
  return rendererDigest;
}

/** Cache key of one card: sha256 of its data and everything else that decides its pixels. */
export function cardCacheKey(data: CardData, format: CardFormat): string {
  return createHash('sha256').update(rendererFingerprint()).update('\n').update(format).update('\n').update(JSON.stringify(data)).digest('hex');
}

let defaultMeasure: Measure | undefined;
let tempCounter = 0;

/**
 * Batches by name and catalog, the render slots and the other process a build renders cards in,
 * shared by every copy of this module in the process (Astro loads its integrations and its pages
 * apart): a build's share-cards integration (src/integrations/share-cards.ts) and the dev server's
 * image routes.
 */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.card-batches')] ??= {
  batches: new Map<string, WeakMap<object, Promise<RenderCardsResult>>>(),
}) as { batches: Map<string, WeakMap<object, Promise<RenderCardsResult>>>; slots?: LimitFunction; rendering?: Promise<void> };

/**
 * Tells the batches of this process that another process is filling the card cache (a build's
 * src/integrations/content-tasks.ts): a batch waits for it, then finds its cards there and draws
 * any still missing (all of them, should that process have failed). Undefined: no such process (again).
 */
export function cardsRenderingElsewhere(done: Promise<unknown> | undefined): void {
  shared.rendering = done?.then(
    () => undefined,
    (error: unknown) => {
      console.warn(`[og] the share cards' own process failed; the cards are rendered in the build: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/**
 * Makes sure every job's PNG exists in the cache, rendering the missing ones across a worker
 * pool, and returns where each one is. Two jobs with the same data share one file.
 */
export async function renderCards(jobs: CardJob[], options: RenderCardsOptions = {}): Promise<RenderCardsResult> {
  const started = performance.now();
  const cacheDir = options.cacheDir ?? defaultCardCacheDir();
  const cards = new Map<string, RenderedCard>();
  const missing = new Map<string, CardJob>();
  let hits = 0;

  for (const job of jobs) {
    const file = join(cacheDir, `${cardCacheKey(job.data, job.format)}.png`);
    let hit = false;
    if (!missing.has(file)) {
      // One stat a card (not an existence check and then a stat): a build asks this of every card.
      hit = (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
      if (hit) hits++;
      else missing.set(file, job);
    }
    cards.set(job.id, { id: job.id, format: job.format, file, hit });
  }

  // A card asked for that the cache holds (the dev server's, nearly always): no folder made, no fonts read.
  if (missing.size > 0) mkdirSync(cacheDir, { recursive: true });
  const measure = () => options.measure ?? (defaultMeasure ??= cardFontMeasure());
  const slots = Math.max(1, options.concurrency ?? availableParallelism());
  // One pool of render slots for every batch of the process (plan and report cards start together
  // in a build): takumi renders on libuv's threads, and the file reads and writes of the pages
  // being rendered meanwhile need the rest of them (4 by default).
  const limit = options.concurrency === undefined ? (shared.slots ??= pLimit(slots)) : pLimit(slots);
  const workers = Math.min(slots, missing.size);
  await Promise.all(
    [...missing].map(([file, job]) =>
      limit(async () => {
        const png = await renderCardPng(buildCardTree(job.data, job.format, measure()), job.format);
        // Written under a temporary name and renamed, so a crash never leaves half a card in the cache.
        const tmp = `${file}.${process.pid}-${++tempCounter}.tmp`;
        await writeFile(tmp, png);
        await rename(tmp, file);
      }),
    ),
  );

  return { cards, hits, misses: missing.size, ms: performance.now() - started, workers };
}

/**
 * A set of cards rendered once per build (`all`): in a build it waits for the process that draws
 * them (`cardsRenderingElsewhere`), then finds each in the cache, drawing any still missing across
 * the render slots (all of them, should that process have failed or there be none); a build then
 * links them into its out dir (src/lib/og/publish.ts). `file` is one card for the dev server's image
 * routes, drawn unless the cache holds it. Used by the plan cards and the report cards.
 */
export function cardBatch<Catalog extends object, Context>(what: string, jobsOf: (catalog: Catalog, context: Context) => CardJob[]) {
  let batches = shared.batches.get(what);
  if (!batches) shared.batches.set(what, (batches = new WeakMap()));
  const all = (catalog: Catalog, context: Context, options: RenderCardsOptions = {}): Promise<RenderCardsResult> => {
    let batch = batches.get(catalog);
    if (!batch) {
      batch = (async () => {
        await shared.rendering;
        return renderCards(jobsOf(catalog, context), options);
      })().then((result) => {
        if (result.cards.size === 0) return result;
        const rendered = result.misses > 0 ? `${result.misses} rendered, ${result.workers} at a time,` : '0 rendered';
        console.log(`[og] ${result.cards.size} ${what}: ${result.hits} from cache, ${rendered} in ${(result.ms / 1000).toFixed(1)} s`);
        return result;
      });
      batches.set(catalog, batch);
    }
    return batch;
  };
  const file = async (job: CardJob, options: RenderCardsOptions = {}): Promise<string> => (await renderCards([job], options)).cards.get(job.id)!.file;
  return { all, file };
}
