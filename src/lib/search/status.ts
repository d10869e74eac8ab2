/**
 * What the search page's status line says (read out by screen readers: it is a live region). A
 * count is only ever given for what has been searched: while the year parts load, the line says
 * how many of the newest plans matched and that the search goes on (src/lib/search/shards.ts).
 */
import { formatNumber } from '../vn/numbers';

/** Where a count comes from: every plan, or only the newest ones while the rest are searched. */
export type SearchScope = { complete: true } | { complete: false; searched: number; total: number };

/**
 * @example searchStatus(4852, 'dân chủ', { complete: true }) // 'Tìm thấy 4.852 kế hoạch cho “dân chủ”.'
 * @example searchStatus(0, 'covid', { complete: true }) // 'Không tìm thấy kế hoạch nào cho “covid”.'
 * @example searchStatus(12, 'dân chủ', { complete: false, searched: 1000, total: 50000 }) // '12 kế hoạch cho “dân chủ” trong 1.000 kế hoạch mới nhất. Đang tìm trong tất cả 50.000 kế hoạch…'
 * @example searchStatus(0, 'covid', { complete: false, searched: 0, total: 50000 }) // 'Đang tìm “covid” trong tất cả 50.000 kế hoạch…'
 */
export function searchStatus(found: number, query: string, scope: SearchScope): string {
  const what = query ? ` cho “${query}”` : '';
  if (!scope.complete) {
    if (scope.searched === 0) return `Đang tìm${query ? ` “${query}”` : ''} trong tất cả ${formatNumber(scope.total)} kế hoạch…`;
    return `${formatNumber(found)} kế hoạch${what} trong ${formatNumber(scope.searched)} kế hoạch mới nhất. Đang tìm trong tất cả ${formatNumber(scope.total)} kế hoạch…`;
  }
  return found > 0 ? `Tìm thấy ${formatNumber(found)} kế hoạch${what}.` : `Không tìm thấy kế hoạch nào${what}.`;
}
