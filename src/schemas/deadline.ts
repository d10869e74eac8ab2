import { z } from 'astro/zod';
import { agencyId, isoDate, nfcText } from './common';

/** A dated obligation from the plan (usually in TỔ CHỨC THỰC HIỆN): who must do what by when. */
export const deadlineSchema = z.object({
  /** The day (ISO). */
  date: isoDate,
  /** What must be done ("Báo cáo kết quả thực hiện 6 tháng"). */
  task: nfcText,
  /** The responsible unit (agency id). */
  owner: agencyId,
  /** Where the result is sent (agency id), or null when the plan does not say. */
  submitTo: agencyId.nullable().default(null),
  /** How the date binds, as written: "trước ngày", "chậm nhất ngày", "ngày"… or null. */
  qualifier: nfcText.nullable().default(null),
});

export type Deadline = z.infer<typeof deadlineSchema>;
