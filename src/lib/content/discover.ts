import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from './problems';

export type CollectionKind = 'plan' | 'agency' | 'document' | 'report';

/** A content file the check reads and the build publishes. */
export interface ContentFile {
  kind: CollectionKind;
  /** Absolute path. */
  abs: string;
  /** Path inside the collection folder, "/" separators ("2024/x.mdx"). */
  rel: string;
}

/** Where each collection lives, its one accepted extension, and whether it has subfolders. */
export const COLLECTIONS: ReadonlyArray<{ kind: CollectionKind; folder: string; extension: string; recursive: boolean }> = [
  { kind: 'plan', folder: 'plans', extension: '.mdx', recursive: true },
  { kind: 'agency', folder: 'agencies', extension: '.yaml', recursive: false },
  { kind: 'document', folder: 'documents', extension: '.yaml', recursive: false },
  { kind: 'report', folder: 'reports', extension: '.mdx', recursive: true },
];

/** Other spellings an author may use for a collection's extension; each gets a message instead of being dropped. */
const LOOKALIKES: Record<string, RegExp> = {
  '.mdx': /\.(mdx|md|markdown)$/i,
  '.yaml': /\.(yaml|yml)$/i,
};

/**
 * The one file discovery for `npm run check` and the build (the content loaders read exactly these
 * files). Files and folders whose name starts with "." are ignored, as the glob loaders did.
 * Nothing that could be published unchecked is skipped silently:
 * - a symbolic link is refused with one message, whatever it points at (a loop included): a link
 *   can lead out of the content folder, and a link to a folder could make a loop;
 * - a file with the wrong case or spelling of the extension (`.MDX`, `.yml`) gets a message;
 * - anything that is not a regular file or folder (a socket, a device) gets a message.
 * Returns sorted files, so results do not depend on the file system.
 * @example discoverContentFiles('/abs/content', (p) => p).files.map((f) => f.rel) // ['2024/x.mdx', 'so-mau.yaml', …]
 */
export function discoverContentFiles(root: string, displayPath: (abs: string) => string): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const { kind, folder, extension, recursive } of COLLECTIONS) {
    const base = join(root, folder);
    if (!existsSync(base)) continue;
    const walk = (dir: string, prefix: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        problems.push(problem(displayPath(dir), '', `không đọc được thư mục (${(error as NodeJS.ErrnoException).code ?? 'lỗi'})`));
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const abs = join(dir, entry.name);
        const rel = prefix + entry.name;
        if (entry.isSymbolicLink()) {
          problems.push(
            problem(displayPath(abs), '', 'liên kết tượng trưng (symlink) không được dùng trong thư mục nội dung: nó có thể trỏ ra ngoài hoặc tạo vòng lặp', {
              expected: 'chép tệp thật vào đây thay cho liên kết',
            }),
          );
        } else if (entry.isDirectory()) {
          if (recursive) walk(abs, `${rel}/`);
          else if (hasContentInside(abs, extension)) {
            problems.push(
              problem(displayPath(abs), '', `thư mục con không được nạp: các tệp ${extension} phải nằm ngay trong content/${folder}/`, {
                expected: `chuyển các tệp ra content/${folder}/`,
              }),
            );
          }
        } else if (!entry.isFile()) {
          problems.push(problem(displayPath(abs), '', 'không phải tệp thường (có thể là socket hoặc thiết bị)', { expected: `một tệp ${extension}` }));
        } else if (entry.name.endsWith(extension)) {
          files.push({ kind, abs, rel });
        } else if (LOOKALIKES[extension]!.test(entry.name) && !/^readme\.md$/i.test(entry.name)) {
          problems.push(
            problem(displayPath(abs), '', `tệp không được nạp: đuôi tệp phải là ${extension} (chữ thường)`, {
              expected: `đổi tên thành ${entry.name.replace(/\.[^.]+$/, extension)}`,
            }),
          );
        }
      }
    };
    walk(base, '');
  }
  return { files, problems };
}

/** True when a folder that will not be read holds a file that looks like content (one level is enough to warn). */
function hasContentInside(dir: string, extension: string): boolean {
  try {
    return readdirSync(dir).some((name) => LOOKALIKES[extension]!.test(name));
  } catch {
    return false;
  }
}
