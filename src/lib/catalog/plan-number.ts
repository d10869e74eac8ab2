import type { Plan } from '../../schemas/plan';

/**
 * The plan's số/ký hiệu as printed, or null when the copy has no "Số:" line.
 * @example formatPlanNumber({ number: '859', symbol: 'KH-UBND' }) // '859/KH-UBND'
 * @example formatPlanNumber({ number: null, symbol: 'KH-STTTT' }) // '…/KH-STTTT' (unnumbered copy)
 */
export function formatPlanNumber(plan: Pick<Plan, 'number' | 'symbol'>): string | null {
  if (!plan.symbol) return null;
  const separator = /^[A-ZĐ]+[A-Za-zĐđ]*\//.test(plan.symbol) ? '-' : '/';
  return `${plan.number ?? '…'}${separator}${plan.symbol}`;
}
