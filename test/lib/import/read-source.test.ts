import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { decodeText, readSourceBytes, sourceFormatOf } from '../../../src/lib/import/read-source';
import { readSource } from '../../../src/lib/import/files';
import { seed } from './seeds';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sourceFormatOf', () => {
  it('knows .docx, .txt and .md whatever the case, and nothing else', () => {
    expect(sourceFormatOf('Ke hoach 859.DOCX')).toBe('docx');
    expect(sourceFormatOf('ke-hoach.txt')).toBe('txt');
    expect(sourceFormatOf('ke-hoach.md')).toBe('md');
    expect(sourceFormatOf('ke-hoach.pdf')).toBeNull();
    expect(sourceFormatOf('ke-hoach.doc')).toBeNull();
  });
});

describe('decodeText', () => {
  it('normalizes to NFC: the decomposed "ẫ" of a PDF extraction becomes one character', () => {
    const decomposed = 'hướng dẫn'.normalize('NFD');
    expect(decomposed).not.toBe('hướng dẫn');
    expect(decodeText(utf8(decomposed))).toBe('hướng dẫn');
  });

  it('drops a UTF-8 BOM and turns CRLF into LF', () => {
    expect(decodeText(utf8('\uFEFFKẾ HOẠCH\r\nThực hiện\r\n'))).toBe('KẾ HOẠCH\nThực hiện\n');
  });

  it('reads UTF-16 with a byte-order mark (Notepad "Unicode")', () => {
    const text = 'Số: 859/KH-UBND';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes)).toBe(text);
  });
});

describe('readSourceBytes / readSource', () => {
  it('refuses a PDF with a Vietnamese message that says what to do', async () => {
    await expect(readSourceBytes(utf8('%PDF-1.7'), 'ke-hoach.pdf')).rejects.toThrow(/chỉ nhận \.docx, \.txt hoặc \.md/);
  });

  it('reads a seed file with its name and sha256', async () => {
    const s = seed('003');
    const source = await readSource(s.path);
    expect(source.format).toBe('txt');
    expect(source.fileName).toBe(s.file);
    expect(source.sha256).toBe(s.curated!.data.source.sha256);
    expect(source.text).toBe(s.text.normalize('NFC'));
  });

  it('reads a .docx as one paragraph per line and counts Word auto-numbered paragraphs', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'so', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.LEFT }] }] },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
            new Paragraph('Thực hiện công tác dân vận chính quyền năm 2025'),
            new Paragraph({ text: 'Văn phòng Sở', numbering: { reference: 'so', level: 0 } }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const source = await readSourceBytes(bytes, 'ke-hoach.docx');
    expect(source.format).toBe('docx');
    expect(source.text.split('\n').filter(Boolean)).toEqual(['KẾ HOẠCH', 'Thực hiện công tác dân vận chính quyền năm 2025', 'Văn phòng Sở']);
    expect(source.autoNumbered).toBe(1);
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
