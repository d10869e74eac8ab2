import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, type ContentSource, type LoadedContent } from '../../../src/lib/content/load';
import { formatProblem } from '../../../src/lib/content/problems';
import { validateContent } from '../../../src/lib/content/validate';
import { parseDocumentNumber } from '../../../src/lib/documents/document-number';
import { contentTree, removeContentTrees, type TreeChange } from '../../support/content-tree';

const FIXTURES = fileURLToPath(new URL('../../fixtures/content/', import.meta.url));
const PLAN = 'plans/2024/ke-hoach-mau.mdx';

afterAll(removeContentTrees);

function load(name: string): LoadedContent {
  const dir = join(FIXTURES, name);
  return loadContent(dir, { baseDir: dir });
}

/** The valid tree copied with one change made to its files (test/support/content-tree.ts), then loaded. */
function loadTree(change: TreeChange): LoadedContent {
  const dir = contentTree(change);
  return loadContent(dir, { baseDir: dir });
}

/**
 * The valid tree with one change made to the loaded fields, to reach checks no fixture needs a file
 * for. Not for body text, which is scanned when its file is read: change the file (`loadTree`).
 */
function validWith(change: (find: (id: string) => ContentSource & { fields: any }) => void): LoadedContent {
  const content = structuredClone(load('valid'));
  change((id) => content.sources.find((s) => s.id === id)! as ContentSource & { fields: any });
  return content;
}

describe('validateContent on fixture trees', () => {
  it('finds nothing wrong in the valid tree', () => {
    expect(validateContent(load('valid'))).toEqual([]);
  });

  it('an unknown agency id', () => {
    expect(validateContent(load('unknown-agency'))).toEqual([
      {
        file: PLAN,
        field: 'deadlines[0].owner',
        message: 'không có cơ quan này trong content/agencies/',
        found: '"so-khong-co"',
        expected: 'mã của một cơ quan có tệp content/agencies/so-khong-co.yaml, hoặc tạo tệp đó',
      },
    ]);
  });

  it('a duplicate slug: two plans with the same file name in different year folders', () => {
    expect(validateContent(load('duplicate-slug')).map(formatProblem)).toEqual([
      'plans/2023/ke-hoach-mau.mdx: trùng slug "ke-hoach-mau" với plans/2024/ke-hoach-mau.mdx: mỗi kế hoạch cần một tên tệp riêng (cần tên tệp khác nhau trong content/plans/)',
      'plans/2024/ke-hoach-mau.mdx: trùng slug "ke-hoach-mau" với plans/2023/ke-hoach-mau.mdx: mỗi kế hoạch cần một tên tệp riêng (cần tên tệp khác nhau trong content/plans/)',
    ]);
  });

  it('a malformed số/ký hiệu in a reference, with the message of the document-number parser', () => {
    const parsed = parseDocumentNumber('33CT-TTg', { type: 'Chỉ thị' });
    expect(parsed.ok).toBe(false);
    // The plan also has a schema error (its symbol); the reference is checked all the same.
    expect(validateContent(load('malformed-number'))).toEqual([
      { file: PLAN, field: 'basis[0].number', message: (parsed as { message: string }).message },
    ]);
  });

  it('a number that does not match its registry entry (nor its aliases)', () => {
    expect(validateContent(load('number-mismatch'))).toEqual([
      {
        file: PLAN,
        field: 'citations[0].number',
        message: 'số/ký hiệu không khớp với văn bản "11-qdi-tw-2019" trong sổ văn bản (documents/11-qdi-tw-2019.yaml)',
        found: '"12-QĐ/TW"',
        expected: '"11-QĐi/TW" hoặc "11-QĐ/TW", hoặc sửa trường document',
      },
    ]);
  });

  it('a bare "<" in the body, at its line in the file', () => {
    const problems = validateContent(load('bare-lt'));
    expect(problems).toEqual([
      {
        file: PLAN,
        field: 'nội dung',
        message: "dòng 55: ký tự '<' phải viết là &lt;",
        found: '"…chính quyền; tỷ lệ hồ sơ trễ hạn <5%."',
        expected: '"…chính quyền; tỷ lệ hồ sơ trễ hạn &lt;5%."',
      },
    ]);
    expect(readFileSync(join(FIXTURES, 'bare-lt', PLAN), 'utf8').split('\n')[54]).toContain('trễ hạn <5%.');
  });

  it('cross-checks the good fields of files that have schema errors', () => {
    expect(validateContent(load('many-problems')).map((p) => `${p.file} › ${p.field}: ${p.message}`)).toEqual([
      `${PLAN} › issuer: không có cơ quan này trong content/agencies/`,
      `${PLAN} › nội dung: dòng 54: ký tự '<' phải viết là &lt;`,
    ]);
  });
});

