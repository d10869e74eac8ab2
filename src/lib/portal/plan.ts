/**
 * The plan page's one data object: everything `/ke-hoach/{slug}/` shows, computed from the catalog.
 * The route passes it to the components as props, and the components only print it.
 */
import type { Catalog } from '../catalog/build';
import type { PublishContext } from '../opendata/context';
import { urlOf } from '../opendata/context';
import { planLegislationJsonLd } from '../opendata/legislation';
import { toScriptJson } from '../opendata/json';
import { planOpenGraph, shareUrls, type ShareUrls } from '../og/share';
import { cardImagePath } from '../og/plan-cards';
import { CARD_SIZES } from '../og/template';
import { paths } from '../paths';
import {
  agencyRef,
  assignmentViews,
  deadlineViews,
  inferredNotes,
  INFERRED_MARK,
  officialHeader,
  placeAndDateText,
  planCard,
  planNumberText,
  planPanels,
  referenceView,
  signerView,
  statusView,
  symbolOfUnnumbered,
  targetViews,
  type AgencyRef,
  type AssignmentView,
  type DeadlineView,
  type OfficialHeader,
  type PanelInfo,
  type ReferenceView,
  type SignerView,
  type StatusView,
  type TargetView,
} from '../plan-view';
import { relatedPlans, relatedReasonText } from './related-plans';
import { shortenText } from '../vn/text';
import { formatBytes } from '../vn/numbers';
import { catalogOriginals, ORIGINAL_TYPES, type OriginalFile } from '../content/originals';
import { planReports, type PlanReports } from './reports';
import { renderKey } from '../build/cache-key';
import { formatVietnameseDate } from '../vn/dates';

/** How many targets, deadlines and basis documents the key-facts block shows before "xem tất cả". */
export const KEY_FACTS_MAX = 3;
/** Target and task text in the key-facts block is cut at this many characters (the full text is in its section). */
export const KEY_FACT_TEXT_MAX = 90;
/** The breadcrumb's copy of the title is cut at this many characters (the h1 below has it whole). */
export const BREADCRUMB_TITLE_MAX = 40;
/** A section with more entries than this starts folded (closed `<details>`), except the key sections. */
export const FOLD_AFTER = 6;

/** The file a plan was made from, published beside it (see `originalFileView`). */
export interface OriginalFileView {
  /** Site path relative to the base: "ban-goc/{slug}.txt". */
  path: string;
  /** File name offered to the browser (the name it was received under). */
  fileName: string;
  /** "Tệp văn bản thuần (.txt), 17,8 kB". */
  description: string;
  /** ".txt, 17,8 kB", for the action row at the top. */
  shortDescription: string;
  mediaType: string;
  /** True for the signed, sealed document; false for an extracted or retyped text. */
  signed: boolean;
}

/**
 * How the page offers an original file: its path, type and size in Vietnamese.
 * @example originalFileView({ slug: 'a', file: 'a.pdf', ext: '.pdf', bytes: 245000, signed: true }).description // 'Tệp PDF (.pdf), 245 kB'
 */
export function originalFileView(original: Pick<OriginalFile, 'slug' | 'file' | 'ext' | 'bytes' | 'signed'>): OriginalFileView {
  const type = ORIGINAL_TYPES[original.ext] ?? { label: 'Tệp', mediaType: 'application/octet-stream' };
  return {
    path: paths.original(original.slug, original.ext),
    fileName: original.file,
    description: `${type.label} (${original.ext}), ${formatBytes(original.bytes)}`,
    shortDescription: `${original.ext}, ${formatBytes(original.bytes)}`,
    mediaType: type.mediaType,
    signed: original.signed,
  };
}

/** A list cut for the key-facts block: the first few items and how many there are in all. */
export interface KeyFactList<T> {
  items: T[];
  total: number;
  /** Anchor of the full section ("#chi-tieu"). */
  anchor: string;
}

export interface PlanSection extends PanelInfo {
  /** True when the section starts closed (`<details>` without `open`). */
  folded: boolean;
}

export interface RelatedPlanView {
  slug: string;
  path: string;
  title: string;
  /** "Sở TTTT · Năm 2024". */
  meta: string;
  reasons: string[];
}

