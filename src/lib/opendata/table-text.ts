/**
 * The JSON and CSV files of the tables whose rows each come from one plan (plans, targets,
 * deadlines, citations), put together from one piece of text per row that is kept between builds.
 *
 * A row of these tables is a function of its plan, the registries (agency names) and the publish
 * context (URLs): `tableRows` (records.ts) builds it from nothing else. So a row is known by the
 * catalog's key for it (`catalogRowKeys`: its kind, position and plan's digest), and its text, once
 * serialized and checked against the published schema, is kept in the content cache with the code,
 * registries and context it was made with. After an edit only the edited plans' rows are
 * serialized and checked again, and the files are the kept texts joined: byte for byte what
 * serializing the whole table gives (test/lib/opendata/table-text.test.ts). Before, each build
 * serialized every table's rows for its key, and each edit serialized and validated every changed
 * table whole (1.2 s for plans.json and plans.csv at 5,000 plans, 7 MB and 5 MB).
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/build';
import { catalogRowKeys, registriesDigest } from '../build/cache-key';
import { cacheKey, cachedRecord, storeRecord } from '../content/cache';
import { checkRowColumns, csvHeader, csvRow, tableColumns } from './csv';
import { checked, tableFileSchema, tableRowSchemas, type TableName } from './record-schemas';

/** The tables whose every row comes from one plan. */
export type PieceTable = 'plans' | 'targets' | 'deadlines' | 'citations';

/** Whether a table's rows each come from one plan (`PieceTable`). */
export function isPieceTable(name: TableName): name is PieceTable {
  return name === 'plans' || name === 'targets' || name === 'deadlines' || name === 'citations';
}

/** What each row of a piece table is made from, in the table's order (`tableRows`: the catalog's own lists). */
export function rowSources(catalog: Catalog, name: PieceTable): readonly object[] {
  return catalog[name];
}

/** A row as its table's JSON prints it: `toJson({ $schema, count, items })` indents each item by four spaces. */
export function rowJsonText(row: object): string {
  // JSON text has no raw line breaks inside strings, so every "\n" is a line of the layout.
  return `    ${JSON.stringify(row, null, 2).replaceAll('\n', '\n    ')}`;
}

/** A table's JSON file from its rows' texts (`rowJsonText`): what `toJson` gives for the whole table. */
export function tableJsonText(schemaUrl: string, items: readonly string[]): string {
  const list = items.length ? `[\n${items.join(',\n')}\n  ]` : '[]';
  return `{\n  "$schema": ${JSON.stringify(schemaUrl)},\n  "count": ${items.length},\n  "items": ${list}\n}\n`;
}

/** One row's text in each file. */
interface RowText {
  json: string;
  csv: string;
}

/** Kept: what the texts were made with (`made`), and each row's text digest by the row's catalog key. */
interface KeptDigests {
  made: string;
  digests: Map<string, string>;
}

/** Kept: each row's texts by their digest (the big part, read only when a file is rendered). */
interface KeptTexts {
  made: string;
  texts: Map<string, RowText>;
}

export interface TableText {
  /** Stands for the table's bytes: its rows' text digests in order, and what the texts were made with. */
  key: () => string;
  json(): string;
  csv(): string;
}

/** Where a table's row digests and texts are kept in the content cache (src/lib/content/cache.ts). */
const NAMESPACE = 'open-data-rows';

/**
 * A piece table's files from its rows (`rows`, in the order of `rowSources`), with the publish
 * context (`context`, `schemaUrl`) and the open-data code (`code`) the texts depend on.
 *
 * Two records are kept per table: each row's text digest by its catalog key, small, read by every
 * build for the key; and the texts by digest, read only when a file is rendered. The key is made
 * of the digests, so an edit that leaves a table's rows as they were (a plan's summary, for the
 * deadlines table) keeps its key, though the plan's rows have new catalog keys.
 */
export function tableText(catalog: Catalog, name: PieceTable, rows: readonly object[], { context, schemaUrl, code }: { context: string; schemaUrl: string; code: string }): TableText {
  const keys = catalogRowKeys(catalog, rowSources(catalog, name));
  if (keys.length !== rows.length) throw new Error(`Open data: ${name} has ${rows.length} rows for ${keys.length} catalog rows`);
  const made = cacheKey(code, context, schemaUrl, registriesDigest(catalog));
  const columns = tableColumns(name);
  /** Texts made in this build, by digest. */
  const fresh = new Map<string, RowText>();
  const rowText = (i: number): [digest: string, text: RowText] => {
    const row = rows[i]!;
    checked(tableRowSchemas[name], row, `${name} row ${i + 1}`);
    checkRowColumns(name, columns, row);
    const text = { json: rowJsonText(row), csv: csvRow(columns, row as Record<string, unknown>) };
    // The JSON text is the whole row, so it stands for the CSV text too.
    const digest = createHash('sha256').update(text.json).digest('base64url');
    fresh.set(digest, text);
    return [digest, text];
  };

  let digests: string[] | undefined;
  const rowDigests = (): string[] => {
    if (digests) return digests;
    const recordKey = cacheKey(NAMESPACE, 'digests', name);
    const kept = cachedRecord<KeptDigests>(NAMESPACE, recordKey);
    const known = kept?.made === made ? kept.digests : new Map<string, string>();
    let added = 0;
    digests = keys.map((key, i) => {
      const found = known.get(key);
      if (found !== undefined) return found;
      added += 1;
      return rowText(i)[0];
    });
    // Kept for the next build: exactly this build's rows, so the record does not grow with old versions.
    if (added > 0 || known.size !== keys.length) storeRecord(NAMESPACE, recordKey, { made, digests: new Map(keys.map((k, i) => [k, digests![i]!])) } satisfies KeptDigests);
    return digests;
  };

  let texts: RowText[] | undefined;
  const rowTexts = (): RowText[] => {
    if (texts) return texts;
    const order = rowDigests();
    const recordKey = cacheKey(NAMESPACE, 'texts', name);
    const kept = cachedRecord<KeptTexts>(NAMESPACE, recordKey);
    const known = kept?.made === made ? kept.texts : new Map<string, RowText>();
    let added = 0;
    texts = order.map((digest, i) => {
      const found = known.get(digest) ?? fresh.get(digest);
      if (found) {
        if (!known.has(digest)) added += 1;
        return found;
      }
      // Digest kept, text not (a record lost or torn): made again, and it must be the same row.
      added += 1;
      const [again, text] = rowText(i);
      if (again !== digest) throw new Error(`Open data: ${name} row ${i + 1} differs from its kept digest; delete ${NAMESPACE} in the build cache (.cache/content/) and build again`);
      return text;
    });
    if (added > 0 || known.size !== new Set(order).size) storeRecord(NAMESPACE, recordKey, { made, texts: new Map(order.map((d, i) => [d, texts![i]!])) } satisfies KeptTexts);
    return texts;
  };

  let key: string | undefined;
  return {
    key: () => (key ??= createHash('sha256').update(`${name}\n${made}\n`).update(rowDigests().join('\n')).digest('base64url')),
    json: () => {
      // The rows are checked one by one as their texts are made; the file around them here.
      checked(tableFileSchema(name), { $schema: schemaUrl, count: rows.length, items: [] }, name);
      return tableJsonText(schemaUrl, rowTexts().map((text) => text.json));
    },
    csv: () => csvHeader(columns) + rowTexts().map((text) => text.csv).join(''),
  };
}
