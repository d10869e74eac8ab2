/**
 * Public URLs, relative to the site's base path. These are promises (DESIGN.md): add, never rename.
 * Every link in pages, feeds and open data goes through here so a sub-path deployment works.
 */
export const paths = {
  home: () => '',
  plans: () => 'ke-hoach/',
  plan: (slug: string) => `ke-hoach/${slug}/`,
  agencies: () => 'co-quan/',
  agency: (id: string) => `co-quan/${id}/`,
  documents: () => 'van-ban/',
  document: (id: string) => `van-ban/${id}/`,
  deadlines: () => 'thoi-han/',
  targets: () => 'chi-tieu/',
  search: () => 'tim-kiem/',
  openData: () => 'du-lieu-mo/',
  /** Key information in English (Nghị định 42/2022). */
  english: () => 'en/',
  planJson: (slug: string) => `api/v1/plans/${slug}.json`,
  ogImage: (slug: string) => `og/${slug}.png`,
  ogSquareImage: (slug: string) => `og/${slug}-vuong.png`,
  /** A plan's card of either format. */
  ogCard: (slug: string, format: 'landscape' | 'square') => (format === 'landscape' ? paths.ogImage(slug) : paths.ogSquareImage(slug)),
  /** The file a plan was made from, when published: "ban-goc/{slug}.pdf". */
  original: (slug: string, ext: string) => `ban-goc/${slug}${ext}`,
  reports: () => 'bao-cao/',
  report: (slug: string) => `bao-cao/${slug}/`,
  ogReportImage: (slug: string) => `og/bao-cao/${slug}.png`,
  ogReportSquareImage: (slug: string) => `og/bao-cao/${slug}-vuong.png`,
  editor: () => 'quan-tri/',
  editorImport: () => 'quan-tri/nhap/',
  /** A file of the editor's own scripts (src/lib/cms/editor-scripts.ts): named by a hash of its bytes. */
  editorScript: (file: string) => `quan-tri/js/${file}`,
} as const;

/**
 * Joins the deployment base ("/" or "/ke-hoach-mo/") and a path from `paths`.
 * @example withBase('/ke-hoach-mo', 'ke-hoach/') // '/ke-hoach-mo/ke-hoach/'
 */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL of a path on the public site (`site` is the origin, possibly with a sub-path). */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site.endsWith('/') ? site : `${site}/`).href;
}
