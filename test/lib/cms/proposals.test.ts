import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { importPlanText } from '../../../src/lib/import/import-plan';
import { registryProposals } from '../../../src/lib/cms/proposals';
import { checkEntryFile, editorRegistry } from '../../../src/lib/cms/check-entry';
import { loadContent } from '../../../src/lib/content/load';
import { CONTENT, registries, seeds } from '../import/seeds';

const registry = editorRegistry(loadContent(CONTENT));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('registryProposals', () => {
  it('offers every cited document an empty document registry lacks, once, as a file the check accepts', () => {
    let files = 0;
    for (const { file, text } of seeds) {
      const result = importPlanText(text, { ...registries, documents: [], sourceFile: file, sha256: sha(text) });
      const proposals = registryProposals(result, file).filter((p) => p.collection === 'documents');
      const cited = new Set([...result.plan.basis, ...result.plan.citations].map((r) => r.document).filter((id): id is string => Boolean(id)));
      expect(new Set(proposals.map((p) => p.id)), file).toEqual(cited);
      expect(proposals.length, file).toBe(cited.size);
      for (const p of proposals) {
        expect(p.path).toBe(`content/documents/${p.id}.yaml`);
        expect(p.usedIn, `${file} ${p.id}`).toMatch(/Căn cứ|Văn bản/);
        if (p.file === null) {
          expect(p.missing, `${file} ${p.id}`).toMatch(/cơ quan ban hành|năm ban hành/);
          continue;
        }
        files++;
        expect(checkEntryFile({ collection: 'documents', path: p.path, text: p.file }, registry), `${file} ${p.id}`).toEqual([]);
      }
    }
    expect(files).toBeGreaterThan(5);
  });

  it('offers the issuer an empty agency registry lacks as its own entry, first', () => {
    let offered = 0;
    for (const { file, text } of seeds) {
      const result = importPlanText(text, { ...registries, agencies: [], sourceFile: file, sha256: sha(text) });
      if (result.issuer.kind !== 'proposed') continue;
      offered++;
      const [first] = registryProposals(result, file);
      expect(first, file).toMatchObject({ collection: 'agencies', id: result.issuer.entry.id, path: `content/agencies/${result.issuer.entry.id}.yaml`, usedIn: 'Cơ quan ban hành' });
      if (first!.file) expect(checkEntryFile({ collection: 'agencies', path: first!.path, text: first!.file }, registry), file).toEqual([]);
      else expect(first!.missing, file).toMatch(/cấp hành chính/);
    }
    expect(offered).toBeGreaterThan(0);
  });

  it('offers nothing when the registries know every agency and document of the plan', () => {
    const curated = seeds.filter((s) => s.curated);
    expect(curated.length).toBeGreaterThan(0);
    for (const { file, text } of curated) {
      const result = importPlanText(text, { ...registries, sourceFile: file, sha256: sha(text) });
      expect(registryProposals(result, file), file).toEqual([]);
    }
  });
});
