import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
