import { planObjectSchema } from '../../schemas/plan';
import { agencySchema } from '../../schemas/agency';
import { documentSchema } from '../../schemas/document';
import { cmsFields, type CmsField } from './fields';
import { agencyLabels, documentLabels, planLabels } from './labels';
import { CMS_FORMATS } from './format';

/** Git hosts the editor can sign in to and commit through; all can be self-hosted but GitHub. */
export const cmsBackends = ['forgejo', 'gitea', 'gitlab', 'github'] as const;
export type CmsBackendName = (typeof cmsBackends)[number];

/** Where the editor reads and commits content: the agency's git host. */
export interface CmsBackend {
  name: CmsBackendName;
  /** "owner/repo". */
  repo: string;
  branch: string;
  /** Address of a self-hosted Gitea or GitLab ("https://git.tayninh.gov.vn"), or null for github.com / gitlab.com. */
  baseUrl: string | null;
  /** OAuth application id (Gitea, GitLab PKCE sign-in), or null. */
  appId: string | null;
}

export interface CmsOptions {
  backend: CmsBackend;
  /**
   * Path of the local backend (`decap-server`, proxied by `npm run dev` on the site's origin). Not in
   * config.yml: the editor adds it, as an absolute URL, only when it answers.
   */
  localBackendUrl: string;
  /** The site's public address and base path, for "view on site" links. */
  siteUrl: string;
  basePath: string;
}

/** Reads the backend from the environment (CMS_BACKEND, CMS_REPO, CMS_BRANCH, CMS_BASE_URL, CMS_APP_ID). */
export function cmsBackendFromEnv(env: Record<string, string | undefined>): CmsBackend {
  const name = (env.CMS_BACKEND ?? 'forgejo') as CmsBackendName;
  if (!cmsBackends.includes(name)) throw new Error(`CMS_BACKEND="${name}": cần một trong ${cmsBackends.join(', ')}`);
  return {
    name,
    repo: env.CMS_REPO ?? 'so-tttt/ke-hoach-mo',
    branch: env.CMS_BRANCH ?? 'main',
    // A placeholder like the portal's own address until the agency names its git host.
    baseUrl: env.CMS_BASE_URL ?? (name === 'github' ? null : 'https://git.example.gov.vn'),
    appId: env.CMS_APP_ID ?? null,
  };
}

function backendConfig(backend: CmsBackend): Record<string, unknown> {
  const out: Record<string, unknown> = { name: backend.name, repo: backend.repo, branch: backend.branch };
  if (backend.name !== 'github' && backend.appId) out.app_id = backend.appId;
  if (backend.name === 'gitlab') out.auth_type = 'pkce';
  if (backend.baseUrl) {
    const base = backend.baseUrl.replace(/\/+$/, '');
    out.base_url = base;
    out.api_root = backend.name === 'gitlab' ? `${base}/api/v4` : backend.name === 'github' ? `${base}/api/v3` : `${base}/api/v1`;
  }
  // Commit messages in Vietnamese, so the history reads like the editor.
  out.commit_messages = {
    create: 'Thêm {{collection}} "{{slug}}"',
    update: 'Sửa {{collection}} "{{slug}}"',
    delete: 'Xoá {{collection}} "{{slug}}"',
    uploadMedia: 'Tải lên "{{path}}"',
    deleteMedia: 'Xoá tệp "{{path}}"',
  };
  return out;
}

/** The body of a plan: Markdown only (the check refuses JSX, expressions, import/export). */
const bodyField: CmsField & { modes: string[] } = {
  name: 'body',
  label: 'Toàn văn',
  widget: 'markdown',
  // Raw Markdown only: the rich-text mode re-serialises the text (tables, escapes), and a plan's
  // text must stay as signed.
  modes: ['raw'],
  hint: 'Nội dung văn bản như bản đã ký: các mục I, II, III… Chỉ dùng định dạng Markdown, không dùng mã HTML hay JavaScript.',
};

/**
 * The whole editor configuration (Decap CMS `config.yml`, also read by Sveltia CMS), generated from
 * the zod schemas at build time. Plans go through the editorial workflow (Nháp → Chờ duyệt → Sẵn
 * sàng), the registries are edited directly.
 */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const base = options.basePath.replace(/\/?$/, '/');
  return {
    locale: 'vi',
    backend: backendConfig(options.backend),
    // Gitea's backend has no editorial workflow in Decap; Forgejo, GitLab and GitHub do.
    publish_mode: options.backend.name === 'gitea' ? 'simple' : 'editorial_workflow',
    site_url: `${options.siteUrl.replace(/\/+$/, '')}${base}`,
    display_url: `${options.siteUrl.replace(/\/+$/, '')}${base}`,
    logo_url: `${base}logo.svg`,
    media_folder: 'content/sources',
    public_folder: `${base}ban-goc`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'plans',
        label: 'Kế hoạch',
        label_singular: 'kế hoạch',
        description: 'Mỗi kế hoạch là một tệp; trạng thái "dự thảo" không xuất hiện trên cổng.',
        folder: 'content/plans',
        path: '{{fields.year}}/{{slug}}',
        slug: '{{fields.title}}',
        extension: 'mdx',
        format: CMS_FORMATS.plans,
        create: true,
        identifier_field: 'title',
        summary: '{{docType}} {{title}} ({{year}})',
        sortable_fields: ['year', 'issuedOn', 'title'],
        view_filters: [
          { label: 'Đã ban hành', field: 'status', pattern: 'ban hành' },
          { label: 'Dự thảo', field: 'status', pattern: 'dự thảo' },
        ],
        preview_path: 'ke-hoach/{{slug}}/',
        fields: [...cmsFields(planObjectSchema, planLabels), bodyField],
      },
      {
        name: 'agencies',
        label: 'Cơ quan, đơn vị',
        label_singular: 'cơ quan',
        folder: 'content/agencies',
        extension: 'yaml',
        format: CMS_FORMATS.registry,
        create: true,
        identifier_field: 'name',
        slug: '{{fields.shortName}}',
        summary: '{{name}}',
        fields: cmsFields(agencySchema, agencyLabels),
      },
      {
        name: 'documents',
        label: 'Văn bản được dẫn chiếu',
        label_singular: 'văn bản',
        folder: 'content/documents',
        extension: 'yaml',
        format: CMS_FORMATS.registry,
        create: true,
        identifier_field: 'number',
        slug: '{{fields.number}}',
        summary: '{{type}} {{number}}',
        fields: cmsFields(documentSchema, documentLabels),
      },
    ],
  };
}
