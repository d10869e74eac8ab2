import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { findMdxHazards, findNonNfcLines } from '../../../src/lib/content/body';

const chars = (body: string) => findMdxHazards(body).map((h) => `${h.line}:${h.char}`);

describe('findMdxHazards', () => {
  it('points at a bare "<" with its file line and the escaped form', () => {
    expect(findMdxHazards('Mở đầu\n\nTỷ lệ trễ hạn <5% mỗi quý.', 40)).toEqual([
      { line: 42, char: '<', excerpt: 'Tỷ lệ trễ hạn <5% mỗi quý.', fixed: 'Tỷ lệ trễ hạn &lt;5% mỗi quý.', autolink: false },
    ]);
  });

  it('flags braces, which MDX reads as JavaScript', () => {
    expect(chars('Điều {1} và }')).toEqual(['1:{', '1:}', '1:}']);
  });

  it('ignores code, escapes, entities, JSX tags with expression props and MDX comments', () => {
    const body = [
      'import Targets from "../Targets.astro";',
      '',
      'Tỷ lệ &lt;5% và \\{ngoặc\\} và \\<.',
      '`a < b {c}` và ``x ` <y``',
      '```',
      'if (a < b) { return; }',
      '```',
      '<Targets items={frontmatter.targets.filter((t) => t.value > 0)} label="a > b" />',
      '{/* ghi chú { < */}',
      '<div>',
      'Nội dung',
      '</div>',
    ].join('\n');
    expect(findMdxHazards(body)).toEqual([]);
  });

  it('reports an autolink and a tag that never closes', () => {
    const hazards = findMdxHazards('Xem <https://tayninh.gov.vn> nhé.\n\nĐạt <b chỉ tiêu\n\nHết.');
    expect(hazards.map((h) => [h.line, h.char, h.autolink])).toEqual([
      [1, '<', true],
      [3, '<', false],
    ]);
  });

  it('shortens long lines to whole words around the character', () => {
    const line = `${'chữ '.repeat(20)}<${' tiếp'.repeat(20)}`;
    const [h] = findMdxHazards(line);
    expect(h!.excerpt.startsWith('…chữ ')).toBe(true);
    expect(h!.excerpt.endsWith('tiếp…')).toBe(true);
    expect(h!.excerpt).toContain('chữ < tiếp');
  });

  // Grounds the scanner in the MDX compiler Astro uses: what we flag fails to compile, what we pass compiles.
  // ("a < b" and a lone "}" compile, but we still ask for escapes there: one simple rule for authors.)
  it.each([
    ['tỷ lệ <50%', true],
    ['x <= 5', true],
    ['<!-- ghi chú -->', true],
    ['a { b', true],
    ['<https://x.vn>', true],
    ['a<1', true],
    ['<đ', true],
    ['a &lt; b', false],
    ['a \\{ b', false],
    ['`a < b` ok', false],
    ['```\na < b {\n```', false],
    ['{/* c */}', false],
    ['<Targets />', false],
    ['<div>x</div>', false],
  ])('%j: flagged = %s, in agreement with the MDX compiler', async (body, flagged) => {
    expect(findMdxHazards(body).length > 0).toBe(flagged);
    let compiles = true;
    try {
      await mdxToJs(body);
    } catch {
      compiles = false;
    }
    expect(compiles).toBe(!flagged);
  });
});

describe('findNonNfcLines', () => {
  it('finds a decomposed letter (as in seed 004) and names its first combining mark (ự = u + horn + dot)', () => {
    const decomposed = 'Thực hiện ngã'.normalize('NFD');
    expect(findNonNfcLines(`Dòng đầu\n${decomposed}`, 10)).toEqual([{ line: 11, excerpt: decomposed, mark: 'U+031B' }]);
  });

  it('accepts NFC text', () => {
    expect(findNonNfcLines('Ủy ban nhân dân xã Minh Tâm')).toEqual([]);
  });
});
