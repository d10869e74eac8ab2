import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import contentCheck from '../../src/integrations/content-check';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the integration's astro:config:setup hook the way Astro would, with a recording logger. */
function runSetup(dir: string | undefined, command: 'build' | 'dev' | 'preview') {
  const logger = { info: vi.fn(), warn: vi.fn() };
  const hook = contentCheck(dir === undefined ? {} : { dir }).hooks['astro:config:setup'] as (options: unknown) => void;
  const run = () => hook({ config: { root: pathToFileURL(ROOT) }, command, logger });
  return { run, logger };
}

describe('content-check integration', () => {
  it('fails the build with the formatted list of problems', () => {
    const { run } = runSetup('test/fixtures/content/bare-lt', 'build');
    expect(run).toThrowError(
      "test/fixtures/content/bare-lt/plans/2024/ke-hoach-mau.mdx\n  › nội dung: dòng 55: ký tự '<' phải viết là &lt;",
    );
    expect(run).toThrowError('Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: 1 lỗi trong 1 tệp.');
  });

  it('only warns in dev, so the server keeps running while the author fixes the file', () => {
    const { run, logger } = runSetup('test/fixtures/content/unknown-agency', 'dev');
    expect(run).not.toThrow();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('deadlines[0].owner: không có cơ quan này'));
  });

  it('does nothing for preview, which serves a finished build', () => {
    const { run, logger } = runSetup('test/fixtures/content/bare-lt', 'preview');
    expect(run).not.toThrow();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs the summary when the content is clean', () => {
    const { run, logger } = runSetup('test/fixtures/content/valid', 'build');
    run();
    expect(logger.info).toHaveBeenCalledWith('Đã kiểm tra 1 kế hoạch, 2 cơ quan, 2 văn bản: không có lỗi.');
  });

  it('reads the folder named by KE_HOACH_CONTENT_DIR when no dir is given (benchmarks build synthetic content)', () => {
    vi.stubEnv('KE_HOACH_CONTENT_DIR', 'test/fixtures/content/bare-lt');
    try {
      const { run } = runSetup(undefined, 'build');
      expect(run).toThrowError('test/fixtures/content/bare-lt/plans/2024/ke-hoach-mau.mdx');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
