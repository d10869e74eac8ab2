// npm run import -- <file.docx|file.pdf|file.txt|file.md> [--agency id] [--out path] [--force] [--content dir]
// Writes a draft plan (status "dự thảo"), and a proposed registry entry for an issuer the registry
// lacks, and prints the review report. Thin over src/lib/import.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { draftPath, importPlanSource, loadRegistries, readSource } from '../src/lib/import';
import { agencyDraftFile } from '../src/lib/import/issuer';
import { formatReport } from '../src/lib/import/report';
import { loadContent } from '../src/lib/content/load';
import { registriesFrom } from '../src/lib/import/registries';
import { importReportText, isResultsReport, reportDraftPath } from '../src/lib/import/report-import';

const USAGE = `Cách dùng: npm run import -- <tệp .docx|.pdf|.txt|.md> [--agency <mã cơ quan>] [--plan <mã kế hoạch>] [--out <đường dẫn .mdx>] [--force]

  Văn bản "KẾ HOẠCH" thành bản nháp kế hoạch; văn bản "BÁO CÁO" thành bản nháp báo cáo kết quả.
  --agency   mã cơ quan ban hành trong content/agencies/ (khi văn bản không ghi rõ)
  --plan     báo cáo: mã kế hoạch được báo cáo (khi văn bản không dẫn số/ký hiệu của kế hoạch)
  --out      nơi ghi bản nháp (mặc định content/plans/{năm}/{slug}.mdx)
  --force    ghi đè nếu tệp đã có
  --content  thư mục nội dung (mặc định content)`;

export interface CliIO {
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIO: CliIO = { cwd: process.cwd(), out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Writes a draft file, refusing to overwrite one without --force (a reviewed draft is never lost).
 * Returns the path as shown to the person, or null when it refused (the message is printed).
 */
async function writeDraft(io: { cwd: string; err: (line: string) => void }, target: string, text: string, force: boolean | undefined): Promise<string | null> {
  const shown = relative(io.cwd, target) || target;
  if (existsSync(target) && !force) {
    io.err(`Không ghi: tệp "${shown}" đã có. Thêm --force để ghi đè, hoặc --out <đường dẫn khác>.`);
    return null;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, 'utf8');
  return shown;
}

/**
 * Runs the import command; returns the exit code (0 written, 1 error, 2 usage).
 * @example await runImport(['../shared/seeds/000_82944d6273abc2bf.txt', '--out', '/tmp/x.mdx'])
 */
export async function runImport(args: string[], io: CliIO = defaultIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        agency: { type: 'string' },
        plan: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        content: { type: 'string', default: 'content' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`Tham số không hợp lệ: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(positionals.length === 0 ? 'Thiếu tệp văn bản cần nhập.' : 'Mỗi lần chỉ nhập một tệp.');
    io.err(USAGE);
    return 2;
  }
  const input = resolve(io.cwd, positionals[0]!);
  if (!existsSync(input)) {
    io.err(`Không tìm thấy tệp "${positionals[0]}".`);
    return 1;
  }
  const contentDir = resolve(io.cwd, values.content!);
  let source;
  try {
    source = await readSource(input);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  if (isResultsReport(source.text)) return runReportImport(source, { ...values, content: values.content! }, contentDir, io);
  const registries = loadRegistries(contentDir);
  if (registries.agencies.length === 0) io.err(`Lưu ý: không đọc được danh mục cơ quan trong ${values.content}/agencies/ — mọi đơn vị sẽ được đề xuất mã mới.`);

  let result: ReturnType<typeof importPlanSource> & { source: typeof source };
  const started = performance.now();
  try {
    // The file is already read (to tell a report from a plan): import from it, not from disk again.
    result = { ...importPlanSource(source, { ...registries, agency: values.agency ?? null }), source };
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  const elapsed = performance.now() - started;

  const shown = await writeDraft(io, values.out ? resolve(io.cwd, values.out) : resolve(io.cwd, draftPath(result, values.content!)), result.file, values.force);
  if (shown === null) return 1;
  io.out(formatReport(result.report, { draft: shown, source: result.source.fileName, summary: result.summary }));
  if (result.issuer.kind === 'proposed') {
    const entry = result.issuer.entry;
    const file = resolve(contentDir, 'agencies', `${entry.id}.yaml`);
    const yaml = agencyDraftFile(entry, result.source.fileName);
    io.out('');
    if (existsSync(file)) io.out(`Cơ quan ban hành: đã có tệp ${relative(io.cwd, file) || file}, không ghi đè — kiểm tra đó đúng là "${entry.name}".`);
    else if (yaml) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, yaml, 'utf8');
      io.out(`Cơ quan ban hành mới (đề xuất): ${relative(io.cwd, file) || file} — "${entry.name}", cấp ${entry.level}, tỉnh ${entry.province ?? '?'}. Kiểm tra trước khi đăng.`);
    } else io.out(`Cơ quan ban hành mới "${entry.name}": đầu văn bản không cho biết cấp, chưa ghi tệp — tạo content/agencies/${entry.id}.yaml bằng tay.`);
  }
  io.out('');
  io.out(`Thời gian nhập: ${Math.round(elapsed)} ms.`);
  return 0;
}

/** A "BÁO CÁO": drafts content/reports/{year}/{slug}.mdx, matching its sentences to the plan's targets. */
async function runReportImport(
  source: Awaited<ReturnType<typeof readSource>>,
  values: { agency?: string; plan?: string; out?: string; force?: boolean; content: string },
  contentDir: string,
  io: CliIO,
): Promise<number> {
  const content = loadContent(contentDir);
  const result = importReportText(source.text, {
    plans: content.plans,
    ...registriesFrom(content),
    plan: values.plan ?? null,
    agency: values.agency ?? null,
    sourceFile: source.fileName,
    sha256: source.sha256,
  });
  const shown = await writeDraft(io, values.out ? resolve(io.cwd, values.out) : resolve(io.cwd, reportDraftPath(result, values.content)), result.file, values.force);
  if (shown === null) return 1;
  io.out(`Văn bản là một BÁO CÁO: đã lập bản nháp báo cáo kết quả ${shown} (từ ${source.fileName}).`);
  io.out(`Đã khớp kết quả với ${result.matched.results}/${result.matched.targets} chỉ tiêu của kế hoạch.`);
  for (const line of result.report) io.out(`  - [${line.kind === 'missing' ? 'thiếu' : line.kind === 'inferred' ? 'suy ra' : line.kind === 'unknown' ? 'chưa có' : 'rà soát'}] ${line.field ? `${line.field}: ` : ''}${line.message}`);
  io.out('');
  io.out('Bước tiếp theo: đối chiếu bản nháp với văn bản đã ký, chạy "npm run check", rồi đổi status thành "ban hành".');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runImport(process.argv.slice(2));
}
