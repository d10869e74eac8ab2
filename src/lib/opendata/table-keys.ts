/**
 * The digest of a table's rows, for the key of its files (open-data.ts), without serializing every
 * row on every build. The calendars' keys are made the same way (`calendarKey` in ical.ts: a row per
 * deadline).
 *
 * A table file is rendered again only when its rows change, so its key is a digest of the rows
 * themselves, not of the plans they come from: editing a plan's body or summary leaves the targets,
 * deadlines and citations tables as they were. Serializing every row of the tables that grow with
 * the plans (300,000 citation rows, 150,000 deadlines and 90,000 targets at 50,000 plans) and
 * building those rows took 8–13 s of each build at 50,000 plans (CPU profiles of 4 December 2026),
 * edit or no edit.
 *
 * So the rows are hashed in chunks, and each chunk's digest is kept between builds under the chunk's
 * signature: the scope (the table, the publish context and the registries, given by the caller),
 * the open-data code, and the identity of each item (its plan's digest and its place in the plan).
 * A row is a function of exactly these, so a chunk whose signature the last build saw has the rows, and the
 * digest, it had then: only chunks holding an added, edited or removed row are built and serialized
 * again. Chunk boundaries follow the items' anchors (an item's place in its plan, not the plan's
 * digest), not their positions: a plan added at the top of a list changes the chunk it joins and
 * leaves the others as they were, and a plan whose rows an edit left as they were leaves every chunk
 * as it was (with boundaries drawn from its digest, an edit could move one and change the table's
 * key, rows unchanged). Only the last build's chunks are kept, so the record does not grow with edits.
 *
 * A chunk is hashed as JSON, the form the table's JSON file publishes its rows in. V8's
 * structured-clone form (`v8.serialize`) is 4–5 times faster, but it gave equal rows different
 * bytes within one process (this module's test caught it), and a kept digest must be the digest
 * of the rows whenever they are computed; now only the chunks an edit touched are hashed.
 */
import { createHash } from 'node:crypto';
import { cachedRecord, cacheKey, storeRecord } from '../content/cache';
import { openDataCode } from './code';
import { catalogItemIdentities } from '../build/cache-key';
import type { Catalog } from '../catalog/build';

/** Where the chunk digests live in the content cache (src/lib/content/cache.ts). */
const NAMESPACE = 'open-data-table-chunks';

/** Mean items per chunk: an item ends its chunk when its anchor's hash is a multiple of this. */
export const CHUNK_ROWS = 512;

/** No chunk holds more items than this, whatever the identities. */
export const MAX_CHUNK_ROWS = 8 * CHUNK_ROWS;

export interface ChunkedRowsSource<I> {
  /** The items, in table order. */
  items: readonly I[];
  /** The published row of an item. */
  row(item: I): unknown;
  /**
   * Text that stands for everything the item's row is made from apart from the scope, or undefined
   * when nothing does: then its chunk is serialized on every build, as every chunk of a source
   * without `identity` is.
   */
  identity?(item: I): string | undefined;
  /**
   * Text that places the item, for where chunks end: what stays the same when the item's row does
   * (for a plan's row, the plan and its place in it). The identity when not given.
   */
  anchor?(item: I): string;
  /**
   * `chunkHash(anchor(item))`, made without the anchor's text, for a source whose anchors are cheaper
   * to hash than to write out (the catalog's rows: a million of them at 50,000 plans).
   */
  anchorHash?(item: I): number;
}

/**
 * The anchor (`ChunkedRowsSource.anchor`) of a plan or of a row the catalog derives from one: the
 * plan's slug, with the row's role and position in the plan.
 * @example planRowAnchor({ plan: 'dan-van-2024', role: 'basis', position: 2 }) // 'dan-van-2024#basis2'
 */
export function planRowAnchor(item: unknown): string {
  const { slug, plan, role, position } = item as { slug?: unknown; plan?: unknown; role?: unknown; position?: unknown };
  return typeof plan === 'string' ? `${plan}#${typeof role === 'string' ? role : ''}${String(position)}` : String(slug);
}

/**
 * `chunkHash(planRowAnchor(item))` for item after item: the hash of a plan's slug and "#" is kept
 * while its rows follow one another (a plan's targets and citations do), then the role and position
 * are hashed on from it, so no anchor is written out.
 */
export function planRowAnchorHasher(): (item: unknown) => number {
  let plan: string | undefined;
  let planHash = 0;
  return (item) => {
    const row = item as { slug?: unknown; plan?: unknown; role?: unknown; position?: unknown };
    if (typeof row.plan !== 'string') return chunkHash(String(row.slug));
    if (row.plan !== plan) {
      plan = row.plan;
      planHash = fnv(fnv(FNV_OFFSET, plan), '#');
    }
    return fnvMix(fnv(fnv(planHash, typeof row.role === 'string' ? row.role : ''), String(row.position)));
  };
}

