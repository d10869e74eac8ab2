/**
 * Everything an agency changes to make the portal its own. One file, read by pages, share images
 * and open-data endpoints alike.
 */
export const site = {
  /** Portal name shown in the header. */
  name: 'Kế hoạch mở',
  /** The publishing agency, shown in the header and the open-data catalog. */
  agency: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh',
  /** What the portal publishes: one agency's plans ("cơ quan") or every agency of a province ("tỉnh"). */
  scope: 'cơ quan' as 'cơ quan' | 'tỉnh',
  /** The portal's home province: agencies of another province show it after their name. */
  homeProvince: 'Tây Ninh' as string | null,
  /** One sentence shown under the portal name on the home page and used as the default meta description. */
  tagline: 'Các kế hoạch do cơ quan ban hành, công khai để người dân tra cứu, theo dõi và tải về dưới dạng dữ liệu mở.',
  /**
   * Logo shown in the header, a file in public/ (path relative to the base path), or null for none.
   * The header already names the agency in text, so the logo is decorative (empty alt).
   */
  logo: { src: 'logo.svg', width: 40, height: 40 } as { src: string; width: number; height: number } | null,
  /**
   * Public address of the agency's Cổng thông tin điện tử (no trailing slash); SITE_URL overrides it.
   * The example address below is refused by a deployment build (`npm run build`), see src/lib/site-identity.ts.
   */
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
    /** Links on white and on `surface` (8.3:1 on white). */
    link: '#1a4f8b',
    /** Text on `primary` and `primaryDark` (8.2:1 and 11.9:1). */
    onPrimary: '#ffffff',
    /** Focus highlight; text on it uses `ink` (10.9:1). */
    focus: '#f2c94c',
  },
  /** Open-data licence. */
  license: {
    name: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
  },
  locale: 'vi-VN',
} as const;

export type SiteConfig = typeof site;
