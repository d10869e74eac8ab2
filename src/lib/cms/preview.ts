import type { Plan } from '../../schemas/plan';
import type { Agency } from '../../schemas/agency';
import {
  agencyRef,
  assignmentViews,
  deadlineViews,
  placeAndDateText,
  planNumberText,
  planPanels,
  referenceView,
  signerView,
  statusView,
  targetViews,
  type AgencyLookup,
} from '../plan-view';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The agencies of the editor registry as the page helpers look them up. */
export function agencyLookup(agencies: readonly { id: string; data: Agency }[]): AgencyLookup {
  return new Map(agencies.map((a) => [a.id, { data: a.data }]));
}

function panel(id: string, heading: string, count: number | null, empty: string, inner: string): string {
  const title = `<h2 id="${id}-tieu-de">${escape(heading)}${count !== null ? ` <span class="count">(${count})</span>` : ''}</h2>`;
  return `<section class="panel" id="${id}" aria-labelledby="${id}-tieu-de">${title}${count === 0 ? `<p class="empty">${escape(empty)}</p>` : inner}</section>`;
}

/** The preview around the body (each part balanced HTML): the editor renders the body itself in between. */
export interface PlanPreview {
  before: string;
  bodyHeading: string;
  after: string;
}

/**
 * The plan page as the editor previews it, before publishing: the same header facts, panels,
 * wording and number formats as the published page (all from `plan-view`), styled by the site's
 * stylesheet. Every value is escaped here.
 */
export function planPreview(plan: Plan, agencies: AgencyLookup): PlanPreview {
  const issuer = agencyRef(agencies, plan.issuer);
  const panels = Object.fromEntries(planPanels(plan).map((p) => [p.id, p]));
  const refs = (list: Plan['basis']) =>
    `<ul class="references">${list
      .map((r) => {
        const v = referenceView(r);
        return `<li><span class="doc-number">${escape(v.label)}</span>${v.date ? ` ngày ${escape(v.date)}` : ''}${v.title ? ` — ${escape(v.title)}` : ''}</li>`;
      })
      .join('')}</ul>`;
  const targets = `<table class="data-table"><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col" class="num">Giá trị</th></tr></thead><tbody>${targetViews(plan.targets)
    .map((t) => `<tr><td>${escape(t.text)}</td><td class="num">${escape(t.value)}</td></tr>`)
    .join('')}</tbody></table>`;
  const deadlines = `<table class="data-table"><thead><tr><th scope="col">Thời hạn</th><th scope="col">Việc</th><th scope="col">Đơn vị</th></tr></thead><tbody>${deadlineViews(plan.deadlines, agencies)
    .map((d) => `<tr><td>${escape(d.when)}</td><td>${escape(d.task)}</td><td>${escape(d.owner.name)}</td></tr>`)
    .join('')}</tbody></table>`;
  const assignments = assignmentViews(plan, agencies)
    .map((a) => `<h3>${escape(a.unit.name)}</h3><ul>${a.duties.map((d) => `<li>${escape(d)}</li>`).join('')}</ul>`)
    .join('');
  const signer = signerView(plan.signer);
  const p = (id: keyof typeof panels) => panels[id]!;
  const parts = [
    '<header class="plan-header">',
    `<p class="plan-header__agency">${escape(issuer.name)}</p>`,
    `<h1><span class="plan-header__type">${escape(plan.docType)}</span> ${escape(plan.title)}</h1>`,
    '<dl class="facts">',
    `<div><dt>Số, ký hiệu</dt><dd class="doc-number">${escape(planNumberText(plan))}</dd></div>`,
    `<div><dt>Nơi, ngày ban hành</dt><dd>${escape(placeAndDateText(plan))}</dd></div>`,
    `<div><dt>Năm kế hoạch</dt><dd>${plan.year}</dd></div>`,
    `<div><dt>Trạng thái</dt><dd>${escape(statusView(plan).label)}</dd></div>`,
    `<div><dt>Chủ đề</dt><dd>${plan.topics.map((t) => `<span class="tag">${escape(t)}</span>`).join(' ')}</dd></div>`,
    '</dl>',
    `<p class="plan-header__summary">${escape(plan.summary)}</p>`,
    '</header>',
    panel('can-cu', p('can-cu').heading, plan.basis.length, p('can-cu').empty, refs(plan.basis)),
    panel('chi-tieu', p('chi-tieu').heading, plan.targets.length, p('chi-tieu').empty, targets),
    panel('thoi-han', p('thoi-han').heading, plan.deadlines.length, p('thoi-han').empty, deadlines),
    panel('don-vi-thuc-hien', p('don-vi-thuc-hien').heading, plan.assignments.length, p('don-vi-thuc-hien').empty, assignments),
    panel('van-ban-dan-chieu', p('van-ban-dan-chieu').heading, plan.citations.length, p('van-ban-dan-chieu').empty, refs(plan.citations)),
    BODY,
    panel(
      'noi-nhan',
      p('noi-nhan').heading,
      null,
      '',
      `<ul>${plan.recipients.map((r) => `<li>${escape(r)}</li>`).join('')}</ul><p class="signature">${[signer.authority, signer.title, signer.name]
        .filter(Boolean)
        .map((line) => escape(line!))
        .join('<br>')}</p>`,
    ),
  ].join('');
  const [before, after] = parts.split(BODY) as [string, string];
  return { before, bodyHeading: p('toan-van').heading, after };
}

const BODY = '\u0000body\u0000';
