import { z } from 'astro/zod';
import { agencyId, isoDate, nfcText, slug } from './common';
import { planSchema } from './plan';
import { signerSchema } from './signer';

/** How a report grades one target, as the report itself says. */
export const resultStatuses = ['đạt', 'vượt', 'chưa đạt', 'đang thực hiện'] as const;
export type ResultStatus = (typeof resultStatuses)[number];

/** The kinds of period a report covers. */
export const periodKinds = ['6 tháng', 'năm', 'quý', 'khoảng'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A 1-based position in a plan's list (targets, deadlines): with the plan slug it is the open-data row id "{plan}#{n}". */
const position = z.number({ error: 'cần số thứ tự (bắt đầu từ 1)' }).int({ error: 'số thứ tự phải là số nguyên' }).min(1, { error: 'số thứ tự bắt đầu từ 1' });

/** The period a report covers: its kind and first and last day. */
export const periodSchema = z
  .object({
    /** "6 tháng", "năm", "quý", or "khoảng" for any other date range. */
    kind: z.enum(periodKinds, { error: `loại kỳ báo cáo phải là một trong: ${periodKinds.join(', ')}` }),
    /** First day covered (ISO). */
    from: isoDate,
    /** Last day covered (ISO). */
    to: isoDate,
  })
  .refine((p) => p.from <= p.to, { error: 'ngày bắt đầu kỳ báo cáo (from) phải trước ngày kết thúc (to)', path: ['to'] });

/** One target's result, as the report states it. */
export const resultSchema = z
  .object({
    /** Slug of the plan the target belongs to (one of the report's `plans`). */
    plan: slug,
    /** Position of the target in that plan's `targets`, from 1 (the "n" of targets.json id "{plan}#{n}"). */
    target: position,
    /** The number achieved, or null when the result is qualitative. */
    value: z.number({ error: 'cần một số hoặc null' }).nullable().default(null),
    /** Unit of `value`; must be the target's unit. */
    unit: nfcText.nullable().default(null),
    /** Qualitative result in the report's words, or null when `value` says it all. */
    outcome: nfcText.nullable().default(null),
    /** Status the report gives: đạt, vượt, chưa đạt, đang thực hiện. */
    status: z.enum(resultStatuses, { error: `trạng thái kết quả phải là một trong: ${resultStatuses.join(', ')}` }),
    /** The sentence of the report this result rests on, quoted. */
    evidence: nfcText,
  })
  .refine((r) => r.value !== null || r.outcome !== null, { error: 'cần giá trị đạt được (value) hoặc kết quả định tính (outcome)', path: ['value'] });

/** A deadline of a plan that the report fulfils. */
export const fulfilmentSchema = z.object({
  /** Slug of the plan (one of the report's `plans`). */
  plan: slug,
  /** Position of the deadline in that plan's `deadlines`, from 1. */
  deadline: position,
  /** The day it was fulfilled (ISO): usually the report's date of issue. */
  on: isoDate,
});

/** Frontmatter of a results report (`content/reports/{year}/{slug}.mdx`; the file name is the slug). */
export const reportSchema = z.object({
  /** Trích yếu without the document type: "Kết quả thực hiện công tác dân vận chính quyền năm 2024". */
  title: nfcText,
  /** Document type: "Báo cáo". */
  docType: nfcText.default('Báo cáo'),
  /** Số, or null when the copy is unnumbered. */
  number: planSchema.shape.number,
  /** Ký hiệu: "BC-UBND", "BC-STTTT"; null when the copy has none. */
  symbol: planSchema.shape.symbol,
  /** Issuing agency id. */
  issuer: agencyId,
  /** Place of issue. */
  place: nfcText,
  /** Date of issue (ISO), or null when the copy leaves it blank. */
  issuedOn: isoDate.nullable().default(null),
  /** The year the report is about (the year of its period). */
  year: planSchema.shape.year,
  /** Ban hành (signed) or dự thảo (draft). */
  status: planSchema.shape.status,
  /** Slugs of the plans the report reports on. */
  plans: z.array(slug).min(1, { error: 'cần ít nhất một kế hoạch được báo cáo' }),
  /** The period covered. */
  period: periodSchema,
  /** One-paragraph plain-language summary. */
  summary: nfcText,
  /** One result per target reported on. */
  results: z.array(resultSchema).default([]),
  /** Deadlines of the plans that this report fulfils. */
  fulfils: z.array(fulfilmentSchema).default([]),
  /** Người ký. */
  signer: signerSchema,
  /** The original file and its sha256, for provenance. */
  source: planSchema.shape.source,
});

export type Report = z.infer<typeof reportSchema>;
export type Result = z.infer<typeof resultSchema>;
export type Fulfilment = z.infer<typeof fulfilmentSchema>;
export type Period = z.infer<typeof periodSchema>;
