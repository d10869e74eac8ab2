// npm run check [content-dir]: validates every content file and prints every problem at once.
import { checkContent } from '../src/lib/content/check';
import { formatProblems } from '../src/lib/content/problems';

const dir = process.argv[2] ?? 'content';
const { problems, summary } = checkContent(dir);

if (problems.length > 0) {
  console.error(formatProblems(problems));
  console.error('');
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(summary);
}
