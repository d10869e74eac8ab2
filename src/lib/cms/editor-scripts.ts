/**
 * The staff editor's own scripts (the editor shell's and the importer's), bundled once per content
 * of their inputs (src/lib/build/script-bundle.ts) instead of by Astro in every build, and served
 * under /quan-tri/js/. The build's integration (src/integrations/editor-scripts.ts) starts the
 * bundle when the build starts; the editor pages and the route of its files wait for it here. The
 * dev server serves the sources themselves, through Vite, with hot reload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleResult } from '../build/script-bundle';
import { paths, withBase } from '../paths';

/** Entry name → source file, relative to the project root. */
export const EDITOR_SCRIPTS = {
  'cms-editor': 'src/scripts/cms-editor.ts',
  'cms-import': 'src/scripts/cms-import.ts',
} as const;

export type EditorScript = keyof typeof EDITOR_SCRIPTS;

/** Shared by every copy of this module in the process: the integration's and the bundled pages'. */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('ke-hoach-mo.editor-scripts')] ??= {}) as { bundle?: Promise<BundleResult> };

/** Called by the build's integration with the bundle it started. */
export function editorScriptsBundling(bundle: Promise<BundleResult>): void {
  shared.bundle = bundle;
  // Not an unhandled rejection meanwhile: a failure fails the build where a page awaits the bundle.
  bundle.catch(() => undefined);
}

async function bundle(): Promise<BundleResult> {
  if (!shared.bundle) throw new Error('The editor scripts are not being bundled: add editorScripts() from src/integrations/editor-scripts.ts to the integrations in astro.config.mjs.');
  return shared.bundle;
}

/** What a page puts in its head and body to run one editor script. */
export interface EditorScriptTags {
  script: string;
  styles: string[];
}

/**
 * The URLs of one editor script and its stylesheets: the bundle's files in a build, the source
 * itself on the dev server (Vite compiles it and injects its styles).
 * @example await editorScriptTags('cms-import', '/', false) // { script: '/quan-tri/js/cms-import.B4k….js', styles: [] }
 */
export async function editorScriptTags(name: EditorScript, base: string, dev: boolean): Promise<EditorScriptTags> {
  if (dev) return { script: withBase(base, EDITOR_SCRIPTS[name]), styles: [] };
  const { entries } = (await bundle()).bundle;
  const entry = entries[name];
  if (!entry) throw new Error(`The editor bundle has no script "${name}"`);
  return { script: withBase(base, paths.editorScript(entry.script)), styles: entry.styles.map((file) => withBase(base, paths.editorScript(file))) };
}

/** Every file of the bundle with its incremental-build key (the sha256 of its bytes). */
export async function editorScriptFiles(): Promise<{ file: string; key: string }[]> {
  const { files } = (await bundle()).bundle;
  return Object.entries(files).map(([file, key]) => ({ file, key }));
}

/** The bytes of one file of the bundle and its media type. */
export async function editorScriptFile(file: string): Promise<{ body: Buffer; type: string }> {
  const { bundle: kept, dir } = await bundle();
  if (!(file in kept.files)) throw new Error(`not a file of the editor bundle: ${file}`);
  const type = file.endsWith('.css') ? 'text/css; charset=utf-8' : file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
  return { body: readFileSync(join(dir, file)), type };
}
