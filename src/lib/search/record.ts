import type { Plan } from '../../schemas/plan';
import type { DocumentReference } from '../../schemas/document-reference';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths, withBase } from '../paths';
import { formatVietnameseDate } from '../vn/dates';
import { slugify } from '../vn/slug';
import { foldVietnamese, toNFC } from '../vn/text';
import { documentNumberKey, findDocumentNumbers } from './document-numbers';
import { markdownBlocks } from './markdown-text';
import { DATE_SORT_KEY, type SearchFilter } from './url-state';
import { APPENDIX_MARK } from './appendix';

export { APPENDIX_MARK, indexedText } from './appendix';

/*
 * One plan as the search index sees it: an HTML document made from the plan's data (never from the
 * rendered page, so navigation can't leak in and the benchmark indexes exactly what the site does),
 * fed to Pagefind's `addHTMLFile`.
 *
 * The indexed text is the plan as written, then — after APPENDIX_MARK — the terms Pagefind would
 * otherwise miss: Pagefind drops tone marks itself but keeps đ ("dang" does not find "Đảng"), so
 * every word with đ is added folded ("dang", "doi"), and every document number is added as its key
 * ("33ctttg", "110khbdvtubcsdubnd"). The browser splits the appendix off before it builds excerpts.
 */

/** Pagefind weight of the documents a plan implements, so a plan ranks first for the numbers it carries out. */
const BASIS_WEIGHT = 5;

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
  /** Registry number and aliases of a cited document by id (e.g. "11-QĐi/TW" and "11-QĐ/TW"). */
  documentNumbers?: (id: string) => readonly string[];
}

/** The meta Pagefind returns with each result. */
export interface SearchRecordMeta {
  title: string;
  agency: string;
  year: string;
  docType: string;
  /** "859/KH-UBND", absent for unnumbered copies. */
  number?: string;
  /** ISO date of issue, absent when unknown. */
  date?: string;
}

export interface SearchRecord {
  /** Result URL, base path included. */
  url: string;
  /** The document given to Pagefind. */
  html: string;
  meta: SearchRecordMeta;
  filters: Record<SearchFilter, string[]>;
  /** Sort keys: `ngay` is the issue date, else 1 January of the plan's year. */
  sort: Record<string, string>;
  /** The indexed text before the appendix, block by block. */
  blocks: string[];
  /** Terms appended for folded matching (đ-words folded, document-number keys). */
  appendix: string[];
  /** Keys of the documents the plan implements (weighted). */
  basisKeys: string[];
}

/**
 * Folded forms Pagefind cannot derive itself, for one text: each word with đ, folded; each
 * document number, as its key.
 * @example foldedAppendix('Đảng ủy, Nghị định 59/2023/NĐ-CP') // ['dang', 'dinh', 'nd', '592023ndcp']
 */
export function foldedAppendix(text: string): string[] {
  const nfc = toNFC(text);
  const folded = foldVietnamese(nfc);
  const out: string[] = [];
  // Words inside numbers too: "NĐ-CP" alone must be found by "nd-cp".
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (/[đĐðÐ]/.test(nfc.slice(m.index, m.index + m[0].length))) out.push(m[0]);
  }
  for (const number of findDocumentNumbers(folded)) out.push(number.key);
  return out;
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

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// The mark separates text from appendix in Pagefind's content; it must not occur in the text.
const clean = (s: string) => toNFC(s).replaceAll(APPENDIX_MARK, ' ');

/**
 * Builds the search record of one plan: title, number, issuer, summary, the structured panels
 * (basis, citations, targets, deadlines, assignments) and the body, with filters, meta and sort.
 */
export function buildSearchRecord(plan: PlanSearchSource, ctx: SearchRecordContext): SearchRecord {
  const { data } = plan;
  const agency = ctx.agencyName(data.issuer) ?? data.issuer;
  const unit = (id: string) => ctx.agencyName(id) ?? id;
  const number = formatPlanNumber(data);

  const html: string[] = [];
  const blocks: string[] = [];
  const add = (tag: string, text: string, attrs = '') => {
    const t = clean(text).trim();
    if (!t) return;
    blocks.push(t);
    html.push(`<${tag}${attrs}>${escapeHtml(t)}</${tag}>`);
  };

  add('h1', data.title);
  add('p', data.summary);
  html.push(`<ul data-pagefind-weight="${BASIS_WEIGHT}">`);
  for (const ref of data.basis) add('li', referenceLine(ref));
  html.push('</ul><ul>');
  for (const ref of data.citations) add('li', referenceLine(ref));
  for (const target of data.targets) add('li', target.text);
  for (const d of data.deadlines) add('li', `${d.task} ${d.qualifier ?? 'ngày'} ${formatVietnameseDate(d.date)} – ${unit(d.owner)}`);
  html.push('</ul>');
  for (const a of data.assignments) {
    add('p', unit(a.unit));
    html.push('<ul>');
    for (const duty of a.duties) add('li', duty);
    html.push('</ul>');
  }
  for (const block of markdownBlocks(plan.body ?? '')) {
    // Body headings sit below the title: "##" → h2, "###" → h3; Pagefind weighs headings above text.
    if (block.kind === 'heading') add(`h${Math.min(6, Math.max(2, block.level ?? 2))}`, block.text);
    else add('p', block.text);
  }
  // Last, so an excerpt taken from the top of the text starts with the summary, not these lines.
  add('p', number ? `${data.docType} số ${number}` : data.docType);
  add('p', `${agency}, ${data.place}, năm ${data.year}`);
  add('p', `Chủ đề: ${data.topics.join(', ')}`);

  const basisKeys = [...new Set(data.basis.flatMap((ref) => referenceKeys(ref, ctx)))];
  const referenceKeysAll = [...data.basis, ...data.citations].flatMap((ref) => referenceKeys(ref, ctx));
  const appendix = [...foldedAppendix(blocks.join('\n')), ...referenceKeysAll];
  const ownKey = number ? documentNumberKey(number) : null;
  if (ownKey) appendix.push(ownKey);

  const meta: SearchRecordMeta = { title: clean(data.title), agency, year: String(data.year), docType: data.docType };
  if (number) meta.number = number;
  if (data.issuedOn) meta.date = data.issuedOn;
  const filters: Record<SearchFilter, string[]> = {
    nam: [String(data.year)],
    'co-quan': [data.issuer],
    'chu-de': [...new Set(data.topics.map((t) => slugify(t)))],
    loai: [slugify(data.docType)],
  };
  const sort = { [DATE_SORT_KEY]: data.issuedOn ?? `${data.year}-01-01` };

  const hidden: string[] = [];
  for (const [key, value] of Object.entries(meta)) hidden.push(`<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`);
  for (const [key, values] of Object.entries(filters)) {
    for (const value of values) hidden.push(`<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`);
  }
  for (const [key, value] of Object.entries(sort)) hidden.push(`<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`);

  const document =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)}</title></head><body>` +
    `<main data-pagefind-body>${html.join('')}` +
    `<div data-pagefind-ignore>${hidden.join('')}</div>` +
    `<p data-pagefind-weight="${BASIS_WEIGHT}">${APPENDIX_MARK} ${basisKeys.join(' ')}</p>` +
    `<p>${appendix.join(' ')}</p>` +
    `</main></body></html>`;

  return { url: withBase(ctx.base, paths.plan(plan.slug)), html: document, meta, filters, sort, blocks, appendix, basisKeys };
}
