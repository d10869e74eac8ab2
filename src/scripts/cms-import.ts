/**
 * /quan-tri/nhap/: a staff member drops a signed plan (.docx, .pdf, .txt, .md); the importer of
 * src/lib/import runs here in the browser and shows its review report; the button hands the draft
 * to the editor, which opens it with every finding marked at its field. On `npm run dev` the draft
 * is saved through the local backend first; on a deployed portal (the editor saves to the agency's
 * git host, which this page cannot write to) it goes into Decap's own backup of a new plan, and the
 * staff member saves it from the editor with their sign-in (src/lib/cms/backup.ts).
 */
import localforage from 'localforage';
import { readSourceBytes } from '../lib/import/read-source';
import { importPlanSource, type ImportResult } from '../lib/import/import-plan';
import type { Registries } from '../lib/import/registries';
import { reviewMarks } from '../lib/cms/review';
import { planLabels } from '../lib/cms/labels';
import { IMPORT_STASH_KEY, type ImportStash } from '../lib/cms/stash';
import { draftEntryPath, localBackendAnswers, persistDraft } from '../lib/cms/local-backend';
import { entryBackup, newEntryBackupKey, newEntryRoute } from '../lib/cms/backup';
import { importReportView } from '../lib/cms/import-view';

const form = document.querySelector<HTMLFormElement>('#nhap-van-ban')!;
const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
const output = document.querySelector<HTMLElement>('#ket-qua-nhap')!;
const editorUrl = new URL(form.dataset.editor!, document.baseURI);
const localBackend = new URL(form.dataset.localBackend!, document.baseURI).href;
const local = localBackendAnswers(localBackend, location.hostname);
const registries = fetch(new URL(form.dataset.registry!, document.baseURI))
  .then((r) => r.json() as Promise<{ registries: Registries }>)
  .then((body) => body.registries);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showError(message: string): void {
  output.replaceChildren(element('p', message, 'import-error'));
  output.focus();
}

async function showResult(result: ImportResult, fileName: string, known: Registries): Promise<void> {
  const view = importReportView(result, known.agencies);
  const nodes: Node[] = [element('h2', `Bản nháp: ${view.title}`)];
  const facts = element('dl', undefined, 'facts');
  for (const [term, value] of view.facts) {
    const row = element('div');
    row.append(element('dt', term), element('dd', value));
    facts.append(row);
  }
  nodes.push(facts, element('p', view.summary));
  for (const group of view.groups) {
    nodes.push(element('h3', `${group.heading} (${group.lines.length})`));
    const list = element('ul', undefined, 'import-report');
    for (const line of group.lines) list.append(element('li', line));
    nodes.push(list);
  }
  const saves = await local;
  const open = element('button', saves ? 'Lưu bản nháp và mở trong trình biên tập' : 'Mở bản nháp trong trình biên tập', 'button');
  open.type = 'button';
  open.addEventListener('click', async () => {
    open.disabled = true;
    try {
      const path = draftEntryPath(result);
      const stash: ImportStash = { title: view.title, sourceFile: fileName, path, marks: reviewMarks(result.report, planLabels) };
      let route = `#/collections/plans/entries/${path.replace(/^content\/plans\/|\.mdx$/g, '')}`;
      if (saves) {
        await persistDraft(localBackend, path, result.file, `Thêm bản nháp "${view.title}" từ tệp ${fileName}`);
      } else {
        await localforage.setItem(newEntryBackupKey('plans'), entryBackup(result.file));
        stash.viaBackup = true;
        route = newEntryRoute('plans');
      }
      localStorage.setItem(IMPORT_STASH_KEY, JSON.stringify(stash));
      location.assign(new URL(route, editorUrl).href);
    } catch (error) {
      open.disabled = false;
      showError(error instanceof Error ? error.message : String(error));
    }
  });
  if (!saves) {
    nodes.push(
      element(
        'p',
        'Khi trình biên tập hỏi có tải bản sao lưu trên máy không, chọn OK (Đồng ý) để mở bản nháp này. Bản nháp chỉ vào kho nội dung khi bạn bấm Lưu trong trình biên tập.',
      ),
    );
  }
  nodes.push(element('p', 'Bản nháp có trạng thái "dự thảo": chưa xuất hiện trên cổng cho đến khi được duyệt và chuyển sang "ban hành".'), open);
  output.replaceChildren(...nodes);
  output.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = input.files?.[0];
  if (!file) return showError('Hãy chọn một tệp .docx, .pdf, .txt hoặc .md.');
  output.replaceChildren(element('p', `Đang đọc ${file.name}…`));
  try {
    const source = await readSourceBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    const known = await registries;
    await showResult(importPlanSource(source, known), file.name, known);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
});
input.addEventListener('change', () => form.requestSubmit());
