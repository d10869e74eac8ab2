/**
 * `/en/`: the plans' key information in English, as Nghị định 42/2022 asks of portals. Only what a
 * person translated (a plan's `titleEn` and `summaryEn`) is shown, never a machine translation:
 * the published plans that have an English title, newest first, 50 to a page. The others are on
 * `/ke-hoach/` in Vietnamese, and the page says how many of all the plans have English.
 */
import type { Catalog, PlanEntry } from '../catalog/build';
import { paths } from '../paths';
import { paginate, paginationNav, PLAN_PAGE_SIZE, type PageSlice, type PaginationNav } from './pagination';

export interface EnglishPlanRow {
  slug: string;
  /** The plan's page (in Vietnamese), relative to the base. */
  path: string;
  title: string;
  summary: string | null;
  /** Document type and Vietnamese title: "Kế hoạch Thực hiện công tác dân vận chính quyền năm 2024". */
  titleVi: string;
  /** Issuing agency's name, in Vietnamese. */
  issuer: string;
  year: number;
}

export interface EnglishPage {
  slice: PageSlice<EnglishPlanRow>;
  nav: PaginationNav | null;
  /** Published plans, with or without English. */
  planCount: number;
  /** "3 of the 5000 published plans have English key information, newest first." */
  countText: string;
}

/**
 * What the page says of its list.
 * @example englishCountText(0, 5, null) // 'None of the 5 published plans has English key information yet.'
 */
export function englishCountText(withEnglish: number, planCount: number, shown: { first: number; last: number } | null): string {
  if (withEnglish === 0) return `None of the ${planCount} published plans has English key information yet.`;
  const order = shown ? `; plans ${shown.first}–${shown.last}, newest first` : ', newest first';
  return `${withEnglish} of the ${planCount} published plans ${withEnglish === 1 ? 'has' : 'have'} English key information${order}.`;
}

function row(catalog: Catalog, { slug, data }: PlanEntry): EnglishPlanRow {
  return {
    slug,
    path: paths.plan(slug),
    title: data.titleEn!,
    summary: data.summaryEn,
    titleVi: `${data.docType} ${data.title}`,
    issuer: catalog.agencies.get(data.issuer)?.data.name ?? data.issuer,
    year: data.year,
  };
}

/** Every page of `/en/` (page 1 at `en/`, the others at `en/trang/{n}/`); one empty page when no plan has English. */
export function englishPages(catalog: Catalog): EnglishPage[] {
  const rows = catalog.plans.filter((plan) => plan.data.titleEn !== null).map((plan) => row(catalog, plan));
  return paginate(rows, PLAN_PAGE_SIZE).map((slice) => {
    const nav = paginationNav(slice.page, slice.pageCount, paths.english());
    return { slice, nav, planCount: catalog.plans.length, countText: englishCountText(slice.total, catalog.plans.length, nav ? slice : null) };
  });
}
