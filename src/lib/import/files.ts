import { readFile } from 'node:fs/promises';
import { readSourceBytes, type SourceText } from './read-source';
import { importPlanSource, type ImportOptions, type ImportResult } from './import-plan';
import { loadContent } from '../content/load';
import { registriesFrom, type Registries } from './registries';

// The importer's entry points that read from disk (npm run import); everything else in
// src/lib/import also runs in the browser editor.

/**
 * Reads a .txt, .md or .docx file as NFC text.
 * @example (await readSource('../shared/seeds/000_82944d6273abc2bf.txt')).format // 'txt'
 */
export async function readSource(path: string): Promise<SourceText> {
  return readSourceBytes(await readFile(path), path);
}

/**
 * Reads a .txt, .md or .docx file and imports it.
 * @example (await importPlanFile('ke-hoach.docx', loadRegistries('content'))).plan.title
 */
export async function importPlanFile(
  path: string,
  options: Omit<ImportOptions, 'sourceFile' | 'sha256' | 'format'>,
): Promise<ImportResult & { source: SourceText }> {
  const source = await readSource(path);
  return { ...importPlanSource(source, options), source };
}

/**
 * Reads the registries of a content folder (invalid entries are skipped: `npm run check` reports them).
 * @example loadRegistries('content').agencies.find((a) => a.id === 'so-tttt-tay-ninh')?.shortName // 'Sở TTTT'
 */
export function loadRegistries(contentDir: string): Registries {
  return registriesFrom(loadContent(contentDir));
}
