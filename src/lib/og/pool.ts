/**
 * A pool of worker threads that turn card trees into PNGs (satori + resvg, the CPU-heavy part). Workers are created from source
 * (`eval`) rather than from a file next to this module: inside Astro's build this module is bundled
 * into a chunk and a sibling worker file would not be there. The worker loads satori and resvg by
 * absolute path and the fonts from their files, so it depends on nothing but installed packages.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardFont } from './fonts';
import { RESVG_OPTIONS } from './render';
import type { CardNode } from './template';

export interface RenderTask {
  tree: CardNode;
  width: number;
  height: number;
}

const WORKER_SOURCE = `
const { workerData, parentPort } = process.getBuiltinModule('node:worker_threads');
const fs = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const require = createRequire(workerData.satori);
const satoriModule = require(workerData.satori);
const satori = satoriModule.default ?? satoriModule;
const { Resvg } = require(workerData.resvg);
const fonts = workerData.fonts.map((f) => ({ name: f.name, weight: f.weight, style: f.style, data: fs.readFileSync(f.path) }));
parentPort.on('message', async (task) => {
  try {
    const svg = await satori(task.tree, { width: task.width, height: task.height, fonts });
    const png = new Resvg(svg, workerData.resvgOptions).render().asPng();
    const bytes = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength);
    parentPort.postMessage({ id: task.id, png: bytes }, [bytes]);
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: String((error && error.stack) || error) });
  }
});
`;

function resolvePackage(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return createRequire(join(process.cwd(), 'package.json')).resolve(specifier);
  }
}

/** Default pool size: one worker per core the process may use. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  task: RenderTask & { id: number };
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
  worker?: Worker;
}

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly fonts: CardFont[],
    readonly size: number = defaultPoolSize(),
  ) {}

  /** Renders one task in a worker; resolves with resvg's PNG (finishPng is the caller's job). */
  run(task: RenderTask): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('RenderPool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        satori: resolvePackage('satori'),
        resvg: resolvePackage('@resvg/resvg-js'),
        resvgOptions: RESVG_OPTIONS,
        fonts: this.fonts.map(({ name, weight, style, path }) => ({ name, weight, style, path })),
      },
    });
    worker.on('message', (message: { id: number; png?: ArrayBuffer; error?: string }) => {
      const pending = this.running.get(message.id);
      this.running.delete(message.id);
      this.idle.push(worker);
      if (pending) {
        if (message.error !== undefined) pending.reject(new Error(`share card render failed: ${message.error}`));
        else pending.resolve(Buffer.from(message.png!));
      }
      this.dispatch();
    });
    // Render errors come back as messages; an 'error' event means the worker itself broke (a
    // package failed to load, memory ran out), which would break every replacement too: fail all.
    worker.on('error', (error: Error) => this.fail(error));
    this.workers.push(worker);
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      pending.worker = worker;
      this.running.set(pending.task.id, pending);
      worker.postMessage(pending.task);
    }
  }

  private fail(error: Error): void {
    const wrapped = new Error(`share card worker failed: ${error.message}`, { cause: error });
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(wrapped);
    this.running.clear();
    void this.close();
  }

  /** Stops every worker; tasks not yet finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('RenderPool closed before the task ran'));
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
