import type { ImportResult } from '../import/import-plan';
import { collectionOfPath } from './check-entry';

/**
 * Where the editor keeps an imported draft: `content/plans/{year}/{slug}.mdx`, the importer's own
 * file name (`content/plans/{slug}.mdx` while the year is unknown).
 */
export function draftEntryPath(result: Pick<ImportResult, 'slug' | 'plan'>): string {
  return result.plan.year ? `content/plans/${result.plan.year}/${result.slug}.mdx` : `content/plans/${result.slug}.mdx`;
}

/**
 * Saves a draft file (a plan, or a registry entry the import proposes; the collection is the
 * path's folder) through the editor's local backend (`decap-server`, which `npm run dev` runs
 * beside the site), the same call Decap makes when it saves an entry. Refuses to overwrite an
 * existing file, so a second import of the same document never loses a reviewed draft.
 */
export async function persistDraft(backendUrl: string, path: string, raw: string, commitMessage: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const collection = collectionOfPath(path);
  if (!collection) throw new Error(`${path} không nằm trong thư mục nội dung nào (content/plans/, content/agencies/, content/documents/)`);
  const call = async (action: string, params: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await fetchImpl(backendUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, params }) });
    } catch {
      throw new Error('không kết nối được kho nội dung trên máy này: hãy mở trang bằng lệnh "npm run dev"');
    }
    if (!response.ok) throw new Error(`kho nội dung trả lời lỗi ${response.status} khi ${action === 'getEntry' ? 'kiểm tra' : 'lưu'} tệp ${path}`);
    return response.json() as Promise<unknown>;
  };
  const existing = await call('getEntry', { branch: 'main', path }).catch(() => null);
  if (existing && typeof existing === 'object' && 'data' in existing && (existing as { data: unknown }).data) {
    throw new Error(`đã có tệp ${path}: mở bản nháp đó trong trình biên tập, hoặc đổi tên nó trước khi nhập lại`);
  }
  await call('persistEntry', {
    branch: 'main',
    entry: { slug: path.split('/').pop()!.replace(/\.(mdx|yaml)$/, ''), path, raw },
    assets: [],
    options: { collectionName: collection, commitMessage, useWorkflow: false, status: 'draft' },
  });
}

/** The local backend (`decap-server`, started by `npm run dev`) answers only on this machine. */
export async function localBackendAnswers(url: string, hostname: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  if (!/^(localhost|127\.0\.0\.1|\[::1\])$/.test(hostname)) return false;
  try {
    const response = await fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
    return response.ok;
  } catch {
    return false;
  }
}
