import { BytesResponse } from '../build/bytes-response';
import { getCatalog } from '../catalog/from-collections';
import { apiPaths, publishContextOf, type PublishContext } from './context';
import { tableNames } from './record-schemas';
import { contentType, createOpenData, type FileFormat, type OpenData } from './open-data';

const SIZES_EVERY_FILE: ReadonlySet<FileFormat> = new Set<FileFormat>(['JSON-LD', 'Data Package']);

/** The publish context of the current Astro build (`site` and `base` from astro.config.mjs). */
export function publishContext(): PublishContext {
  return publishContextOf(import.meta.env.SITE, import.meta.env.BASE_URL);
}

/** The open data of the current build (one catalog, files rendered once). */
export async function getOpenData(): Promise<OpenData> {
  return await createOpenData(await getCatalog(), publishContext(), { workbooks: false });
}

/** An endpoint's response: the registry's file at `path`, with its media type. */
export async function serveOpenData(path: string): Promise<Response> {
  const openData = await getOpenData();
  const entry = openData.entry(path);
  if (!entry) throw new Error(`Open data: no file "${path}" in the registry`);
  // A workbook needs itself written; the DCAT catalog and datapackage.json (which size every file)
  // need the workbooks whose size is not kept from an earlier build; nothing else waits for them.
  if (entry.format === 'XLSX') await openData.prepare(tableNames.filter((name) => apiPaths.table(name, 'xlsx') === path));
  if (SIZES_EVERY_FILE.has(entry.format)) await openData.prepareSummaries();
  return new BytesResponse(openData.file(path).body, { headers: { 'Content-Type': contentType(entry.format) } });
}
