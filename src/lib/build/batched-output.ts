/**
 * A build prints one line per page it renders or restores from its cache: 31,000 lines at 5,000
 * plans, each a synchronous write to the terminal or pipe, about 0.5 s of a rebuild after one edit.
 * `batchOutput` gathers what is written to one stream and writes it in one piece, at most `delayMs`
 * later or once `maxBytes` are waiting. A write to the other stream (errors, warnings) and the
 * process's exit write what is waiting first, so the two streams keep their order.
 */

type Write = NodeJS.WriteStream['write'];

export interface BatchOptions {
  delayMs?: number;
  maxBytes?: number;
}

/**
 * Batches `out` (flushed before anything is written to `err`); returns a function that writes what
 * is waiting and puts both streams back as they were.
 * @example const restore = batchOutput(process.stdout, process.stderr); …; restore();
 */
export function batchOutput(out: NodeJS.WriteStream, err: NodeJS.WriteStream, { delayMs = 100, maxBytes = 1 << 16 }: BatchOptions = {}): () => void {
  const outWrite = out.write;
  const errWrite = err.write;
  let waiting: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const text = waiting.join('');
    waiting = [];
    bytes = 0;
    outWrite.call(out, text);
  };

  out.write = function write(chunk: unknown, ...rest: unknown[]): boolean {
    // Bytes, an encoding or a callback: written now, in order, as asked.
    if (typeof chunk !== 'string' || rest.length > 0) {
      flush();
      return (outWrite as (...args: unknown[]) => boolean).call(out, chunk, ...rest);
    }
    waiting.push(chunk);
    bytes += chunk.length;
    if (bytes >= maxBytes) flush();
    else timer ??= setTimeout(flush, delayMs).unref();
    return true;
  } as Write;
  err.write = function write(...args: unknown[]): boolean {
    flush();
    return (errWrite as (...args: unknown[]) => boolean).apply(err, args);
  } as Write;
  process.on('exit', flush);

  return () => {
    flush();
    out.write = outWrite;
    err.write = errWrite;
    process.off('exit', flush);
  };
}
