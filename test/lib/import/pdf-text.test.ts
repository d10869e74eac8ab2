import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../../src/lib/import/import-plan';
import { pdfPagesToText, readPdfText } from '../../../src/lib/import/pdf-text';
import { readSourceBytes } from '../../../src/lib/import/read-source';
import { makePdf, makeScannedPdf } from '../../support/pdf';
import { registries } from './seeds';

const CORPUS = join(import.meta.dirname, '../../fixtures/import/corpus');

describe('readPdfText', () => {
  it('reads a two-column letterhead column by column, drops the running header and page numbers, keeps Vietnamese intact', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `${i + 1}. Các phòng, đơn vị thuộc Sở triển khai nhiệm vụ số ${i + 1} của kế hoạch, báo cáo kết quả đúng hạn.`);
    const bytes = await makePdf({
      letterhead: { left: ['UBND TỈNH NGHỆ AN', 'SỞ Y TẾ', 'Số: 12/KH-SYT'], right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Nghệ An, ngày 05 tháng 3 năm 2024'] },
      lines: ['KẾ HOẠCH', 'Phòng, chống dịch bệnh năm 2024', ...body],
      signature: { left: ['Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT.'], right: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Ấn'] },
      runningHeader: 'Sở Y tế tỉnh Nghệ An — Kế hoạch số 12/KH-SYT',
      pageNumbers: true,
    });
    const { text, pages } = await readPdfText(bytes, 'ke-hoach.pdf');
    expect(pages).toBeGreaterThan(1);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['UBND TỈNH NGHỆ AN', 'SỞ Y TẾ', 'Số: 12/KH-SYT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Nghệ An, ngày 05 tháng 3 năm 2024']);
    expect(text).not.toMatch(/Trang \d/);
    expect(text).not.toContain('Sở Y tế tỉnh Nghệ An —');
    expect(lines.slice(-6)).toEqual(['Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Ấn']);
    expect(text).toContain('40. Các phòng, đơn vị thuộc Sở triển khai nhiệm vụ số 40');
  });

  it('says in Vietnamese that a scanned PDF has no text and OCR is not supported', async () => {
    await expect(readPdfText(await makeScannedPdf(), 'ban-quet.pdf')).rejects.toThrow(/không có lớp chữ.*chưa hỗ trợ nhận dạng chữ \(OCR\)/);
  });

  it('says in Vietnamese that a broken PDF cannot be read', async () => {
    await expect(readPdfText(new TextEncoder().encode('%PDF-1.7 hỏng'), 'hong.pdf')).rejects.toThrow(/không đọc được tệp "hong.pdf": tệp PDF hỏng/);
  });
});

describe('pdfPagesToText', () => {
  it('keeps full-width lines in order and drops a page number alone at the bottom', () => {
    const page = (n: number) => ({
      width: 600,
      height: 800,
      items: [
        { str: `Dòng một trang ${n} kéo dài qua giữa trang`, x: 50, y: 700, width: 500, fontSize: 11 },
        { str: `Dòng hai trang ${n} kéo dài qua giữa trang`, x: 50, y: 680, width: 500, fontSize: 11 },
        { str: String(n), x: 300, y: 30, width: 8, fontSize: 9 },
      ],
    });
    expect(pdfPagesToText([page(1), page(2)])).toBe(
      ['Dòng một trang 1 kéo dài qua giữa trang', 'Dòng hai trang 1 kéo dài qua giữa trang', 'Dòng một trang 2 kéo dài qua giữa trang', 'Dòng hai trang 2 kéo dài qua giữa trang'].join('\n'),
    );
  });
});

describe('a PDF made from a corpus document', () => {
  it('imports to the same draft as its text', async () => {
    for (const name of ['tien-giang-383-kh-ubnd-2022', 'thanh-hoa-4216-qd-ubnd-2020', 'nghe-an-495-kh-ubnd-2023']) {
      const text = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
      const pdf = await makePdf({ lines: text.split('\n'), fontSize: 9 });
      const source = await readSourceBytes(pdf, `${name}.pdf`);
      const fromText = importPlanText(text, { ...registries, sourceFile: `${name}.txt`, sha256: '' });
      const fromPdf = importPlanText(source.text, { ...registries, sourceFile: `${name}.txt`, sha256: '', format: source.format });
      expect({ ...fromPdf.plan }, name).toEqual({ ...fromText.plan });
      expect(fromPdf.issuer, name).toEqual(fromText.issuer);
    }
  });
});
