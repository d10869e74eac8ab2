import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first year a plan or a cited document can carry: the founding of the Democratic Republic of Vietnam. */
export const MIN_YEAR = 1945;
/** How far ahead a plan may look: deadlines and plan years run to at most this many years after today. */
export const YEARS_AHEAD = 20;

/** The last plausible year: the build's current year plus {@link YEARS_AHEAD} (9999-12-31 is a typo, not a deadline). */
export function maxYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + YEARS_AHEAD;
}

/** The one rule for years in content: from {@link MIN_YEAR} to {@link maxYear}. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= maxYear();
}

/** A year as a number, in the plausible range. */
export const plausibleYear = z
  .number({ error: 'cần năm dạng số, ví dụ 2024' })
  .int({ error: 'năm phải là số nguyên' })
  .min(MIN_YEAR, { error: `năm nằm ngoài khoảng hợp lý (${MIN_YEAR}–${maxYear()}); có thể gõ nhầm` })
  .max(maxYear(), { error: `năm nằm ngoài khoảng hợp lý (${MIN_YEAR}–${maxYear()}); có thể gõ nhầm` });

/**
 * Characters that XML 1.0 forbids or that no published text should carry: C0 controls other than
 * tab, line feed and carriage return, DEL, C1 controls, lone surrogates and the non-characters
 * U+FFFE/U+FFFF. One of them in a title breaks feed.xml for every reader.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first forbidden control character in `text`, as "U+000B", or undefined.
 * @example findControlCharacter('Kế hoạch\u000b2024') // 'U+000B'
 */
export function findControlCharacter(text: string): string | undefined {
  const match = CONTROL_CHARACTERS.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

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
  .refine((v) => !ISO_DATE.test(v) || isRealIsoDate(v), { error: 'ngày không tồn tại trong lịch' })
  .refine((v) => !isRealIsoDate(v) || isPlausibleYear(Number(v.slice(0, 4))), {
    error: `năm nằm ngoài khoảng hợp lý (${MIN_YEAR}–${maxYear()}); có thể gõ nhầm`,
  });

/** Text stored in Unicode NFC (the seeds contain decomposed letters such as "ẫ" written as a + ̃ + ̂). */
export const nfcText = z
  .string({ error: 'cần một chuỗi văn bản' })
  .trim()
  .min(1, { error: 'không được để trống' })
  .refine((v) => v === v.normalize('NFC'), { error: 'văn bản chưa chuẩn hoá Unicode NFC (có ký tự tổ hợp rời)' })
  .refine((v) => findControlCharacter(v) === undefined, {
    error: (issue) =>
      `văn bản có ký tự điều khiển ${findControlCharacter(String(issue.input))} (không in được, làm hỏng tệp XML/JSON); hãy xoá ký tự đó`,
  });

/**
 * A web address that may become a link: http or https only (a `javascript:` or `data:` address
 * would run script when clicked), with a host name.
 */
export const httpUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'cần một địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http:// (ví dụ "https://sotttt.tayninh.gov.vn")',
});

/** An ASCII slug: lowercase letters, digits and single hyphens ("dan-van-chinh-quyen-2024"). */
export const slug = z
  .string({ error: 'cần một mã định danh (slug)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "so-tttt-tay-ninh"' });

/** A reference to an entry of the agency registry (`content/agencies/{id}.yaml`). */
export const agencyId = slug.describe('Mã cơ quan trong content/agencies/');

/** A reference to an entry of the document registry (`content/documents/{id}.yaml`). */
export const documentId = slug.describe('Mã văn bản trong content/documents/');
