import { getCatalog } from '../catalog/from-collections';
import { site } from '../../site.config';
import type { PublishContext } from './context';
import { contentType, createOpenData, type FileFormat, type OpenData } from './open-data';

const NEEDS_WORKBOOKS: ReadonlySet<FileFormat> = new Set<FileFormat>(['XLSX', 'JSON-LD', 'Data Package']);

/** The publish context of the current Astro build (`site` and `base` from astro.config.mjs). */
export function publishContext(): PublishContext {
  return { site: import.meta.env.SITE ?? site.portalUrl, base: import.meta.env.BASE_URL };
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
  // Only a workbook, and the DCAT catalog and datapackage.json (which size every file, workbooks
  // included), need the workbooks written; a feed page or a plan record does not wait for them.
  if (NEEDS_WORKBOOKS.has(entry.format)) await openData.prepare();
  return new Response(toBodyInit(openData.file(path).body), { headers: { 'Content-Type': contentType(entry.format) } });
}

function toBodyInit(body: string | Buffer): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}