/**
 * What keys a table or calendar of the catalog's plans or rows: each item's identity
 * (`catalogItemIdentities`) and its anchor (`planRowAnchor`, hashed by `planRowAnchorHasher`).
 */
export function catalogRowKeys(catalog: Catalog): Required<Pick<ChunkedRowsSource<unknown>, 'identity' | 'anchor' | 'anchorHash'>> {
  return { identity: catalogItemIdentities(catalog), anchor: planRowAnchor, anchorHash: planRowAnchorHasher() };
}

/** A chunk of a source's items: `items.slice(start, end)`, and the sha256 (base64url) of its rows' JSON. */
export interface RowsChunk {
  start: number;
  end: number;
  digest: string;
}

export interface RowsDigest {
  /** sha256 (base64url) of the chunks' digests, in order. */
  digest: string;
  chunks: number;
  /** Each chunk, in order: what the table's files are written from, chunk by chunk (table-files.ts). */
  parts: RowsChunk[];
  /** Chunks whose rows were built and serialized in this call (the others' digests were kept). */
  serialized: number;
}

/**
 * 32-bit FNV-1a of a string's UTF-16 code units, mixed by MurmurHash3's finalizer (FNV's low bits
 * depend on the inputs' low bits only, and chunk ends are read from them): cheap, and spread well
 * enough to place chunk ends.
 */
export function chunkHash(text: string): number {
  return fnvMix(fnv(FNV_OFFSET, text));
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a's state after `text`, from the state `hash`: a text hashed in pieces hashes as a whole. */
function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** MurmurHash3's finalizer, unsigned. */
function fnvMix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * The digest of `source`'s rows: each chunk's sha256 of the rows' JSON (the form the table's JSON
 * file publishes them in), taken from the digests kept under the name `memo` when the chunk's
 * signature is there. `scope` must stand for everything every row depends on besides its item's
 * identity and the open-data code, which joins every signature here. Without `memo`, or without a
 * code fingerprint (the sources not there) or the content cache, every chunk is serialized.
 */
export function chunkedRowsDigest<I>(source: ChunkedRowsSource<I>, scope: string, memo?: string): RowsDigest {
  const code = openDataCode();
  const recordKey = memo === undefined || !code ? undefined : cacheKey(NAMESPACE, memo);
  const kept = recordKey === undefined ? undefined : cachedRecord<Map<string, string>>(NAMESPACE, recordKey);
  const chunkScope = `${code}\n${scope}`;
  const next = new Map<string, string>();
  const table = createHash('sha256');
  const { items } = source;
  const parts: RowsChunk[] = [];
  let serialized = 0;
  let start = 0;
  // The chunk's identities, hashed at its end in one call (the scope, then "\n" and each identity):
  // a hash update per row costs a call into native code for each of a million rows.
  let identities: string[] | undefined = [];
  // Whether an item's anchor ends its chunk.
  const { anchor, anchorHash } = source;
  const endsChunk = (item: I, identity: string | undefined): boolean => {
    if (anchorHash) return anchorHash(item) % CHUNK_ROWS === 0;
    const text = anchor ? anchor(item) : identity;
    return text !== undefined && chunkHash(text) % CHUNK_ROWS === 0;
  };
  for (let i = 0; i < items.length; i++) {
    const identity = source.identity?.(items[i]!);
    if (identity === undefined) identities = undefined;
    else identities?.push(identity);
    const last = i + 1 === items.length || i + 1 - start >= MAX_CHUNK_ROWS || endsChunk(items[i]!, identity);
    if (!last) continue;
    const name = identities === undefined ? undefined : createHash('sha256').update(`${chunkScope}\n${identities.join('\n')}`).digest('base64url');
    let digest = name === undefined ? undefined : kept?.get(name);
    if (digest === undefined) {
      const rows = items.slice(start, i + 1).map((item) => source.row(item));
      digest = createHash('sha256').update(JSON.stringify(rows)).digest('base64url');
      serialized += 1;
    }
    if (name !== undefined) next.set(name, digest);
    table.update(digest);
    parts.push({ start, end: i + 1, digest });
    start = i + 1;
    identities = [];
  }
  if (recordKey !== undefined && (serialized > 0 || kept?.size !== next.size)) storeRecord(NAMESPACE, recordKey, next);
  return { digest: table.digest('base64url'), chunks: parts.length, parts, serialized };
}
