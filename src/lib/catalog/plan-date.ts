import type { Plan } from '../../schemas/plan';

/**
 * The date a plan is dated by when sorting, in feeds, calendars and catalogs: its issue date, else
 * 1 January of its year (an unknown day sorts first in its year). The one home of this rule.
 * @example planDate({ issuedOn: '2024-03-25', year: 2024 }) // '2024-03-25'
 * @example planDate({ issuedOn: null, year: 2024 }) // '2024-01-01'
 */
export function planDate(plan: Pick<Plan, 'issuedOn' | 'year'>): string {
  return plan.issuedOn ?? `${plan.year}-01-01`;
}
