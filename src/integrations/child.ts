import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

/** The line a child prints for each task it finished: `{"task":"search","ok":true,"value":…}`. */
interface TaskLine {
  task: string;
  ok: boolean;
  value?: unknown;
  error?: string;
}

const TASK_LINE = /^\{"task":/;

/**
 * Runs `entry` (a TypeScript file beside this one) as a process of its own in the project root,
 * through tsx, with `--tasks a,b` added to `args`, and returns one promise per task, settled as
 * soon as the child prints that task's line (`printTaskResult`), so a task that finishes early is
 * not held up by the others. Its other lines are passed on to the build's log as they come, its
 * errors go to the build's stderr, and a task the child never reported rejects with its exit
 * status. The process is stopped if the build ends first.
 */
export function runChildTasks(root: string, entry: string, args: readonly string[], tasks: ReadonlyMap<string, string>): Map<string, Promise<unknown>> {
  const settle = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const results = new Map([...tasks.keys()].map((task) => [task, new Promise<unknown>((resolve, reject) => settle.set(task, { resolve, reject }))]));
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'src/integrations', entry), ...args, '--tasks', [...tasks.keys()].join(',')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => child.kill();
  process.once('exit', stop);
  let partial = '';
  let tail = '';
  const onLine = (line: string) => {
    if (TASK_LINE.test(line)) {
      const { task, ok, value, error } = JSON.parse(line) as TaskLine;
      const waiting = settle.get(task);
      settle.delete(task);
      if (ok) waiting?.resolve(value);
      else waiting?.reject(new Error(`${tasks.get(task) ?? task} thất bại (src/integrations/${entry}): ${error ?? 'không rõ lỗi'}`));
    } else {
      process.stdout.write(`${line}\n`);
      tail = `${tail}${line}\n`.slice(-2000);
    }
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine(line);
  });
  const fail = (reason: string) => {
    for (const [task, { reject }] of settle) reject(new Error(`${tasks.get(task) ?? task} thất bại (src/integrations/${entry}, ${reason}): xem lỗi ở trên.\n${tail}`));
    settle.clear();
  };
  child.on('error', (error) => fail(error.message));
  child.on('close', (code, signal) => {
    process.off('exit', stop);
    if (partial) onLine(partial);
    fail(signal ?? `mã thoát ${code}`);
  });
  // Until a hook awaits a result, a failure must not count as unhandled.
  for (const result of results.values()) result.catch(() => undefined);
  return results;
}

/** Prints a task's line for `runChildTasks`: its value, or its error (whose stack goes to stderr). */
export async function printTaskResult(task: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    const value = await work();
    console.log(JSON.stringify({ task, ok: true, value } satisfies TaskLine));
    return true;
  } catch (error) {
    console.error(error);
    console.log(JSON.stringify({ task, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies TaskLine));
    return false;
  }
}

interface ChildGroup {
  /** What the child runs: its entry file (beside this one), in the project root, with these arguments. */
  root: string;
  entry: string;
  args: readonly string[];
  /** Tasks registered and not yet started, with what each does (for error messages). */
  waiting: Map<string, string>;
  /** Tasks started and not yet taken by their hook. */
  started: Map<string, Promise<unknown>>;
}

const groups = new Map<string, ChildGroup>();

/** Spawns one child for every task of the group registered and not yet started. */
function startGroup(group: ChildGroup): void {
  if (group.waiting.size === 0) return;
  const tasks = new Map(group.waiting);
  group.waiting.clear();
  for (const [name, started] of runChildTasks(group.root, group.entry, group.args, tasks)) group.started.set(name, started);
}

/**
 * A task of a child process shared by several integrations of one build, so that work reading the
 * same content (the search index, the share cards) loads it once, in one process on the other core.
 * Each integration registers its task when its config is known (`astro:config:setup`); the returned
 * function takes it (`astro:build:start`), starting it unless `startChildTasks` already has: one
 * child runs every task registered under the same entry and arguments. Called again after taking
 * it, it runs the task once more, in a process of its own.
 */
export function sharedChildTask<T>(root: string, entry: string, args: readonly string[], task: string, what: string): () => Promise<T> {
  const id = JSON.stringify([root, entry, args]);
  let group = groups.get(id);
  if (!group) groups.set(id, (group = { root, entry, args, waiting: new Map(), started: new Map() }));
  const shared = group;
  shared.waiting.set(task, what);
  return () => {
    if (!shared.started.has(task)) {
      shared.waiting.set(task, what);
      startGroup(shared);
    }
    const result = shared.started.get(task)!;
    shared.started.delete(task);
    return result as Promise<T>;
  };
}

/**
 * Starts every task registered so far, before their hooks take them: a build starts its content
 * process before its content check (content-check.ts), so that the process reads the content on the
 * other core while this one checks it (10 s at 50,000 plans). Should the check fail, the build
 * stops, and the child with it (`runChildTasks`).
 */
export function startChildTasks(): void {
  for (const group of groups.values()) startGroup(group);
}

/** What the build's content process (content-tasks.ts beside this file) can do. */
export type ContentTask = 'search' | 'cards' | 'records' | 'tables';

/**
 * A task of the build's content process: the search index and the share cards depend on the
 * content, the address and the base path only, so one process (content-tasks.ts) reads the
 * content once and makes both on the other core while Astro bundles and renders the pages.
 * Call at `astro:config:setup`; call the result at `astro:build:start` (`startChildTasks` may start it sooner).
 */
export function contentTask<T>(config: AstroConfig, contentDir: string, task: ContentTask, what: string): () => Promise<T> {
  const root = fileURLToPath(config.root);
  // The address and base path the pages read from import.meta.env.SITE and BASE_URL.
  const args = ['--base', config.base, '--content', resolve(root, contentDir), ...(config.site ? ['--site', config.site] : [])];
  return sharedChildTask<T>(root, 'content-tasks.ts', args, task, what);
}

/** The value after `--name` in a child process's arguments, e.g. `childOption('base')`. */
export function childOption(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}
