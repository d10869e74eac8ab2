/**
 * The staff editor at /quan-tri/: loads Decap CMS from the portal itself, then teaches it this
 * project's file format, preview and check before starting it. Decap must not start on its own
 * (CMS_MANUAL_INIT), since the collections name a file format registered here.
 */
import '../styles/editor.css';
import { CMS_FORMATS, entryToFile, fileToEntry, normalizeEntryData, type CmsCollection } from '../lib/cms/format';
import { checkEntryFile, formatEntryProblems, withAdditions, type EditorRegistry } from '../lib/cms/check-entry';
import { agencyLookup, planPreview } from '../lib/cms/preview';
import { planLabels } from '../lib/cms/labels';
import { IMPORT_STASH_KEY, readAdditions, recordAddition, type ImportStash } from '../lib/cms/stash';
import { localBackendAnswers } from '../lib/cms/local-backend';
import { newEntryRoute, planEntryRoute } from '../lib/cms/backup';
import type { Problem } from '../lib/content/problems';
import type { Agency } from '../schemas/agency';
import { planSchema } from '../schemas/plan';
import { planCardDataWith, type CardDataInput } from '../lib/og/card-data';
import { CARD_FORMATS, CARD_SIZES } from '../lib/og/template';
import { cardAltText, cardDownloadLabel } from '../lib/og/labels';
import type { CardPreview } from '../lib/og/preview';
import { paths } from '../lib/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- Decap's globals are untyped */
type Immutable = { get(key: string): any; toJS(): any };
declare global {
  interface Window {
    CMS: any;
    CMS_MANUAL_INIT?: boolean;
    h: (...args: any[]) => unknown;
    createClass: (spec: Record<string, unknown>) => unknown;
  }
}

const here = new URL('.', document.baseURI);
const settings = document.documentElement.dataset;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`không tải được ${src}`));
    document.head.append(script);
  });
}

window.CMS_MANUAL_INIT = true;
const [registry] = await Promise.all([
  fetch(new URL('danh-muc.json', here)).then((r) => r.json() as Promise<EditorRegistry & { registries: { agencies: ({ id: string } & Agency)[] }; shareCard: Pick<CardDataInput, 'site' | 'portal'> }>),
  loadScript(new URL('decap/decap-cms.js', here).href),
]);
const CMS = window.CMS;
const agencies = agencyLookup(registry.registries.agencies.map(({ id, ...data }) => ({ id, data: data as Agency })));

CMS.registerCustomFormat(CMS_FORMATS.plans, 'mdx', {
  fromFile: (text: string) => fileToEntry('plans', text),
  toFile: (data: Record<string, unknown>) => entryToFile('plans', data),
});
CMS.registerCustomFormat(CMS_FORMATS.registry, 'yaml', {
  fromFile: (text: string) => fileToEntry('agencies', text),
  toFile: (data: Record<string, unknown>) => entryToFile('agencies', data),
});

/* ---------- The check, before every save and publish ---------- */

function entryPath(collection: CmsCollection, entry: Immutable, data: Record<string, unknown>): string {
  const path = entry.get('path') as string | undefined;
  if (path) return path;
  const slug = (entry.get('slug') as string | undefined) || 'ban-nhap-moi';
  return collection === 'plans' ? `content/plans/${data.year ?? 'nam'}/${slug}.mdx` : `content/${collection}/${slug}.yaml`;
}

function checkEntry(entry: Immutable): Problem[] {
  const collection = entry.get('collection') as CmsCollection;
  const data = (entry.get('data') as Immutable).toJS() as Record<string, unknown>;
  return checkEntryFile({ collection, path: entryPath(collection, entry, data), text: entryToFile(collection, data) }, withAdditions(registry, readAdditions(localStorage)));
}

function showPanel(id: string, className: string, heading: string, items: string[]): void {
  document.getElementById(id)?.remove();
  if (items.length === 0) return;
  const panel = document.createElement('section');
  panel.id = id;
  panel.className = `km-panel ${className}`;
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = heading;
  const list = document.createElement('ul');
  for (const item of items) list.append(Object.assign(document.createElement('li'), { textContent: item }));
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Đóng' });
  close.addEventListener('click', () => panel.remove());
  panel.append(title, list, close);
  document.body.append(panel);
}