describe('validateContent cross-checks', () => {
  it('a reference dated differently from the registry', () => {
    const content = validWith((find) => (find('ke-hoach-mau').fields.basis[0].date = '2021-11-25'));
    expect(validateContent(content)).toEqual([
      {
        file: PLAN,
        field: 'basis[0].date',
        message: 'ngày ban hành khác với văn bản "33-ct-ttg" trong sổ văn bản (documents/33-ct-ttg.yaml)',
        found: '"2021-11-25"',
        expected: '"2021-11-26"',
      },
    ]);
  });

  it('an unknown document id', () => {
    const content = validWith((find) => (find('ke-hoach-mau').fields.citations[0].document = '12-qdi-tw-2019'));
    expect(validateContent(content).map(formatProblem)).toEqual([
      `${PLAN} › citations[0].document: không có văn bản này trong content/documents/ (tìm thấy "12-qdi-tw-2019"; cần mã của một văn bản có tệp content/documents/12-qdi-tw-2019.yaml, hoặc tạo tệp đó)`,
    ]);
  });

  it('unknown agencies in every place a plan names one', () => {
    const content = validWith((find) => {
      const plan = find('ke-hoach-mau').fields;
      plan.issuer = 'a';
      plan.deadlines[1].submitTo = 'b';
      plan.assignments[0].unit = 'c';
      find('so-mau').fields.parent = 'd';
    });
    expect(validateContent(content).map((p) => `${p.file} › ${p.field} ${p.found}`)).toEqual([
      'agencies/so-mau.yaml › parent "d"',
      `${PLAN} › issuer "a"`,
      `${PLAN} › deadlines[1].submitTo "b"`,
      `${PLAN} › assignments[0].unit "c"`,
    ]);
  });

  it('a year more than one away from the date of issue, and a plan filed under another year', () => {
    const far = validWith((find) => (find('ke-hoach-mau').fields.year = 2026));
    expect(validateContent(far).map(formatProblem)).toEqual([
      `${PLAN} › year: năm của kế hoạch cách năm ban hành (2024) hơn một năm (tìm thấy 2026; cần 2023, 2024 hoặc 2025)`,
      `${PLAN} › year: kế hoạch nằm trong thư mục 2024 nhưng year là 2026 (tìm thấy 2026; cần 2024, hoặc chuyển tệp sang content/plans/2026/)`,
    ]);
    const next = validWith((find) => (find('ke-hoach-mau').fields.year = 2025));
    expect(validateContent(next).map((p) => p.message)).toEqual(['kế hoạch nằm trong thư mục 2024 nhưng year là 2025']);
  });

  it("a plan's own số/ký hiệu that the document-number grammar rejects", () => {
    const content = validWith((find) => (find('ke-hoach-mau').fields.symbol = '2024'));
    const [p] = validateContent(content);
    expect(p).toMatchObject({ file: PLAN, field: 'symbol' });
    expect(p!.message).toBe((parseDocumentNumber('859/2024', { type: 'Kế hoạch' }) as { message: string }).message);
  });

  it('a registry file not named by the canonical id of its number', () => {
    const content = validWith((find) => (find('33-ct-ttg').fields.number = '34/CT-TTg'));
    expect(validateContent(content).map(formatProblem)).toEqual([
      'documents/33-ct-ttg.yaml: tên tệp phải là mã chuẩn của số/ký hiệu "34/CT-TTg" (tìm thấy 33-ct-ttg.yaml; cần 34-ct-ttg.yaml (và sửa các trường document trỏ tới văn bản này))',
      `${PLAN} › basis[0].number: số/ký hiệu không khớp với văn bản "33-ct-ttg" trong sổ văn bản (documents/33-ct-ttg.yaml) (tìm thấy "33/CT-TTg"; cần "34/CT-TTg", hoặc sửa trường document)`,
    ]);
  });

  it('registry links: unknown basis and plan, a year that contradicts the date', () => {
    const content = validWith((find) => {
      const doc = find('33-ct-ttg').fields;
      doc.basis = ['khong-co'];
      doc.plan = 'khong-co-ke-hoach';
      doc.year = 2020;
    });
    expect(validateContent(content).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'year: năm không khớp với ngày ban hành',
      'basis[0]: không có văn bản này trong content/documents/',
      'plan: không có kế hoạch này trong content/plans/',
    ]);
  });

  it('an agency that is its own parent, and a parent loop', () => {
    const self = validWith((find) => (find('ubnd-tinh-mau').fields.parent = 'ubnd-tinh-mau'));
    expect(validateContent(self).map(formatProblem)).toEqual([
      'agencies/ubnd-tinh-mau.yaml › parent: cơ quan không thể là cấp trên của chính nó (tìm thấy "ubnd-tinh-mau")',
    ]);
    const loop = validWith((find) => (find('ubnd-tinh-mau').fields.parent = 'so-mau'));
    expect(validateContent(loop).map(formatProblem)).toEqual([
      'agencies/so-mau.yaml › parent: vòng lặp cấp trên: so-mau → ubnd-tinh-mau → so-mau (tìm thấy "ubnd-tinh-mau"; cần một chuỗi cấp trên kết thúc ở cơ quan có parent: null)',
    ]);
  });

  it('duplicate registry ids and file names that are not ASCII slugs', () => {
    const content = validWith(() => {});
    const agency = content.sources.find((s) => s.id === 'so-mau')!;
    content.sources.push({ ...agency, file: 'agencies/khac/so-mau.yaml' }, { ...agency, id: 'Sở-Mẫu', file: 'agencies/Sở-Mẫu.yaml' });
    expect(validateContent(content).map(formatProblem)).toEqual([
      'agencies/Sở-Mẫu.yaml: tên tệp phải là một mã ASCII: chữ thường không dấu, số và dấu gạch ngang (tên tệp là mã của cơ quan) (tìm thấy "Sở-Mẫu"; cần ví dụ "dan-van-chinh-quyen-2024-so-tttt-tay-ninh")',
      'agencies/so-mau.yaml: trùng mã "so-mau" với agencies/khac/so-mau.yaml: mỗi cơ quan cần một tên tệp riêng (cần tên tệp khác nhau trong content/agencies/)',
      'agencies/khac/so-mau.yaml: trùng mã "so-mau" với agencies/so-mau.yaml: mỗi cơ quan cần một tên tệp riêng (cần tên tệp khác nhau trong content/agencies/)',
    ]);
  });

  it('body text that is not NFC, and an empty body', () => {
    // Files, not loaded fields: a body's text is scanned when its file is read.
    const decomposed = loadTree({ edit: { [PLAN]: [[/$/, '\nThực hiện'.normalize('NFD')]] } });
    const appendedLine = readFileSync(join(FIXTURES, 'valid', PLAN), 'utf8').split('\n').length + 1;
    const [p] = validateContent(decomposed);
    expect(p).toMatchObject({
      field: 'nội dung',
      message: `dòng ${appendedLine}: văn bản chưa chuẩn hoá Unicode NFC (có ký tự tổ hợp rời U+031B)`,
    });
    const empty = loadTree({ edit: { [PLAN]: [[/(\n---\n)[\s\S]*$/, '$1\n']] } });
    expect(validateContent(empty).map(formatProblem)).toEqual([`${PLAN} › nội dung: nội dung trống (cần toàn văn kế hoạch sau dòng "---" thứ hai)`]);
  });

  it('scales linearly: 10,000 plans are checked in well under the time a build takes', () => {
    const content = load('valid');
    const plan = content.sources.find((s) => s.kind === 'plan')!;
    for (let i = 0; i < 10_000; i++) content.sources.push({ ...plan, id: `ke-hoach-${i}`, file: `plans/2024/ke-hoach-${i}.mdx` });
    const started = performance.now();
    expect(validateContent(content)).toEqual([]);
    // A quadratic check (10^8 comparisons) would take far longer than this on any machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
