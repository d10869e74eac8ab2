import { compile } from '@mdx-js/mdx';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { escapeMdxText, renderBody, renderFrontmatter } from '../../../src/lib/import/mdx';
import { buildOutline, splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { findMdxHazards } from '../../../src/lib/content/body';

const bodyOf = (lines: string[]) => renderBody(buildOutline(splitParts(repairText(lines.join('\n'), { layout: 'paragraphs' }).blocks).body));

describe('escapeMdxText', () => {
  it('escapes what MDX reads as JSX or expressions', () => {
    expect(escapeMdxText('Tỷ lệ <5% và {x}')).toBe('Tỷ lệ &lt;5% và &#123;x&#125;');
  });
  it('escapes Markdown emphasis, code and block starts so the text stays as written', () => {
    expect(escapeMdxText('*sao* _gạch_ `mã` [ghi chú]')).toBe('\\*sao\\* \\_gạch\\_ \\`mã\\` \\[ghi chú\\]');
    expect(escapeMdxText('# không phải tiêu đề')).toBe('\\# không phải tiêu đề');
    expect(escapeMdxText('> không phải trích dẫn')).toBe('\\> không phải trích dẫn');
    expect(escapeMdxText('2024. Năm bản lề')).toBe('2024\\. Năm bản lề');
    expect(escapeMdxText('export là xuất khẩu')).toBe('&#101;xport là xuất khẩu');
    expect(escapeMdxText('&amp; và &lt;')).toBe('&amp;amp; và &amp;lt;');
  });

  it('produces text that compiles and that the content check finds no hazard in', async () => {
    const hostile = 'Tỷ lệ <5%, {x}, </div>, <b>đậm</b>, {/* chú thích */}, a } b, import x from "y", `code`, *a*, 3 < 4 > 2';
    const escaped = escapeMdxText(hostile);
    expect(findMdxHazards(escaped)).toEqual([]);
    const compiled = String(await compile(escaped));
    // The text survives as text: the characters come back out of the compiled JSX.
    expect(compiled).toContain('Tỷ lệ <5%, {x}, </div>, <b>đậm</b>');
  });
});

describe('renderBody', () => {
  it('turns Roman sections and numbered items with content into headings, others into lists', () => {
    const body = bodyOf([
      'Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của UBND tỉnh.',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nhằm nâng cao chất lượng.',
      '2. Bảo đảm hiệu quả.',
      'II. NỘI DUNG',
      '1. Quán triệt các chủ trương',
      '- Tuyên truyền {x};',
      '+ trên Cổng thông tin;',
      '+ trên Đài Truyền thanh.',
      '- Phổ biến <5% còn lại.',
      'a) Văn phòng',
      'Theo dõi.',
    ]);
    expect(body).toBe(
      [
        'Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của UBND tỉnh.',
        '',
        '## I. MỤC ĐÍCH, YÊU CẦU',
        '',
        '1. Nhằm nâng cao chất lượng.',
        '2. Bảo đảm hiệu quả.',
        '',
        '## II. NỘI DUNG',
        '',
        '### 1. Quán triệt các chủ trương',
        '',
        '- Tuyên truyền &#123;x&#125;;',
        '  - trên Cổng thông tin;',
        '  - trên Đài Truyền thanh.',
        '- Phổ biến &lt;5% còn lại.',
        '',
        '#### a) Văn phòng',
        '',
        'Theo dõi.',
        '',
      ].join('\n'),
    );
  });

  it('compiles as MDX', async () => {
    await expect(compile(bodyOf(['I. NỘI DUNG', '1. Mục <tiêu> {số}', '- Một } hai', '2.1 Ba < bốn']))).resolves.toBeDefined();
  });
});

describe('renderFrontmatter', () => {
  it('quotes every string (dates too), keeps topics and recipients on one line, and parses back', () => {
    const data = {
      title: 'Thực hiện: "dân vận" năm 2024',
      issuedOn: '2024-03-25',
      number: null,
      year: 2024,
      topics: ['Dân vận chính quyền', 'Cải cách hành chính'],
      basis: [{ number: '859/KH-UBND', date: '2024-03-25', title: null }],
      targets: [],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null },
    };
    const yaml = renderFrontmatter(data);
    expect(yaml).toBe(
      [
        '---',
        'title: "Thực hiện: \\"dân vận\\" năm 2024"',
        'issuedOn: "2024-03-25"',
        'number: null',
        'year: 2024',
        'topics: ["Dân vận chính quyền", "Cải cách hành chính"]',
        'basis:',
        '  - number: "859/KH-UBND"',
        '    date: "2024-03-25"',
        '    title: null',
        'targets: []',
        'signer:',
        '  authority: "KT. GIÁM ĐỐC"',
        '  title: "PHÓ GIÁM ĐỐC"',
        '  name: null',
        '---',
        '',
      ].join('\n'),
    );
    expect(parseDocument(yaml.replace(/^---\n|---\n$/g, ''), { version: '1.2', schema: 'core' }).toJS()).toEqual(data);
  });
});