function refuseIfProblems({ entry }: { entry: Immutable }): void {
  const problems = checkEntry(entry);
  showPanel('km-problems', 'km-problems', `Chưa lưu được: ${problems.length} lỗi cần sửa`, problems.map((p) => formatEntryProblems([p])));
  if (problems.length > 0) throw new Error(`nội dung còn ${problems.length} lỗi (xem danh sách ở góc màn hình):\n${formatEntryProblems(problems)}`);
}
CMS.registerEventListener({ name: 'preSave', handler: refuseIfProblems });
CMS.registerEventListener({ name: 'prePublish', handler: refuseIfProblems });
CMS.registerEventListener({
  name: 'postSave',
  handler: ({ entry }: { entry: Immutable }) => {
    // An agency or document saved here is known to the check of the plans that cite it, before the next build.
    const collection = entry.get('collection') as CmsCollection;
    if (collection !== 'plans') {
      const data = (entry.get('data') as Immutable).toJS() as Record<string, unknown>;
      recordAddition(localStorage, { collection, path: entryPath(collection, entry, data), text: entryToFile(collection, data) });
    }
    localStorage.removeItem(IMPORT_STASH_KEY);
    document.getElementById('km-review')?.remove();
    document.querySelectorAll('.km-review').forEach((node) => node.remove());
  },
});

/* ---------- Preview: the published page's wording and styles ---------- */

CMS.registerPreviewStyle(new URL('xem-truoc.css', here).href);
const { h, createClass } = window;

/* ---------- Preview: the share cards, drawn as the build will draw them ---------- */

let cardPreview: Promise<CardPreview> | undefined;

