import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content/load';
import { entryToFile, fileToEntry, normalizeEntryData } from '../../../src/lib/cms/format';
import { planSchema } from '../../../src/schemas/plan';
import { agencySchema } from '../../../src/schemas/agency';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const content = loadContent(join(ROOT, 'content'), { baseDir: ROOT });

describe('entryToFile / fileToEntry', () => {
  it.each(content.plans.map((p) => [p.slug, p.file]))('round-trips the real plan %s without changing a field or the body', (_slug, file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const entry = fileToEntry('plans', text);
    const written = entryToFile('plans', entry);
    const again = fileToEntry('plans', written);
    expect(planSchema.parse(again)).toEqual(planSchema.parse(entry));
    expect(again.body).toBe(entry.body);
    expect(written.trimEnd().endsWith((entry.body as string).trimEnd())).toBe(true);
  });

  it('quotes dates, so YAML 1.1 readers cannot turn them into timestamps', () => {
    const text = entryToFile('plans', { title: 'Kế hoạch mẫu', issuedOn: '2024-02-29', deadlines: [{ date: '2024-11-10', task: 'Báo cáo' }], body: 'I. MỤC ĐÍCH' });
    expect(text).toContain('issuedOn: "2024-02-29"');
    expect(text).toContain('  - date: "2024-11-10"');
    expect(text).not.toMatch(/: 20\d\d-\d\d-\d\d$/m);
  });

  it('writes an empty input as null and stores NFC', () => {
    const decomposed = 'Dân vận'.normalize('NFD');
    expect(normalizeEntryData({ number: '', title: decomposed, topics: ['', decomposed] })).toEqual({
      number: null,
      title: 'Dân vận',
      topics: ['Dân vận'],
    });
  });

  it('writes registry entries as plain YAML', () => {
    const agency = content.agencies[0]!;
    const text = entryToFile('agencies', agency.data as unknown as Record<string, unknown>);
    expect(text.startsWith('---')).toBe(false);
    expect(agencySchema.parse(fileToEntry('agencies', text))).toEqual(agency.data);
  });
});
