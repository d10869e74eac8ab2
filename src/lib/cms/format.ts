import { parse } from 'yaml';
import { renderPlanFile, renderYaml, type Yaml } from '../import/mdx';
import { splitFrontmatter } from '../content/parse';

/** The editor's collections, named as in the CMS configuration. */
export type CmsCollection = 'plans' | 'agencies' | 'documents';

/** Name of the file format the editor registers (Decap `registerCustomFormat`). */
export const CMS_FORMATS = { plans: 'ke-hoach-mdx', registry: 'danh-muc-yaml' } as const;

type Data = Record<string, unknown>;

/**
 * What the form holds, made ready to write: an empty input ("") is a missing value (null), the
 * same as a field the author never touched, and text is NFC. Keys keep the form's order, which is
 * the schema's.
 */
export function normalizeEntryData(data: Data): Record<string, Yaml> {
  const out: Record<string, Yaml> = {};
  for (const [key, value] of Object.entries(data)) out[key] = normalizeValue(value);
  return out;
}

function normalizeValue(value: unknown): Yaml {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map(normalizeValue).filter((v) => v !== null) as Yaml;
  if (typeof value === 'object') return normalizeEntryData(value as Data) as Yaml;
  return String(value);
}

/**
 * The file the editor writes for an entry, with the importer's writer: every string double-quoted,
 * so a date can never be read back as a YAML timestamp (which rolls impossible days over).
 * @example entryToFile('plans', { title: 'Thực hiện…', body: 'I. MỤC ĐÍCH' }) // '---\ntitle: "Thực hiện…"\n---\n\nI. MỤC ĐÍCH\n'
 */
export function entryToFile(collection: CmsCollection, data: Data): string {
  if (collection !== 'plans') return renderYaml(normalizeEntryData(data));
  const { body, ...fields } = data;
  const text = typeof body === 'string' ? body.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\s+$/, '') : '';
  return renderPlanFile(normalizeEntryData(fields), `${text}\n`);
}

/** Reads a file into the form's data (YAML 1.2 core schema: a date stays the string written). */
export function fileToEntry(collection: CmsCollection, text: string): Data {
  if (collection !== 'plans') return (parse(text, { version: '1.2', schema: 'core' }) as Data | null) ?? {};
  const split = splitFrontmatter(text);
  if (!split) return { body: text };
  const fields = (parse(split.yaml, { version: '1.2', schema: 'core' }) as Data | null) ?? {};
  return { ...fields, body: split.body.replace(/^\n/, '') };
}
