import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { checkEntryFile, editorRegistry, formatEntryProblems, withAdditions } from '../../../src/lib/cms/check-entry';
import { readAdditions, recordAddition, REGISTRY_ADDITIONS_KEY } from '../../../src/lib/cms/stash';
import { entryToFile, fileToEntry } from '../../../src/lib/cms/format';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { content } = checkContent(join(ROOT, 'content'), { baseDir: ROOT });
const registry = editorRegistry(content);
const plan = content.plans[0]!;
const planText = readFileSync(join(ROOT, plan.file), 'utf8');

describe('checkEntryFile', () => {
  it('finds nothing wrong in a real plan saved unchanged, although its own slug is in the registry', () => {
    expect(formatEntryProblems(checkEntryFile({ collection: 'plans', path: plan.file, text: planText }, registry))).toBe('');
  });

  it('gives the messages npm run check gives, for the schema and across files', () => {
    const entry = fileToEntry('plans', planText);
    const text = entryToFile('plans', { ...entry, issuer: 'so-khong-co', number: '12a', summary: '' });
    const problems = checkEntryFile({ collection: 'plans', path: plan.file, text }, registry);
    expect(problems.map((p) => p.field).sort()).toEqual(['issuer', 'number', 'summary']);
    expect(formatEntryProblems(problems)).toContain(`${plan.file} › issuer: không có cơ quan này trong content/agencies/`);
    expect(formatEntryProblems(problems)).toContain('số văn bản chỉ gồm chữ số');
  });

  it('refuses a second plan with a published plan’s slug in another year folder', () => {
    const other = plan.file.replace(/plans\/\d{4}\//, 'plans/2019/');
    const problems = checkEntryFile({ collection: 'plans', path: other, text: planText }, registry);
    expect(formatEntryProblems(problems)).toMatch(/trùng slug/);
  });

  it('checks a registry entry too', () => {
    const problems = checkEntryFile({ collection: 'agencies', path: 'content/agencies/so-moi.yaml', text: 'name: "Sở Mới"\nshortName: "Sở Mới"\nlevel: "bộ"\nparent: null\n' }, registry);
    expect(problems.map((p) => p.field)).toEqual(['level']);
  });

  it('leaves draft plans out of the published registry', () => {
    expect(registry.sources.filter((s) => s.kind === 'plan').length).toBe(content.plans.filter((p) => p.data.status === 'ban hành').length);
    expect(registry.sources.every((s) => s.raw === undefined)).toBe(true);
  });
});

describe('withAdditions', () => {
  it('makes a document saved since the build known to the check of a plan citing it', () => {
    const cited = content.plans.find((p) => p.data.basis.some((r) => r.document))!;
    const id = cited.data.basis.find((r) => r.document)!.document!;
    const source = registry.sources.find((s) => s.kind === 'document' && s.id === id)!;
    const path = `content/plans/${cited.file.split('content/plans/')[1]}`;
    const text = readFileSync(join(ROOT, cited.file), 'utf8');
    // The registry as published before the document was added.
    const before = { sources: registry.sources.filter((s) => s !== source) };
    expect(formatEntryProblems(checkEntryFile({ collection: 'plans', path, text }, before))).toContain(id);
    const added = withAdditions(before, [{ collection: 'documents', path: source.file, text: readFileSync(join(ROOT, source.file), 'utf8') }]);
    expect(checkEntryFile({ collection: 'plans', path, text }, added)).toEqual([]);
  });

  it('leaves out additions the rebuilt registry has and files that do not parse', () => {
    const existing = registry.sources.find((s) => s.kind === 'document')!;
    expect(withAdditions(registry, [{ collection: 'documents', path: existing.file, text: 'type: [' }])).toBe(registry);
    const broken = withAdditions(registry, [{ collection: 'documents', path: 'content/documents/hong.yaml', text: 'type: [' }]);
    expect(broken.sources.some((s) => s.file === 'content/documents/hong.yaml')).toBe(false);
  });
});

describe('registry additions in localStorage', () => {
  it('keeps one record per file, the latest', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readAdditions(storage)).toEqual([]);
    recordAddition(storage, { collection: 'documents', path: 'content/documents/a.yaml', text: '1' });
    recordAddition(storage, { collection: 'agencies', path: 'content/agencies/b.yaml', text: '2' });
    recordAddition(storage, { collection: 'documents', path: 'content/documents/a.yaml', text: '3' });
    expect(readAdditions(storage).map((a) => `${a.path}=${a.text}`)).toEqual(['content/agencies/b.yaml=2', 'content/documents/a.yaml=3']);
    store.set(REGISTRY_ADDITIONS_KEY, '{not json');
    expect(readAdditions(storage)).toEqual([]);
  });
});
