import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../../src/lib/search/excerpt';
import { normalizeQuery } from '../../../src/lib/search/query';

const render = (text: string, q: string, words?: number) =>
  buildExcerpt(text, normalizeQuery(q).terms, { words }).map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('buildExcerpt', () => {
  it('marks the words as written for a folded query', () => {
    expect(render('Ban Cán sự Đảng Ủy ban nhân dân tỉnh', 'dang uy')).toBe('Ban Cán sự [Đảng] [Ủy] ban nhân dân tỉnh');
  });

  it('marks a document number whole, whatever the query spelling', () => {
    expect(render('Chỉ thị số 33/CT-TTg ngày 26/11/2021', 'ct-ttg 33')).toBe('Chỉ thị số [33/CT-TTg] ngày 26/11/2021');
  });

  it('prefers the passage holding the phrase over one with more scattered hits', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `câu${i}`).join(' ');
    const text = `kết quả kết quả tiếp nhận trả bộ phận ${filler} Bộ phận tiếp nhận và trả kết quả ở xã ${filler}`;
    const excerpt = render(text, 'bộ phận tiếp nhận và trả kết quả', 12);
    expect(excerpt).toContain('[Bộ] [phận] [tiếp] [nhận] [và] [trả] [kết] [quả]');
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
  });

  it('starts at the top when nothing matches', () => {
    expect(render('Một hai ba bốn', 'xyz', 3)).toBe('Một hai ba …');
  });

  it('marks whole words only, as the search matches them', () => {
    expect(render('cơ quan và kết quả', 'kết qua')).toBe('cơ quan và [kết] [quả]');
    expect(render('cơ quan xã', 'co qua')).toBe('[cơ] quan xã');
  });

  it('never returns HTML: angle brackets stay text', () => {
    const parts = buildExcerpt('tỷ lệ <50% dân vận', ['dan']);
    expect(parts.map((p) => p.text).join('')).toBe('tỷ lệ <50% dân vận');
  });
});
