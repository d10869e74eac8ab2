import type { Plan } from '../../schemas/plan';
import type { DocumentReference } from '../../schemas/document-reference';
import type { Catalog } from '../catalog/build';
import { planCard, type AgencyLookup } from '../plan-view';
import { planCardHtml } from '../portal/plan-card';
import { formatPlanNumber } from '../catalog/plan-number';
import { planDate } from '../catalog/plan-date';
import { paths, withBase } from '../paths';
import { formatVietnameseDate } from '../vn/dates';
import { slugify } from '../vn/slug';
import { collapseWhitespace, foldVietnamese, toNFC } from '../vn/text';
import { documentNumberKey, findDocumentNumbers } from './document-numbers';
import { mdxBlocks, type TextBlock } from '../content/plain-text';
import { DATE_SORT_KEY, type SearchFilter } from './url-state';
import { gzipSync } from 'node:zlib';
import { indexedTerm, stripTermEnd, type StoredDirectoryRecord, type StoredSearchRecord } from './client-config';

/*
 * One plan as the search index sees it: an HTML document made from the plan's data (never from the
 * rendered page, so navigation can't leak in and the benchmark indexes exactly what the site
 * does), fed to Pagefind's `addHTMLFile`.
 *
 * What is indexed is the plan's terms, folded (tones and vowel marks off, đ → d, lowercase: the
 * query is folded the same way, so "dang uy", "Đảng ủy" and "Đảng uỷ" are one query), each term
 * once, weighted by how often the plan uses it, plus the key of every document number it cites
 * ("33ctttg"). Not the running text: Pagefind stores every position of every word, and Vietnamese
 * syllables recur hundreds of times per plan ("dân", "cơ", "công"), so at 5,000 plans a positional
 * index of full text has 700 KB index chunks and one query would download megabytes.
 * What a result shows is stored beside the index instead (`stored`: card HTML, text as written,
 * ranking keys), one small gzip file per result (Pagefind would search it if it were meta), which
 * the browser fetches for the results it shows. Terms are end-marked (client-config.ts TERM_END)
 * so Pagefind matches them exactly.
 */

/** Pagefind weight of the documents a plan implements, so a plan ranks first for the numbers it carries out. */
const BASIS_WEIGHT = 6;

export interface PlanSearchSource {
  slug: string;
  data: Plan;
  /** MDX body. */
  body?: string;
}

export interface SearchRecordContext {
  /** Deployment base path: "/" or "/ke-hoach-mo/". */
  base: string;
  /** Agency full names by id. */
  agencyName: (id: string) => string | undefined;
  /** The agency registry, for the plan card (short names, links). */
  agencies: AgencyLookup;
  /** Registry number and aliases of a cited document by id (e.g. "11-QĐi/TW" and "11-QĐ/TW"). */
  documentNumbers?: (id: string) => readonly string[];
  /** The blocks of a body, `mdxBlocks` unless given: the build reads them through the content cache (`textBlocksCached`). */
  textBlocks?: (body: string) => readonly TextBlock[];
}

/** The context of a catalog's records: agency names and registry spellings (number and aliases) of cited documents. */
export function searchRecordContext(catalog: Pick<Catalog, 'agencies' | 'documents'>, base: string): SearchRecordContext {
  return {
    base,
    agencyName: (id) => catalog.agencies.get(id)?.data.name,
    agencies: catalog.agencies,
    documentNumbers: (id) => {
      const doc = catalog.documents.get(id)?.data;
      return doc ? [doc.number, ...doc.aliases] : [];
    },
  };
}

/**
 * What the index needs of a record, and all the build keeps of it: Pagefind's document, the stored
 * result and the distinct terms (for the vocabulary). The build streams these into Pagefind one at
 * a time, so memory does not grow with the number of plans.
 */
export type IndexRecord = {
  /** Result URL, base path included: Pagefind's key for the record. */
  url: string;
  html: string;
  terms: string[];
} & (
  | { stored: StoredSearchRecord | StoredDirectoryRecord }
  /** The stored result already written as the bundle holds it (gzipped JSON), by the record cache (record-cache.ts). */
  | { storedFile: string }
);

