// npm run check [content-dir]: validates every content file (default: content/, or KE_HOACH_CONTENT_DIR) and prints every problem at once.
import { checkContent } from '../src/lib/content/check';
import { formatProblems } from '../src/lib/content/problems';
import { contentDir } from '../src/lib/content/dir';

const dir = process.argv[2] ?? contentDir();
const { problems, summary } = checkContent(dir);

if (problems.length > 0) {
  console.error(formatProblems(problems));
  console.error('');
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
