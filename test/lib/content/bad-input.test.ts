/**
 * Bad content, as an attacker or a careless author would write it (issue 11): each case is the valid
 * fixture plus one change, and asserts the exact Vietnamese message(s) `npm run check` prints — file,
 * field or line — and nothing else (a symlink loop must be one message, not thousands).
 * The MDX body cases (script, event handlers, expressions, import/export) live with the body
 * sanitizer's tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { formatProblem } from '../../../src/lib/content/problems';
import { maxYear } from '../../../src/schemas/common';
import { CONTENT_FIXTURES, contentTree, FIXTURE_AGENCY as AGENCY, FIXTURE_DOCUMENT as DOCUMENT, FIXTURE_PLAN as PLAN, removeContentTrees, type TreeChange } from '../../support/content-tree';

afterAll(removeContentTrees);

/** Every problem the check reports for the valid fixture plus `change`, as printed. */
function problemsOf(change: TreeChange): string[] {
  const root = contentTree(change);
  return checkContent(root, { baseDir: root }).problems.map(formatProblem);
}

const URL_EXPECTED = 'cần một địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http:// (ví dụ "https://sotttt.tayninh.gov.vn")';
const website = (value: string): TreeChange => ({ edit: { [AGENCY]: [['"https://sonoivu.mau.gov.vn"', JSON.stringify(value)]] } });
const RANGE = `năm nằm ngoài khoảng hợp lý (1945–${maxYear()}); có thể gõ nhầm`;
const DAY_RANGE = `cần một ngày từ năm 1945 đến năm ${maxYear()}`;
const control = (codePoint: string) => `văn bản có ký tự điều khiển ${codePoint} (không in được, làm hỏng tệp XML/JSON); hãy xoá ký tự đó`;
/** A body line of the valid plan, and its line number in the file. */
const BODY_LINE = 'Ghi chú cho người biên tập';
const BODY_LINE_NO = readFileSync(join(CONTENT_FIXTURES, 'valid', PLAN), 'utf8').split('\n').findIndex((l) => l.includes(BODY_LINE)) + 1;

