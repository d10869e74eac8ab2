import { z } from 'astro/zod';
import { nfcText } from './common';

/** The signature block. */
export const signerSchema = z.object({
  /** Signing authority line, e.g. "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", or null when signing in one's own name. */
  authority: nfcText.nullable().default(null),
  /** The signer's position, e.g. "PHÓ GIÁM ĐỐC", "CHỦ TỊCH". */
  title: nfcText,
  /** The signer's name, or null when the source copy does not show it. */
  name: nfcText.nullable().default(null),
});

export type Signer = z.infer<typeof signerSchema>;
