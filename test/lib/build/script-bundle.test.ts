import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleScripts, type BundleOptions } from '../../../src/lib/build/script-bundle';
import { tempDir, writeFileIn, writeFiles } from '../../support/temp-dir';

/** A project with one script that imports a module and a stylesheet and loads a chunk on demand. */
function project(): BundleOptions {
  const root = tempDir('script-bundle-');
  writeFiles(root, {
    'package.json': '{ "type": "module" }',
    'src/scripts/editor.ts': "import './editor.css';\nimport { label } from '../lib/label';\ndocument.title = label('Biên tập');\ndocument.addEventListener('click', () => import('../lib/lazy').then(({ big }) => (document.title = big)));\n",
    'src/scripts/editor.css': '.editor { color: #0b0c0c; }\n',
    'src/lib/label.ts': "export const label = (text: string) => `${text} — Kế hoạch mở`;\n",
    'src/lib/lazy.ts': "export const big = 'tải khi cần';\n",
    'src/lib/unrelated.ts': 'export const other = 1;\n',
  });
  return { root, cacheDir: join(root, '.cache/editor-scripts'), entries: { editor: 'src/scripts/editor.ts' } };
}

describe('bundleScripts', () => {
  it('bundles an entry with its stylesheet and on-demand chunk, recording every file it read', async () => {
    const options = project();
    const { bundle, dir, built } = await bundleScripts(options);
    expect(built).toBe(true);
    const entry = bundle.entries.editor!;
    expect(entry.script).toMatch(/^editor\.[\w-]+\.js$/);
    expect(entry.styles).toEqual([expect.stringMatching(/^editor\.[\w-]+\.css$/)]);
    expect(readFileSync(join(dir, entry.styles[0]!), 'utf8')).toContain('#0b0c0c');
    const script = readFileSync(join(dir, entry.script), 'utf8');
    expect(script).toContain('Kế hoạch mở');
    // The chunk is loaded by a URL relative to the entry, so the bundle works under any base path.
    const lazy = Object.keys(bundle.files).find((file) => file.startsWith('lazy.'))!;
    expect(script).toContain(`./${lazy}`);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(bundle.files).sort());
    expect(Object.keys(bundle.inputs).sort()).toEqual(['src/lib/label.ts', 'src/lib/lazy.ts', 'src/scripts/editor.css', 'src/scripts/editor.ts']);
  });

  it('reuses the kept bundle while its inputs are unchanged, and rebuilds when one changes', async () => {
    const options = project();
    const first = await bundleScripts(options);
    writeFileIn(join(options.root, 'src/lib/unrelated.ts'), 'export const other = 2;\n');
    const again = await bundleScripts(options);
    expect(again.built).toBe(false);
    expect(again.bundle).toEqual(first.bundle);

    writeFileIn(join(options.root, 'src/lib/label.ts'), "export const label = (text: string) => `${text} · Cổng thông tin`;\n");
    const edited = await bundleScripts(options);
    expect(edited.built).toBe(true);
    expect(edited.bundle.entries.editor!.script).not.toBe(first.bundle.entries.editor!.script);
    expect(readFileSync(join(edited.dir, edited.bundle.entries.editor!.script), 'utf8')).toContain('Cổng thông tin');
    // The old bundle's folder is gone; the unchanged stylesheet keeps its name.
    expect(existsSync(first.dir)).toBe(false);
    expect(edited.bundle.entries.editor!.styles).toEqual(first.bundle.entries.editor!.styles);
  });

  it('rebuilds when the lockfile or the entries change, or a kept file was altered', async () => {
    const options = project();
    await bundleScripts(options);
    writeFileIn(join(options.root, 'package-lock.json'), '{ "lockfileVersion": 3 }');
    expect((await bundleScripts(options)).built).toBe(true);
    expect((await bundleScripts(options)).built).toBe(false);

    const more = { ...options, entries: { ...options.entries, lazy: 'src/lib/lazy.ts' } };
    const withLazy = await bundleScripts(more);
    expect(withLazy.built).toBe(true);
    expect(Object.keys(withLazy.bundle.entries).sort()).toEqual(['editor', 'lazy']);

    writeFileSync(join(withLazy.dir, withLazy.bundle.entries.editor!.script), 'alert(1)');
    const repaired = await bundleScripts(more);
    expect(repaired.built).toBe(true);
    expect(readFileSync(join(repaired.dir, repaired.bundle.entries.editor!.script), 'utf8')).toContain('Kế hoạch mở');
  });

  it('fails naming the entry whose file does not exist', async () => {
    const options = project();
    await expect(bundleScripts({ ...options, entries: { missing: 'src/scripts/missing.ts' } })).rejects.toThrow(/missing\.ts/);
  });
});
