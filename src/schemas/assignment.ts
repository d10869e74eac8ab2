import { z } from 'astro/zod';
import { agencyId, nfcText } from './common';

/** One unit's duties under TỔ CHỨC THỰC HIỆN. */
export const assignmentSchema = z.object({
  /** The unit (agency id). */
  unit: agencyId,
  /** The duties, one per item, as the plan words them. */
  duties: z.array(nfcText).min(1, { error: 'cần ít nhất một nhiệm vụ' }),
});

export type Assignment = z.infer<typeof assignmentSchema>;
