import { z } from 'astro/zod';
import { agencyId, documentId, isoDate, nfcText, slug } from '../../schemas/common';
import { planObjectSchema } from '../../schemas/plan';
import { agencySchema } from '../../schemas/agency';
import { documentSchema } from '../../schemas/document';
import { documentReferenceSchema } from '../../schemas/document-reference';
import { targetSchema } from '../../schemas/target';
import { deadlineSchema } from '../../schemas/deadline';
import { assignmentSchema } from '../../schemas/assignment';
import { periodKinds, reportSchema, resultSchema, resultStatuses } from '../../schemas/report';

/*
 * The shapes of the published records, composed from the content schemas in src/schemas/ so a
 * field means the same thing in a plan's frontmatter and in the open data. The JSON Schemas under
 * /api/v1/schema/ and the Table Schemas in datapackage.json are generated from these.
 * Descriptions are in Vietnamese: they are read by the people who use the data.
 */

const url = z.url().describe('Địa chỉ tuyệt đối (URL)');
const planSlug = slug.describe('Mã kế hoạch (slug), cũng là phần cuối địa chỉ /ke-hoach/{mã}/');
const position = z.number().int().min(1).describe('Thứ tự trong danh sách của kế hoạch, bắt đầu từ 1');
const rowId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[1-9][0-9]*$/)
  .describe('Mã ổn định của dòng: "{mã kế hoạch}#{thứ tự}"');
const list = <T extends z.ZodType>(of: T, description: string) => z.array(of).describe(description);

/** An agency, embedded where a plan names one (issuer, owner, unit). */
export const agencyRefSchema = z
  .object({
    id: agencyId.describe('Mã cơ quan (xem agencies.json)'),
    name: agencySchema.shape.name.describe('Tên đầy đủ'),
    shortName: agencySchema.shape.shortName.describe('Tên ngắn như văn bản thường viết'),
    level: agencySchema.shape.level.describe('Cấp'),
    url: url.describe('Trang của cơ quan trên cổng'),
  })
  .describe('Cơ quan, đơn vị');

/** A basis or citation of a plan, as written, resolved to the document registry. */
export const referenceRecordSchema = documentReferenceSchema
  .extend({
    type: documentReferenceSchema.shape.type.describe('Loại văn bản như kế hoạch ghi: Chỉ thị, Nghị định…'),
    number: documentReferenceSchema.shape.number.describe('Số/ký hiệu như kế hoạch ghi (bỏ khoảng trắng)'),
    date: documentReferenceSchema.shape.date.describe('Ngày ban hành như kế hoạch ghi, hoặc null'),
    issuer: documentReferenceSchema.shape.issuer.describe('Cơ quan ban hành như kế hoạch ghi, hoặc null'),
    title: documentReferenceSchema.shape.title.describe('Trích yếu như kế hoạch trích, hoặc null'),
    document: documentId.describe('Mã chuẩn của văn bản (xem documents.json)'),
    documentNumber: nfcText.nullable().describe('Số/ký hiệu chuẩn trong danh mục văn bản, hoặc null nếu chưa có trong danh mục'),
    documentUrl: url.describe('Trang của văn bản trên cổng: mọi kế hoạch căn cứ hoặc trích dẫn văn bản này'),
  })
  .describe('Văn bản được căn cứ hoặc trích dẫn');

export const targetRecordSchema = targetSchema
  .extend({
    id: rowId,
    position,
    text: targetSchema.shape.text.describe('Chỉ tiêu như kế hoạch ghi'),
    value: targetSchema.shape.value.describe('Con số cam kết (100 cho "100%"), hoặc null nếu là chỉ tiêu định tính'),
    unit: targetSchema.shape.unit.describe('Đơn vị của con số ("%", "cuộc"), hoặc null'),
    indicator: targetSchema.shape.indicator.describe('Nhãn ngắn của điều được đo, để so sánh giữa các kế hoạch, hoặc null'),
  })
  .describe('Chỉ tiêu');

