import { describe, expect, it } from 'vitest';
import { decodeEntities, mdxToPlainText } from '../../../src/lib/opendata/plain-text';
import { content } from './real-content';

describe('decodeEntities', () => {
  it('decodes numeric and named references and leaves unknown names alone', () => {
    expect(decodeEntities('&lt;50&#37; &amp; &#123;x&#x7D; &ldquo;a&rdquo; &nbsp;')).toBe('<50% & {x} “a”  ');
    expect(decodeEntities('&khongco; &#0; &#xD800;')).toBe('&khongco; \uFFFD \uFFFD');
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

    it('separates paragraphs with exactly one blank line and is NFC', () => {
      expect(text).not.toMatch(/\n{3,}/);
      expect(text).toBe(text.normalize('NFC'));
      expect(text.split('\n\n').length).toBeGreaterThan(3);
    });
  });
});
