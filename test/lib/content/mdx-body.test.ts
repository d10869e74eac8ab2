import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bodyHtml, findBodyViolations, parseBody, plainTextCached, processBody, renderBody, textBlocksCached, UnsafeBodyError, type BodyTree } from '../../../src/lib/content/mdx-body';
import { cachedRecord, cacheKey } from '../../../src/lib/content/cache';
import { mdxBlocks, mdxToPlainText } from '../../../src/lib/content/plain-text';
import { loadContent } from '../../../src/lib/content/load';
import { root } from '../../support/build';

const messages = (body: string, firstLine = 1) => processBody(body, firstLine).issues.map((i) => `${i.line}: ${i.message}`);
const html = (body: string) => processBody(body).html;
const tree = (body: string): BodyTree => parseBody(body).tree!;

describe('processBody: Markdown renders as Astro rendered it', () => {
  it('headings get github-slugger ids from their Vietnamese text, duplicates numbered', () => {
    expect(html('## 1. Mục đích, yêu cầu\n\n### 2.1 Công tác\n\n## 1. Mục đích, yêu cầu')).toBe(
      '<h2 id="1-mục-đích-yêu-cầu">1. Mục đích, yêu cầu</h2>\n<h3 id="21-công-tác">2.1 Công tác</h3>\n<h2 id="1-mục-đích-yêu-cầu-1">1. Mục đích, yêu cầu</h2>',
    );
  });

  it('lists, emphasis, GFM tables and strikethrough, typographic punctuation', () => {
    expect(html('- **Một** và *hai*...\n- "ba" -- ~~bốn~~')).toBe(
      '<ul>\n<li><strong>Một</strong> và <em>hai</em>…</li>\n<li>“ba” – <del>bốn</del></li>\n</ul>',
    );
    expect(html('| Chỉ tiêu | Giá trị |\n|:--|--:|\n| Tỷ lệ | 100% |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">Chỉ tiêu</th>\n<th align="right">Giá trị</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">Tỷ lệ</td>\n<td align="right">100%</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('links to http(s), mailto and site paths; allowed HTML elements with their allowed attributes', () => {
    expect(html('[Cổng](https://tayninh.gov.vn) [thư](mailto:vp@tayninh.gov.vn) [trang](/ke-hoach/) [mục](#muc-1)')).toBe(
      '<p><a href="https://tayninh.gov.vn">Cổng</a> <a href="mailto:vp@tayninh.gov.vn">thư</a> <a href="/ke-hoach/">trang</a> <a href="#muc-1">mục</a></p>',
    );
    expect(html('Do <abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh<sup>1</sup> ban hành.')).toBe(
      '<p>Do <abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh<sup>1</sup> ban hành.</p>',
    );
    expect(html('<div lang="vi">\n\nĐoạn **một**.\n\n</div>')).toBe('<div lang="vi">\n<p>Đoạn <strong>một</strong>.</p>\n</div>');
    expect(html('<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>')).toBe('<table>\n<tbody><tr><td colspan="2">x</td></tr></tbody>\n</table>');
    // Table cells outside a table are dropped by the sanitizer, their text kept.
    expect(html('<td colspan="2">x</td>')).toBe('\nx\n');
  });

  it('GFM footnotes: Vietnamese labels, ids prefixed against DOM clobbering and the links to them too', () => {
    const out = html('Theo Chỉ thị[^1].\n\n[^1]: Chỉ thị 33/CT-TTg.')!;
    expect(out).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="user-content-footnote-label">1</a>');
    expect(out).toContain('<h2 class="visually-hidden" id="user-content-footnote-label">Chú thích</h2>');
    expect(out).toContain('<li id="user-content-fn-1">');
    expect(out).toContain('<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Quay lại chỗ dẫn chú thích 1" class="data-footnote-backref">↩</a>');
  });

  it('a {/* comment */} renders nothing; an escaped brace is text', () => {
    expect(html('Một {/* ghi chú */} hai \\{x\\}')).toBe('<p>Một  hai {x}</p>');
  });
});

describe('processBody: what a body may not contain, each at its file line', () => {
  it('import and export, which MDX would run at build time', () => {
    const body = "Mở đầu\n\nimport { writeFileSync } from 'node:fs'\nexport const x = writeFileSync('/tmp/pwned', 'x')\n\nHết.";
    expect(processBody(body, 40)).toEqual({
      issues: [
        {
          line: 42,
          message: 'không được dùng import/export trong nội dung kế hoạch',
          found: "import { writeFileSync } from 'node:fs'",
          expected: 'xoá dòng này; nội dung chỉ gồm văn bản Markdown',
        },
      ],
    });
  });

  it('JavaScript expressions in text and in attributes, spreads', () => {
    expect(messages('Tỷ lệ {1 + 1}.\n\nXin <span title={process.env.HOME}>chào</span>\n\n<abbr {...props}>x</abbr>', 10)).toEqual([
      '10: biểu thức JavaScript {…} không được phép trong nội dung',
      '12: giá trị của thuộc tính title là biểu thức JavaScript, không được phép',
      '14: biểu thức JavaScript trong thẻ <abbr> không được phép',
    ]);
    // A comment is only a comment when nothing follows it.
    expect(messages('a {/* x */ alert(1) /* y */} b')).toEqual(['1: biểu thức JavaScript {…} không được phép trong nội dung']);
  });

  it('script, style, iframe and unlisted elements; event handlers, style and id attributes', () => {
    expect(messages('<script>{"alert(1)"}</script>\n\n<style>{"p{}"}</style>\n\n<iframe src="https://x.vn" />\n\n<marquee>x</marquee>')).toEqual([
      '1: thẻ <script> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)',
      '1: biểu thức JavaScript {…} không được phép trong nội dung',
      '3: thẻ <style> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)',
      '3: biểu thức JavaScript {…} không được phép trong nội dung',
      '5: thẻ <iframe> không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)',
      '7: thẻ <marquee> không được phép trong nội dung',
    ]);
    expect(messages('<img src="x.png" alt="" onError="alert(1)" />\n\n<span style="color:red" id="a" onclick="x()">y</span>')).toEqual([
      '1: thuộc tính sự kiện onError (chạy mã JavaScript) không được phép',
      '3: thuộc tính style không được phép trên thẻ <span>',
      '3: thuộc tính id không được phép trên thẻ <span>',
      '3: thuộc tính sự kiện onclick (chạy mã JavaScript) không được phép',
    ]);
  });

  it('javascript:, data: and scheme-less //host URLs in Markdown links, images and <a href>', () => {
    expect(
      messages('[x](javascript:alert(1))\n\n![ảnh](data:image/svg+xml;base64,PHN2Zz4=)\n\n<a href=" JaVa\tScRiPt:alert(1)">y</a>\n\n<a href="&#106;avascript:x">z</a>\n\n[w](//evil.example/)\n\n[r]: vbscript:x'),
    ).toEqual([
      '1: liên kết có địa chỉ dùng giao thức "javascript:", không được phép',
      '3: ảnh có địa chỉ dùng giao thức "data:", không được phép',
      '5: thuộc tính href có địa chỉ dùng giao thức "javascript:", không được phép',
      '7: thuộc tính href có địa chỉ dùng giao thức "javascript:", không được phép',
      '9: liên kết có địa chỉ bắt đầu bằng "//" (thiếu giao thức), không được phép',
      '11: liên kết có địa chỉ dùng giao thức "vbscript:", không được phép',
    ]);
  });

  it('components: none is on the allowlist, so any is named', () => {
    expect(processBody('Đoạn\n\n<Chart data="x" />', 20).issues).toEqual([
      {
        line: 22,
        message: 'thành phần <Chart> không có trong danh sách được phép',
        expected: 'văn bản Markdown; nội dung kế hoạch không dùng thành phần nào',
      },
    ]);
  });
});

describe('processBody: MDX syntax errors in Vietnamese, at their file line', () => {
  it('an unclosed <div>', () => {
    expect(processBody('Mở đầu\n\n<div>\n\nchưa đóng', 30).issues).toEqual([
      {
        line: 32,
        message: 'thẻ <div> mở ở dòng này nhưng không được đóng',
        found: '<div>',
        expected: '</div> trước dòng trống tiếp theo, hoặc <div /> nếu thẻ không có nội dung',
      },
    ]);
  });

  it('a bare "<" gets the escape to write, and every other bare "<" or "{" in the body is listed too', () => {
    expect(messages('Tỷ lệ <50%.\n\nHai <3 và {x\n\nMột }', 5)).toEqual([
      "5: ký tự '<' phải viết là &lt;",
      "7: ký tự '<' phải viết là &lt;",
      "7: ký tự '{' phải viết là \\{",
    ]);
  });

  it('mismatched closing tags, unquoted attribute values, HTML comments, an open brace', () => {
    expect(messages('<abbr title="x">y</span>')).toEqual(['1: thẻ đóng </span> không khớp với thẻ mở <abbr>']);
    expect(messages('a </b> c')).toEqual(['1: thẻ đóng </b> không có thẻ mở tương ứng']);
    expect(messages('<abbr title=x>y</abbr>')).toEqual(["1: ký tự '<' không mở một thẻ hợp lệ"]);
    expect(messages('a\n\n<!-- chú thích -->')).toEqual(['3: chú thích HTML <!-- … --> không dùng được trong MDX']);
    expect(messages('Hai {a b c}')).toEqual(["1: dấu '{' mở một biểu thức JavaScript, không được phép trong nội dung"]);
  });
});

describe('renderBody: defence in depth', () => {
  it('refuses a tree with any violation, even when the check never ran', () => {
    expect(() => renderBody(tree("import fs from 'node:fs'\n\nx"))).toThrow(UnsafeBodyError);
    expect(() => renderBody(tree('<span title={process.env.HOME}>x</span>'))).toThrow(/biểu thức JavaScript/);
  });

  it('the sanitizer drops what slips past the policy (here: properties smuggled in through node data)', () => {
    const t = tree('[x](https://a.vn)\n\n## Tiêu đề\n\nĐoạn');
    t.children[0]!.children![0]!.data = { hProperties: { href: 'javascript:alert(1)', onClick: 'alert(1)' } };
    t.children[1]!.data = { hProperties: { style: 'color:red', name: 'clobber' } };
    t.children[2]!.data = { hName: 'script' };
    expect(findBodyViolations(t)).toEqual([]);
    expect(renderBody(t)).toBe('<p><a>x</a></p>\n<h2 id="tiêu-đề">Tiêu đề</h2>\n');
  });

  it('never evaluates: a body that would write a file leaves no file behind', () => {
    const target = '/tmp/ke-hoach-mo-pwned-by-body';
    rmSync(target, { force: true });
    const result = processBody(`import { writeFileSync } from 'node:fs'\nexport const x = writeFileSync('${target}', 'x')\n\n{writeFileSync('${target}', 'y')}`);
    expect(result.html).toBeUndefined();
    expect(result.issues.length).toBe(2);
    expect(existsSync(target)).toBe(false);
  });
});

describe('bodyHtml: the HTML a plan page shows', () => {
  it("renders a loaded plan's body, sanitized, with heading ids; no body gives no HTML", () => {
    const plan = loadContent(join(root, 'test/fixtures/content/valid')).plans.find((p) => p.slug === 'ke-hoach-mau')!;
    const html = bodyHtml(plan);
    expect(html).toContain('<h2 id="i-mục-đích-yêu-cầu">I. MỤC ĐÍCH, YÊU CẦU</h2>');
    expect(html).toContain('tỷ lệ hồ sơ trễ hạn &#x3C;5%');
    expect(html).toBe(processBody(plan.body, plan.bodyLine).html);
    expect(bodyHtml({})).toBe('');
  });
});

describe('textBlocksCached and plainTextCached', () => {
  it('give what mdxBlocks and mdxToPlainText give for every real plan, the blocks kept in the content cache for the next reader', () => {
    const { plans } = loadContent(join(root, 'content'));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const body = plan.body!;
      expect(textBlocksCached(body)).toEqual(mdxBlocks(body));
      expect(cachedRecord('text-blocks', cacheKey('text-blocks', body)), plan.slug).toEqual(mdxBlocks(body));
      // Read back from the record: list markers and list numbers survive the trip.
      expect(plainTextCached(body)).toBe(mdxToPlainText(body));
    }
  });
});
