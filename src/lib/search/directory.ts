import type { Catalog } from '../catalog/build';
import { paths, withBase } from '../paths';
import { formatVietnameseDate } from '../vn/dates';
import { toNFC } from '../vn/text';
import { agencyLevelLabel } from '../agency-level';
import { documentNumberKey } from './document-numbers';
import { indexTerms } from './record';
import { DIRECTORY_TERM_END, indexedTerm, type DirectoryKind, type StoredDirectoryRecord } from './client-config';

/*
 * Agencies (/co-quan/…) and cited documents (/van-ban/…) in the search index, so a name or a number
 * finds them too. Their terms carry another end mark than plans' (DIRECTORY_TERM_END), so one
 * index answers two exact searches that never mix: the plans, and the agencies and documents.
 */

export interface DirectorySearchRecord {
  /** Result URL, base path included. */
  url: string;
  /** The document given to Pagefind. */
  html: string;
  stored: StoredDirectoryRecord;
  /** Indexed terms (folded words and document-number keys). */
  terms: Map<string, number>;
}

function directoryRecord(kind: DirectoryKind, url: string, name: string, detail: string, texts: string[], numbers: string[]): DirectorySearchRecord {
  const terms = new Map<string, number>();
  indexTerms(name, terms);
  for (const text of texts) indexTerms(text, terms);
  for (const number of numbers) {
    const key = documentNumberKey(number);
    if (key) terms.set(key, (terms.get(key) ?? 0) + 1);
  }
  const list = (words: Iterable<string>) => [...words].map((t) => indexedTerm(t, DIRECTORY_TERM_END)).join(' ');
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>–</title></head><body><main data-pagefind-body>` +
    `<span data-pagefind-meta="title">–</span><h1>${list(indexTerms(name).keys())}</h1><p>${list(terms.keys())}</p>` +
    `</main></body></html>`;
  return { url, html, stored: { kind, url, name: toNFC(name), detail: toNFC(detail) }, terms };
}

/** How many records `directoryRecords` makes, without making them: one per agency and per document. */
export function directoryRecordCount(catalog: Pick<Catalog, 'agencies' | 'documents'>): number {
  return catalog.agencies.size + catalog.documents.size;
}

/**
 * The search records of every agency (by full and short name) and every registry document (by
 * number in any spelling, aliases included, type, title and issuer).
 */
export function directoryRecords(catalog: Pick<Catalog, 'agencies' | 'documents'>, base: string): DirectorySearchRecord[] {
  const records: DirectorySearchRecord[] = [];
  for (const [id, { data }] of catalog.agencies) {
    const parent = data.parent ? catalog.agencies.get(data.parent)?.data.name : null;
    const detail = [data.shortName !== data.name ? data.shortName : null, agencyLevelLabel(data.level), parent].filter(Boolean).join(' · ');
    records.push(directoryRecord('co-quan', withBase(base, paths.agency(id)), data.name, detail, [data.shortName], []));
  }
  for (const [id, { data }] of catalog.documents) {
    const name = `${data.type} số ${data.number}`;
    const date = data.date ? `ngày ${formatVietnameseDate(data.date)}` : `năm ${data.year}`;
    const detail = [data.title, `${data.issuer}, ${date}`].filter(Boolean).join(' · ');
    records.push(directoryRecord('van-ban', withBase(base, paths.document(id)), name, detail, [data.title ?? '', data.issuer, ...data.aliases], [data.number, ...data.aliases]));
  }
  return records;
}
