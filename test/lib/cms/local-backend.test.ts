import { describe, expect, it } from 'vitest';
import { draftEntryPath, localBackendAnswers, persistDraft } from '../../../src/lib/cms/local-backend';

/** A stand-in for decap-server: answers getEntry from `files`, records persistEntry. */
function fakeBackend(files: Record<string, string>) {
  const calls: { action: string; params: any }[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const { action, params } = JSON.parse(String(init.body));
    calls.push({ action, params });
    if (action === 'getEntry') return new Response(JSON.stringify({ data: files[params.path] ?? null, file: { path: params.path } }));
    files[params.entry.path] = params.entry.raw;
    return new Response(JSON.stringify({ message: 'entry persisted' }));
  }) as typeof fetch;
  return { calls, fetchImpl, files };
}

describe('persistDraft', () => {
  it('writes a new draft the way Decap saves an entry', async () => {
    const backend = fakeBackend({});
    await persistDraft('http://x/api/v1', 'content/plans/2025/ke-hoach.mdx', '---\n---\n', 'Thêm bản nháp', backend.fetchImpl);
    expect(backend.files['content/plans/2025/ke-hoach.mdx']).toBe('---\n---\n');
    expect(backend.calls[1]).toMatchObject({ action: 'persistEntry', params: { entry: { slug: 'ke-hoach' }, options: { collectionName: 'plans', commitMessage: 'Thêm bản nháp', useWorkflow: false } } });
  });

  it('never overwrites a file that exists, and says what to do', async () => {
    const backend = fakeBackend({ 'content/plans/2025/ke-hoach.mdx': 'đã rà soát' });
    await expect(persistDraft('http://x/api/v1', 'content/plans/2025/ke-hoach.mdx', 'mới', 'm', backend.fetchImpl)).rejects.toThrow(/đã có tệp content\/plans\/2025\/ke-hoach\.mdx/);
    expect(backend.files['content/plans/2025/ke-hoach.mdx']).toBe('đã rà soát');
  });

  it('saves a registry entry into its own collection, by its folder, and refuses a path outside content/', async () => {
    const backend = fakeBackend({});
    await persistDraft('http://x/api/v1', 'content/documents/ct-07-ubnd-2025.yaml', 'type: "Chỉ thị"\n', 'Thêm văn bản', backend.fetchImpl);
    expect(backend.calls[1]).toMatchObject({ params: { entry: { slug: 'ct-07-ubnd-2025', path: 'content/documents/ct-07-ubnd-2025.yaml' }, options: { collectionName: 'documents' } } });
    await expect(persistDraft('http://x/api/v1', 'src/pages/x.astro', 'x', 'm', backend.fetchImpl)).rejects.toThrow(/không nằm trong thư mục nội dung/);
    expect(backend.files['src/pages/x.astro']).toBeUndefined();
  });

  it('says in Vietnamese when the local backend is not running', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(persistDraft('http://x/api/v1', 'content/plans/x.mdx', 'x', 'm', down)).rejects.toThrow(/npm run dev/);
  });
});

describe('draftEntryPath', () => {
  it('files a draft under its year, or at the top while the year is unknown', () => {
    expect(draftEntryPath({ slug: 'dan-van-2025', plan: { year: 2025 } as never })).toBe('content/plans/2025/dan-van-2025.mdx');
    expect(draftEntryPath({ slug: 'ke-hoach', plan: { year: null } as never })).toBe('content/plans/ke-hoach.mdx');
  });
});

describe('localBackendAnswers', () => {
  const answering = (async () => new Response('{}', { status: 200 })) as typeof fetch;
  it('asks only on this machine: a deployed portal saves to its git host, never to a local server', async () => {
    let asked = 0;
    const counting = (async () => (asked++, new Response('{}'))) as typeof fetch;
    expect(await localBackendAnswers('/quan-tri/api/v1', 'congthongtin.tayninh.gov.vn', counting)).toBe(false);
    expect(asked).toBe(0);
    for (const host of ['localhost', '127.0.0.1', '[::1]']) expect(await localBackendAnswers('/quan-tri/api/v1', host, answering), host).toBe(true);
  });

  it('is false when the local backend does not run or refuses', async () => {
    expect(await localBackendAnswers('/x', 'localhost', (async () => new Response('', { status: 404 })) as typeof fetch)).toBe(false);
    expect(await localBackendAnswers('/x', 'localhost', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).toBe(false);
  });
});
