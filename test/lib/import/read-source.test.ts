import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { createDeflateRaw } from 'node:zlib';
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
    expect(sourceFormatOf('ke-hoach.PDF')).toBe('pdf');
    expect(sourceFormatOf('ke-hoach.odt')).toBeNull();
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
  it('refuses other formats and broken PDFs with a Vietnamese message that says what to do', async () => {
    await expect(readSourceBytes(utf8('x'), 'ke-hoach.odt')).rejects.toThrow(/chỉ nhận \.docx, \.pdf \(có lớp chữ\), \.txt hoặc \.md/);
    await expect(readSourceBytes(utf8('%PDF-1.7'), 'ke-hoach.pdf')).rejects.toThrow(/không đọc được tệp "ke-hoach.pdf": tệp PDF hỏng/);
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

/** A zip built by hand, so a test can declare any size it likes (a zip bomb's header may lie). */
function zip(entries: Array<{ name: string; data: Buffer; method?: number; size: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method = 8, size } of entries) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `megabytes` of zeros, deflated a megabyte at a time (the test itself never holds them). */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

describe('readSourceBytes refuses input it must not turn into a draft', () => {
  it('an empty file', async () => {
    await expect(readSourceBytes(new Uint8Array(), 'trong.txt')).rejects.toThrow('không đọc được tệp "trong.txt": tệp rỗng');
    await expect(readSourceBytes(utf8(' \n\n\t\n'), 'khoang-trang.md')).rejects.toThrow('không đọc được tệp "khoang-trang.md": tệp không có chữ nào');
    await expect(readSourceBytes(new Uint8Array(), 'trong.docx')).rejects.toThrow('không đọc được tệp "trong.docx": tệp rỗng');
  });

  it('a binary file renamed .txt (a PNG, an executable)', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    await expect(readSourceBytes(png, 'anh.txt')).rejects.toThrow('không đọc được tệp "anh.txt": không phải tệp văn bản (có byte 0');
    // Valid UTF-8, but full of control characters: still not text.
    await expect(readSourceBytes(utf8('ELF\u0001\u0002\u0003 abc'), 'chuong-trinh.txt')).rejects.toThrow(/"chuong-trinh\.txt": không phải tệp văn bản \(có 3 ký tự điều khiển/);
  });

  it('text in a legacy code page (Windows-1258), not UTF-8', async () => {
    const cp1258 = Buffer.from([0x4b, 0xea, 0x20, 0x68, 0x6f, 0x1ea1 & 0xff, 0x63, 0x68]); // "Kê ho?ch" with a lone 0xEA
    await expect(readSourceBytes(cp1258, 'cu.txt')).rejects.toThrow(/"cu\.txt": không phải văn bản UTF-8 .*lưu lại với bảng mã UTF-8/);
  });

  it('a corrupt .docx (random bytes, a truncated file, a zip without word/document.xml)', async () => {
    await expect(readSourceBytes(utf8('không phải docx'), 'hong.docx')).rejects.toThrow(/^không đọc được tệp "hong\.docx": không phải tệp \.docx hợp lệ/);
    const good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    await expect(readSourceBytes(good.subarray(0, good.length - 200), 'cat-cut.docx')).rejects.toThrow(/^không đọc được tệp "cat-cut\.docx": /);
    const notWord = zip([{ name: 'ghi-chu.txt', data: Buffer.from('xin chào'), method: 0, size: 'xin chào'.length + 3 }]);
    await expect(readSourceBytes(notWord, 'khong-phai-word.docx')).rejects.toThrow(/^không đọc được tệp "khong-phai-word\.docx": /);
    const stored = Buffer.from('xin chao');
    const noDocument = zip([{ name: 'ghi-chu.txt', data: stored, method: 0, size: stored.length }]);
    await expect(readSourceBytes(noDocument, 'thieu.docx')).rejects.toThrow('không đọc được tệp "thieu.docx": tệp .docx bị hỏng');
  });

  it('a zip bomb (0.3 MB that expands to 300 MB) within seconds and without inflating it', async () => {
    const bomb = zip([{ name: 'word/document.xml', data: await deflatedZeros(300), size: 300 * 1024 * 1024 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    await expect(readSourceBytes(bomb, 'bom.docx')).rejects.toThrow(/^không đọc được tệp "bom\.docx": phần "word\/document\.xml" giải nén ra 300 MB, vượt giới hạn 32 MB/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a zip bomb whose header lies about its size, and a ratio only a bomb has', async () => {
    const data = await deflatedZeros(20);
    const liar = zip([{ name: 'word/document.xml', data, size: 4096 }]);
    const started = performance.now();
    await expect(readSourceBytes(liar, 'noi-doi.docx')).rejects.toThrow(/"noi-doi\.docx": phần "word\/document\.xml" giải nén ra nhiều hơn kích thước khai báo/);
    expect(performance.now() - started).toBeLessThan(2000);
    const dense = zip([{ name: 'word/document.xml', data, size: 20 * 1024 * 1024 }]);
    await expect(readSourceBytes(dense, 'nen.docx')).rejects.toThrow(/"nen\.docx": phần "word\/document\.xml" nén \d+ lần \(tối đa 100 lần\)/);
  });
});
