import type { APIRoute } from 'astro';
import { editorScriptFile, editorScriptFiles } from '../../../lib/cms/editor-scripts';

/** The editor's own scripts (src/lib/cms/editor-scripts.ts); none on the dev server, which serves the sources. */
export async function getStaticPaths() {
  if (import.meta.env.DEV) return [];
  return (await editorScriptFiles()).map(({ file, key }) => ({ params: { file }, cacheKey: key }));
}

export const GET: APIRoute = async ({ params }) => {
  const { body, type } = await editorScriptFile(params.file!);
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': type } });
};
