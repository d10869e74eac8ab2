/**
 * `npm run build [-- --outDir dir] [-- --force] [-- other astro build options]`: `astro build` into
 * a staging folder beside the out dir (default `dist`), moved into place only when the whole build
 * succeeded, so a failed build leaves the previous site untouched (src/lib/build/atomic.ts).
 *
 * `astro build` gets a heap sized to the machine (src/lib/build/heap.ts).
 * When nothing the build reads has changed since the last successful build and the out dir is as
 * that build left it, the build is skipped (src/lib/build/unchanged.ts); `--force` builds anyway.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishAtomically } from '../src/lib/build/atomic';
import { buildCacheDir, inputDigestsFile } from '../src/lib/build/cache-dir';
import { inputDigests } from '../src/lib/build/input-digests';
import { heapFlags } from '../src/lib/build/heap';
import { buildInputsKey, isUnchanged, readStamp, waitForStampWriter, writeStampLater } from '../src/lib/build/unchanged';
import { contentDir } from '../src/lib/content/dir';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
let outDir = 'dist';
if (at >= 0) {
  const arg = args[at]!;
  outDir = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1] ?? outDir;
  args.splice(at, arg.includes('=') ? 1 : 2);
}
const force = args.includes('--force');
if (force) args.splice(args.indexOf('--force'), 1);

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

function astroBuild(stagingDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...heapFlags(totalmem(), process.env.NODE_OPTIONS), astro, 'build', '--outDir', stagingDir, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit ${code}`})`))));
  });
}

const started = performance.now();
const stampFile = join(buildCacheDir(root), 'last-build.json');
const key = buildInputsKey(root, { contentDir: contentDir(), env: process.env, args, digests: inputDigests(inputDigestsFile(root)) });
await waitForStampWriter(stampFile);
if (!force && isUnchanged(readStamp(stampFile), key, resolve(outDir))) {
  console.log(
    `Nội dung, mã nguồn và cấu hình không đổi từ lần build trước: giữ nguyên ${outDir}/ (kiểm tra trong ${Math.round(performance.now() - started)} ms). Chạy với --force để build lại.`,
  );
  process.exit(0);
}

try {
  // The new site is live once renamed into place; the previous one is deleted by a process of its own.
  await publishAtomically(outDir, astroBuild, { removePrevious: 'background' });
} catch (error) {
  console.error(`\nBuild thất bại; thư mục ${outDir}/ giữ nguyên bản đã xuất bản trước đó.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// The site is live: the stamp that lets the next build skip is written by a process of its own.
writeStampLater(stampFile, key, resolve(outDir));
