import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/**
 * A made-up plan of Sở TTTT Tây Ninh as a Word file, laid out as signed plans are: the letterhead
 * and the signature as borderless two-column tables. `dateLine: false` leaves out the place-and-date
 * line, as unnumbered copies do, so the draft lacks `place` and `issuedOn`. `unknownBasis: true`
 * adds a basis document no registry has (a made-up Chỉ thị 07/CT-UBND of 2025), which the import
 * proposes as a new registry entry.
 */
export async function samplePlanDocx(options: { dateLine?: boolean; unknownBasis?: boolean } = {}): Promise<Buffer> {
  const row = (...cells: Paragraph[][]) => new TableRow({ children: cells.map((children) => new TableCell({ children })) });
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const motto = [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true), p('Độc lập - Tự do - Hạnh phúc', true)];
  if (options.dateLine !== false) {
    motto.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Tây Ninh, ngày 10 tháng 3 năm 2025', italics: true })] }));
  }
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({ rows: [row([p('UBND TỈNH TÂY NINH'), p('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', true), p('Số: 15/KH-STTTT')], motto)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Thực hiện công tác dân vận chính quyền năm 2025', bold: true })] }),
          new Paragraph(
            'Căn cứ Kế hoạch số 696/KH-UBND ngày 06/3/2025 của UBND tỉnh về việc thực hiện công tác dân vận chính quyền năm 2025 trên địa bàn tỉnh Tây Ninh;',
          ),
          ...(options.unknownBasis ? [new Paragraph('Căn cứ Chỉ thị số 07/CT-UBND ngày 20/02/2025 của UBND tỉnh Tây Ninh về tăng cường công tác dân vận;')] : []),
          new Paragraph('Sở Thông tin và Truyền thông ban hành Kế hoạch thực hiện công tác dân vận chính quyền năm 2025 như sau:'),
          new Paragraph('I. MỤC ĐÍCH, YÊU CẦU'),
          new Paragraph('Nâng cao hiệu quả công tác dân vận; tỷ lệ hồ sơ trễ hạn <5% {mục tiêu}.'),
          new Paragraph('II. TỔ CHỨC THỰC HIỆN'),
          new Paragraph('1. Văn phòng Sở'),
          new Paragraph('Tổng hợp, báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 15 tháng 11 năm 2025.'),
          new Paragraph('Trên đây là Kế hoạch của Sở Thông tin và Truyền thông./.'),
          new Table({
            rows: [row([p('Nơi nhận:', true), p('- UBND tỉnh;'), p('- Lưu: VT.')], [p('KT. GIÁM ĐỐC', true), p('PHÓ GIÁM ĐỐC', true), p('(Đã ký)'), p('Nguyễn Văn An', true)])],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