const cases: Array<[string, TreeChange, string[]]> = [
  // URL fields accept only http(s): anything else would become a clickable script or a broken link.
  ['website javascript:', website('javascript:alert(document.cookie)'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "javascript:alert(document.cookie)")`]],
  ['website JavaScript: in mixed case', website('JaVaScRiPt://x.vn/%0Aalert(1)'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "JaVaScRiPt://x.vn/%0Aalert(1)")`]],
  ['website data:', website('data:text/html,<script>alert(1)</script>'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "data:text/html,<script>alert(1)</script>")`]],
  ['website vbscript:', website('vbscript:msgbox(1)'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "vbscript:msgbox(1)")`]],
  ['website ftp://', website('ftp://sonoivu.mau.gov.vn'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "ftp://sonoivu.mau.gov.vn")`]],
  ['website without a host', website('https:///duong-dan'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "https:///duong-dan")`]],
  ['website as a relative path', website('/co-quan/so-mau/'), [`${AGENCY} › website: ${URL_EXPECTED} (tìm thấy "/co-quan/so-mau/")`]],

  // Control characters break feed.xml for every reader and have no place in published text.
  ['a vertical tab in a title', { edit: { [PLAN]: [['dân vận chính quyền năm 2024"', 'dân vận\\vchính quyền năm 2024"']] } }, [`${PLAN} › title: ${control('U+000B')} (tìm thấy "Thực hiện công tác dân vận\\u000bchính quyền năm 2024")`]],
  ['a NUL in a title', { edit: { [PLAN]: [['dân vận chính quyền năm 2024"', 'dân vận\\0chính quyền năm 2024"']] } }, [`${PLAN} › title: ${control('U+0000')} (tìm thấy "Thực hiện công tác dân vận\\u0000chính quyền năm 2024")`]],
  ['an escape character in the summary', { edit: { [PLAN]: [['kiểm thử bộ', 'kiểm thử\\x1b[31m bộ']] } }, [`${PLAN} › summary: ${control('U+001B')} (tìm thấy "Kế hoạch mẫu để kiểm thử\\u001b[31m bộ kiểm tra nội dung.")`]],
  ['a C1 control (NEL) in a deadline task', { edit: { [PLAN]: [['thực hiện 6 tháng', 'thực hiện\\u00856 tháng']] } }, [`${PLAN} › deadlines[0].task: ${control('U+0085')} (tìm thấy "Báo cáo kết quả thực hiện\\u00856 tháng")`]],
  ['a bell in a recipient', { edit: { [PLAN]: [['"Lưu: VT"', '"Lưu:\\aVT"']] } }, [`${PLAN} › recipients[1]: ${control('U+0007')} (tìm thấy "Lưu:\\u0007VT")`]],
  ['a non-character U+FFFE in an agency name', { edit: { [AGENCY]: [['tỉnh Mẫu"', 'tỉnh Mẫu\\uFFFE"']] } }, [`${AGENCY} › name: ${control('U+FFFE')} (tìm thấy "Sở Nội vụ tỉnh Mẫu\\ufffe")`]],
  ['a form feed in the body', { edit: { [PLAN]: [[BODY_LINE, `${BODY_LINE}\f`]] } }, [`${PLAN} › nội dung: dòng ${BODY_LINE_NO}: có ký tự điều khiển U+000C (không in được, làm hỏng tệp XML/JSON) (cần xoá ký tự đó (thường do chép từ Word hoặc PDF))`]],

  // Dates and years must be plausible: 9999-12-31 is a typo, not a deadline.
  ['a deadline on 9999-12-31', { edit: { [PLAN]: [['"2024-11-10"', '"9999-12-31"']] } }, [`${PLAN} › deadlines[1].date: ${RANGE} (tìm thấy "9999-12-31"; ${DAY_RANGE})`]],
  ['a plan issued in 1900', { edit: { [PLAN]: [['issuedOn: "2024-03-25"', 'issuedOn: "1900-03-25"']] } }, [`${PLAN} › issuedOn: ${RANGE} (tìm thấy "1900-03-25"; ${DAY_RANGE})`]],
  ['a plan year of 2100', { edit: { [PLAN]: [['year: 2024', 'year: 2100']] } }, [`${PLAN} › year: ${RANGE} (tìm thấy 2100)`]],
  ['a registry document dated 3000-01-01', { edit: { [DOCUMENT]: [['date: "2021-11-26"', 'date: "3000-01-01"']] } }, [`${DOCUMENT} › date: ${RANGE} (tìm thấy "3000-01-01"; ${DAY_RANGE})`]],
  ['a registry document year of 1800', { edit: { [DOCUMENT]: [['year: 2021', 'year: 1800']] } }, [`${DOCUMENT} › year: ${RANGE} (tìm thấy 1800)`]],
];

const SYMLINK = 'liên kết tượng trưng (symlink) không được dùng trong thư mục nội dung: nó có thể trỏ ra ngoài hoặc tạo vòng lặp (cần chép tệp thật vào đây thay cho liên kết)';
/** An alias bomb ("billion laughs"): nine levels of ten aliases each would expand to 10^9 strings. */
const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => {
  const prev = 'abcdefghi'[i]!;
  return `${k}: &${k} [${Array(10).fill(`*${prev}`).join(',')}]`;
})].join('\n');
const BOMB = 'quá nhiều tham chiếu YAML (*bí-danh) lồng nhau: tệp sẽ phình ra hàng tỷ phần tử nên không được đọc (cần viết thẳng giá trị thay cho &neo/*bí-danh (tối đa 100 tham chiếu))';
const NOT_UTF8 = 'tệp không phải văn bản UTF-8 hợp lệ';

