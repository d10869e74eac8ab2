import type { Catalog, DeadlineRow, PlanEntry } from '../catalog/build';
import { latestDeadlines } from '../plan-view';

/** Newest plans on the home page; the rest are one link away on /ke-hoach/. */
export const HOME_PLAN_COUNT = 10;
/** Deadlines in the home page's side box; /thoi-han/ has them all. */
export const HOME_DEADLINE_COUNT = 5;

/** What the home page `/` shows: a fixed number of plans and deadlines, whatever the size of the catalog. */
export interface HomePageModel {
  /** The newest plans, newest first (shown by PlanCardList, like every plan list). */
  latest: PlanEntry[];
  /** Plans on the portal, for the "Tất cả kế hoạch (N)" link. */
  total: number;
  /** The latest deadlines by date (build-independent: the page cannot know today's date). */
  deadlines: DeadlineRow[];
}

export function homePage(catalog: Catalog, counts: { plans?: number; deadlines?: number } = {}): HomePageModel {
  return {
    latest: catalog.plans.slice(0, counts.plans ?? HOME_PLAN_COUNT),
    total: catalog.plans.length,
    deadlines: latestDeadlines(catalog.deadlines, counts.deadlines ?? HOME_DEADLINE_COUNT),
  };
}
