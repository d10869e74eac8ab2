/**
 * The JSON and CSV files of the tables whose rows each come from one plan (plans, targets,
 * deadlines, citations), put together from one piece of text per row that is kept between builds.
 *
 * A row of these tables is a function of its plan, the registries (agency names) and the publish
 * context (URLs): `tableRows` (records.ts) builds it from nothing else. So a row is known by the
 * catalog's key for it (`catalogRowKeys`: its kind, position and plan's digest), and its text, once
 * serialized and checked against the published schema, is kept in the content cache under that
 * key, in a record of the code, registries and context it was made with. After an edit only the
 * edited plans' rows are serialized and checked again, and the files are the pieces joined: byte
 * for byte what serializing the whole table gives (test/lib/opendata/table-text.test.ts). Before,
 * each edit serialized and validated every changed table whole (1.2 s for plans.json and
 * plans.csv at 5,000 plans, 7 MB and 5 MB).
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

/** The kept record of a table's rows: what they were made with (`made`) and each row's text by its key. */
interface KeptRows {
  made: string;
  rows: Map<string, RowText>;
}

export interface TableText {
  /** Stands for every row of the table, in order, and what they were made with. */
  key: string;
  json(): string;
  csv(): string;
}

/** Where a table's row texts are kept in the content cache (src/lib/content/cache.ts). */
const NAMESPACE = 'open-data-rows';

/**
 * A piece table's files from its rows (`rows`, in the order of `rowSources`), with the publish
 * context (`context`, `schemaUrl`) and the open-data code (`code`) the texts depend on. The rows'
 * texts are made on the first call of `json` or `csv`, and kept.
 */
export function tableText(catalog: Catalog, name: PieceTable, rows: readonly object[], { context, schemaUrl, code }: { context: string; schemaUrl: string; code: string }): TableText {
  const keys = catalogRowKeys(catalog, rowSources(catalog, name));
  if (keys.length !== rows.length) throw new Error(`Open data: ${name} has ${rows.length} rows for ${keys.length} catalog rows`);
  const registries = registriesDigest(catalog);
  const hash = createHash('sha256').update(`${name}\n${context}\n${schemaUrl}\n${registries}\n`);
  for (const key of keys) hash.update(key).update('\n');
  const key = hash.digest('base64url');
  const made = cacheKey(code, context, schemaUrl, registries);
  let texts: RowText[] | undefined;
  const rowTexts = (): RowText[] => {
    if (texts) return texts;
    const recordKey = cacheKey(NAMESPACE, name);
    const kept = cachedRecord<KeptRows>(NAMESPACE, recordKey);
    const known = kept?.made === made ? kept.rows : new Map<string, RowText>();
    const columns = tableColumns(name);
    let added = 0;
    texts = rows.map((row, i) => {
      const found = known.get(keys[i]!);
      if (found) return found;
      added += 1;
      checked(tableRowSchemas[name], row, `${name} row ${i + 1}`);
      checkRowColumns(name, columns, row);
      return { json: rowJsonText(row), csv: csvRow(columns, row as Record<string, unknown>) };
    });
    // Kept for the next build: exactly this build's rows, so the record does not grow with old versions.
    if (added > 0 || known.size !== keys.length) storeRecord(NAMESPACE, recordKey, { made, rows: new Map(keys.map((k, i) => [k, texts![i]!])) } satisfies KeptRows);
    return texts;
  };
  return {
    key,
    json: () => {
      // The rows are checked one by one as their texts are made; the file around them here.
      checked(tableFileSchema(name), { $schema: schemaUrl, count: rows.length, items: [] }, name);
      return tableJsonText(schemaUrl, rowTexts().map((text) => text.json));
    },
    csv: () => csvHeader(tableColumns(name)) + rowTexts().map((text) => text.csv).join(''),
  };
}
