/**
 * `npm run build [-- --outDir dir] [-- other astro build options]`: `astro build` into a staging
 * folder beside the out dir (default `dist`), moved into place only when the whole build
 * succeeded, so a failed build leaves the previous site untouched (src/lib/build/atomic.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publishAtomically } from '../src/lib/build/atomic';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
let outDir = 'dist';
if (at >= 0) {
  const arg = args[at]!;
  outDir = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1] ?? outDir;
  args.splice(at, arg.includes('=') ? 1 : 2);
}

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

function astroBuild(stagingDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', stagingDir, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit ${code}`})`))));
  });
}

try {
  await publishAtomically(outDir, astroBuild);
} catch (error) {
  console.error(`\nBuild thất bại; thư mục ${outDir}/ giữ nguyên bản đã xuất bản trước đó.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