/** A stored result as the index's bundle holds it: its JSON, gzipped (level 9; gzip's header carries no time, so the bytes are the content's). */
export function storedResultBytes(stored: StoredSearchRecord | StoredDirectoryRecord): Buffer {
  return gzipSync(JSON.stringify(stored), { level: 9 });
}

/** The part of a plan's or directory entry's record the index keeps (see IndexRecord). */
export function indexRecord(record: { url: string; html: string; stored: StoredSearchRecord | StoredDirectoryRecord; terms: Map<string, number> }): IndexRecord & { stored: StoredSearchRecord | StoredDirectoryRecord } {
  return { url: record.url, html: record.html, stored: record.stored, terms: [...record.terms.keys()] };
}

export interface SearchRecord {
  slug: string;
  /** Result URL, base path included. */
  url: string;
  /** What the browser loads for a shown result, stored beside the index (storedRecordPath). */
  stored: StoredSearchRecord;
  /** The document given to Pagefind. */
  html: string;
  filters: Record<SearchFilter, string[]>;
  /** Sort keys: `ngay` is the issue date, else 1 January of the plan's year. */
  sort: Record<string, string>;
  /** Indexed terms with how often the plan uses them: folded words and document-number keys. */
  terms: Map<string, number>;
  /** Keys of the documents the plan implements (weighted). */
  basisKeys: string[];
}

/**
 * The terms of a text as the index holds them: folded words, and the key of each document number
 * (whose parts stay words too, so "CT-TTg" alone is found), with how often each occurs.
 * @example indexTerms('Đảng ủy, Chỉ thị 33/CT-TTg') // Map { 'dang' => 1, 'uy' => 1, 'chi' => 1, 'thi' => 1, '33' => 1, 'ct' => 1, 'ttg' => 1, '33ctttg' => 1 }
 */
