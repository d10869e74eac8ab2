/**
 * /quan-tri/anh-chia-se/{file}: what the editor's share-card preview loads (src/lib/og/preview.ts):
 * takumi's WebAssembly renderer and the card fonts, served from the portal itself.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { CARD_PREVIEW_FILES } from '../../../lib/og/preview';
import { cardPreviewAssetKey, cardPreviewAssetPath, cardPreviewAssetType } from '../../../lib/cms/assets';

export function getStaticPaths() {
  return CARD_PREVIEW_FILES.map((file) => ({ params: { file }, cacheKey: cardPreviewAssetKey(file) }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(readFileSync(cardPreviewAssetPath(params.file!))), { headers: { 'Content-Type': cardPreviewAssetType(params.file!) } });
