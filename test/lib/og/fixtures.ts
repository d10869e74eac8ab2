import type { CardData } from '../../../src/lib/og/card-data';
import { site } from '../../../src/site.config';

/** A card with every text longer than any box: a 400-character title, long names, long labels. */
export const extremeCard: CardData = {
  agencyName: 'Ban Dân vận Tỉnh ủy và Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội'.repeat(2),
  agencyLevel: 'Cơ quan Đảng',
  docType: 'Kế hoạch liên tịch',
  title: 'Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận '.repeat(4).slice(0, 400),
  number: '110-KH/BDVTU-BCSĐUBND-UBMTTQVN-LĐLĐ-HND-HPN-ĐTN-HCCB',
  date: '25/12/2024',
  year: 2024,
  highlightsHeading: 'Thời hạn',
  highlights: [0, 1, 2].map((i) => ({
    value: `${i + 10}/12/2024`,
    unit: null,
    label: 'Báo cáo kết quả thực hiện Kế hoạch số 110-KH/BDVTU-BCSĐUBND và tự chấm điểm, đánh giá, xếp loại '.repeat(4),
    note: 'Các phòng, đơn vị sự nghiệp trực thuộc Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh',
  })),
  summary: 'x',
  portal: 'congthongtin.tayninh.gov.vn/ke-hoach-mo/mot-duong-dan-rat-dai-cho-cong-thong-tin-dien-tu-cua-tinh',
  siteName: 'Kế hoạch mở',
  theme: { ...site.colors },
};