export function indexTerms(text: string, into = new Map<string, number>()): Map<string, number> {
  const folded = stripTermEnd(foldVietnamese(toNFC(text)));
  const add = (term: string) => into.set(term, (into.get(term) ?? 0) + 1);
  for (const m of folded.matchAll(WORD)) add(m[0]);
  for (const number of findDocumentNumbers(folded)) add(number.key);
  return into;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Pagefind weight for a term used `count` times: grows with the logarithm of the count, so a plan
 * about a subject outranks one that mentions it, without storing each occurrence.
 */
export function termWeight(count: number): number {
  return Math.min(5, 1 + Math.floor(Math.log2(Math.max(1, count))));
}

/** Every key of a reference: as the plan writes it and as the registry spells it (with aliases). */
function referenceKeys(ref: DocumentReference, ctx: SearchRecordContext): string[] {
  const spellings = [ref.number, ...(ctx.documentNumbers?.(ref.document) ?? [])];
  return [...new Set(spellings.map(documentNumberKey).filter((k): k is string => k !== null))];
}

function referenceLine(ref: DocumentReference): string {
  const date = ref.date ? ` ngày ${formatVietnameseDate(ref.date)}` : '';
  const issuer = ref.issuer ? ` của ${ref.issuer}` : '';
  const title = ref.title ? ` ${ref.title}` : '';
  return `${ref.type} số ${ref.number}${date}${issuer}${title}`;
}

/** A meta value with no word for Pagefind to match. */
const NO_WORDS = '–';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Builds the search record of one plan: title, number, issuer, summary, the structured panels
 * (basis, citations, targets, deadlines, assignments) and the body, with filters, meta and sort.
 */
export function buildSearchRecord(plan: PlanSearchSource, ctx: SearchRecordContext): SearchRecord {
  const { data } = plan;
  const agency = ctx.agencyName(data.issuer) ?? data.issuer;
  const unit = (id: string) => ctx.agencyName(id) ?? id;
  const number = formatPlanNumber(data);
  const title = toNFC(data.title);

  const blocks: string[] = [];
  const add = (text: string | null | undefined) => {
    const t = text ? collapseWhitespace(toNFC(text)) : '';
    if (t) blocks.push(t);
  };
  add(data.summary);
  // List items without their marker, tables row by row: the same reading as the open data's bodyText.
  const body = (ctx.textBlocks ?? mdxBlocks)(plan.body ?? '').map((block) => block.text);
  for (const text of body) add(text);
  for (const ref of [...data.basis, ...data.citations]) add(referenceLine(ref));
  for (const target of data.targets) add(target.text);
  for (const d of data.deadlines) add(`${d.task} ${d.qualifier ?? 'ngày'} ${formatVietnameseDate(d.date)} – ${unit(d.owner)}`);
  for (const a of data.assignments) {
    add(unit(a.unit));
    for (const duty of a.duties) add(duty);
  }
  add(number ? `${data.docType} số ${number}` : data.docType);
  add(`${agency}, ${data.place}, năm ${data.year}`);
  add(`Chủ đề: ${data.topics.join(', ')}`);

  const terms = new Map<string, number>();
  indexTerms(title, terms);
  for (const block of blocks) indexTerms(block, terms);
  const basisKeys = [...new Set(data.basis.flatMap((ref) => referenceKeys(ref, ctx)))];
  // Registry spellings and aliases ("11-QĐ/TW" for "11-QĐi/TW") that the text may not use.
  for (const ref of data.citations) for (const key of referenceKeys(ref, ctx)) if (!terms.has(key)) terms.set(key, 1);
  const ownKey = number ? documentNumberKey(number) : null;
  if (ownKey && !terms.has(ownKey)) terms.set(ownKey, 1);

  const byWeight = new Map<number, string[]>();
  for (const [term, count] of terms) {
    if (basisKeys.includes(term)) continue;
    const weight = termWeight(count);
    byWeight.set(weight, [...(byWeight.get(weight) ?? []), term]);
  }

  const filters: Record<SearchFilter, string[]> = {
    nam: [String(data.year)],
    'co-quan': [data.issuer],
    'chu-de': [...new Set(data.topics.map((t) => slugify(t)))],
    loai: [slugify(data.docType)],
  };
  const sort = { [DATE_SORT_KEY]: planDate(data) };

  // Pagefind searches meta text too, with its prefix rules and without the end mark, so a meta word
  // like "cơ" would let "covid" find the plan. Everything a result shows comes from `stored`; the
  // title meta, which Pagefind would otherwise take from the h1, is a dash with no word in it.
  const hidden: string[] = [`<span data-pagefind-meta="title">${NO_WORDS}</span>`];
  for (const [key, values] of Object.entries(filters)) {
    for (const value of values) hidden.push(`<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`);
  }
  for (const [key, value] of Object.entries(sort)) hidden.push(`<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`);

  const list = (terms: Iterable<string>) => [...terms].map((t) => indexedTerm(t)).join(' ');
  const weighted = [...byWeight]
    .sort(([a], [b]) => b - a)
    .map(([weight, terms]) => `<p data-pagefind-weight="${weight}">${list(terms)}</p>`);
  const document =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(plan.slug)}</title></head><body>` +
    `<main data-pagefind-body>` +
    // The title's terms in the h1, which Pagefind weighs highest.
    `<h1>${list(indexTerms(title).keys())}</h1>` +
    (basisKeys.length ? `<p data-pagefind-weight="${BASIS_WEIGHT}">${list(basisKeys)}</p>` : '') +
    weighted.join('') +
    `<div data-pagefind-ignore>${hidden.join('')}</div>` +
    `</main></body></html>`;

  const url = withBase(ctx.base, paths.plan(plan.slug));
  const citationKeys = [...new Set(data.citations.flatMap((ref) => referenceKeys(ref, ctx)))].filter((k) => !basisKeys.includes(k));
  const stored: StoredSearchRecord = {
    url,
    title,
    date: sort[DATE_SORT_KEY]!,
    basis: basisKeys,
    citations: citationKeys,
    card: planCardHtml(planCard(plan, ctx.agencies), { base: ctx.base, level: 3 }),
    text: [data.summary, ...body].join('\n').normalize('NFC'),
  };
  return { slug: plan.slug, url, stored, html: document, filters, sort, terms, basisKeys };
}