export const deadlineRecordSchema = deadlineSchema
  .extend({
    id: rowId,
    position,
    date: deadlineSchema.shape.date.describe('Ngày (ISO 8601)'),
    task: deadlineSchema.shape.task.describe('Việc phải làm'),
    owner: agencyRefSchema.describe('Đơn vị thực hiện'),
    submitTo: agencyRefSchema.nullable().describe('Nơi nhận kết quả, hoặc null nếu kế hoạch không ghi'),
    qualifier: deadlineSchema.shape.qualifier.describe('Cách ghi thời hạn: "trước ngày", "chậm nhất ngày"…, hoặc null'),
    dueDate: deadlineSchema.shape.date.describe('Ngày cuối cùng phải xong việc (hết ngày này): ngày liền trước "trước ngày X", ngày X trong các cách ghi khác'),
  })
  .describe('Thời hạn');

export const assignmentRecordSchema = z
  .object({
    unit: agencyRefSchema.describe('Đơn vị được giao'),
    duties: assignmentSchema.shape.duties.describe('Nhiệm vụ, mỗi mục một phần tử, như kế hoạch ghi'),
  })
  .describe('Phân công (Tổ chức thực hiện)');

/** `/api/v1/plans/{slug}.json`: every frontmatter field, references resolved, and the body as text. */
export const planRecordSchema = planObjectSchema
  .extend({
    $schema: url.describe('JSON Schema của tệp này'),
    slug: planSlug,
    url: url.describe('Trang của kế hoạch trên cổng'),
    identifier: nfcText.nullable().describe('Số/ký hiệu như in trên văn bản ("859/KH-UBND"; "…/KH-STTTT" khi bản sao chưa ghi số), hoặc null'),
    title: planObjectSchema.shape.title.describe('Trích yếu, không kèm loại văn bản'),
    docType: planObjectSchema.shape.docType.describe('Loại văn bản'),
    number: planObjectSchema.shape.number.describe('Số, hoặc null khi bản sao chưa ghi số'),
    symbol: planObjectSchema.shape.symbol.describe('Ký hiệu, hoặc null'),
    issuer: agencyRefSchema.describe('Cơ quan ban hành'),
    place: planObjectSchema.shape.place.describe('Địa danh ban hành'),
    issuedOn: planObjectSchema.shape.issuedOn.describe('Ngày ban hành (ISO 8601), hoặc null khi bản sao để trống'),
    year: planObjectSchema.shape.year.describe('Năm của kế hoạch'),
    status: planObjectSchema.shape.status.describe('Trạng thái'),
    topics: planObjectSchema.shape.topics.describe('Chủ đề'),
    summary: planObjectSchema.shape.summary.describe('Tóm tắt bằng lời thường'),
    titleEn: planObjectSchema.shape.titleEn.describe('Trích yếu bằng tiếng Anh do người dịch viết, hoặc null'),
    summaryEn: planObjectSchema.shape.summaryEn.describe('Tóm tắt bằng tiếng Anh do người dịch viết, hoặc null'),
    basis: list(referenceRecordSchema, 'Văn bản kế hoạch thực hiện hoặc căn cứ ("Thực hiện…", "Căn cứ…")'),
    citations: list(referenceRecordSchema, 'Các văn bản có số khác được nhắc đến trong nội dung'),
    targets: list(targetRecordSchema, 'Chỉ tiêu'),
    deadlines: list(deadlineRecordSchema, 'Thời hạn'),
    assignments: list(assignmentRecordSchema, 'Tổ chức thực hiện: đơn vị và nhiệm vụ'),
    recipients: planObjectSchema.shape.recipients.describe('Nơi nhận, như văn bản ghi'),
    signer: planObjectSchema.shape.signer.describe('Người ký'),
    source: planObjectSchema.shape.source.describe('Tệp gốc và mã băm sha256 của nó'),
    inferred: planObjectSchema.shape.inferred.describe('Các giá trị được suy ra từ ngữ cảnh, không đọc được trên bản gốc: đường dẫn trường và bản gốc ghi gì'),
    bodyText: z.string().describe('Toàn văn dạng văn bản thuần: đoạn cách nhau một dòng trống, mỗi mục liệt kê một dòng'),
  })
  .describe('Một kế hoạch');

/* ---- Flat rows: the same rows are published as JSON (`items`) and as CSV (one column per key). ---- */

