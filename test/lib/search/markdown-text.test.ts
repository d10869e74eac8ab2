import { describe, expect, it } from 'vitest';
import { inlineText, markdownBlocks } from '../../../src/lib/search/markdown-text';
import { seedContent } from '../portal/seed-catalog';

describe('inlineText', () => {
  it('drops Markdown syntax and decodes MDX escapes', () => {
    expect(inlineText('**trước ngày 15/11/2025.**')).toBe('trước ngày 15/11/2025.');
    expect(inlineText('tỷ lệ &lt;50% \\{a\\} [Cổng](https://x.vn) `mã`')).toBe('tỷ lệ <50% {a} Cổng mã');
    expect(inlineText('a <Note kind="x">b</Note> c {/* ghi chú */}')).toBe('a b c');
  });

  it('keeps asterisks and underscores that are not emphasis', () => {
    expect(inlineText('file_name 2 * 3')).toBe('file_name 2 * 3');
  });
});

describe('markdownBlocks', () => {
  it('splits headings, paragraphs and list items', () => {
    const body = 'import X from "./x"\n\n## 1. Mục đích\n\nNhằm triển khai\ntốt.\n\n- Một\n  tiếp\n- Hai\n\n| A | B |\n|---|---|\n| 1 | 2 |\n';
    expect(markdownBlocks(body)).toEqual([
      { kind: 'heading', level: 2, text: '1. Mục đích' },
      { kind: 'paragraph', text: 'Nhằm triển khai tốt.' },
      { kind: 'item', text: 'Một tiếp' },
      { kind: 'item', text: 'Hai' },
      { kind: 'paragraph', text: 'A – B' },
      { kind: 'paragraph', text: '1 – 2' },
    ]);
  });

  it('keeps every word of the seed bodies (list numbers aside) and no Markdown markers', () => {
    for (const plan of seedContent().plans) {
      const text = markdownBlocks(plan.body).map((b) => b.text).join(' ');
      expect(text).not.toMatch(/\*\*|^#|\n/);
      const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(words(text).length, plan.slug).toBe(words(plan.body.replace(/^\s*\d{1,3}[.)]\s/gm, '')).length);
    }
  });
});
