/**
 * The staff editor end to end in a real Chromium, on the local backend as `npm run dev` runs it:
 * a staff member drops a .docx on /quan-tri/nhap/, reads the review report, saves the draft, finds
 * the flagged fields marked in Decap's form, is refused a save the content check rejects, fixes
 * the field, sets "ban hành" and saves. The file lands in content/ (a temporary copy), passes
 * `npm run check`, and a build of that content publishes it as a page. axe runs on the project's
 * own editor page. Every response carries the headers public/_headers gives its path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, fetchOrAbort, launchBrowser, runAxe } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/static-server';
import { samplePlanDocx } from '../support/docx-plan';
import { buildSite } from '../support/build';
import { root, dist } from '../support/built-site';
import { freePort, startLocalBackend } from '../../scripts/lib/local-backend';
import { checkContent } from '../../src/lib/content/check';
import { formatProblems } from '../../src/lib/content/problems';
import { LOCAL_BACKEND_PATH } from '../../src/lib/cms/site-options';
import { headersFile } from '../../src/lib/security/csp';
import { headersFromFile } from '../support/headers';

const base = process.env.BASE_PATH ?? '/';
const repo = mkdtempSync(join(tmpdir(), 'ke-hoach-mo-bien-tap-'));
const slug = 'dan-van-chinh-quyen-2025-so-tttt-tay-ninh';
const draft = join(repo, `content/plans/2025/${slug}.mdx`);
/** The site built from the saved plan (the save step), for the share-card step. */
let built: string;
let backend: ChildProcess;
let site: StaticSite;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  cpSync(join(root, 'content'), join(repo, 'content'), { recursive: true });
  writeFileSync(join(repo, 'ke-hoach-15.docx'), await samplePlanDocx({ dateLine: false, unknownBasis: true }));
  writeFileSync(join(repo, 'ke-hoach-15-ban-sao.docx'), await samplePlanDocx({ dateLine: false }));
  const port = await freePort();
  backend = await startLocalBackend(repo, port);
  site = await serveStatic(dist, base, { proxy: { path: LOCAL_BACKEND_PATH, target: `http://127.0.0.1:${port}/api/v1` } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => void dialog.accept());
  // Every response carries the headers public/_headers gives its path, as a host that reads the
  // file would send them: the editor must work under its own Content-Security-Policy.
  await page.route('**/*', async (route) => {
    const response = await fetchOrAbort(route);
    if (!response) return;
    const path = new URL(route.request().url()).pathname.slice(base.length - 1);
    await route.fulfill({ response, headers: { ...response.headers(), ...Object.fromEntries(headersFromFile(headersFile(), path)) } });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  backend?.kill();
  rmSync(repo, { recursive: true, force: true });
});

describe('/quan-tri/nhap/: import in the browser', () => {
  it('passes axe on the project’s own page', async () => {
    await page.goto(`${site.url}quan-tri/nhap/`);
    expect(describeViolations(await runAxe(page))).toBe('');
  });

  it('reads a .docx in the page and shows the review report in Vietnamese', async () => {
    await page.setInputFiles('#tep-van-ban', join(repo, 'ke-hoach-15.docx'));
    const result = page.locator('#ket-qua-nhap');
    await result.getByRole('heading', { name: /Bản nháp: Kế hoạch Thực hiện công tác dân vận chính quyền năm 2025/ }).waitFor({ timeout: 60_000 });
    const text = await result.innerText();
    expect(text).toContain('15/KH-STTTT');
    expect(text).toContain('Sở Thông tin và Truyền thông tỉnh Tây Ninh');
    expect(text).toMatch(/Ngày ban hành: không tìm thấy ngày ban hành/);
    expect(text).toMatch(/Địa danh: không tìm thấy địa danh ban hành/);
    expect(describeViolations(await runAxe(page))).toBe('');
  }, 90_000);

  it('proposes the basis document the registry lacks, and adds it to content/documents/ after the editor’s check', async () => {
    const result = page.locator('#ket-qua-nhap');
    const proposal = result.locator('.import-proposals li').filter({ hasText: '07/CT-UBND' });
    expect(await result.getByRole('heading', { name: /Đề xuất thêm vào danh mục \(1\)/ }).count()).toBe(1);
    expect(await proposal.innerText()).toMatch(/Văn bản: Chỉ thị 07\/CT-UBND của .* ngày 20\/02\/2025 — mã .*dùng ở: Căn cứ/);
    await proposal.getByRole('button', { name: 'Thêm vào danh mục' }).click();
    await expect.poll(() => proposal.locator('[role=status]').innerText(), { timeout: 30_000 }).toMatch(/Đã thêm content\/documents\/.+\.yaml/);
    const path = (await proposal.locator('[role=status]').innerText()).match(/content\/documents\/\S+\.yaml/)![0];
    const added = readFileSync(join(repo, path), 'utf8');
    expect(added).toContain('number: "07/CT-UBND"');
    expect(added).toContain('date: "2025-02-20"');
    expect(describeViolations(await runAxe(page))).toBe('');
  }, 60_000);

  it('saves the draft through the local backend and opens it with the flagged fields marked', async () => {
    await page.getByRole('button', { name: 'Lưu bản nháp và mở trong trình biên tập' }).click();
    await page.waitForURL(/quan-tri\/#\/collections\/plans\/entries\/2025\//, { timeout: 60_000 });
    expect(existsSync(draft)).toBe(true);
    expect(readFileSync(draft, 'utf8')).toContain('status: "dự thảo"');
    const login = page.getByRole('button', { name: 'Đăng nhập' });
    const summary = field('textarea', 'summary');
    await Promise.race([login.waitFor({ timeout: 90_000 }).then(() => login.click()), summary.waitFor({ timeout: 90_000 })]);
    await summary.waitFor({ timeout: 90_000 });
    await expect.poll(() => field('textarea', 'title').inputValue(), { timeout: 30_000 }).toBe('Thực hiện công tác dân vận chính quyền năm 2025');
    expect(await field('input', 'number').inputValue()).toBe('15');
    // The report's findings, at their fields and in the panel.
    await expect.poll(() => page.locator('.km-review').allInnerTexts(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cần kiểm tra:.*địa danh/)]),
    );
    expect(await page.locator('#km-review').innerText()).toMatch(/ke-hoach-15\.docx: \d+ mục cần kiểm tra/);
  }, 180_000);

  it('fits a 360 px phone: the form as wide as the screen, the preview with the share cards below it', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 10_000 }).toBeLessThanOrEqual(360);
      for (const control of [field('textarea', 'title'), field('textarea', 'summary')]) {
        const box = (await control.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      const preview = (await page.locator('iframe').first().boundingBox())!;
      const form = (await field('textarea', 'title').boundingBox())!;
      expect(preview.width).toBeLessThanOrEqual(360);
      expect(preview.y).toBeGreaterThan(form.y);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('refuses to save what npm run check would reject, with its message, and writes nothing', async () => {
    const before = readFileSync(draft, 'utf8');
    await replace(field('input', 'number'), '15a');
    await save();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toMatch(/số văn bản chỉ gồm chữ số/i);
    expect(readFileSync(draft, 'utf8')).toBe(before);
  }, 90_000);

  it('saves the fixed plan as "ban hành": the file passes npm run check and builds into a page', async () => {
    const summary = 'Sở Thông tin và Truyền thông giao các phòng, đơn vị thực hiện công tác dân vận chính quyền năm 2025 và báo cáo kết quả trước ngày 15/11/2025.';
    await replace(field('input', 'number'), '15');
    await replace(field('textarea', 'summary'), summary);
    await field('input', 'status').fill('ban hành');
    await page.keyboard.press('Enter');
    await save();
    await expect.poll(() => readFileSync(draft, 'utf8'), { timeout: 60_000 }).toContain(summary);
    const saved = readFileSync(draft, 'utf8');
    expect(saved).toContain('number: "15"');
    expect(saved).toContain('status: "ban hành"');
    expect(saved).toContain('issuedOn: null');
    const { problems } = checkContent(join(repo, 'content'));
    expect(formatProblems(problems)).toBe('');
    // The saved plan builds into a public page like any other.
    built = await buildSite('bien-tap', { KE_HOACH_CONTENT_DIR: join(repo, 'content') });
    const html = readFileSync(join(built, `ke-hoach/${slug}/index.html`), 'utf8');
    expect(html).toContain(summary);
  }, 300_000);

  it('previews both share cards of the plan being edited: the very PNGs the build published, with download links', async () => {
    const preview = page.frames().find((frame) => frame !== page.mainFrame());
    expect(preview, 'Decap’s preview pane').toBeDefined();
    const cards = preview!.locator('#anh-chia-se');
    await expect.poll(() => cards.locator('img').count(), { timeout: 60_000 }).toBe(2);
    expect(await cards.getByRole('heading').innerText()).toBe('Ảnh chia sẻ');
    expect(await cards.getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/^Tải ảnh chia sẻ \(1200×630/), expect.stringMatching(/^Tải ảnh vuông \(1080×1080/)]);
    expect(await cards.locator('img').first().getAttribute('alt')).toMatch(/^Ảnh giới thiệu kế hoạch “Thực hiện công tác dân vận chính quyền năm 2025” của Sở Thông tin và Truyền thông/);
    // What the links download, against the files the build wrote.
    for (const [i, file] of [`${slug}.png`, `${slug}-vuong.png`].entries()) {
      const [download] = await Promise.all([page.waitForEvent('download'), cards.locator('a[download]').nth(i).click()]);
      expect(download.suggestedFilename()).toBe(file);
      expect(Buffer.compare(readFileSync(await download.path()), readFileSync(join(built, 'og', file))), file).toBe(0);
    }
    rmSync(built, { recursive: true, force: true });
  }, 120_000);

  it('ran every step under the Content-Security-Policy headers public/_headers gives /quan-tri/, with no violation', () => {
    expect(cspViolations).toEqual([]);
  });
});

describe('/quan-tri/nhap/ on a deployed portal: the draft reaches the editor of a git-host backend', () => {
  let remote: Page;
  const dialogs: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    // Decap's in-memory "test-repo" backend stands in for Forgejo or GitLab, and the local backend does not answer.
    remote = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    remote.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    remote.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await remote.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.includes(LOCAL_BACKEND_PATH)) return route.fulfill({ status: 404, body: '' });
      const response = await fetchOrAbort(route);
      if (!response) return;
      const path = new URL(url).pathname.slice(base.length - 1);
      const headers = { ...response.headers(), ...Object.fromEntries(headersFromFile(headersFile(), path)) };
      if (!url.endsWith('/quan-tri/config.yml')) return route.fulfill({ response, headers });
      const config = (await response.text()).replace(/^backend:\n(  (name|repo|branch|base_url|api_root|auth_type|app_id): .*\n)+/m, 'backend:\n  name: test-repo\n');
      expect(config).toContain('name: test-repo');
      return route.fulfill({ response, headers, body: config });
    });
  });

  // The editor may still be fetching when the test ends: those routes are dropped, not failed.
  afterAll(async () => {
    await remote?.unrouteAll({ behavior: 'ignoreErrors' });
    await remote?.close();
  });

  it('opens the imported draft as a new plan, filled in with the findings marked, and saves it to the backend', async () => {
    await remote.goto(`${site.url}quan-tri/nhap/`);
    await remote.setInputFiles('#tep-van-ban', join(repo, 'ke-hoach-15-ban-sao.docx'));
    const open = remote.getByRole('button', { name: 'Mở bản nháp trong trình biên tập' });
    await open.waitFor({ timeout: 60_000 });
    expect(await remote.locator('#ket-qua-nhap').innerText()).toMatch(/hỏi có tải bản sao lưu trên máy không, chọn OK \(Đồng ý\) để mở bản nháp này/);
    expect(describeViolations(await runAxe(remote))).toBe('');
    await open.click();
    await remote.waitForURL(/quan-tri\/#\/collections\/plans\/new/, { timeout: 60_000 });
    const login = remote.getByRole('button', { name: 'Đăng nhập' });
    const title = remote.locator('textarea[id^="title-field-"]').first();
    await Promise.race([login.waitFor({ timeout: 90_000 }).then(() => login.click()), title.waitFor({ timeout: 90_000 })]);
    await expect.poll(() => title.inputValue(), { timeout: 60_000 }).toBe('Thực hiện công tác dân vận chính quyền năm 2025');
    // Decap's own question (its Vietnamese locale), which the import page announces.
    expect(dialogs).toEqual([expect.stringMatching(/bản sao lưu trên máy .* tải lên/)]);
    expect(await remote.locator('input[id^="number-field-"]').first().inputValue()).toBe('15');
    await expect.poll(() => remote.locator('.km-review').allInnerTexts(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cần kiểm tra:.*địa danh/)]),
    );
    expect(await remote.locator('#km-review').innerText()).toMatch(/ke-hoach-15-ban-sao\.docx: \d+ mục cần kiểm tra/);
    // Saved through the backend (editorial workflow: an unpublished entry), in this project's file format.
    await remote.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect
      .poll(() => remote.evaluate(() => JSON.stringify(Object.entries((window as unknown as { repoFilesUnpublished?: object }).repoFilesUnpublished ?? {}))), { timeout: 30_000 })
      .toMatch(/number: \\"15\\"[^]*status: \\"dự thảo\\"/);
    expect(violations).toEqual([]);
  }, 240_000);
});

/** A form control of Decap's editor, by the schema field it edits (ids are "{field}-field-{n}"). */
function field(tag: 'input' | 'textarea', name: string) {
  return page.locator(`${tag}[id^="${name}-field-"]`).first();
}

/** Replaces a text control's value as a person would (Decap keeps its own cursor state). */
async function replace(control: ReturnType<typeof field>, value: string): Promise<void> {
  await control.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(value);
}

/** Saves the entry: on the local backend (no editorial workflow), "Công bố ngay" writes the file. */
async function save(): Promise<void> {
  await page.getByRole('button', { name: /^(Công bố|Đã công bố)$/ }).click();
  await page.getByText('Công bố ngay', { exact: true }).click();
}

