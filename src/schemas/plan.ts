import { z } from 'astro/zod';
import { agencyId, isoDate, nfcText, plausibleYear } from './common';
import { documentReferenceSchema } from './document-reference';
import { targetSchema } from './target';
import { deadlineSchema } from './deadline';
import { assignmentSchema } from './assignment';
import { signerSchema } from './signer';

export const planStatuses = ['ban hành', 'dự thảo'] as const;

/** Paths a provenance mark may point at: a top-level field, or a field of one list item. */
const INFERRED_FIELD = /^(place|issuer|issuedOn|year|signer\.(?:name|title|authority)|(?:deadlines|assignments|targets)\.\d+\.[a-zA-Z]+)$/;

/**
 * A value that was inferred from context rather than read on the copy (the place when the copy has
 * no place-and-date line, an agency the text names only as "Phòng Nội vụ"). Pages, JSON and print
 * show it as inferred or leave it out.
 */
export const inferredValueSchema = z.object({
  /** Path of the inferred value: "place", "deadlines.2.submitTo", "assignments.0.unit". */
  field: z.string().regex(INFERRED_FIELD, {
    error: 'đường dẫn trường không hợp lệ; ví dụ "place", "deadlines.2.submitTo", "signer.name"',
  }),
  /** What the copy says instead, in Vietnamese for readers: "Bản gốc không có dòng địa danh, ngày tháng". */
  note: nfcText,
});

export type InferredValue = z.infer<typeof inferredValueSchema>;

/** Frontmatter of a plan (`content/plans/{year}/{slug}.mdx`; the file name is the slug). */
export const planObjectSchema = z.object({
  /** Trích yếu without the document type: "Thực hiện công tác dân vận chính quyền năm 2024". */
  title: nfcText,
  /** Document type: "Kế hoạch". */
  docType: nfcText.default('Kế hoạch'),
  /** Số: "859", or null when the copy is unnumbered ("Số: /KH-SVHTTDL"). */
  number: nfcText.regex(/^\d+$/, { error: 'số văn bản chỉ gồm chữ số, ví dụ "859"' }).nullable().default(null),
  /** Ký hiệu: "KH-UBND", "KH-STTTT", "KH/BDVTU-BCSĐUBND"; null when the copy has no "Số:" line at all. */
  symbol: nfcText
    .regex(/^[A-ZĐa-zđ0-9]+([-/][A-ZĐa-zđ0-9]+)*$/, {
      error: 'ký hiệu không đúng dạng Nghị định 30/2020, ví dụ "KH-UBND" hoặc "KH/BDVTU-BCSĐUBND"',
    })
    .nullable()
    .default(null),
  /** Issuing agency id. */
  issuer: agencyId,
  /** Place of issue: "Tây Ninh". */
  place: nfcText,
  /** Date of issue (ISO), or null when the copy leaves it blank. */
  issuedOn: isoDate.nullable().default(null),
  /** The year the plan is for. */
  year: plausibleYear,
  /** Ban hành (signed) or dự thảo (draft). */
  status: z.enum(planStatuses, { error: `trạng thái phải là một trong: ${planStatuses.join(', ')}` }).default('ban hành'),
  /** Topic labels: "Dân vận chính quyền", "Dân chủ ở cơ sở". */
  topics: z.array(nfcText).min(1, { error: 'cần ít nhất một chủ đề' }),
  /** One-paragraph plain-language summary. */
  summary: nfcText,
  /**
   * Key information in English (Nghị định 42/2022 asks portals for it): the title and summary as a
   * person translated them, never a machine; null when there is none.
   */
  titleEn: nfcText.nullable().default(null),
  summaryEn: nfcText.nullable().default(null),
  /** Documents the plan implements ("Thực hiện …", "Căn cứ …"). */
  basis: z.array(documentReferenceSchema).default([]),
  /** Every other numbered document the text references. */
  citations: z.array(documentReferenceSchema).default([]),
  /** Chỉ tiêu. */
  targets: z.array(targetSchema).default([]),
  /** Dated obligations. */
  deadlines: z.array(deadlineSchema).default([]),
  /** TỔ CHỨC THỰC HIỆN: each unit and its duties. */
  assignments: z.array(assignmentSchema).default([]),
  /** Nơi nhận, one line each, as written (without the trailing ";"). */
  recipients: z.array(nfcText).default([]),
  /** Người ký. */
  signer: signerSchema,
  /** The original file and its sha256, for provenance. */
  source: z.object({
    /** File name of the signed text the page was made from. */
    file: nfcText,
    /** sha256 of that file, hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'sha256 gồm 64 ký tự hex' }),
    /**
     * True only when the file is the signed, sealed document (a scan or a digitally signed PDF); an
     * extracted or retyped text is false. Decides whether the page offers "bản gốc đã ký".
     */
    signed: z.boolean({ error: 'cần true hoặc false' }).default(false),
  }),
  /** Values inferred rather than read on the copy, each with what the copy says. */
  inferred: z.array(inferredValueSchema).default([]),
});

/** The plan schema with its cross-field check: every provenance mark points at a value of the plan. */
export const planSchema = planObjectSchema.superRefine((plan, ctx) => {
  if (plan.summaryEn !== null && plan.titleEn === null) {
    ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'có tóm tắt tiếng Anh (summaryEn) thì cần cả trích yếu tiếng Anh (titleEn)' });
  }
  plan.inferred.forEach((mark, i) => {
    const value = mark.field.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), plan);
    if (value === undefined || value === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['inferred', i, 'field'],
        message: `"${mark.field}" không trỏ tới giá trị nào của kế hoạch; cần đường dẫn tới một trường có giá trị, ví dụ "place"`,
      });
    }
  });
});

export type Plan = z.infer<typeof planSchema>;
