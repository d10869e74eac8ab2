// npm run dev: the live preview (astro dev) plus the editor's local backend, so /quan-tri/ edits
// the files of this working copy. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLocalBackend } from './lib/local-backend';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.CMS_LOCAL_PORT ?? 8081);
const backend = await startLocalBackend(root, port);
console.log(`Trình biên tập: http://127.0.0.1:4321/quan-tri/ (lưu trực tiếp vào thư mục ${root}content/)`);
const astro = spawn(process.execPath, [fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url)), 'dev', '--host', '127.0.0.1', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CMS_LOCAL_BACKEND_TARGET: `http://127.0.0.1:${port}` },
});
const stop = () => {
  backend.kill();
  astro.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', (code) => {
  backend.kill();
  process.exit(code ?? 0);
});