export interface PlanPageModel {
  slug: string;
  /** `<title>`, meta description, canonical path and breadcrumbs for Base.astro. */
  head: {
    title: string;
    description: string;
    canonical: string;
    breadcrumbs: { label: string; path?: string }[];
    og: ReturnType<typeof planOpenGraph>;
    /** schema.org Legislation, serialised for a `<script type="application/ld+json">`. */
    jsonLd: string;
  };
  header: {
    issuer: AgencyRef;
    docType: string;
    title: string;
    summary: string;
    /** "859/KH-UBND" or "Chưa ghi số". */
    number: string;
    /** The ký hiệu of an unnumbered copy ("KH-STTTT"), else null. */
    symbolOfUnnumbered: string | null;
    /** "Tây Ninh, chưa ghi ngày ban hành" (an inferred place is marked by `placeInferred`). */
    placeAndDate: string;
    /** What the copy says about the place when it was inferred, else null. */
    placeInferred: string | null;
    year: number;
    status: StatusView;
    topics: string[];
    /** Key information in English as a person translated it (titleEn, summaryEn), else null. */
    english: { title: string; summary: string | null } | null;
  };
  /** Actions offered at the top: the JSON, the signed original (when published), print. */
  actions: { jsonPath: string; original: OriginalFileView | null };
  keyFacts: {
    issuer: AgencyRef;
    number: string;
    issued: string;
    /** `keyValue`: the value when it says more than the text (a number the text does not already state), else null. */
    targets: KeyFactList<TargetView & { keyValue: string | null }>;
    deadlines: KeyFactList<DeadlineView>;
    basis: KeyFactList<ReferenceView>;
  };
  /** The printed document's header (Nghị định 30/2020). */
  official: OfficialHeader;
  /** Sections in page order, for the table of contents and the section headings. */
  sections: PlanSection[];
  basis: ReferenceView[];
  citations: ReferenceView[];
  targets: TargetView[];
  deadlines: DeadlineView[];
  assignments: AssignmentView[];
  closing: { recipients: string[]; signer: SignerView };
  share: {
    pageUrl: string;
    links: ShareUrls;
    cards: { format: 'landscape' | 'square'; path: string; fileName: string; width: number; height: number }[];
  };
  source: {
    file: string;
    sha256: string;
    issuerName: string;
    /** Inferred values, for the provenance note: the mark, the field and what the copy says. */
    inferred: { field: string; note: string }[];
  };
  related: RelatedPlanView[];
  inferredMark: string;
}

export interface PlanPageOptions {
  ctx: PublishContext;
  /** The file the plan was made from, when it is kept under content/originals/ (`findOriginals`). */
  original?: Pick<OriginalFile, 'slug' | 'file' | 'ext' | 'bytes' | 'signed'> | null;
}

const KEY_SECTIONS = new Set(['can-cu', 'chi-tieu', 'thoi-han']);

/** Which sections start folded: the full text and any long list outside the key sections. */
function isFolded(panel: PanelInfo): boolean {
  if (panel.id === 'toan-van' || panel.id === 'van-ban-dan-chieu') return true;
  if (KEY_SECTIONS.has(panel.id) || panel.count === null) return false;
  return panel.count > FOLD_AFTER;
}

function keyFactList<T>(items: T[], anchor: string): KeyFactList<T> {
  return { items: items.slice(0, KEY_FACTS_MAX), total: items.length, anchor: `#${anchor}` };
}

/**
 * Everything the plan page shows. Throws for an unknown slug (the route only asks for plans in the
 * catalog).
 */
