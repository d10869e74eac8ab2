import { z } from 'astro/zod';
import { nfcText } from './common';

/** A chỉ tiêu: a commitment the plan makes, measurable (100 %) or qualitative. */
export const targetSchema = z.object({
  /** The target as the plan states it. */
  text: nfcText,
  /** The number promised (100 for "100%"), or null for a qualitative target. */
  value: z.number({ error: 'cần một số hoặc null' }).nullable().default(null),
  /** Unit of `value` ("%", "cuộc", "lượt"), or null. */
  unit: nfcText.nullable().default(null),
  /** Short label of what is measured, for comparing across plans ("Tỷ lệ hồ sơ giải quyết đúng hạn"), or null. */
  indicator: nfcText.nullable().default(null),
});

export type Target = z.infer<typeof targetSchema>;