/** takumi's WebAssembly renderer and the card fonts, fetched from the portal on first use (2.0 MB with gzip: renderer 1.7 MB, fonts 0.24 MB, script 73 KB). */
function loadCardPreview(): Promise<CardPreview> {
  cardPreview ??= import('../lib/og/preview').then(({ createCardPreview }) =>
    createCardPreview(async (name) => {
      const response = await fetch(new URL(`anh-chia-se/${name}`, here));
      if (!response.ok) throw new Error(`không tải được ${name} (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  cardPreview.catch(() => (cardPreview = undefined));
  return cardPreview;
}

/** Wait after the last edit before drawing the cards again. */
const CARD_DELAY_MS = 400;

interface CardImage {
  format: (typeof CARD_FORMATS)[number];
  url: string;
}

/**
 * "Ảnh chia sẻ": both cards of the plan being edited, the same PNGs the build will publish
 * (src/lib/og/preview.ts), each with its download link, so staff can share the image as soon as the
 * plan is ready. Redrawn a moment after the last edit.
 */
const ShareCards = createClass({
  getInitialState: () => ({ images: [] as CardImage[], error: null as string | null }),
  componentDidMount(this: any) {
    this.draw();
  },
  componentDidUpdate(this: any, previous: { cardKey: string }) {
    if (previous.cardKey !== this.props.cardKey) this.draw();
  },
  componentWillUnmount(this: any) {
    this.gone = true;
    clearTimeout(this.timer);
    for (const image of this.state.images as CardImage[]) URL.revokeObjectURL(image.url);
  },
  draw(this: any) {
    clearTimeout(this.timer);
    const ticket = (this.ticket = (this.ticket ?? 0) + 1);
    this.timer = setTimeout(async () => {
      try {
        const preview = await loadCardPreview();
        const images: CardImage[] = [];
        for (const format of CARD_FORMATS) images.push({ format, url: URL.createObjectURL(new Blob([await preview(this.props.data, format)], { type: 'image/png' })) });
        if (this.gone || ticket !== this.ticket) {
          for (const image of images) URL.revokeObjectURL(image.url);
          return;
        }
        for (const image of this.state.images as CardImage[]) URL.revokeObjectURL(image.url);
        this.setState({ images, error: null });
      } catch (error) {
        if (!this.gone && ticket === this.ticket) this.setState({ error: error instanceof Error ? error.message : String(error) });
      }
    }, this.state.images.length === 0 ? 0 : CARD_DELAY_MS);
  },
  render(this: any) {
    const { images, error } = this.state as { images: CardImage[]; error: string | null };
    const { alt, slug } = this.props as { alt: string; slug: string };
    const status = error ? `Chưa tạo được ảnh chia sẻ: ${error}` : images.length === 0 ? 'Đang tạo ảnh chia sẻ…' : '';
    return h(
      'section',
      { className: 'panel preview-cards', id: 'anh-chia-se', 'aria-labelledby': 'anh-chia-se-tieu-de' },
      h('h2', { id: 'anh-chia-se-tieu-de' }, 'Ảnh chia sẻ'),
      h('p', null, 'Đúng ảnh sẽ đăng kèm kế hoạch khi xuất bản, tạo lại mỗi khi bạn sửa nội dung. Có thể tải về để gửi qua Zalo ngay.'),
      h('p', { role: 'status', 'aria-live': 'polite' }, status),
      ...images.map(({ format, url }) =>
        h(
          'figure',
          { key: format },
          h('img', { src: url, alt, width: CARD_SIZES[format].width, height: CARD_SIZES[format].height }),
          h('figcaption', null, h('a', { href: url, download: paths.ogCard(slug, format).split('/').pop() }, cardDownloadLabel(format))),
        ),
      ),
    );
  },
});

CMS.registerPreviewTemplate(
  'plans',
  createClass({
    render(this: { props: { entry: Immutable; widgetFor: (name: string) => unknown } }) {
      const data = normalizeEntryData((this.props.entry.get('data') as Immutable).toJS());
      const parsed = planSchema.safeParse(data);
      if (!parsed.success) {
        const problems = checkEntry(this.props.entry);
        return h('div', { className: 'preview-pending' }, h('h2', null, 'Chưa xem trước được: nội dung còn lỗi'), h('ul', null, ...problems.map((p) => h('li', null, formatEntryProblems([p])))));
      }
      const parts = planPreview(parsed.data, agencies);
      const card = planCardDataWith(parsed.data, agencies, registry.shareCard);
      return h(
        'article',
        { className: 'plan' },
        h('div', { dangerouslySetInnerHTML: { __html: parts.before } }),
        h('section', { className: 'plan-body prose', id: 'toan-van' }, h('h2', null, parts.bodyHeading), this.props.widgetFor('body')),
        h('div', { dangerouslySetInnerHTML: { __html: parts.after } }),
        h(ShareCards, {
          data: card,
          cardKey: JSON.stringify(card),
          alt: cardAltText(parsed.data, card.agencyName),
          slug: (this.props.entry.get('slug') as string | undefined) || 'anh-chia-se',
        }),
      );
    },
  }),
);

/* ---------- Import findings, marked at their fields ---------- */

function markFields(stash: ImportStash): void {
  const byField = Map.groupBy(stash.marks, (m) => m.field);
  for (const label of document.querySelectorAll('label')) {
    if (label.dataset.kmMarked) continue;
    const field = Object.entries(planLabels).find(([key, l]) => !key.includes('.') && l.label === label.textContent?.trim())?.[0];
    const marks = field ? byField.get(field) : undefined;
    if (!marks) continue;
    label.dataset.kmMarked = '1';
    const note = document.createElement('div');
    note.className = 'km-review';
    note.innerHTML = '<strong>Cần kiểm tra:</strong> ';
    note.append(marks.map((m) => (m.where ? `${m.where}: ${m.message}` : m.message)).join(' · '));
    label.after(note);
  }
}

function showImportFindings(): void {
  const raw = localStorage.getItem(IMPORT_STASH_KEY);
  if (!raw) return;
  const stash = JSON.parse(raw) as ImportStash;
  const route = stash.viaBackup ? newEntryRoute('plans') : planEntryRoute(stash.path);
  if (!decodeURIComponent(location.hash).startsWith(route)) return;
  showPanel(
    'km-review',
    '',
    `Bản nháp từ tệp ${stash.sourceFile}: ${stash.marks.length} mục cần kiểm tra với bản gốc`,
    stash.marks.map((m) => [m.field ? planLabels[m.field]?.label ?? m.field : 'Toàn văn', m.where, m.message].filter(Boolean).join(' › ')),
  );
  new MutationObserver(() => markFields(stash)).observe(document.body, { childList: true, subtree: true });
}

const localUrl = new URL(settings.localBackend ?? 'api/v1', location.href).href;
const local = await localBackendAnswers(localUrl, location.hostname);
// The local backend writes straight into the working copy: no branches, so no editorial workflow.
CMS.init(local ? { config: { local_backend: { url: localUrl }, publish_mode: 'simple' } } : {});
showImportFindings();
window.addEventListener('hashchange', showImportFindings);
