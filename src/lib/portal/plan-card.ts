import type { PlanCard } from '../plan-view';
import { paths, withBase } from '../paths';
import { planFilterPath } from './plan-filters';
import { slugify } from '../vn/slug';
import { shortenText } from '../vn/text';

/**
 * The markup of one plan card (`<li class="plan-card">`): title → plan page, issuer → agency page,
 * number, date, optional summary, topics → filtered lists. The one home of the card markup: the
 * plan lists (PlanCardList.astro) print it, and the search index stores it with each plan so the
 * search page shows the same card (src/scripts/search.ts inserts it).
 */

export interface PlanCardHtmlOptions {
  /** Deployment base path: "/" or "/ke-hoach-mo/". */
  base: string;
  /** Heading level of the card title, to keep the page outline in order. */
  level?: 2 | 3 | 4;
  /** Show the one-paragraph summary under the card. */
  summary?: boolean;
}

/**
 * Longest summary a card prints, in characters, cut at a word with "…" (the plan page prints it
 * whole). A plan list page holds PLAN_PAGE_SIZE cards, and a summary has no length limit: the seed
 * plans' run to 450–590 characters, twice the bench corpus's, and with 50 cards of them the list
 * pages that corpus fills to 86.5 KiB at 50,000 plans would pass the 100 KB budget. Three lines on a
 * desktop: enough to tell one plan from the next.
 */
export const CARD_SUMMARY_MAX = 240;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The card as an HTML string; every text is escaped.
 * @example planCardHtml(card, { base: '/' }) // '<li class="plan-card" data-plan="…"><h3 class="plan-card__title"><a href="/ke-hoach/…/">…'
 */
export function planCardHtml(card: PlanCard, options: PlanCardHtmlOptions): string {
  const { base, level = 3, summary = false } = options;
  const href = (path: string) => escapeHtml(withBase(base, path));
  const h = `h${level}`;
  const date = card.dateIso ? `<time datetime="${escapeHtml(card.dateIso)}">${escapeHtml(card.date)}</time>` : escapeHtml(card.date);
  const topics = card.topics
    .map((topic) => `<li><a class="tag" href="${href(planFilterPath('chu-de', slugify(topic)))}">${escapeHtml(topic)}</a></li>`)
    .join('');
  return (
    `<li class="plan-card" data-plan="${escapeHtml(card.slug)}">` +
    `<${h} class="plan-card__title"><a href="${href(card.path)}"><span class="plan-card__type">${escapeHtml(card.docType)}</span> ${escapeHtml(card.title)}</a></${h}>` +
    `<dl class="plan-card__meta">` +
    `<div><dt>Cơ quan:</dt><dd><a href="${href(paths.agency(card.agency.id))}">${escapeHtml(card.agency.shortName)}</a></dd></div>` +
    `<div><dt>Số:</dt><dd class="doc-number">${escapeHtml(card.number)}</dd></div>` +
    `<div><dt>Ngày:</dt><dd>${date}</dd></div>` +
    `</dl>` +
    (summary ? `<p class="plan-card__summary">${escapeHtml(shortenText(card.summary, CARD_SUMMARY_MAX))}</p>` : '') +
    `<ul class="tags" aria-label="Chủ đề">${topics}</ul>` +
    `</li>`
  );
}
