import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent } from '../lib/content/check';
import { formatProblems } from '../lib/content/problems';
import { contentDir } from '../lib/content/dir';
import { startChildTasks } from './child';

/**
 * Fails `astro build` on the same content problems `npm run check` reports, all of them at once,
 * before Astro's loaders stop at the first bad entry with an English message. In dev it only warns.
 * Reads the same folder as the collections: `content`, or KE_HOACH_CONTENT_DIR when set.
 */
export default function contentCheck(options: { dir?: string } = {}): AstroIntegration {
  return {
    name: 'ke-hoach-mo:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // preview serves an existing build and sync only writes types: nothing to check there.
        if (command !== 'build' && command !== 'dev') return;
        // The build's content process (search index, share cards; registered by the integrations
        // listed before this one) reads the content on the other core while this one checks it.
        if (command === 'build') startChildTasks();
        const root = fileURLToPath(config.root);
        // A build's pages publish the content it checked: later reads in this process take this parse as
        // it is (the search index, made by the content process from its own parse, is the exception).
        const { problems, summary } = checkContent(resolve(root, options.dir ?? contentDir()), { baseDir: root, freeze: command === 'build' });
        if (problems.length === 0) {
          logger.info(summary);
          return;
        }
        const report = `${formatProblems(problems)}\n\n${summary}`;
        if (command === 'build') throw new AstroError(`Nội dung có lỗi:\n\n${report}`, 'Sửa các lỗi trên rồi chạy lại; "npm run check" kiểm tra nội dung mà không build.');
        logger.warn(report);
      },
    },
  };
}
