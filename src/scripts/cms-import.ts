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
import { IMPORT_STASH_KEY, readAdditions, recordAddition, type ImportStash } from '../lib/cms/stash';
import { draftEntryPath, localBackendAnswers, persistDraft } from '../lib/cms/local-backend';
import { entryBackup, newEntryBackupKey, newEntryRoute, planEntryRoute } from '../lib/cms/backup';
import { importReportView } from '../lib/cms/import-view';
import { registryProposals, type RegistryProposal } from '../lib/cms/proposals';
import { checkEntryFile, formatEntryProblems, withAdditions, type EditorRegistry } from '../lib/cms/check-entry';

const form = document.querySelector<HTMLFormElement>('#nhap-van-ban')!;
const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
const output = document.querySelector<HTMLElement>('#ket-qua-nhap')!;
const editorUrl = new URL(form.dataset.editor!, document.baseURI);
const localBackend = new URL(form.dataset.localBackend!, document.baseURI).href;
const local = localBackendAnswers(localBackend, location.hostname);
const editorData = fetch(new URL(form.dataset.registry!, document.baseURI)).then((r) => r.json() as Promise<EditorRegistry & { registries: Registries }>);
const registries = editorData.then((body) => body.registries);

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
  const proposals = registryProposals(result, fileName);
  if (proposals.length > 0) {
    nodes.push(
      element('h3', `Đề xuất thêm vào danh mục (${proposals.length})`),
      element('p', 'Kế hoạch nhắc tới cơ quan, văn bản chưa có trong danh mục. Bản nháp đã dùng mã đề xuất; kế hoạch chỉ qua được bước kiểm tra khi các mục này có trong danh mục.'),
    );
    const list = element('ul', undefined, 'import-proposals');
    for (const proposal of proposals) list.append(proposalItem(proposal, fileName, saves));
    nodes.push(list);
  }
  const open = element('button', saves ? 'Lưu bản nháp và mở trong trình biên tập' : 'Mở bản nháp trong trình biên tập', 'button');
  open.type = 'button';
  open.addEventListener('click', async () => {
    open.disabled = true;
    try {
      const path = draftEntryPath(result);
      const stash: ImportStash = { title: view.title, sourceFile: fileName, path, marks: reviewMarks(result.report, planLabels) };
      let route = planEntryRoute(path);
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

/**
 * One proposed registry entry: saved as is through the local backend (after the editor's check),
 * or opened in the editor as a new entry filled in from Decap's backup; without enough to write a
 * valid entry, a link to the empty form and what to fill in.
 */
function proposalItem(proposal: RegistryProposal, fileName: string, saves: boolean): HTMLLIElement {
  const item = element('li');
  const kind = proposal.collection === 'agencies' ? 'Cơ quan' : 'Văn bản';
  item.append(element('strong', `${kind}: ${proposal.label}`), ` — mã ${proposal.id}${proposal.usedIn ? `, dùng ở: ${proposal.usedIn}` : ''}. `);
  const status = element('span');
  status.setAttribute('role', 'status');
  const route = new URL(newEntryRoute(proposal.collection), editorUrl).href;
  if (proposal.file === null) {
    const link = element('a', 'Thêm bằng biểu mẫu');
    link.href = route;
    link.target = '_blank';
    item.append(`Cần bổ sung ${proposal.missing}. `, link);
    return item;
  }
  const file = proposal.file;
  const add = element('button', saves ? 'Thêm vào danh mục' : 'Mở trong trình biên tập để thêm', 'button');
  add.type = 'button';
  add.addEventListener('click', async () => {
    add.disabled = true;
    try {
      if (saves) {
        const problems = checkEntryFile({ collection: proposal.collection, path: proposal.path, text: file }, withAdditions(await editorData, readAdditions(localStorage)));
        if (problems.length > 0) throw new Error(`chưa thêm được, cần sửa trong biểu mẫu: ${formatEntryProblems(problems)}`);
        await persistDraft(localBackend, proposal.path, file, `Thêm ${kind.toLowerCase()} "${proposal.label}" từ tệp ${fileName}`);
        // Known to the editor's check from now on, before the next build republishes the registry.
        recordAddition(localStorage, { collection: proposal.collection, path: proposal.path, text: file });
        status.textContent = ` Đã thêm ${proposal.path}.`;
      } else {
        await localforage.setItem(newEntryBackupKey(proposal.collection), entryBackup(file));
        window.open(route, '_blank');
        status.textContent = ' Đã mở biểu mẫu ở thẻ mới: chọn OK để tải bản đề xuất, kiểm tra rồi Lưu.';
      }
    } catch (error) {
      add.disabled = false;
      status.textContent = ` ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  item.append(add, status);
  return item;
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
