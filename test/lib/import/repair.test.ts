import { describe, expect, it } from 'vitest';
import { repairDates, repairDocumentNumbers, repairText, stripMarkdown, blockText } from '../../../src/lib/import/repair';
import { seed } from './seeds';

const texts = (raw: string, layout?: 'wrapped' | 'paragraphs') => repairText(raw, layout ? { layout } : {}).blocks.map(blockText);

// A hard-wrapped paragraph as PDF extraction leaves it: every line followed by a blank line.
const wrapped = (lines: string[]) => lines.join(' \n\n');

describe('repairDocumentNumbers', () => {
  it('removes a stray space on one side of a separator', () => {
    expect(repairDocumentNumbers('Kế hoạch số 302/KH- UBND ngày 18/10/2022')).toBe('Kế hoạch số 302/KH-UBND ngày 18/10/2022');
    expect(repairDocumentNumbers('Quyết định số 1847/QĐ -TTg ngày 27/12/2018')).toBe('Quyết định số 1847/QĐ-TTg ngày 27/12/2018');
    expect(repairDocumentNumbers('Kế hoạch số 110-KH/BDVTU- BCSĐUBND')).toBe('Kế hoạch số 110-KH/BDVTU-BCSĐUBND');
    expect(repairDocumentNumbers('Công văn số 575 /UBND-NC')).toBe('Công văn số 575/UBND-NC');
  });

  it('leaves prose dashes with spaces on both sides alone', () => {
    expect(repairDocumentNumbers('giai đoạn 2021 - 2025')).toBe('giai đoạn 2021 - 2025');
    expect(repairDocumentNumbers('Ban Dân vận – Ban Cán sự Đảng')).toBe('Ban Dân vận – Ban Cán sự Đảng');
    expect(repairDocumentNumbers('kinh tế - xã hội')).toBe('kinh tế - xã hội');
  });
});

describe('repairDates', () => {
  it('closes up stray spaces inside a date', () => {
    expect(repairDates('trước ngày 10/ 11 /2024')).toBe('trước ngày 10/11/2024');
    expect(repairDates('ngày 25 /3/ 2024 của UBND tỉnh')).toBe('ngày 25/3/2024 của UBND tỉnh');
  });
  it('does not touch a period of years', () => {
    expect(repairDates('giai đoạn 2021 / 2025')).toBe('giai đoạn 2021 / 2025');
  });
});

describe('stripMarkdown', () => {
  it('drops heading marks and emphasis of Word/Markdown exports', () => {
    expect(stripMarkdown('## **2.2 Công tác triển khai, tuyên truyền**')).toEqual(['2.2 Công tác triển khai, tuyên truyền']);
    expect(stripMarkdown('***Nơi nhận:***')).toEqual(['Nơi nhận:']);
    expect(stripMarkdown('về UBND tỉnh **trước ngày 15/11/2025.**')).toEqual(['về UBND tỉnh trước ngày 15/11/2025.']);
  });
  it('splits a bold run-in heading from the text after it', () => {
    expect(stripMarkdown('**2.3 Công tác kiểm tra, giám sát:** Xây dựng và thực hiện chương trình.')).toEqual([
      '2.3 Công tác kiểm tra, giám sát',
      'Xây dựng và thực hiện chương trình.',
    ]);
  });
});

