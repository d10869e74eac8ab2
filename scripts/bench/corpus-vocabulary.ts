/**
 * The word material of the scale corpus (scripts/bench/corpus.ts): the agencies of one province,
 * topics with their own title subjects, work items, targets and lead Sở, and the shared phrasing
 * of Vietnamese plans (actions, goals, closing lines). Written for the benchmark, in the register of
 * real provincial plans; recombined per plan with a seeded PRNG, plus the sentences of the real
 * plans in content/, so the search index sees thousands of distinct words, not five texts.
 */

export const PROVINCE = 'Tây Ninh';

/** The province's Sở: id stem, name after "Sở ", short name, ký hiệu of its plans. */
export const DEPARTMENTS: { id: string; name: string; short: string; symbol: string }[] = [
  { id: 'so-noi-vu', name: 'Nội vụ', short: 'Sở Nội vụ', symbol: 'KH-SNV' },
  { id: 'so-tttt', name: 'Thông tin và Truyền thông', short: 'Sở TTTT', symbol: 'KH-STTTT' },
  { id: 'so-vhttdl', name: 'Văn hóa, Thể thao và Du lịch', short: 'Sở VHTTDL', symbol: 'KH-SVHTTDL' },
  { id: 'so-tu-phap', name: 'Tư pháp', short: 'Sở Tư pháp', symbol: 'KH-STP' },
  { id: 'so-gddt', name: 'Giáo dục và Đào tạo', short: 'Sở GDĐT', symbol: 'KH-SGDĐT' },
  { id: 'so-y-te', name: 'Y tế', short: 'Sở Y tế', symbol: 'KH-SYT' },
  { id: 'so-nnptnt', name: 'Nông nghiệp và Phát triển nông thôn', short: 'Sở NN&PTNT', symbol: 'KH-SNN' },
  { id: 'so-tnmt', name: 'Tài nguyên và Môi trường', short: 'Sở TN&MT', symbol: 'KH-STNMT' },
  { id: 'so-gtvt', name: 'Giao thông vận tải', short: 'Sở GTVT', symbol: 'KH-SGTVT' },
  { id: 'so-xay-dung', name: 'Xây dựng', short: 'Sở Xây dựng', symbol: 'KH-SXD' },
  { id: 'so-cong-thuong', name: 'Công Thương', short: 'Sở Công Thương', symbol: 'KH-SCT' },
  { id: 'so-khdt', name: 'Kế hoạch và Đầu tư', short: 'Sở KH&ĐT', symbol: 'KH-SKHĐT' },
  { id: 'so-tai-chinh', name: 'Tài chính', short: 'Sở Tài chính', symbol: 'KH-STC' },
  { id: 'so-ldtbxh', name: 'Lao động - Thương binh và Xã hội', short: 'Sở LĐTB&XH', symbol: 'KH-SLĐTBXH' },
  { id: 'so-khcn', name: 'Khoa học và Công nghệ', short: 'Sở KH&CN', symbol: 'KH-SKHCN' },
  { id: 'so-ngoai-vu', name: 'Ngoại vụ', short: 'Sở Ngoại vụ', symbol: 'KH-SNgV' },
  { id: 'thanh-tra-tinh', name: 'Thanh tra tỉnh', short: 'Thanh tra tỉnh', symbol: 'KH-TTr' },
  { id: 'ban-dan-toc', name: 'Ban Dân tộc tỉnh', short: 'Ban Dân tộc', symbol: 'KH-BDT' },
  { id: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh', short: 'Văn phòng UBND tỉnh', symbol: 'KH-VP' },
  { id: 'bo-chi-huy-quan-su', name: 'Bộ Chỉ huy Quân sự tỉnh', short: 'Bộ CHQS tỉnh', symbol: 'KH-BCH' },
  { id: 'cong-an-tinh', name: 'Công an tỉnh', short: 'Công an tỉnh', symbol: 'KH-CAT' },
];

/** Districts (huyện, thị xã, thành phố) with the communes (xã, phường, thị trấn) of each. */
export const DISTRICTS: { kind: 'huyện' | 'thị xã' | 'thành phố'; name: string; communes: string[] }[] = [
  { kind: 'thành phố', name: 'Tây Ninh', communes: ['phường 1', 'phường 2', 'phường 3', 'phường IV', 'phường Hiệp Ninh', 'phường Ninh Sơn', 'phường Ninh Thạnh', 'xã Bình Minh', 'xã Tân Bình', 'xã Thạnh Tân'] },
  { kind: 'thị xã', name: 'Hòa Thành', communes: ['phường Long Hoa', 'phường Long Thành Bắc', 'phường Long Thành Trung', 'phường Hiệp Tân', 'xã Long Thành Nam', 'xã Trường Tây', 'xã Trường Đông', 'xã Trường Hòa'] },
  { kind: 'thị xã', name: 'Trảng Bàng', communes: ['phường Trảng Bàng', 'phường An Tịnh', 'phường Gia Bình', 'phường Gia Lộc', 'phường Lộc Hưng', 'phường An Hòa', 'xã Đôn Thuận', 'xã Hưng Thuận', 'xã Phước Chỉ', 'xã Phước Bình'] },
  { kind: 'huyện', name: 'Tân Biên', communes: ['thị trấn Tân Biên', 'xã Tân Lập', 'xã Thạnh Bắc', 'xã Tân Bình', 'xã Thạnh Bình', 'xã Thạnh Tây', 'xã Hòa Hiệp', 'xã Tân Phong', 'xã Mỏ Công', 'xã Trà Vong'] },
  { kind: 'huyện', name: 'Tân Châu', communes: ['thị trấn Tân Châu', 'xã Tân Hà', 'xã Tân Đông', 'xã Tân Hội', 'xã Tân Hòa', 'xã Suối Ngô', 'xã Suối Dây', 'xã Tân Hiệp', 'xã Thạnh Đông', 'xã Tân Thành', 'xã Tân Phú'] },
  { kind: 'huyện', name: 'Dương Minh Châu', communes: ['thị trấn Dương Minh Châu', 'xã Suối Đá', 'xã Phan', 'xã Phước Ninh', 'xã Phước Minh', 'xã Bàu Năng', 'xã Chà Là', 'xã Cầu Khởi', 'xã Bến Củi', 'xã Lộc Ninh', 'xã Truông Mít'] },
  { kind: 'huyện', name: 'Châu Thành', communes: ['thị trấn Châu Thành', 'xã Hảo Đước', 'xã Phước Vinh', 'xã Đồng Khởi', 'xã Thái Bình', 'xã An Cơ', 'xã Biên Giới', 'xã Hòa Thạnh', 'xã Trí Bình', 'xã Hòa Hội', 'xã An Bình', 'xã Thanh Điền', 'xã Thành Long', 'xã Ninh Điền', 'xã Hòa Bình'] },
  { kind: 'huyện', name: 'Bến Cầu', communes: ['thị trấn Bến Cầu', 'xã Long Chữ', 'xã Long Phước', 'xã Long Giang', 'xã Tiên Thuận', 'xã Long Khánh', 'xã Lợi Thuận', 'xã Long Thuận', 'xã An Thạnh'] },
  { kind: 'huyện', name: 'Gò Dầu', communes: ['thị trấn Gò Dầu', 'xã Thạnh Đức', 'xã Cẩm Giang', 'xã Hiệp Thạnh', 'xã Bàu Đồn', 'xã Phước Thạnh', 'xã Phước Đông', 'xã Phước Trạch', 'xã Thanh Phước'] },
];

/** Provincial Party bodies below the Tỉnh ủy: id stem, name, short name, ký hiệu after "KH/". */
export const PARTY_BOARDS: { id: string; name: string; short: string; code: string }[] = [
  { id: 'ban-dan-van-tinh-uy', name: 'Ban Dân vận Tỉnh ủy', short: 'Ban Dân vận Tỉnh ủy', code: 'BDVTU' },
  { id: 'ban-tuyen-giao-tinh-uy', name: 'Ban Tuyên giáo Tỉnh ủy', short: 'Ban Tuyên giáo Tỉnh ủy', code: 'BTGTU' },
  { id: 'ban-to-chuc-tinh-uy', name: 'Ban Tổ chức Tỉnh ủy', short: 'Ban Tổ chức Tỉnh ủy', code: 'BTCTU' },
  { id: 'ubkt-tinh-uy', name: 'Ủy ban Kiểm tra Tỉnh ủy', short: 'UBKT Tỉnh ủy', code: 'UBKTTU' },
  { id: 'ban-noi-chinh-tinh-uy', name: 'Ban Nội chính Tỉnh ủy', short: 'Ban Nội chính Tỉnh ủy', code: 'BNCTU' },
];

/** Mass organisations at province level (level "đoàn thể"): id stem, name, short, ký hiệu. */
export const MASS_ORGANISATIONS: { id: string; name: string; short: string; symbol: string }[] = [
  { id: 'ubmttq-tinh', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', short: 'UBMTTQ tỉnh', symbol: 'KH-MTTQ-BTT' },
  { id: 'tinh-doan', name: 'Tỉnh Đoàn', short: 'Tỉnh Đoàn', symbol: 'KH-TĐTN' },
  { id: 'hoi-lhpn-tinh', name: 'Hội Liên hiệp Phụ nữ tỉnh', short: 'Hội LHPN tỉnh', symbol: 'KH-HPN' },
  { id: 'hoi-nong-dan-tinh', name: 'Hội Nông dân tỉnh', short: 'Hội Nông dân tỉnh', symbol: 'KH-HND' },
];

export interface TargetTemplate {
  indicator: string;
  /** The target as a plan states it; "{v}" is replaced by the value. */
  text: string;
  unit: string | null;
  min: number;
  max: number;
}

export interface Topic {
  label: string;
  /** Sở that leads the topic (a DEPARTMENTS id stem). */
  lead: string;
  /** What a plan on the topic is about, after "Kế hoạch …". */
  subjects: string[];
  /** Work items: objects of the actions in the body. */
  items: string[];
  targets: TargetTemplate[];
}

const pct = (indicator: string, text: string, min = 70, max = 100): TargetTemplate => ({ indicator, text, unit: '%', min, max });
const count = (indicator: string, text: string, unit: string, min: number, max: number): TargetTemplate => ({ indicator, text, unit, min, max });

export const TOPICS: Topic[] = [
  {
    label: 'Dân vận chính quyền',
    lead: 'so-noi-vu',
    subjects: ['thực hiện công tác dân vận chính quyền', 'triển khai phong trào thi đua “Dân vận khéo”', 'nâng cao hiệu quả công tác dân vận của cơ quan hành chính nhà nước', 'thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ về công tác dân vận'],
    items: ['công tác dân vận của cơ quan hành chính nhà nước', 'mô hình “Dân vận khéo” trên các lĩnh vực', 'việc tiếp xúc, đối thoại trực tiếp với Nhân dân', 'tinh thần thái độ phục vụ Nhân dân của cán bộ, công chức', 'quy chế phối hợp giữa chính quyền với Mặt trận Tổ quốc', 'việc lắng nghe, tiếp thu ý kiến phản ánh của người dân', 'văn hóa công sở và quy tắc ứng xử của cán bộ, công chức, viên chức'],
    targets: [pct('Tỷ lệ cơ quan đăng ký mô hình “Dân vận khéo”', '{v}% cơ quan, đơn vị đăng ký ít nhất một mô hình “Dân vận khéo”'), count('Số mô hình “Dân vận khéo” được công nhận', 'Có ít nhất {v} mô hình “Dân vận khéo” được công nhận, nhân rộng', 'mô hình', 2, 40)],
  },
  {
    label: 'Dân chủ ở cơ sở',
    lead: 'so-noi-vu',
    subjects: ['thực hiện dân chủ ở cơ sở', 'triển khai Luật Thực hiện dân chủ ở cơ sở', 'thực hiện Quy chế dân chủ trong hoạt động của cơ quan', 'xây dựng và thực hiện hương ước, quy ước'],
    items: ['việc công khai thông tin để Nhân dân biết, bàn, làm, kiểm tra, giám sát', 'hội nghị cán bộ, công chức, viên chức hằng năm', 'hoạt động của Ban Thanh tra nhân dân', 'hoạt động của Ban Giám sát đầu tư của cộng đồng', 'việc lấy ý kiến Nhân dân về các chủ trương lớn ở địa phương', 'hương ước, quy ước của ấp, khu phố'],
    targets: [pct('Tỷ lệ xã, phường tổ chức hội nghị nhân dân', '{v}% xã, phường, thị trấn tổ chức hội nghị nhân dân ở ấp, khu phố', 80), pct('Tỷ lệ cơ quan tổ chức hội nghị cán bộ, công chức', '{v}% cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức đúng quy định', 90)],
  },
  {
    label: 'Cải cách hành chính',
    lead: 'so-noi-vu',
    subjects: ['cải cách hành chính nhà nước', 'kiểm soát thủ tục hành chính', 'nâng cao Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính', 'cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', 'nâng cao Chỉ số cải cách hành chính (PAR INDEX)'],
    items: ['việc rà soát, đơn giản hóa thủ tục hành chính', 'hoạt động của Bộ phận Một cửa các cấp', 'việc giải quyết hồ sơ thủ tục hành chính đúng hạn', 'cơ chế một cửa, một cửa liên thông', 'việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'chế độ công vụ, kỷ luật, kỷ cương hành chính', 'việc công khai thủ tục hành chính trên Cổng Dịch vụ công'],
    targets: [pct('Tỷ lệ hồ sơ giải quyết đúng hạn', '{v}% hồ sơ thủ tục hành chính được giải quyết đúng hoặc trước hạn', 95), pct('Tỷ lệ hài lòng của người dân, doanh nghiệp', 'Mức độ hài lòng của người dân, doanh nghiệp đạt trên {v}%', 85, 99), pct('Tỷ lệ hồ sơ được số hóa', '{v}% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 50)],
  },
  {
    label: 'Chuyển đổi số',
    lead: 'so-tttt',
    subjects: ['chuyển đổi số', 'phát triển chính quyền số', 'triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử', 'bảo đảm an toàn thông tin mạng', 'phát triển kinh tế số, xã hội số'],
    items: ['hạ tầng số và các nền tảng dùng chung', 'dịch vụ công trực tuyến toàn trình', 'hệ thống quản lý văn bản và điều hành', 'Tổ công nghệ số cộng đồng', 'kho dữ liệu dùng chung của tỉnh', 'chữ ký số cho cán bộ, công chức', 'thanh toán không dùng tiền mặt', 'kỹ năng số cho người dân'],
    targets: [pct('Tỷ lệ hồ sơ trực tuyến toàn trình', '{v}% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình', 30), pct('Tỷ lệ văn bản điện tử có ký số', '{v}% văn bản trao đổi giữa các cơ quan dưới dạng điện tử, có ký số', 90), count('Số Tổ công nghệ số cộng đồng', 'Thành lập và duy trì {v} Tổ công nghệ số cộng đồng', 'tổ', 10, 1000)],
  },
  {
    label: 'Phòng, chống tham nhũng',
    lead: 'thanh-tra-tinh',
    subjects: ['công tác phòng, chống tham nhũng, tiêu cực', 'thực hành tiết kiệm, chống lãng phí', 'kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn', 'thanh tra, kiểm tra trách nhiệm thực hiện pháp luật về phòng, chống tham nhũng'],
    items: ['việc kê khai, công khai bản kê khai tài sản, thu nhập', 'việc chuyển đổi vị trí công tác của cán bộ, công chức', 'công tác thanh tra, kiểm tra', 'việc xử lý trách nhiệm người đứng đầu', 'định mức, tiêu chuẩn, chế độ trong quản lý tài chính công', 'việc phát hiện, xử lý các vụ việc tiêu cực'],
    targets: [pct('Tỷ lệ kê khai tài sản đúng hạn', '{v}% người có nghĩa vụ kê khai tài sản, thu nhập đúng thời hạn', 95), count('Số cuộc thanh tra, kiểm tra', 'Tiến hành ít nhất {v} cuộc thanh tra, kiểm tra', 'cuộc', 2, 60)],
  },
  {
    label: 'Phổ biến, giáo dục pháp luật',
    lead: 'so-tu-phap',
    subjects: ['phổ biến, giáo dục pháp luật', 'hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'hòa giải ở cơ sở', 'xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật', 'theo dõi tình hình thi hành pháp luật'],
    items: ['tủ sách pháp luật ở cơ sở', 'đội ngũ báo cáo viên, tuyên truyền viên pháp luật', 'tổ hòa giải ở ấp, khu phố', 'cuộc thi tìm hiểu pháp luật trực tuyến', 'chuyên mục pháp luật trên đài truyền thanh', 'văn bản quy phạm pháp luật mới ban hành'],
    targets: [pct('Tỷ lệ hòa giải thành', 'Tỷ lệ hòa giải thành đạt {v}% trở lên', 75, 95), pct('Tỷ lệ xã đạt chuẩn tiếp cận pháp luật', '{v}% xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật', 80)],
  },
  {
    label: 'Tiếp công dân',
    lead: 'thanh-tra-tinh',
    subjects: ['công tác tiếp công dân, giải quyết khiếu nại, tố cáo', 'giải quyết các vụ việc khiếu nại, tố cáo tồn đọng, phức tạp, kéo dài', 'tiếp công dân định kỳ của người đứng đầu'],
    items: ['lịch tiếp công dân định kỳ của người đứng đầu', 'việc xử lý đơn thư khiếu nại, tố cáo', 'các vụ việc khiếu nại đông người, phức tạp', 'hệ thống cơ sở dữ liệu quốc gia về tiếp công dân', 'việc thi hành quyết định giải quyết khiếu nại đã có hiệu lực'],
    targets: [pct('Tỷ lệ giải quyết khiếu nại, tố cáo', 'Giải quyết đạt {v}% trở lên số vụ việc khiếu nại, tố cáo thuộc thẩm quyền', 85, 98)],
  },
  {
    label: 'Giáo dục và đào tạo',
    lead: 'so-gddt',
    subjects: ['nhiệm vụ năm học', 'phổ cập giáo dục, xóa mù chữ', 'xây dựng trường học đạt chuẩn quốc gia', 'thực hiện Chương trình giáo dục phổ thông 2018', 'phát triển giáo dục mầm non', 'tuyển sinh vào lớp 10'],
    items: ['mạng lưới trường, lớp học', 'đội ngũ nhà giáo và cán bộ quản lý giáo dục', 'cơ sở vật chất, thiết bị dạy học', 'công tác phổ cập giáo dục mầm non cho trẻ em 5 tuổi', 'việc dạy học ngoại ngữ, tin học', 'hoạt động trải nghiệm, hướng nghiệp cho học sinh', 'bữa ăn bán trú cho học sinh vùng khó khăn'],
    targets: [pct('Tỷ lệ trường đạt chuẩn quốc gia', '{v}% trường học đạt chuẩn quốc gia', 40, 90), pct('Tỷ lệ học sinh tốt nghiệp THPT', 'Tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt {v}%', 95), pct('Tỷ lệ huy động trẻ 5 tuổi đến trường', 'Huy động {v}% trẻ em 5 tuổi ra lớp', 97)],
  },
  {
    label: 'Y tế, chăm sóc sức khỏe',
    lead: 'so-y-te',
    subjects: ['tiêm chủng mở rộng', 'phòng, chống dịch bệnh truyền nhiễm', 'bảo đảm an toàn thực phẩm', 'chăm sóc sức khỏe ban đầu cho Nhân dân', 'phòng, chống sốt xuất huyết', 'phát triển bảo hiểm y tế toàn dân'],
    items: ['mạng lưới y tế cơ sở', 'trạm y tế xã đạt chuẩn', 'hồ sơ sức khỏe điện tử của người dân', 'việc giám sát, phát hiện sớm ca bệnh', 'chiến dịch diệt lăng quăng, bọ gậy', 'kiểm tra an toàn thực phẩm tại bếp ăn tập thể', 'công tác khám, chữa bệnh bảo hiểm y tế'],
    targets: [pct('Tỷ lệ trẻ em được tiêm chủng đầy đủ', '{v}% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin', 90), pct('Tỷ lệ dân số tham gia bảo hiểm y tế', 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt {v}%', 88, 97), pct('Tỷ lệ người dân có hồ sơ sức khỏe điện tử', '{v}% người dân được lập hồ sơ sức khỏe điện tử', 60)],
  },
  {
    label: 'Nông nghiệp, nông thôn mới',
    lead: 'so-nnptnt',
    subjects: ['xây dựng nông thôn mới', 'thực hiện Chương trình Mỗi xã một sản phẩm (OCOP)', 'cơ cấu lại ngành nông nghiệp', 'phòng, chống dịch bệnh trên gia súc, gia cầm', 'phát triển kinh tế hợp tác, hợp tác xã'],
    items: ['bộ tiêu chí xã nông thôn mới nâng cao', 'sản phẩm OCOP của địa phương', 'vùng nguyên liệu mì, mía, cao su', 'chuỗi liên kết sản xuất và tiêu thụ nông sản', 'hệ thống thủy lợi nội đồng', 'mã số vùng trồng cho nông sản xuất khẩu', 'tổ hợp tác và hợp tác xã nông nghiệp'],
    targets: [count('Số xã đạt chuẩn nông thôn mới nâng cao', 'Có thêm {v} xã đạt chuẩn nông thôn mới nâng cao', 'xã', 1, 20), count('Số sản phẩm OCOP được công nhận', 'Công nhận thêm {v} sản phẩm OCOP đạt 3 sao trở lên', 'sản phẩm', 3, 50), pct('Tỷ lệ hộ dân sử dụng nước sạch', '{v}% hộ dân nông thôn sử dụng nước sạch đạt quy chuẩn', 60)],
  },
  {
    label: 'Tài nguyên và môi trường',
    lead: 'so-tnmt',
    subjects: ['bảo vệ môi trường', 'quản lý chất thải rắn sinh hoạt', 'hưởng ứng Ngày Môi trường thế giới', 'quản lý, sử dụng đất đai', 'ứng phó với biến đổi khí hậu'],
    items: ['việc phân loại chất thải rắn tại nguồn', 'công tác quan trắc môi trường', 'việc cấp giấy chứng nhận quyền sử dụng đất', 'kế hoạch sử dụng đất hằng năm', 'các điểm nóng về ô nhiễm môi trường', 'tài nguyên nước và khoáng sản'],
    targets: [pct('Tỷ lệ chất thải rắn sinh hoạt được thu gom', '{v}% chất thải rắn sinh hoạt đô thị được thu gom, xử lý', 85), pct('Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất', 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu đạt {v}% diện tích đủ điều kiện', 90)],
  },
  {
    label: 'Văn hóa, thể thao và du lịch',
    lead: 'so-vhttdl',
    subjects: ['phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”', 'phát triển du lịch', 'tổ chức Đại hội Thể dục thể thao các cấp', 'bảo tồn và phát huy giá trị di sản văn hóa', 'phát triển văn hóa đọc'],
    items: ['thiết chế văn hóa, thể thao ở cơ sở', 'Khu du lịch quốc gia núi Bà Đen', 'các di tích lịch sử - văn hóa được xếp hạng', 'danh hiệu gia đình văn hóa, ấp văn hóa', 'phong trào thể dục thể thao quần chúng', 'sản phẩm du lịch đặc trưng của địa phương', 'lễ hội truyền thống'],
    targets: [pct('Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa', '{v}% hộ gia đình đạt danh hiệu “Gia đình văn hóa”', 85, 97), count('Lượt khách du lịch', 'Đón {v} nghìn lượt khách du lịch', 'nghìn lượt', 500, 6000)],
  },
  {
    label: 'An toàn giao thông',
    lead: 'so-gtvt',
    subjects: ['bảo đảm trật tự, an toàn giao thông', 'cao điểm bảo đảm an toàn giao thông dịp Tết Nguyên đán', 'phát triển giao thông nông thôn', 'quản lý, bảo trì hệ thống đường địa phương'],
    items: ['hệ thống đường giao thông nông thôn', 'các điểm đen tai nạn giao thông', 'việc tuần tra, kiểm soát, xử lý vi phạm', 'hành lang an toàn đường bộ', 'bến thủy nội địa', 'việc kiểm định phương tiện'],
    targets: [pct('Mức giảm số vụ tai nạn giao thông', 'Giảm {v}% số vụ tai nạn giao thông so với cùng kỳ', 5, 20), count('Số km đường giao thông nông thôn được cứng hóa', 'Cứng hóa thêm {v} km đường giao thông nông thôn', 'km', 5, 200)],
  },
  {
    label: 'Lao động, việc làm, giảm nghèo',
    lead: 'so-ldtbxh',
    subjects: ['giảm nghèo bền vững', 'giải quyết việc làm, đào tạo nghề', 'chăm lo Tết cho người nghèo, gia đình chính sách', 'bảo vệ, chăm sóc trẻ em', 'thực hiện chính sách ưu đãi người có công'],
    items: ['hộ nghèo, hộ cận nghèo', 'chính sách tín dụng ưu đãi cho hộ nghèo', 'đào tạo nghề cho lao động nông thôn', 'phiên giao dịch việc làm', 'nhà tình nghĩa, nhà đại đoàn kết', 'quỹ “Vì người nghèo”', 'chính sách bảo trợ xã hội'],
    targets: [pct('Tỷ lệ giảm hộ nghèo', 'Giảm tỷ lệ hộ nghèo {v}% so với đầu năm', 0.5, 2), count('Số lao động được giải quyết việc làm', 'Giải quyết việc làm cho {v} lao động', 'lao động', 500, 25000), pct('Tỷ lệ lao động qua đào tạo', 'Tỷ lệ lao động qua đào tạo đạt {v}%', 60, 75)],
  },
  {
    label: 'Quốc phòng, an ninh',
    lead: 'bo-chi-huy-quan-su',
    subjects: ['công tác tuyển chọn và gọi công dân nhập ngũ', 'diễn tập khu vực phòng thủ', 'phong trào toàn dân bảo vệ an ninh Tổ quốc', 'bảo đảm an ninh, trật tự tuyến biên giới', 'phòng cháy, chữa cháy và cứu nạn, cứu hộ'],
    items: ['lực lượng dân quân tự vệ', 'công tác giáo dục quốc phòng và an ninh', 'mô hình tự quản về an ninh, trật tự', 'tổ bảo vệ an ninh, trật tự ở cơ sở', 'công tác quản lý cư trú', 'phương án phòng cháy, chữa cháy tại khu dân cư'],
    targets: [pct('Tỷ lệ hoàn thành chỉ tiêu giao quân', 'Hoàn thành {v}% chỉ tiêu giao quân', 100, 100), pct('Tỷ lệ ấp, khu phố đạt chuẩn an toàn về an ninh, trật tự', '{v}% ấp, khu phố đạt chuẩn “An toàn về an ninh, trật tự”', 80)],
  },
  {
    label: 'Phòng, chống thiên tai',
    lead: 'so-nnptnt',
    subjects: ['phòng, chống thiên tai và tìm kiếm cứu nạn', 'phòng cháy, chữa cháy rừng mùa khô', 'ứng phó hạn hán, xâm nhập mặn'],
    items: ['phương án “bốn tại chỗ”', 'lực lượng xung kích phòng, chống thiên tai cấp xã', 'hệ thống cảnh báo sớm', 'các khu vực có nguy cơ sạt lở, ngập úng', 'vật tư, phương tiện dự phòng'],
    targets: [pct('Tỷ lệ xã có phương án ứng phó thiên tai', '{v}% xã, phường, thị trấn có phương án ứng phó thiên tai được phê duyệt', 90)],
  },
  {
    label: 'Khoa học và công nghệ',
    lead: 'so-khcn',
    subjects: ['phát triển khoa học, công nghệ và đổi mới sáng tạo', 'hỗ trợ doanh nghiệp đổi mới công nghệ', 'bảo hộ và phát triển tài sản trí tuệ', 'nâng cao năng suất, chất lượng sản phẩm, hàng hóa'],
    items: ['nhiệm vụ khoa học và công nghệ cấp tỉnh', 'hệ sinh thái khởi nghiệp đổi mới sáng tạo', 'nhãn hiệu chứng nhận cho đặc sản địa phương', 'hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001', 'hoạt động đo lường, tiêu chuẩn chất lượng'],
    targets: [count('Số nhiệm vụ khoa học được nghiệm thu', 'Nghiệm thu ít nhất {v} nhiệm vụ khoa học và công nghệ', 'nhiệm vụ', 3, 30)],
  },
  {
    label: 'Xây dựng Đảng',
    lead: 'so-noi-vu',
    subjects: ['học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'nghiên cứu, học tập, quán triệt nghị quyết của Đảng', 'kiểm tra, giám sát của cấp ủy', 'phát triển đảng viên', 'bảo vệ nền tảng tư tưởng của Đảng'],
    items: ['sinh hoạt chi bộ định kỳ', 'công tác phát triển đảng viên mới', 'việc nêu gương của cán bộ, đảng viên', 'chương trình kiểm tra, giám sát hằng năm', 'việc đấu tranh phản bác các quan điểm sai trái, thù địch', 'tổ chức cơ sở đảng trong sạch, vững mạnh'],
    targets: [count('Số đảng viên mới được kết nạp', 'Kết nạp ít nhất {v} đảng viên mới', 'đảng viên', 5, 1500), pct('Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', '{v}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', 85)],
  },
  {
    label: 'Thi đua, khen thưởng',
    lead: 'so-noi-vu',
    subjects: ['tổ chức phong trào thi đua yêu nước', 'phát động thi đua chào mừng đại hội Đảng bộ các cấp', 'công tác thi đua, khen thưởng'],
    items: ['các phong trào thi đua chuyên đề', 'việc phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', 'hồ sơ đề nghị khen thưởng', 'hội nghị điển hình tiên tiến'],
    targets: [count('Số điển hình tiên tiến được biểu dương', 'Biểu dương ít nhất {v} tập thể, cá nhân điển hình tiên tiến', 'tập thể, cá nhân', 10, 300)],
  },
  {
    label: 'Công tác dân tộc, tôn giáo',
    lead: 'ban-dan-toc',
    subjects: ['thực hiện chính sách dân tộc', 'công tác tôn giáo', 'thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số'],
    items: ['người có uy tín trong đồng bào dân tộc thiểu số', 'hoạt động tôn giáo theo quy định của pháp luật', 'chính sách hỗ trợ đất ở, nhà ở, nước sinh hoạt', 'đồng bào Khmer, Chăm, Hoa trên địa bàn', 'các cơ sở tôn giáo, tín ngưỡng'],
    targets: [pct('Tỷ lệ hộ đồng bào dân tộc thiểu số thoát nghèo', 'Giảm {v}% hộ nghèo đồng bào dân tộc thiểu số', 3, 10)],
  },
];

export const ACTIONS = [
  'Tăng cường', 'Đẩy mạnh', 'Tiếp tục triển khai thực hiện có hiệu quả', 'Nâng cao chất lượng, hiệu quả', 'Rà soát, hoàn thiện',
  'Tổ chức kiểm tra, giám sát việc thực hiện', 'Quan tâm chỉ đạo', 'Tập trung lãnh đạo, chỉ đạo', 'Thường xuyên theo dõi, đôn đốc', 'Đổi mới nội dung, phương thức',
  'Chủ động phối hợp triển khai', 'Kiện toàn, củng cố', 'Đầu tư, nâng cấp', 'Sơ kết, đánh giá', 'Tuyên truyền, phổ biến sâu rộng về',
  'Huy động các nguồn lực xã hội hóa cho', 'Ứng dụng công nghệ thông tin trong', 'Phát huy vai trò của người đứng đầu đối với', 'Nhân rộng các mô hình hay về', 'Xây dựng lộ trình cụ thể cho',
];

export const GOALS = [
  'bảo đảm thiết thực, hiệu quả, tránh hình thức', 'góp phần hoàn thành thắng lợi nhiệm vụ phát triển kinh tế - xã hội của địa phương', 'tạo sự đồng thuận trong Nhân dân',
  'nâng cao chất lượng phục vụ người dân, doanh nghiệp', 'đúng tiến độ, đúng quy định của pháp luật', 'phù hợp với điều kiện thực tế của từng địa phương, đơn vị',
  'gắn với trách nhiệm của người đứng đầu', 'củng cố niềm tin của Nhân dân đối với Đảng, chính quyền', 'bảo đảm công khai, minh bạch', 'không để phát sinh điểm nóng',
  'kịp thời tháo gỡ khó khăn, vướng mắc ở cơ sở', 'tiết kiệm, tránh lãng phí',
];

export const PURPOSES = [
  'Quán triệt sâu sắc các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về {item}.',
  'Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, cán bộ, công chức, viên chức và Nhân dân đối với {item}.',
  'Xác định rõ nhiệm vụ, giải pháp, lộ trình và trách nhiệm của các cơ quan, đơn vị trong việc thực hiện {item}.',
  'Tạo chuyển biến rõ nét về {item}, {goal}.',
  'Việc triển khai phải {goal}; gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.',
  'Các cơ quan, đơn vị chủ động xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ kết quả.',
  'Thường xuyên kiểm tra, đôn đốc, kịp thời phát hiện và tháo gỡ khó khăn, vướng mắc trong quá trình thực hiện.',
];

export const FUNDING = [
  'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị theo phân cấp hiện hành.',
  'Kinh phí thực hiện từ nguồn ngân sách nhà nước giao cho đơn vị và các nguồn huy động hợp pháp khác theo quy định.',
  'Các cơ quan, đơn vị lập dự toán kinh phí thực hiện cùng thời điểm xây dựng dự toán ngân sách, gửi Sở Tài chính thẩm định, trình cấp có thẩm quyền xem xét, bố trí.',
];

export const DUTIES = [
  'Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai thực hiện Kế hoạch này theo chức năng, nhiệm vụ được giao.',
  'Căn cứ nội dung Kế hoạch, xây dựng kế hoạch cụ thể của cơ quan, đơn vị mình và tổ chức thực hiện bảo đảm hiệu quả.',
  'Theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp kết quả, tham mưu sơ kết, tổng kết theo quy định.',
  'Tăng cường thông tin, tuyên truyền về {item} trên các phương tiện thông tin đại chúng và hệ thống truyền thanh cơ sở.',
  'Bố trí kinh phí, nhân lực, phương tiện để thực hiện các nhiệm vụ được giao.',
  'Phối hợp chặt chẽ với Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cùng cấp trong việc thực hiện {item}.',
  'Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất khi có yêu cầu.',
  'Rà soát, đề xuất sửa đổi, bổ sung các quy định liên quan đến {item} cho phù hợp với tình hình thực tế.',
];

export const REPORT_TASKS = [
  'Báo cáo kết quả thực hiện Kế hoạch 6 tháng đầu năm',
  'Báo cáo kết quả thực hiện Kế hoạch năm',
  'Báo cáo sơ kết việc thực hiện Kế hoạch',
  'Báo cáo tình hình, kết quả thực hiện quý',
  'Tự chấm điểm, đánh giá kết quả thực hiện',
  'Gửi kế hoạch cụ thể của cơ quan, đơn vị',
];

export const QUALIFIERS = ['trước ngày', 'chậm nhất ngày', 'trước ngày', 'ngày', null] as const;

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Thanh', 'Minh', 'Hoàng', 'Ngọc', 'Hữu', 'Quốc', 'Thành', 'Kim', 'Đức', 'Xuân'];
export const GIVEN_NAMES = ['Hùng', 'Dũng', 'Hương', 'Lan', 'Tâm', 'Phúc', 'Thảo', 'Trung', 'Nam', 'Hải', 'Sơn', 'Hòa', 'Nghĩa', 'Thủy', 'Tuấn', 'Khánh', 'Bình', 'Châu', 'Thắng', 'Vân'];
