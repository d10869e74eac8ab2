import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINK_BATCH, LinkQueue } from '../../../src/lib/build/link-queue';
import { tempDir } from '../../support/temp-dir';

function sources(count: number) {
  const root = tempDir('link-queue-');
  mkdirSync(join(root, 'cache'));
  const files = Array.from({ length: count }, (_, i) => {
    const file = join(root, 'cache', `${i}.html`);
    writeFileSync(file, `<p>Trang ${i}</p>`);
    return file;
  });
  return { root, files };
}

describe('LinkQueue', () => {
  it('makes every link added before a flush, folders included, in batches', async () => {
    const { root, files } = sources(3 * LINK_BATCH + 7);
    const queue = new LinkQueue();
    const destination = (i: number) => join(root, 'out', `nhom-${i % 17}`, `trang-${i}`, 'index.html');
    files.forEach((file, i) => queue.add(file, destination(i)));
    await queue.flush();
    files.forEach((file, i) => {
      expect(readFileSync(destination(i), 'utf8')).toBe(`<p>Trang ${i}</p>`);
      expect(statSync(destination(i)).ino).toBe(statSync(file).ino);
    });
    await queue.close();
  });

  it('names a link the thread could not make, among links it and the flushing thread made', async () => {
    const { root, files } = sources(3 * LINK_BATCH);
    const queue = new LinkQueue();
    // The first batch goes to the thread: its first link has no source.
    queue.add(join(root, 'cache', 'khong-co.html'), join(root, 'out', 'thieu.html'));
    files.forEach((file, i) => queue.add(file, join(root, 'out', `${i}.html`)));
    await expect(queue.flush()).rejects.toThrow(/^Không đặt được 1 tệp[^]*out\/thieu\.html/);
    files.forEach((_, i) => expect(existsSync(join(root, 'out', `${i}.html`)), `${i}.html`).toBe(true));
    await queue.close();
  });

  it('resolves a flush with nothing queued, and starts no thread for it', async () => {
    const queue = new LinkQueue();
    await expect(queue.flush()).resolves.toBeUndefined();
    await expect(queue.close()).resolves.toBeUndefined();
  });

  it('fails a flush naming each link that could not be made, and goes on with later ones', async () => {
    const { root, files } = sources(2);
    const queue = new LinkQueue();
    queue.add(join(root, 'cache', 'khong-co.html'), join(root, 'out', 'a.html'));
    queue.add(files[0]!, join(root, 'out', 'b.html'));
    await expect(queue.flush()).rejects.toThrow(/1 tệp[^]*out\/a\.html/);
    expect(readFileSync(join(root, 'out', 'b.html'), 'utf8')).toBe('<p>Trang 0</p>');
    queue.add(files[1]!, join(root, 'out', 'c.html'));
    await queue.flush();
    expect(existsSync(join(root, 'out', 'c.html'))).toBe(true);
    await queue.close();
  });
});
