// npm run new [-- --content dir] : asks, in Vietnamese, for what a new plan needs and writes a draft
// that passes `npm run check`. Thin over src/lib/import/scaffold.ts; answers can be injected for tests.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkbox, input, number, select } from '@inquirer/prompts';
import { loadRegistries, TOPICS, type KnownAgency } from '../src/lib/import';
import { scaffoldPlan, validateAnswer, type NewPlanAnswers } from '../src/lib/import/scaffold';

/** The prompt functions used; tests pass fakes. */
export interface Prompts {
  input: (config: { message: string; default?: string; validate?: (v: string) => string | boolean }) => Promise<string>;
  number: (config: { message: string; default?: number; min?: number; max?: number; required?: boolean }) => Promise<number | undefined>;
  select: <T>(config: { message: string; choices: Array<{ name: string; value: T }> }) => Promise<T>;
  checkbox: <T>(config: { message: string; choices: Array<{ name: string; value: T }>; validate?: (items: readonly unknown[]) => string | boolean }) => Promise<T[]>;
}

const ok = (check: (v: string) => string | undefined) => (v: string) => check(v) ?? true;

/** Asks every question; the answers go to {@link createPlan}. */
export async function askAnswers(agencies: readonly KnownAgency[], prompts: Prompts): Promise<NewPlanAnswers> {
  const title = await prompts.input({ message: 'Tên (trích yếu) kế hoạch, không có chữ "Kế hoạch":', validate: ok(validateAnswer.title) });
  const issuers = agencies.filter((a) => a.level !== 'nhóm đơn vị').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const issuer = await prompts.select({ message: 'Cơ quan ban hành:', choices: issuers.map((a) => ({ name: `${a.name} (${a.id})`, value: a.id })) });
  const year = (await prompts.number({ message: 'Kế hoạch cho năm:', default: new Date().getFullYear(), min: 1945, max: 2100, required: true }))!;
  const numberSymbol = await prompts.input({ message: 'Số/ký hiệu (ví dụ 859/KH-UBND; "/KH-UBND" nếu chưa có số; để trống nếu không có):', validate: ok(validateAnswer.numberSymbol) });
  const issuedOn = await prompts.input({ message: 'Ngày ban hành (ví dụ 25/3/2024; để trống nếu chưa ký):', validate: ok(validateAnswer.issuedOn) });
  const topics = await prompts.checkbox({
    message: 'Chủ đề (chọn 1–3):',
    choices: TOPICS.map((t) => ({ name: t, value: t as string })),
    validate: (items) => (items.length >= 1 && items.length <= 3 ? true : 'chọn từ 1 đến 3 chủ đề'),
  });
  const summary = await prompts.input({ message: 'Tóm tắt 2–3 câu cho người dân (làm gì, ai làm, đến khi nào):', validate: ok(validateAnswer.required('một đoạn tóm tắt')) });
  const signerAuthority = await prompts.input({ message: 'Thẩm quyền ký (ví dụ "KT. GIÁM ĐỐC"; để trống nếu ký theo chức vụ):' });
  const signerTitle = await prompts.input({ message: 'Chức vụ người ký (ví dụ "PHÓ GIÁM ĐỐC"):', validate: ok(validateAnswer.required('chức vụ người ký')) });
  const signerName = await prompts.input({ message: 'Họ tên người ký (để trống nếu chưa có):' });
  const sourcePath = await prompts.input({ message: 'Tệp văn bản đã ký để ghi nguồn (để trống nếu chưa có):' });
  const answers: NewPlanAnswers = { title, issuer, year, numberSymbol, issuedOn, topics, summary, signerAuthority, signerTitle, signerName };
  if (sourcePath.trim()) answers.sourceFile = { name: basename(sourcePath.trim()), bytes: await readFile(sourcePath.trim()) };
  return answers;
}

/**
 * Writes the draft for `answers` under `contentDir`; refuses to overwrite unless `force`.
 * @example await createPlan(answers, { contentDir: 'content' }) // { path: 'content/plans/2025/….mdx', written: true }
 */
export async function createPlan(
  answers: NewPlanAnswers,
  options: { contentDir: string; force?: boolean; agencies?: readonly KnownAgency[] },
): Promise<{ path: string; written: boolean; slug: string }> {
  const agencies = options.agencies ?? loadRegistries(options.contentDir).agencies;
  const draft = scaffoldPlan(answers, agencies);
  const path = join(options.contentDir, draft.path);
  if (existsSync(path) && !options.force) return { path, written: false, slug: draft.slug };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, draft.file, 'utf8');
  return { path, written: true, slug: draft.slug };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, force: { type: 'boolean', default: false } } });
  const contentDir = resolve(values.content!);
  const { agencies } = loadRegistries(contentDir);
  if (agencies.length === 0) {
    console.error(`Chưa có cơ quan nào trong ${values.content}/agencies/: tạo tệp cơ quan ban hành trước.`);
    return 1;
  }
  const answers = await askAnswers(agencies, { input, number, select, checkbox } as unknown as Prompts);
  const result = await createPlan(answers, { contentDir, force: values.force, agencies });
  if (!result.written) {
    console.error(`Không ghi: tệp ${result.path} đã có (thêm --force để ghi đè).`);
    return 1;
  }
  console.log(`Đã tạo bản nháp ${result.path} (trạng thái "dự thảo").`);
  console.log('Tiếp theo: viết nội dung, điền căn cứ, chỉ tiêu, thời hạn, đơn vị thực hiện, nơi nhận; chạy "npm run check", rồi "npm run dev" để xem trước.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = await main();
  } catch (error) {
    // Ctrl+C in a prompt.
    if ((error as Error).name === 'ExitPromptError') process.exitCode = 130;
    else throw error;
  }
}
