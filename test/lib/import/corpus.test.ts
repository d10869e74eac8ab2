import { describe, expect, it } from 'vitest';
import { measureCorpus, recallPrecision } from '../../../scripts/bench/import-corpus';

// The corpus of real documents (test/fixtures/import/corpus): the targets issue 14 sets. Each
// failure names the document and what differs, so a regression points at the shape it broke.
describe('the importer on the corpus of real documents from other provinces and levels', () => {
  const measures = measureCorpus();

  it('holds at least 30 documents', () => {
    expect(measures.length).toBeGreaterThanOrEqual(30);
  });

  it('reads every header (số, ký hiệu, ngày, địa danh) right', () => {
    expect(measures.filter((m) => !m.header.right).map((m) => `${m.file}: ${m.header.wrong.join('; ')}`)).toEqual([]);
  });

  it('names the issuer right or honestly says it does not know, never wrong', () => {
    expect(measures.filter((m) => m.issuer === 'wrong').map((m) => `${m.file}: ${m.issuerShown}`)).toEqual([]);
    expect(measures.filter((m) => m.issuer === 'right').length).toBeGreaterThanOrEqual(measures.length - 3);
  });

  it('finds numbered references with recall and precision of at least 0.97', () => {
    const { recall, precision } = recallPrecision(measures, (m) => m.references);
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(precision).toBeGreaterThanOrEqual(0.97);
  });

  it('takes no reported result for a target', () => {
    expect(measures.flatMap((m) => m.targets.extra.map((t) => `${m.file}: ${t}`))).toEqual([]);
  });
});
