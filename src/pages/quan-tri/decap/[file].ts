import type { APIRoute } from 'astro';
import { editorAsset, editorAssetKey, editorAssetNames } from '../../../lib/cms/assets';

export function getStaticPaths() {
  return editorAssetNames().map((file) => ({ params: { file }, cacheKey: editorAssetKey(file) }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(editorAsset(params.file!)), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
