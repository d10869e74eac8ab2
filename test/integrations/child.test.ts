import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runChildTasks, sharedChildTask, startChildTasks } from '../../src/integrations/child';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../fixtures/child/tasks.ts', import.meta.url));
const tasks = (...names: string[]) => new Map(names.map((name) => [name, `Việc ${name}`]));

describe('runChildTasks', () => {
  it('settles each task when the child reports it, not when the child ends', async () => {
    const results = runChildTasks(root, entry, ['--arg', 'x'], tasks('fast:0', 'slow:1500'));
    let slowSettled = false;
    void results.get('slow:1500')!.finally(() => (slowSettled = true));
    await expect(results.get('fast:0')).resolves.toMatchObject({ name: 'fast', arg: 'x' });
    expect(slowSettled).toBe(false);
    await expect(results.get('slow:1500')).resolves.toMatchObject({ name: 'slow', arg: 'x' });
  });

  it("rejects a failed task with its message and keeps the others' results", async () => {
    const results = runChildTasks(root, entry, [], tasks('fail:0', 'ok:200'));
    await expect(results.get('fail:0')).rejects.toThrow(/Việc fail:0 thất bại .*việc này hỏng/);
    await expect(results.get('ok:200')).resolves.toMatchObject({ name: 'ok' });
  });

  it('rejects a task the child never reported with its exit status', async () => {
    const results = runChildTasks(root, entry, [], tasks('exit:0', 'late:5000'));
    await expect(results.get('late:5000')).rejects.toThrow(/Việc late:5000 thất bại .*mã thoát 3/);
  });
});

describe('sharedChildTask', () => {
  it('runs every task registered under the same entry and arguments in one process', async () => {
    type Result = { name: string; arg: string; pid: number };
    const a = sharedChildTask<Result>(root, entry, ['--arg', 'shared'], 'a', 'Việc a');
    const b = sharedChildTask<Result>(root, entry, ['--arg', 'shared'], 'b', 'Việc b');
    const other = sharedChildTask<Result>(root, entry, ['--arg', 'other'], 'a', 'Việc a');
    const [first, second, third] = await Promise.all([a(), b(), other()]);
    expect([first, second, third]).toMatchObject([
      { name: 'a', arg: 'shared' },
      { name: 'b', arg: 'shared' },
      { name: 'a', arg: 'other' },
    ]);
    expect(second.pid).toBe(first.pid);
    expect(third.pid).not.toBe(first.pid);
    // Taken once, a task runs again in a process of its own.
    const again = await a();
    expect(again).toMatchObject({ name: 'a', arg: 'shared' });
    expect(again.pid).not.toBe(first.pid);
  });

  it('starts the tasks registered so far when asked to, before their hooks take them', async () => {
    type Result = { name: string; pid: number };
    const x = sharedChildTask<Result>(root, entry, ['--arg', 'early'], 'x', 'Việc x');
    const y = sharedChildTask<Result>(root, entry, ['--arg', 'early'], 'y', 'Việc y');
    startChildTasks();
    // Registered after the start: not in the child already running.
    const z = sharedChildTask<Result>(root, entry, ['--arg', 'early'], 'z', 'Việc z');
    const [rx, ry, rz] = await Promise.all([x(), y(), z()]);
    expect([rx.name, ry.name, rz.name]).toEqual(['x', 'y', 'z']);
    expect(ry.pid).toBe(rx.pid);
    expect(rz.pid).not.toBe(rx.pid);
  });
});
