import type { FieldLabels } from './fields';

/** Labels of a document reference (basis and citations share them). */
const reference = (prefix: string): FieldLabels => ({
  [`${prefix}.type`]: { label: 'Loại văn bản', hint: 'Như văn bản viết: Chỉ thị, Nghị định, Kế hoạch, Quy định…' },
  [`${prefix}.number`]: { label: 'Số, ký hiệu', hint: 'Viết liền, ví dụ 33/CT-TTg, 59/2023/NĐ-CP, 110-KH/BDVTU' },
  [`${prefix}.date`]: { label: 'Ngày ban hành', hint: 'Để trống nếu kế hoạch không ghi' },
  [`${prefix}.issuer`]: { label: 'Cơ quan ban hành (như kế hoạch viết)' },
  [`${prefix}.title`]: { label: 'Trích yếu', multiline: true },
  [`${prefix}.document`]: { label: 'Văn bản trong danh mục', hint: 'Chọn trong danh mục văn bản; văn bản mới thì thêm ở mục "Văn bản" trước' },
});

/** Vietnamese labels of the plan form, one per schema field (a test checks none is missing). */
export const planLabels: FieldLabels = {
  title: { label: 'Trích yếu', hint: 'Không gồm chữ "Kế hoạch": Thực hiện công tác dân vận chính quyền năm 2024', multiline: true },
  docType: { label: 'Loại văn bản' },
  number: { label: 'Số', hint: 'Chỉ gồm chữ số, ví dụ 859; để trống nếu bản sao chưa ghi số' },
  symbol: { label: 'Ký hiệu', hint: 'Ví dụ KH-UBND, KH/BDVTU-BCSĐUBND' },
  issuer: { label: 'Cơ quan ban hành', hint: 'Chọn trong danh mục cơ quan' },
  place: { label: 'Địa danh', hint: 'Như dòng địa danh, ngày tháng của văn bản: Tây Ninh' },
  issuedOn: { label: 'Ngày ban hành', hint: 'Để trống nếu bản sao chưa ghi ngày' },
  year: { label: 'Năm của kế hoạch' },
  status: { label: 'Trạng thái', hint: '"dự thảo" không xuất hiện trên cổng; chọn "ban hành" khi văn bản đã ký' },
  topics: { label: 'Chủ đề', summary: '{{fields.item}}' },
  summary: { label: 'Tóm tắt', hint: 'Một đoạn văn ngắn, dễ hiểu cho người dân', multiline: true },
  titleEn: { label: 'Trích yếu bằng tiếng Anh (không bắt buộc)', hint: 'Do người dịch viết, không dùng máy dịch; để trống nếu chưa có', multiline: true },
  summaryEn: { label: 'Tóm tắt bằng tiếng Anh (không bắt buộc)', hint: 'Do người dịch viết, không dùng máy dịch; cần có trích yếu tiếng Anh', multiline: true },
  basis: { label: 'Căn cứ (văn bản được triển khai)', summary: '{{fields.type}} {{fields.number}}' },
  ...reference('basis'),
  citations: { label: 'Văn bản dẫn chiếu khác', summary: '{{fields.type}} {{fields.number}}' },
  ...reference('citations'),
  targets: { label: 'Chỉ tiêu', summary: '{{fields.text}}' },
  'targets.text': { label: 'Chỉ tiêu (như văn bản viết)', multiline: true },
  'targets.value': { label: 'Giá trị', hint: 'Ví dụ 100 cho "100%"; để trống nếu chỉ tiêu định tính' },
  'targets.unit': { label: 'Đơn vị tính', hint: '%, cuộc, lượt…' },
  'targets.indicator': { label: 'Tên chỉ số (để so sánh giữa các năm)' },
  deadlines: { label: 'Thời hạn', summary: '{{fields.date}} — {{fields.task}}' },
  'deadlines.date': { label: 'Ngày' },
  'deadlines.task': { label: 'Việc phải làm', multiline: true },
  'deadlines.owner': { label: 'Đơn vị thực hiện' },
  'deadlines.submitTo': { label: 'Gửi về', hint: 'Để trống nếu văn bản không nói' },
  'deadlines.qualifier': { label: 'Cách ghi hạn', hint: '"trước ngày", "chậm nhất ngày", "ngày"…' },
  assignments: { label: 'Tổ chức thực hiện (đơn vị và nhiệm vụ)', summary: '{{fields.unit}}' },
  'assignments.unit': { label: 'Đơn vị' },
  'assignments.duties': { label: 'Nhiệm vụ' },
  'assignments.duties.item': { label: 'Nhiệm vụ', multiline: true },
  recipients: { label: 'Nơi nhận', hint: 'Mỗi dòng một nơi nhận, như văn bản viết' },
  signer: { label: 'Người ký' },
  'signer.authority': { label: 'Thẩm quyền ký', hint: 'KT. GIÁM ĐỐC, TM. ỦY BAN NHÂN DÂN…' },
  'signer.title': { label: 'Chức vụ', hint: 'PHÓ GIÁM ĐỐC, CHỦ TỊCH…' },
  'signer.name': { label: 'Họ và tên', hint: 'Để trống nếu bản sao không ghi' },
  source: { label: 'Bản gốc' },
  'source.file': { label: 'Tên tệp bản gốc' },
  'source.sha256': { label: 'Mã SHA-256 của tệp', hint: 'Trang nhập văn bản tự điền' },
  'source.signed': { label: 'Là bản đã ký, đóng dấu', hint: 'Chỉ chọn khi tệp gốc là bản có chữ ký và dấu, không phải bản chép ra' },
  inferred: { label: 'Giá trị suy ra (không đọc được trên bản gốc)', summary: '{{fields.field}}' },
  'inferred.field': { label: 'Trường', hint: 'Ví dụ place, deadlines.2.submitTo, signer.name' },
  'inferred.note': { label: 'Bản gốc ghi thế nào', multiline: true },
};

/** Labels of the agency registry form. */
export const agencyLabels: FieldLabels = {
  name: { label: 'Tên đầy đủ', hint: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh' },
  shortName: { label: 'Tên viết tắt', hint: 'Sở TTTT, UBND tỉnh' },
  level: { label: 'Cấp' },
  parent: { label: 'Cơ quan cấp trên' },
  province: { label: 'Tỉnh, thành phố', hint: 'Để trống với cơ quan trung ương' },
  website: { label: 'Trang thông tin điện tử' },
};

/** Labels of the cited-document registry form. */
export const documentLabels: FieldLabels = {
  type: { label: 'Loại văn bản' },
  number: { label: 'Số, ký hiệu chuẩn', hint: '33/CT-TTg, 11-QĐi/TW' },
  aliases: { label: 'Cách viết khác của số, ký hiệu' },
  date: { label: 'Ngày ban hành' },
  year: { label: 'Năm ban hành' },
  issuer: { label: 'Cơ quan ban hành' },
  title: { label: 'Trích yếu', multiline: true },
  basis: { label: 'Văn bản này triển khai' },
  plan: { label: 'Kế hoạch tương ứng trên cổng (mã)' },
};
