import { compile } from '@mdx-js/mdx';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/load';
import { NO_SOURCE_FILE, parseNumberSymbol, scaffoldPlan, validateAnswer } from '../../../src/lib/import/scaffold';
import { planSchema } from '../../../src/schemas/plan';
import { registries } from './seeds';

const answers = {
  title: 'Kế hoạch Thực hiện công tác dân vận chính quyền năm 2026',
  issuer: 'ubnd-xa-minh-tam',
  year: 2026,
  numberSymbol: 'Số: 12/KH-UBND',
  issuedOn: 'ngày 05 tháng 01 năm 2026',
  topics: ['Dân vận chính quyền'],
  summary: 'UBND xã Minh Tâm đề ra việc làm công tác dân vận chính quyền năm 2026.',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Hoàng Ngọc Giang',
};

describe('parseNumberSymbol', () => {
  it('reads state, Party and unnumbered forms, or nothing', () => {
    expect(parseNumberSymbol('859/KH-UBND')).toEqual({ number: '859', symbol: 'KH-UBND' });
    expect(parseNumberSymbol('Số: /KH-STTTT')).toEqual({ number: null, symbol: 'KH-STTTT' });
    expect(parseNumberSymbol('110-KH/BDVTU-BCSĐUBND')).toEqual({ number: '110', symbol: 'KH/BDVTU-BCSĐUBND' });
    expect(parseNumberSymbol('')).toEqual({ number: null, symbol: null });
    expect(parseNumberSymbol('859KH')).toBeNull();
  });
});

describe('validateAnswer', () => {
  it('explains in Vietnamese what is wrong', () => {
    expect(validateAnswer.title('  ')).toBe('cần tên (trích yếu) của kế hoạch');
    expect(validateAnswer.numberSymbol('abc')).toMatch(/^số\/ký hiệu cần dạng "859\/KH-UBND"/);
    expect(validateAnswer.issuedOn('30/02/2026')).toMatch(/không tồn tại trong lịch/);
    expect(validateAnswer.issuedOn('')).toBeUndefined();
    expect(validateAnswer.issuedOn('25/3/2026')).toBeUndefined();
  });
});

describe('scaffoldPlan', () => {
  it('writes a draft whose frontmatter passes the plan schema and whose body compiles', async () => {
    const draft = scaffoldPlan(answers, registries.agencies);
    expect(draft.path).toBe('plans/2026/dan-van-chinh-quyen-2026-ubnd-xa-minh-tam.mdx');
    const split = splitFrontmatter(draft.file)!;
    const data = parseDocument(split.yaml, { version: '1.2', schema: 'core' }).toJS();
    const parsed = planSchema.parse(data);
    expect(parsed).toMatchObject({
      title: 'Thực hiện công tác dân vận chính quyền năm 2026',
      number: '12',
      symbol: 'KH-UBND',
      issuedOn: '2026-01-05',
      place: 'Minh Tâm',
      status: 'dự thảo',
      signer: { authority: null, title: 'CHỦ TỊCH', name: 'Hoàng Ngọc Giang' },
      source: { file: NO_SOURCE_FILE, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
    await expect(compile(split.body)).resolves.toBeDefined();
    expect(split.body).toContain('## III. TỔ CHỨC THỰC HIỆN');
  });

  it('records the signed original when one is given', () => {
    const draft = scaffoldPlan({ ...answers, sourceFile: { name: 'ke-hoach.pdf', bytes: new TextEncoder().encode('abc') } }, registries.agencies);
    expect(draft.file).toContain('file: "ke-hoach.pdf"');
    expect(draft.file).toContain('sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"');
  });

  it('refuses an impossible date instead of rolling it over', () => {
    expect(() => scaffoldPlan({ ...answers, issuedOn: '30/02/2026' }, registries.agencies)).toThrow(/không tồn tại trong lịch/);
  });
});
