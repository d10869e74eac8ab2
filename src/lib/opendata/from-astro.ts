import { BytesResponse } from '../build/bytes-response';
import { getCatalog } from '../catalog/from-collections';
import { publishContextOf, type PublishContext } from './context';
import { contentType, createOpenData, type FileFormat, type OpenData } from './open-data';

const SIZES_EVERY_FILE: ReadonlySet<FileFormat> = new Set<FileFormat>(['JSON-LD', 'Data Package']);

/** The publish context of the current Astro build (`site` and `base` from astro.config.mjs). */
export function publishContext(): PublishContext {
  return publishContextOf(import.meta.env.SITE, import.meta.env.BASE_URL);
}

/** The open data of the current build (one catalog, files rendered once). */
export async function getOpenData(): Promise<OpenData> {
  return createOpenData(await getCatalog(), publishContext());
}

/** An endpoint's response: the registry's file at `path`, with its media type. */
export async function serveOpenData(path: string): Promise<Response> {
  const openData = await getOpenData();
  const entry = openData.entry(path);
  if (!entry) throw new Error(`Open data: no file "${path}" in the registry`);
  // The DCAT catalog and datapackage.json size every file: the tables' may be in the making elsewhere.
  if (SIZES_EVERY_FILE.has(entry.format)) await openData.prepareSummaries();
  return new BytesResponse(openData.file(path).body, { headers: { 'Content-Type': contentType(entry.format) } });
}
