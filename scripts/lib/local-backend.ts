import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A TCP port free on 127.0.0.1 right now (decap-server cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Decap's local backend (`decap-server`, MODE=fs): the editor on localhost reads and writes
 * `repoDir` directly, with no sign-in. It listens on 127.0.0.1 only. Resolves once it answers.
 */
export async function startLocalBackend(repoDir: string, port: number): Promise<ChildProcess> {
  const entry = join(dirname(require.resolve('decap-server/package.json')), 'dist/index.js');
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: repoDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  for (let attempt = 0; attempt < 300; attempt++) {
    // An exit (port taken…) must not be mistaken for another server answering on that port.
    if (child.exitCode !== null) throw new Error(`decap-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`decap-server did not answer at ${url}`);
}
