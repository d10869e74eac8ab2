/**
 * Whether a build may publish with the portal address still the example one. A deployment build
 * (`npm run build`, Vite mode "production") must name the real Cổng thông tin điện tử, because every
 * absolute URL (canonical, og:url, share links, CSV and .ics) is made from it; `npm start`, `npm test`
 * and the benchmarks build with `--mode preview`, where the example address is fine.
 */

/** "example" as a label of the host name (RFC 2606): ke-hoach-mo.example.gov.vn, example.org. */
const PLACEHOLDER_HOST = /(^|\.)example(\.|$)/i;

/**
 * @example isPlaceholderSite('https://ke-hoach-mo.example.gov.vn') // true
 * @example isPlaceholderSite('https://sotttt.tayninh.gov.vn') // false
 */
export function isPlaceholderSite(site: string): boolean {
  try {
    return PLACEHOLDER_HOST.test(new URL(site).hostname);
  } catch {
    return true;
  }
}

/** The Vite modes that are not deployments (the only ones allowed to keep the example address). */
export const LOCAL_MODES = new Set(['preview', 'development', 'test']);

/**
 * The problem with a build's address, in Vietnamese with how to fix it, or null when it may go out.
 * @example placeholderSiteProblem('https://a.example.gov.vn', 'production') // 'Bản dựng để triển khai …'
 */
export function placeholderSiteProblem(site: string, mode: string): string | null {
  if (LOCAL_MODES.has(mode) || !isPlaceholderSite(site)) return null;
  return (
    `Bản dựng để triển khai vẫn dùng địa chỉ mẫu ${site}: mọi liên kết tuyệt đối (canonical, chia sẻ, CSV, lịch .ics) sẽ trỏ sai chỗ. ` +
    'Đặt địa chỉ thật của cổng bằng biến môi trường, ví dụ SITE_URL=https://sotttt.tayninh.gov.vn npm run build, ' +
    'hoặc sửa portalUrl trong src/site.config.ts. Chỉ để xem thử trên máy thì dùng npm start.'
  );
}
