import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2024-02-30, 2023-02-29). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date as an ISO 8601 string. YAML turns unquoted dates into Date objects and silently
 * rolls impossible ones over (2024-02-30 → 2024-03-01), so a Date is refused: dates must be quoted.
 */
export const isoDate = z
  .string({ error: 'cần một ngày dạng chuỗi "YYYY-MM-DD" (đặt trong dấu nháy)' })
  .refine((v) => ISO_DATE.test(v), { error: 'ngày phải viết theo dạng YYYY-MM-DD, ví dụ "2024-03-25"' })
  .refine((v) => !ISO_DATE.test(v) || isRealIsoDate(v), { error: 'ngày không tồn tại trong lịch' });

/** Text stored in Unicode NFC (the seeds contain decomposed letters such as "ẫ" written as a + ̃ + ̂). */
export const nfcText = z
  .string({ error: 'cần một chuỗi văn bản' })
  .trim()
  .min(1, { error: 'không được để trống' })
  .refine((v) => v === v.normalize('NFC'), { error: 'văn bản chưa chuẩn hoá Unicode NFC (có ký tự tổ hợp rời)' });

/** An ASCII slug: lowercase letters, digits and single hyphens ("dan-van-chinh-quyen-2024"). */
export const slug = z
  .string({ error: 'cần một mã định danh (slug)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "so-tttt-tay-ninh"' });

/** A reference to an entry of the agency registry (`content/agencies/{id}.yaml`). */
export const agencyId = slug.describe('Mã cơ quan trong content/agencies/');

/** A reference to an entry of the document registry (`content/documents/{id}.yaml`). */
export const documentId = slug.describe('Mã văn bản trong content/documents/');
