import { describe, expect, it } from 'vitest';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_BYTES, IN_FLIGHT, LINK_BATCH, LinkQueue, WAITING_BYTES } from '../../../src/lib/build/link-queue';
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

  it('writes pages among the links, in folders of their own, and makes the cache’s copy of each the written page', async () => {
    const { root, files } = sources(LINK_BATCH);
    const queue = new LinkQueue();
    const page = (i: number) => join(root, 'out', 'ke-hoach', `moi-${i}`, 'index.html');
    const copy = (i: number) => join(root, 'cache', 'moi', `${i}.html`);
    mkdirSync(join(root, 'cache', 'moi'));
    // An older copy in the cache, published elsewhere by a link: it keeps its bytes.
    writeFileSync(copy(0), 'bản cũ');
    linkSync(copy(0), join(root, 'published.html'));
    for (let i = 0; i < 3 * LINK_BATCH; i++) {
      if (i < files.length) queue.add(files[i]!, join(root, 'out', 'cu', `${i}.html`));
      queue.write(page(i), Buffer.from(`<h1>Kế hoạch mới ${i}</h1>`));
      if (i % 2 === 0) expect(queue.keep(page(i), copy(i))).toBe(true);
    }
    expect(queue.keep(page(0), copy(0)), 'only the page queued last').toBe(false);
    await queue.flush();
    for (let i = 0; i < 3 * LINK_BATCH; i++) {
      expect(readFileSync(page(i), 'utf8')).toBe(`<h1>Kế hoạch mới ${i}</h1>`);
      if (i % 2 === 0) expect(statSync(copy(i)).ino, `copy ${i}`).toBe(statSync(page(i)).ino);
      else expect(existsSync(copy(i))).toBe(false);
    }
    files.forEach((file, i) => expect(statSync(join(root, 'out', 'cu', `${i}.html`)).ino).toBe(statSync(file).ino));
    expect(readFileSync(join(root, 'published.html'), 'utf8')).toBe('bản cũ');
    await queue.close();
  });

  it('writes pages itself when the thread falls behind, holding no more than WAITING_BYTES of them, and fails naming a page it could not write', async () => {
    const root = tempDir('link-queue-');
    const queue = new LinkQueue();
    const pageSize = 512 * 1024;
    // What the thread can be sent (IN_FLIGHT batches) and what may wait, then as many pages again.
    const held = IN_FLIGHT * BATCH_BYTES + WAITING_BYTES + BATCH_BYTES;
    const count = Math.ceil((2 * held) / pageSize);
    const page = (i: number) => join(root, 'out', `trang-${i}`, 'index.html');
    // No turn of the event loop between writes: the thread is sent nothing more than its first batches.
    for (let i = 0; i < count; i++) queue.write(page(i), new Uint8Array(pageSize).fill(i % 256));
    const writtenBeforeFlush = Array.from({ length: count }, (_, i) => existsSync(page(i))).filter(Boolean).length;
    expect(writtenBeforeFlush, 'every page beyond what the queue may hold is written before any flush').toBeGreaterThanOrEqual(count - held / pageSize);
    mkdirSync(join(root, 'out', 'trang-x', 'index.html'), { recursive: true });
    queue.write(join(root, 'out', 'trang-x', 'index.html'), new Uint8Array([1]));
    await expect(queue.flush()).rejects.toThrow(/^Không đặt được 1 tệp[^]*trang-x\/index\.html/);
    for (let i = 0; i < count; i++) {
      const bytes = readFileSync(page(i));
      expect(bytes.length).toBe(pageSize);
      expect(bytes[pageSize - 1]).toBe(i % 256);
    }
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
