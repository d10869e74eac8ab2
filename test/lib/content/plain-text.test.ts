import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/lib/content/load';
import { decodeEntities, inlineText, mdxBlocks, mdxToPlainText } from '../../../src/lib/content/plain-text';

const content = loadContent(join(fileURLToPath(new URL('../../..', import.meta.url)), 'content'));

describe('decodeEntities', () => {
  it('decodes numeric and named references and leaves unknown names alone', () => {
    expect(decodeEntities('&lt;50&#37; &amp; &#123;x&#x7D; &ldquo;a&rdquo; &nbsp;')).toBe('<50% & {x} “a”  ');
    expect(decodeEntities('&khongco; &#0; &#xD800;')).toBe('&khongco; \uFFFD \uFFFD');
  });
});

describe('inlineText', () => {
  it('drops Markdown syntax and decodes MDX escapes', () => {
    expect(inlineText('**trước ngày 15/11/2025.**')).toBe('trước ngày 15/11/2025.');
    expect(inlineText('tỷ lệ &lt;50% \\{a\\} [Cổng](https://x.vn) `mã`')).toBe('tỷ lệ <50% {a} Cổng mã');
    expect(inlineText('a <Note kind="x">b</Note> c {/* ghi chú */}')).toBe('a b c');
  });

  it('keeps asterisks and underscores that are not emphasis', () => {
    expect(inlineText('file_name 2 * 3')).toBe('file_name 2 * 3');
  });

  it('decodes every numeric and named entity, not just the common five', () => {
    expect(inlineText('&ldquo;Dân biết&rdquo; &ndash; &#x7B;a&#125;')).toBe('“Dân biết” – {a}');
  });
});

describe('mdxBlocks', () => {
  it('splits headings, paragraphs, list items (marker apart) and tables', () => {
    const body = 'import X from "./x"\n\n## 1. Mục đích\n\nNhằm triển khai\ntốt.\n\n- Một\n  tiếp\n- Hai\n\n| A | B |\n|---|---|\n| 1 | 2 |\n';
    expect(mdxBlocks(body)).toEqual([
      { kind: 'heading', level: 2, text: '1. Mục đích' },
      { kind: 'paragraph', text: 'Nhằm triển khai tốt.' },
      { kind: 'item', marker: '-', list: 0, text: 'Một tiếp' },
      { kind: 'item', marker: '-', list: 0, text: 'Hai' },
      { kind: 'table', text: 'A\tB\n1\t2' },
    ]);
  });

  it('numbers lists in body order, normalises markers and keeps fenced code verbatim', () => {
    expect(mdxBlocks('1. A\n2) B\n\n* C\n\n```\n**x** {y}\n```')).toEqual([
      { kind: 'item', marker: '1.', list: 0, text: 'A' },
      { kind: 'item', marker: '2.', list: 0, text: 'B' },
      { kind: 'item', marker: '-', list: 1, text: 'C' },
      { kind: 'code', text: '**x** {y}' },
    ]);
  });

  it('drops JSX-only lines, expressions and empty headings', () => {
    expect(mdxBlocks('#\n\n<Ghi>\n{/* x */}\nChữ {1}\n</Ghi>')).toEqual([{ kind: 'paragraph', text: 'Chữ' }]);
  });

  it('keeps every word of the seed bodies (list numbers aside) and no Markdown markers', () => {
    for (const plan of content.plans) {
      const text = mdxBlocks(plan.body).map((b) => b.text).join(' ');
      expect(text).not.toMatch(/\*\*|^#|\n/);
      const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(words(text).length, plan.slug).toBe(words(plan.body.replace(/^\s*\d{1,3}[.)]\s/gm, '')).length);
    }
  });
});

describe('mdxToPlainText', () => {
  it('strips headings, emphasis, links, code and keeps paragraph breaks', () => {
    const body = '## 1. Mục đích ##\n\nNhằm **triển khai**\ntốt _công tác_ [dân vận](https://a.vn/(x)) `mã*`.\n\n### 1.1 Yêu cầu\n\nĐoạn hai.';
    expect(mdxToPlainText(body)).toBe('1. Mục đích\n\nNhằm triển khai tốt công tác dân vận mã*.\n\n1.1 Yêu cầu\n\nĐoạn hai.');
  });

  it('decodes MDX escapes and entities and drops expressions, JSX, comments and ESM', () => {
    const body = [
      'import Ghi from "../Ghi.astro"',
      'export const x = 1',
      '',
      'Tỷ lệ &lt;50% và \\{không phải mã\\} {1 + 1}&#123;.',
      '',
      '<Ghi loai="chu-y">',
      'Chú ý *nghiêng*',
      '</Ghi>',
      '',
      '{/* ghi chú của người biên tập */}',
      '<!-- comment -->',
      'snake_case, mail_x@tayninh.gov.vn',
    ].join('\n');
    expect(mdxToPlainText(body)).toBe('Tỷ lệ <50% và {không phải mã} {.\n\nChú ý nghiêng\n\nsnake_case, mail_x@tayninh.gov.vn');
  });

  it('puts each list item on its own line, joining continuation lines', () => {
    expect(mdxToPlainText('- Một\n  tiếp theo\n* Hai\n\n1. A\n2) B')).toBe('- Một tiếp theo\n- Hai\n\n1. A\n2. B');
    expect(mdxToPlainText('- {x}\n- Hai')).toBe('-\n- Hai');
  });

  it('keeps hard line breaks and turns tables into tab-separated rows', () => {
    expect(mdxToPlainText('Dòng một  \nDòng hai\\\nDòng ba')).toBe('Dòng một\nDòng hai\nDòng ba');
    expect(mdxToPlainText('| Chỉ tiêu | Giá trị |\n|---|--:|\n| Tỷ lệ | 100% |')).toBe('Chỉ tiêu\tGiá trị\nTỷ lệ\t100%');
  });

  it('keeps fenced code verbatim', () => {
    expect(mdxToPlainText('```\n**không** đổi {x}\n```')).toBe('**không** đổi {x}');
  });

  describe.each(content.plans.map((p) => [p.slug, p] as const))('%s', (_, plan) => {
    const text = mdxToPlainText(plan.body);

    it('has no Markdown or MDX syntax left', () => {
      expect(text).not.toMatch(/^#{1,6}\s/m);
      expect(text).not.toMatch(/\*\*|__|`|\]\(|<\/?[A-Za-z]|&[a-z]+;|&#\d+;|\\[{}<]/);
    });

    it('keeps every heading and every list item of the body, in order', () => {
      const lines = text.split('\n');
      const expected = plan.body
        .split('\n')
        .map((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? /^\s*[-*+]\s+(.*)$/.exec(line)?.[1])
        .filter((line): line is string => line !== undefined)
        .map((line) => line.replace(/\*\*|__/g, '').trim());
      let at = 0;
      for (const item of expected) {
        const found = lines.findIndex((line, i) => i >= at && line.includes(item.slice(0, 40)));
        expect(found, item).toBeGreaterThanOrEqual(0);
        at = found;
      }
    });

    it('is the blocks of mdxBlocks in order, items with their marker', () => {
      const lines = mdxBlocks(plan.body).flatMap((b) => (b.kind === 'item' ? [`${b.marker} ${b.text}`] : b.text.split('\n')));
      expect(text.split('\n').filter((line) => line !== '')).toEqual(lines);
    });

    it('separates paragraphs with exactly one blank line and is NFC', () => {
      expect(text).not.toMatch(/\n{3,}/);
      expect(text).toBe(text.normalize('NFC'));
      expect(text.split('\n\n').length).toBeGreaterThan(3);
    });
  });
});