export const planRowSchema = z
  .object({
    slug: planSlug,
    title: planObjectSchema.shape.title.describe('Trích yếu'),
    docType: planObjectSchema.shape.docType.describe('Loại văn bản'),
    number: planObjectSchema.shape.number.describe('Số, hoặc trống khi bản sao chưa ghi số'),
    symbol: planObjectSchema.shape.symbol.describe('Ký hiệu'),
    identifier: nfcText.nullable().describe('Số/ký hiệu như in trên văn bản'),
    issuer: agencyId.describe('Mã cơ quan ban hành (xem agencies)'),
    issuerName: nfcText.describe('Tên cơ quan ban hành'),
    place: planObjectSchema.shape.place.describe('Địa danh ban hành'),
    issuedOn: planObjectSchema.shape.issuedOn.describe('Ngày ban hành, hoặc trống'),
    year: planObjectSchema.shape.year.describe('Năm của kế hoạch'),
    status: planObjectSchema.shape.status.describe('Trạng thái'),
    topics: planObjectSchema.shape.topics.describe('Chủ đề'),
    summary: planObjectSchema.shape.summary.describe('Tóm tắt'),
    basisCount: z.number().int().min(0).describe('Số văn bản căn cứ'),
    citationCount: z.number().int().min(0).describe('Số văn bản được trích dẫn'),
    targetCount: z.number().int().min(0).describe('Số chỉ tiêu'),
    deadlineCount: z.number().int().min(0).describe('Số thời hạn'),
    assignmentCount: z.number().int().min(0).describe('Số đơn vị được phân công'),
    recipientCount: z.number().int().min(0).describe('Số nơi nhận'),
    url: url.describe('Trang của kế hoạch'),
    dataUrl: url.describe('Toàn bộ dữ liệu của kế hoạch (JSON)'),
  })
  .describe('Kế hoạch');

export const targetRowSchema = z
  .object({
    id: rowId,
    plan: planSlug,
    position,
    year: planObjectSchema.shape.year.describe('Năm của kế hoạch'),
    topics: planObjectSchema.shape.topics.describe('Chủ đề của kế hoạch'),
    text: targetSchema.shape.text.describe('Chỉ tiêu như kế hoạch ghi'),
    value: targetSchema.shape.value.describe('Con số cam kết, hoặc trống nếu là chỉ tiêu định tính'),
    unit: targetSchema.shape.unit.describe('Đơn vị của con số'),
    indicator: targetSchema.shape.indicator.describe('Nhãn ngắn của điều được đo'),
    url: url.describe('Trang của kế hoạch'),
  })
  .describe('Chỉ tiêu');

export const deadlineRowSchema = z
  .object({
    id: rowId,
    plan: planSlug,
    position,
    date: deadlineSchema.shape.date.describe('Ngày (ISO 8601)'),
    qualifier: deadlineSchema.shape.qualifier.describe('Cách ghi thời hạn: "trước ngày", "chậm nhất ngày"…'),
    task: deadlineSchema.shape.task.describe('Việc phải làm'),
    owner: agencyId.describe('Mã đơn vị thực hiện (xem agencies)'),
    ownerName: nfcText.describe('Tên đơn vị thực hiện'),
    submitTo: agencyId.nullable().describe('Mã nơi nhận kết quả, hoặc trống'),
    submitToName: nfcText.nullable().describe('Tên nơi nhận kết quả, hoặc trống'),
    planTitle: planObjectSchema.shape.title.describe('Trích yếu của kế hoạch'),
    url: url.describe('Trang của kế hoạch'),
    dueDate: deadlineSchema.shape.date.describe('Ngày cuối cùng phải xong việc (hết ngày này)'),
  })
  .describe('Thời hạn');

export const citationRowSchema = z
  .object({
    plan: planSlug,
    role: z.enum(['basis', 'citation']).describe('"basis": kế hoạch thực hiện/căn cứ văn bản này; "citation": chỉ nhắc đến'),
    position,
    document: documentId.describe('Mã chuẩn của văn bản (xem documents)'),
    type: documentReferenceSchema.shape.type.describe('Loại văn bản như kế hoạch ghi'),
    number: documentReferenceSchema.shape.number.describe('Số/ký hiệu như kế hoạch ghi'),
    date: documentReferenceSchema.shape.date.describe('Ngày ban hành như kế hoạch ghi'),
    issuer: documentReferenceSchema.shape.issuer.describe('Cơ quan ban hành như kế hoạch ghi'),
    title: documentReferenceSchema.shape.title.describe('Trích yếu như kế hoạch trích'),
    url: url.describe('Trang của văn bản trên cổng'),
  })
  .describe('Quan hệ kế hoạch → văn bản');

