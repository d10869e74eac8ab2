import { addEntryText, emptyContent, type ContentKind, type ContentSource, type LoadedContent } from '../content/parse';
import { validateContent } from '../content/validate';
import { formatProblem, sortProblems, type Problem } from '../content/problems';
import type { CmsCollection } from './format';

/**
 * What the editor needs from the rest of the content to run the cross-file checks on one entry:
 * every registry entry (as the check read it) and the id and path of every published plan. Built
 * once per build and published at `/quan-tri/danh-muc.json`; all of it is already public.
 */
export interface EditorRegistry {
  sources: ContentSource[];
}

const KINDS: Record<CmsCollection, ContentKind> = { plans: 'plan', agencies: 'agency', documents: 'document' };
const FOLDERS: Record<CmsCollection, string> = { plans: 'content/plans/', agencies: 'content/agencies/', documents: 'content/documents/' };

/**
 * The collection a repository path belongs to, by its folder.
 * @example collectionOfPath('content/documents/ct-33-2024.yaml') // 'documents'
 */
export function collectionOfPath(path: string): CmsCollection | undefined {
  return (Object.keys(FOLDERS) as CmsCollection[]).find((collection) => path.startsWith(FOLDERS[collection]));
}

/**
 * The registry for the editor, from content the build has loaded. Plans are reduced to their id,
 * path and publication (their bodies and fields are not needed by any cross-check on another entry).
 */
export function editorRegistry(content: Pick<LoadedContent, 'sources' | 'plans'>): EditorRegistry {
  const published = new Set(content.plans.filter((p) => p.data.status !== 'dự thảo').map((p) => p.file));
  const sources = content.sources.flatMap((s): ContentSource[] => {
    // Reports link to plans, not the other way round: no check on a plan or registry entry reads them.
    if (s.kind === 'report') return [];
    // Paths as the editor writes them (repository-relative), wherever the build read the content from.
    const file = repositoryPath(s);
    if (s.kind !== 'plan') return [{ kind: s.kind, id: s.id, file, folders: s.folders, raw: undefined, fields: s.fields, valid: s.valid }];
    // Drafts stay off the public site, their names included.
    return published.has(s.file) ? [{ kind: 'plan', id: s.id, file, folders: s.folders, raw: undefined, fields: {}, valid: true }] : [];
  });
  return { sources };
}

const COLLECTION_OF: Record<Exclude<ContentKind, 'report'>, CmsCollection> = { plan: 'plans', agency: 'agencies', document: 'documents' };

function repositoryPath(s: ContentSource): string {
  const extension = s.file.slice(s.file.lastIndexOf('.'));
  return `${FOLDERS[COLLECTION_OF[s.kind as Exclude<ContentKind, 'report'>]]}${[...s.folders, s.id].join('/')}${extension}`;
}

/**
 * Runs `npm run check` on one entry as the editor is about to save it: the file's own schema and
 * YAML checks, then the cross-file checks against the registry, and returns the problems of that
 * file only, with the same Vietnamese messages.
 * @example checkEntryFile({ collection: 'plans', path: 'content/plans/2024/x.mdx', text }, registry).length === 0
 */
export function checkEntryFile(entry: { collection: CmsCollection; path: string; text: string }, registry: EditorRegistry): Problem[] {
  const folder = FOLDERS[entry.collection];
  const rel = entry.path.startsWith(folder) ? entry.path.slice(folder.length) : entry.path.split('/').pop()!;
  const file = `${folder}${rel}`;
  const content = emptyContent('content');
  // The entry being edited replaces its own published version (and its registry stub).
  content.sources.push(...registry.sources.filter((s) => s.file !== file));
  // The body's own checks (syntax, allowed tags and URLs) need the build's MDX parser: the build and
  // `npm run check` run them; here the form checks everything else before saving.
  addEntryText(content, KINDS[entry.collection], entry.text, file, rel);
  const problems = [...content.problems, ...validateContent(content)];
  return sortProblems(problems.filter((p) => p.file === file));
}

/** One problem per line, as `npm run check` prints them. */
export function formatEntryProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** A registry entry saved from this browser since the build that made `danh-muc.json`. */
export interface RegistryAddition {
  collection: Exclude<CmsCollection, 'plans'>;
  /** Repository path, `content/agencies/{id}.yaml`. */
  path: string;
  text: string;
}

/**
 * The registry with entries saved since it was built: the build publishes `danh-muc.json` once,
 * so an agency or document added from the import page or the editor is unknown to it until the
 * next build, and a plan citing it could not be saved meanwhile. Additions the registry already
 * has (the site was rebuilt since) are left out, as is one whose file does not parse.
 */
export function withAdditions(registry: EditorRegistry, additions: readonly RegistryAddition[]): EditorRegistry {
  const known = new Set(registry.sources.map((s) => s.file));
  const fresh = additions.filter((a) => !known.has(a.path) && collectionOfPath(a.path) === a.collection);
  if (fresh.length === 0) return registry;
  const content = emptyContent('content');
  for (const { collection, path, text } of fresh) addEntryText(content, KINDS[collection], text, path, path.slice(FOLDERS[collection].length));
  return { sources: [...registry.sources, ...content.sources.filter((s) => s.valid)] };
}