describe('repairText', () => {
  it('reflows hard-wrapped lines into one paragraph and joins numbers and dates split across lines', () => {
    const raw = wrapped([
      'Thực hiện Kết luận số 114-',
      'KL/TW ngày 14/7/2015 của Ban Bí thư; Kế hoạch số 110-KH/BDVTU-',
      'BCSĐUBND ngày 18 tháng 3 năm 2024 của Ban Dân vận; Kế hoạch số 859/KH-UBND ngày 25/3/',
      '2024 của Ủy ban nhân dân tỉnh Tây Ninh thực hiện công tác dân vận chính quyền năm 2024.',
      'Sở Thông tin và Truyền thông ban hành Kế hoạch thực hiện công tác dân vận, cụ thể như sau:',
    ]);
    expect(texts(raw)).toEqual([
      'Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư; Kế hoạch số 110-KH/BDVTU-BCSĐUBND ngày 18 tháng 3 năm 2024 của Ban Dân vận; Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân dân tỉnh Tây Ninh thực hiện công tác dân vận chính quyền năm 2024.',
      'Sở Thông tin và Truyền thông ban hành Kế hoạch thực hiện công tác dân vận, cụ thể như sau:',
    ]);
  });

  it('keeps numbered headings (I., 1., 2.1, a)) and bullets (-, +) as blocks with their markers', () => {
    const { blocks } = repairText(
      ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2.1 Công tác lãnh đạo, chỉ đạo', 'a) Văn phòng Sở', '- Tuyên truyền về dân vận;', '+ Đăng tin trên Cổng thông tin.'].join('\n'),
    );
    expect(blocks.map((b) => [b.kind, b.marker, b.markerKind, b.depth, b.text])).toEqual([
      ['item', 'I.', 'roman', 1, 'MỤC ĐÍCH, YÊU CẦU'],
      ['item', '1.', 'decimal', 1, 'Mục đích'],
      ['item', '2.1', 'dotted', 2, 'Công tác lãnh đạo, chỉ đạo'],
      ['item', 'a)', 'letter', 1, 'Văn phòng Sở'],
      ['bullet', '-', 'bullet', 1, 'Tuyên truyền về dân vận;'],
      ['bullet', '+', 'bullet', 1, 'Đăng tin trên Cổng thông tin.'],
    ]);
  });

  it('drops pasted URLs and page numbers between pages, and says so', () => {
    const result = repairText(
      wrapped([
        'lắng nghe ý kiến của nhân dân, xây dựng, kiện toàn đội ngũ CBCCVC thực sự là công bộc của nhân dân, vì nhân',
        'https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/quyet-dinh-1847-qd-ttg-2018.aspx',
        '- 2 -',
        '12',
        'dân phục vụ, nhằm tạo sự chuyển biến mạnh trong tác phong lề lối làm việc của đội ngũ cán bộ.',
      ]),
    );
    expect(result.blocks.map(blockText)).toEqual([
      'lắng nghe ý kiến của nhân dân, xây dựng, kiện toàn đội ngũ CBCCVC thực sự là công bộc của nhân dân, vì nhân dân phục vụ, nhằm tạo sự chuyển biến mạnh trong tác phong lề lối làm việc của đội ngũ cán bộ.',
    ]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['url', 'page-number', 'page-number']);
  });

  it('reads "kinh tế \\n- xã hội" as a hyphen inside the sentence, not a bullet', () => {
    expect(
      texts(wrapped(['- Tập trung thực hiện tốt các mục tiêu phát triển kinh tế', '- xã hội, nâng cao đời sống vật chất, tinh thần cho Nhân dân.'])),
    ).toEqual(['- Tập trung thực hiện tốt các mục tiêu phát triển kinh tế - xã hội, nâng cao đời sống vật chất, tinh thần cho Nhân dân.']);
  });

  it('ends a wrapped numbered heading where its body starts with a capital', () => {
    const raw = wrapped([
      'III. NỘI DUNG THỰC HIỆN',
      '4. Thực hiện có hiệu quả công tác tiếp dân, xử lý đơn thư khiếu nại, tố cáo',
      'Thực hiện nghiêm túc, có hiệu quả các quy định, hướng dẫn của Trung ương và',
      'của tỉnh về công tác tiếp công dân.',
      '5. Đẩy mạnh việc ứng dụng công nghệ thông tin trong quản lý hành chính',
      'Nhà nước, nhằm phục vụ tốt người dân, doanh nghiệp.',
    ]);
    expect(texts(raw)).toEqual([
      'III. NỘI DUNG THỰC HIỆN',
      '4. Thực hiện có hiệu quả công tác tiếp dân, xử lý đơn thư khiếu nại, tố cáo',
      'Thực hiện nghiêm túc, có hiệu quả các quy định, hướng dẫn của Trung ương và của tỉnh về công tác tiếp công dân.',
      // "Nhà nước" continues the heading's phrase.
      '5. Đẩy mạnh việc ứng dụng công nghệ thông tin trong quản lý hành chính Nhà nước, nhằm phục vụ tốt người dân, doanh nghiệp.',
    ]);
  });

  it('joins a Word paragraph broken before a lower-case word, but keeps one paragraph per line otherwise', () => {
    const raw = [
      '- Tăng cường công tác thanh tra, kiểm tra công vụ. Cần thường xuyên kiểm tra,',
      '',
      'đánh giá việc thực hiện dân chủ ở cơ sở.',
      '',
      'Phòng Thông tin Báo chí và Xuất bản chủ động đăng tin.',
      '',
      'Phòng Công nghệ thông tin, Bưu chính và Viễn thông đẩy mạnh ứng dụng.',
    ].join('\n');
    expect(texts(raw, 'paragraphs')).toEqual([
      '- Tăng cường công tác thanh tra, kiểm tra công vụ. Cần thường xuyên kiểm tra, đánh giá việc thực hiện dân chủ ở cơ sở.',
      'Phòng Thông tin Báo chí và Xuất bản chủ động đăng tin.',
      'Phòng Công nghệ thông tin, Bưu chính và Viễn thông đẩy mạnh ứng dụng.',
    ]);
  });

  it('returns NFC text when the source has decomposed letters', () => {
    const decomposed = 'hướng dẫn'.normalize('NFD');
    const [block] = repairText(`Theo ${decomposed} của Ban Dân vận.`).blocks;
    expect(block!.text).toBe('Theo hướng dẫn của Ban Dân vận.');
    expect(block!.text).toBe(block!.text.normalize('NFC'));
  });

  it('on seed 002: drops the four pasted URLs and keeps item 4 apart from its body', () => {
    const result = repairText(seed('002').text);
    expect(result.layout).toBe('wrapped');
    expect(result.dropped.filter((d) => d.reason === 'url')).toHaveLength(4);
    const texts002 = result.blocks.map(blockText);
    expect(texts002).toContain('4. Thực hiện có hiệu quả công tác tiếp dân, xử lý đơn thư khiếu nại, tố cáo');
    expect(texts002.some((t) => t.includes('Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ; Kế hoạch số 1441/KH-UBND'))).toBe(true);
    expect(texts002.join('\n')).not.toContain('thuvienphapluat');
  });

  it('on seed 004 (one paragraph per line, Markdown marks): keeps the bold run-in heading 2.3 apart', () => {
    const result = repairText(seed('004').text);
    expect(result.layout).toBe('paragraphs');
    const texts004 = result.blocks.map(blockText);
    expect(texts004).toContain('2.3 Công tác kiểm tra, giám sát');
    expect(texts004).toContain('KT. GIÁM ĐỐC');
    expect(texts004.join('\n')).not.toMatch(/\*\*|^#/m);
  });
});