export const agencyRowSchema = z
  .object({
    id: agencyId.describe('Mã cơ quan'),
    name: agencySchema.shape.name.describe('Tên đầy đủ'),
    shortName: agencySchema.shape.shortName.describe('Tên ngắn'),
    level: agencySchema.shape.level.describe('Cấp'),
    parent: agencySchema.shape.parent.describe('Mã cơ quan cấp trên, hoặc trống'),
    province: agencySchema.shape.province.describe('Tỉnh, hoặc trống'),
    website: agencySchema.shape.website.describe('Trang web chính thức, hoặc trống'),
    plans: z.array(slug).describe('Kế hoạch do cơ quan ban hành'),
    assignedIn: z.array(slug).describe('Kế hoạch giao nhiệm vụ cho cơ quan'),
    deadlineCount: z.number().int().min(0).describe('Số thời hạn cơ quan phải thực hiện'),
    calendarUrl: url.nullable().describe('Lịch thời hạn của cơ quan (iCalendar), hoặc trống'),
    url: url.describe('Trang của cơ quan trên cổng'),
  })
  .describe('Cơ quan, đơn vị');

export const documentRowSchema = z
  .object({
    id: documentId.describe('Mã chuẩn của văn bản'),
    type: documentSchema.shape.type.describe('Loại văn bản'),
    number: documentSchema.shape.number.describe('Số/ký hiệu chuẩn'),
    aliases: documentSchema.shape.aliases.describe('Các cách viết khác của số/ký hiệu'),
    date: documentSchema.shape.date.describe('Ngày ban hành, hoặc trống'),
    year: documentSchema.shape.year.describe('Năm ban hành'),
    issuer: documentSchema.shape.issuer.describe('Cơ quan ban hành'),
    title: documentSchema.shape.title.describe('Trích yếu'),
    basis: documentSchema.shape.basis.describe('Mã các văn bản mà văn bản này thực hiện'),
    plan: slug.nullable().describe('Mã kế hoạch trên cổng chính là văn bản này, hoặc trống'),
    implementedBy: z.array(slug).describe('Kế hoạch thực hiện/căn cứ văn bản này'),
    citedBy: z.array(slug).describe('Kế hoạch nhắc đến văn bản này'),
    url: url.describe('Trang của văn bản trên cổng'),
  })
  .describe('Văn bản được căn cứ hoặc trích dẫn');

const reportSlug = slug.describe('Mã báo cáo (slug), cũng là phần cuối địa chỉ /bao-cao/{mã}/');
const resultShape = resultSchema.shape;

export const reportRowSchema = z
  .object({
    slug: reportSlug,
    title: reportSchema.shape.title.describe('Trích yếu, không kèm loại văn bản'),
    docType: reportSchema.shape.docType.describe('Loại văn bản'),
    number: reportSchema.shape.number.describe('Số, hoặc trống khi bản sao chưa ghi số'),
    symbol: reportSchema.shape.symbol.describe('Ký hiệu'),
    identifier: nfcText.nullable().describe('Số/ký hiệu như in trên văn bản'),
    issuer: agencyId.describe('Mã cơ quan ban hành (xem agencies)'),
    issuerName: nfcText.describe('Tên cơ quan ban hành'),
    place: reportSchema.shape.place.describe('Địa danh ban hành'),
    issuedOn: reportSchema.shape.issuedOn.describe('Ngày ban hành, hoặc trống'),
    year: reportSchema.shape.year.describe('Năm được báo cáo'),
    status: reportSchema.shape.status.describe('Trạng thái; chỉ báo cáo "ban hành" được tính vào kết quả (results) và thời hạn'),
    plans: z.array(planSlug).describe('Các kế hoạch được báo cáo (xem plans)'),
    periodKind: z.enum(periodKinds).describe('Loại kỳ báo cáo: 6 tháng, năm, quý, hoặc khoảng (một khoảng ngày khác)'),
    periodFrom: isoDate.describe('Ngày đầu kỳ báo cáo'),
    periodTo: isoDate.describe('Ngày cuối kỳ báo cáo'),
    period: nfcText.describe('Kỳ báo cáo bằng lời: "6 tháng đầu năm 2024", "năm 2024"'),
    summary: reportSchema.shape.summary.describe('Tóm tắt'),
    resultCount: z.number().int().min(0).describe('Số chỉ tiêu có kết quả trong báo cáo'),
    metCount: z.number().int().min(0).describe('Số chỉ tiêu báo cáo ghi đạt hoặc vượt'),
    fulfils: z.array(rowId).describe('Mã các thời hạn (xem deadlines) mà báo cáo này hoàn thành'),
    url: url.describe('Trang của báo cáo trên cổng'),
  })
  .describe('Báo cáo kết quả');

