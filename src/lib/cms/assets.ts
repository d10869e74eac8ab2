import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadCardFonts } from '../og/fonts';
import { CARD_PREVIEW_WASM } from '../og/preview';

// Decap CMS is served from the portal itself (no CDN, no foreign service): its bundle and the
// chunks it loads on demand, without source maps.
const require = createRequire(import.meta.url);
const distDir = dirname(require.resolve('decap-cms/dist/decap-cms.js'));

/** File names of the editor bundle: `decap-cms.js` and the `*.decap-cms.js` chunks it loads. */
let names: string[] | undefined;

export function editorAssetNames(): string[] {
  // Read once per build: the route asks for the list, then once per file it serves.
  names ??= readdirSync(distDir)
    .filter((name) => /(^|\.)decap-cms\.js$/.test(name))
    .sort();
  return names;
}

/** The bytes of one editor bundle file (a name from `editorAssetNames`). */
export function editorAsset(name: string): Buffer {
  if (!editorAssetNames().includes(name)) throw new Error(`not an editor asset: ${name}`);
  return readFileSync(join(distDir, name));
}

let version: string | undefined;

/**
 * The incremental build's key of one editor file: the installed decap-cms version, the file's name
 * and size. A package version's files never change, so an unchanged key means unchanged bytes and
 * the file is copied from the cache instead of read and written again.
 */
export function editorAssetKey(name: string): string {
  version ??= (JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return `decap-cms@${version}/${name}/${statSync(join(distDir, name)).size}`;
}

/**
 * The file of one share-card preview asset (a name from CARD_PREVIEW_FILES, served under
 * `/quan-tri/anh-chia-se/`): takumi's WebAssembly renderer, or a card font as `.woff` or `.woff2`.
 */
export function cardPreviewAssetPath(name: string): string {
  if (name === CARD_PREVIEW_WASM) return join(dirname(require.resolve('@takumi-rs/wasm')), '..', 'pkg', 'takumi_wasm_bg.wasm');
  const face = loadCardFonts().find((font) => name === `${font.file}.woff` || name === `${font.file}.woff2`);
  if (!face) throw new Error(`not a card preview asset: ${name}`);
  return name.endsWith('.woff2') ? `${face.path}2` : face.path;
}

/** Content type of a card preview asset. */
export function cardPreviewAssetType(name: string): string {
  return name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.woff2') ? 'font/woff2' : 'font/woff';
}

/** Incremental-build key of a card preview asset: its bytes' hash. */
export function cardPreviewAssetKey(name: string): string {
  return createHash('sha256').update(readFileSync(cardPreviewAssetPath(name))).digest('base64url');
}
