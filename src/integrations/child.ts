import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs `entry` (a TypeScript file beside this one) as a process of its own in the project root,
 * through tsx, and resolves with the JSON of the last line it prints; the lines before it are
 * passed on to the build's log. Its errors go to the build's stderr; a failure rejects with its
 * exit status. The process is stopped if the build ends first. The build uses it for work that
 * depends on the content alone (the search index, the share cards), so that it runs on the other
 * core while Astro renders the pages.
 */
export function runChild<T>(root: string, entry: string, args: readonly string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/integrations', entry), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const stop = () => child.kill();
    process.once('exit', stop);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      const lines = out.trimEnd().split('\n');
      const last = lines.at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) {
        if (lines.length > 1) process.stdout.write(`${lines.slice(0, -1).join('\n')}\n`);
        resolve(JSON.parse(last) as T);
      } else {
        reject(new Error(`${what} thất bại (src/integrations/${entry}, ${signal ?? `mã thoát ${code}`}): xem lỗi ở trên.\n${out.slice(-2000)}`));
      }
    });
  });
}

/** The value after `--name` in a child process's arguments, e.g. `childOption('base')`. */
export function childOption(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}