export const resultRowSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[1-9][0-9]*$/)
      .describe('Mã ổn định của dòng: "{mã báo cáo}#{thứ tự kết quả trong báo cáo}"'),
    report: reportSlug,
    position,
    plan: planSlug,
    target: rowId.describe('Mã chỉ tiêu (xem targets): "{mã kế hoạch}#{thứ tự}"'),
    targetText: targetSchema.shape.text.describe('Chỉ tiêu như kế hoạch ghi'),
    promised: targetSchema.shape.value.describe('Con số kế hoạch cam kết, hoặc trống nếu là chỉ tiêu định tính'),
    value: resultShape.value.describe('Con số đạt được, hoặc trống nếu kết quả là định tính'),
    unit: resultShape.unit.describe('Đơn vị của con số, đúng đơn vị của chỉ tiêu'),
    outcome: resultShape.outcome.describe('Kết quả định tính theo lời báo cáo, hoặc trống'),
    status: z.enum(resultStatuses).describe('Đánh giá của báo cáo: đạt, vượt, chưa đạt, đang thực hiện'),
    evidence: resultShape.evidence.describe('Câu trong báo cáo làm căn cứ cho kết quả'),
    periodFrom: isoDate.describe('Ngày đầu kỳ báo cáo'),
    periodTo: isoDate.describe('Ngày cuối kỳ báo cáo'),
    reportDate: isoDate.describe('Ngày ban hành báo cáo (ngày cuối kỳ nếu bản sao không ghi ngày)'),
    url: url.describe('Kết quả này trên trang của báo cáo'),
  })
  .describe('Kết quả theo chỉ tiêu');

/** The flat tables, each published as `{name}.json` and `{name}.csv`. */
export const tableRowSchemas = {
  plans: planRowSchema,
  targets: targetRowSchema,
  deadlines: deadlineRowSchema,
  citations: citationRowSchema,
  agencies: agencyRowSchema,
  documents: documentRowSchema,
  reports: reportRowSchema,
  results: resultRowSchema,
} as const;

export type TableName = keyof typeof tableRowSchemas;
export const tableNames = Object.keys(tableRowSchemas) as TableName[];

export type PlanRecord = z.infer<typeof planRecordSchema>;
export type AgencyRef = z.infer<typeof agencyRefSchema>;
export type TableRow<T extends TableName> = z.infer<(typeof tableRowSchemas)[T]>;
export type TableRows = { [T in TableName]: TableRow<T>[] };

/** The JSON file of a table: its schema URL, the row count and the rows. */
export function tableFileSchema(name: TableName) {
  return z
    .object({
      $schema: url.describe('JSON Schema của tệp này'),
      count: z.number().int().min(0).describe('Số dòng'),
      items: z.array(tableRowSchemas[name]).describe('Các dòng; cùng các cột với tệp CSV'),
    })
    .describe(tableRowSchemas[name].description ?? name);
}

/** Validates a record against its published schema before it is written: the build fails rather than publish bad data. */
export function checked<T>(schema: z.ZodType, value: T, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Open data: ${what} does not match its schema: ${z.prettifyError(result.error)}`);
  return value;
}

/** Re-exported so the JSON Schema export can recognise calendar dates. */
export { isoDate };
