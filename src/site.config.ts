/**
 * Everything an agency changes to make the portal its own. One file, read by pages, share images
 * and open-data endpoints alike.
 */
export const site = {
  /** Portal name shown in the header. */
  name: 'Kế hoạch mở',
  /** The publishing agency, shown in the header and the open-data catalog. */
  agency: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh',
  /** Public address of the agency's Cổng thông tin điện tử (no trailing slash). */
  portalUrl: 'https://ke-hoach-mo.example.gov.vn',
  /** Sub-path under which the site is served (e.g. "/ke-hoach-mo"); "/" at the root. Overridden by BASE_PATH. */
  basePath: process.env.BASE_PATH ?? '/',
  /** The agency's colours. */
  colors: {
    primary: '#9b1c1c',
    primaryDark: '#6f1212',
    accent: '#f2c94c',
    ink: '#1b1b1b',
    muted: '#505a5f',
    surface: '#f4f4f2',
    border: '#b1b4b6',
  },
  /** Open-data licence. */
  license: {
    name: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
  },
  locale: 'vi-VN',
} as const;

export type SiteConfig = typeof site;