/** What the check sees beyond single fields: files it must not skip, follow or choke on. */
const fileCases: Array<[string, TreeChange, string[]]> = [
  ['a plan symlinked from outside the content folder', { symlink: { 'plans/2024/ngoai.mdx': '/etc/hostname' } }, [`plans/2024/ngoai.mdx: ${SYMLINK}`]],
  ['a plan symlinked to another plan (a duplicate that would publish twice)', { symlink: { 'plans/2024/ban-sao.mdx': 'ke-hoach-mau.mdx' } }, [`plans/2024/ban-sao.mdx: ${SYMLINK}`]],
  ['a symlink loop in the plans folder is one message', { symlink: { 'plans/2024/vong': '..' } }, [`plans/2024/vong: ${SYMLINK}`]],
  ['a symlinked agency file', { symlink: { 'agencies/so-khac.yaml': 'so-mau.yaml' } }, [`agencies/so-khac.yaml: ${SYMLINK}`]],
  ['a plan with an upper-case .MDX extension', { rename: { [PLAN]: 'plans/2024/ke-hoach-mau.MDX' } }, ['plans/2024/ke-hoach-mau.MDX: tệp không được nạp: đuôi tệp phải là .mdx (chữ thường) (cần đổi tên thành ke-hoach-mau.mdx)']],
  ['a plan with a mixed-case .Mdx extension, beside a good plan', { write: { 'plans/2024/thu-hai.Mdx': '---\n---\n' } }, ['plans/2024/thu-hai.Mdx: tệp không được nạp: đuôi tệp phải là .mdx (chữ thường) (cần đổi tên thành thu-hai.mdx)']],
  ['an agency with an upper-case .YAML extension', { write: { 'agencies/so-moi.YAML': 'name: "Sở Mới"\n' } }, ['agencies/so-moi.YAML: tệp không được nạp: đuôi tệp phải là .yaml (chữ thường) (cần đổi tên thành so-moi.yaml)']],
  ['registry files in a subfolder, which nothing reads', { write: { 'documents/cu/34-ct-ttg.yaml': 'type: "Chỉ thị"\n' } }, ['documents/cu: thư mục con không được nạp: các tệp .yaml phải nằm ngay trong content/documents/ (cần chuyển các tệp ra content/documents/)']],
  [
    'a YAML alias bomb in an agency is one message, and the other files are still checked',
    { write: { 'agencies/bom.yaml': `${ALIAS_BOMB}\n` }, edit: { [PLAN]: [['year: 2024', 'year: 2100']] } },
    [`agencies/bom.yaml: ${BOMB}`, `${PLAN} › year: ${RANGE} (tìm thấy 2100)`],
  ],
  ['a YAML alias bomb in a plan\'s frontmatter', { edit: { [PLAN]: [['title: ', `${ALIAS_BOMB}\ntitle: `]] } }, [`${PLAN}: ${BOMB}`]],
  ['a binary file renamed .mdx', { write: { 'plans/2024/anh.mdx': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xd8]) } }, [`plans/2024/anh.mdx: ${NOT_UTF8} (dòng 1, 3): có thể là tệp nhị phân hoặc lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258) (cần lưu lại tệp với bảng mã UTF-8)`]],
  ['an agency file in a legacy code page', { write: { 'agencies/so-cu.yaml': Uint8Array.from([...Buffer.from('name: "S'), 0xf5, ...Buffer.from(' C\u0169"\n')]) } }, [`agencies/so-cu.yaml: ${NOT_UTF8} (dòng 1): có thể là tệp nhị phân hoặc lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258) (cần lưu lại tệp với bảng mã UTF-8)`]],
];

describe('npm run check on bad content', () => {
  it.each(cases)('%s', (_, change, expected) => {
    expect(problemsOf(change)).toEqual(expected);
  });
});

describe('npm run check on files it must not skip, follow or choke on', () => {
  it.each(fileCases)('%s', (_, change, expected) => {
    expect(problemsOf(change)).toEqual(expected);
  });
});
