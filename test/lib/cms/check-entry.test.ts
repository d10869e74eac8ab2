import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { checkEntryFile, editorRegistry, formatEntryProblems } from '../../../src/lib/cms/check-entry';
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