export function planPage(catalog: Catalog, slug: string, options: PlanPageOptions): PlanPageModel {
  const entry = catalog.planBySlug.get(slug);
  if (!entry) throw new Error(`Không có kế hoạch "${slug}" trong content/plans/`);
  const { data: plan } = entry;
  const { ctx } = options;
  const agencies = catalog.agencies;
  const issuer = agencyRef(agencies, plan.issuer);
  const inferred = inferredNotes(plan);
  const fullTitle = `${plan.docType} ${plan.title}`;

  const basis = plan.basis.map(referenceView);
  const targets = targetViews(plan.targets);
  const deadlines = deadlineViews(plan.deadlines, agencies, inferred);
  const pageUrl = urlOf(ctx, paths.plan(slug));

  return {
    slug,
    head: {
      title: fullTitle,
      description: plan.summary,
      canonical: paths.plan(slug),
      // The current crumb repeats the h1 just below it, so a long title is cut there.
      breadcrumbs: [{ label: 'Kế hoạch', path: paths.plans() }, { label: shortenText(plan.title, BREADCRUMB_TITLE_MAX) }],
      og: planOpenGraph(slug, plan, issuer.name),
      jsonLd: toScriptJson(planLegislationJsonLd(catalog, entry, ctx)),
    },
    header: {
      issuer,
      docType: plan.docType,
      title: plan.title,
      summary: plan.summary,
      number: planNumberText(plan),
      symbolOfUnnumbered: symbolOfUnnumbered(plan),
      placeAndDate: placeAndDateText(plan),
      placeInferred: inferred.get('place') ?? null,
      year: plan.year,
      status: statusView(plan),
      topics: plan.topics,
      english: plan.titleEn === null ? null : { title: plan.titleEn, summary: plan.summaryEn },
    },
    actions: { jsonPath: paths.planJson(slug), original: options.original ? originalFileView(options.original) : null },
    keyFacts: {
      issuer,
      number: planNumberText(plan),
      issued: plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'short') : `Chưa ghi ngày (năm ${plan.year})`,
      targets: keyFactList(
        targets.map((t) => ({ ...t, text: shortenText(t.text, KEY_FACT_TEXT_MAX), keyValue: t.quantitative && !t.text.includes(t.value) ? t.value : null })),
        'chi-tieu',
      ),
      deadlines: keyFactList(
        deadlines.map((d) => ({ ...d, task: shortenText(d.task, KEY_FACT_TEXT_MAX) })),
        'thoi-han',
      ),
      basis: keyFactList(basis, 'can-cu'),
    },
    official: officialHeader(plan, agencies),
    sections: planPanels(plan).map((panel) => ({ ...panel, folded: isFolded(panel) })),
    basis,
    citations: plan.citations.map(referenceView),
    targets,
    deadlines,
    assignments: assignmentViews(plan, agencies),
    closing: { recipients: plan.recipients, signer: signerView(plan.signer) },
    share: {
      pageUrl,
      links: shareUrls(pageUrl, fullTitle),
      cards: (['landscape', 'square'] as const).map((format) => ({
        format,
        path: cardImagePath(slug, format),
        fileName: cardImagePath(slug, format).split('/').pop()!,
        ...CARD_SIZES[format],
      })),
    },
    source: { file: plan.source.file, sha256: plan.source.sha256, issuerName: issuer.name, inferred: plan.inferred.map((m) => ({ ...m })) },
    related: relatedPlans(catalog, slug).map(({ plan: other, reasons }) => {
      const card = planCard(other, agencies);
      return {
        slug: other.slug,
        path: card.path,
        title: `${card.docType} ${card.title}`,
        meta: `${card.agency.shortName} · ${card.date}`,
        reasons: reasons.map((reason) => relatedReasonText(catalog, reason)),
      };
    }),
    inferredMark: INFERRED_MARK,
  };
}

/** Everything /ke-hoach/{slug}/ shows beside the body: its page model and its results reports. */
export interface PlanPageView {
  page: PlanPageModel;
  reports: PlanReports;
}

/**
 * The plan page's view, with the plan's original file when one is kept under `contentRoot`'s
 * originals. The route makes it twice: in getStaticPaths for the key (`planPageKey`), then again
 * for each page it renders, since 50,000 views kept as props until every page is written would not
 * fit in memory.
 */
export function planPageView(catalog: Catalog, slug: string, ctx: PublishContext, contentRoot: string): PlanPageView {
  const original = catalogOriginals(catalog, contentRoot).get(slug) ?? null;
  return { page: planPage(catalog, slug, { ctx, original }), reports: planReports(catalog, slug) };
}

/**
 * The plan page's cache key, from what `planPageView` and the route read rather than from the view
 * itself (making every view only to hash it cost 2.8 s at 5,000 plans, against 0.1 s now): the plan (its digest covers
 * its data and MDX body), the registries (agency and document names, in every key), the publish
 * context, the kept original, the related plans with the text of each reason (topic labels come
 * from other plans), and the results reports. `planPageKey` must change whenever the page does:
 * test/lib/portal/plan.test.ts checks it against the page model after edits to every seed plan.
 */
export function planPageKey(catalog: Catalog, slug: string, ctx: PublishContext, contentRoot: string): string {
  const plan = catalog.planBySlug.get(slug);
  if (!plan) throw new Error(`Không có kế hoạch "${slug}" trong content/plans/`);
  const related = relatedPlans(catalog, slug).map(({ plan: other, reasons }) => [other, reasons.map((reason) => relatedReasonText(catalog, reason))]);
  return renderKey(catalog, plan, ctx, catalogOriginals(catalog, contentRoot).get(slug) ?? null, related, planReports(catalog, slug));
}
