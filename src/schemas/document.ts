import { z } from 'astro/zod';
import { documentId, isoDate, nfcText, plausibleYear, slug } from './common';

/** A cited document in the registry (`content/documents/{id}.yaml`; the file name is the canonical id). */
export const documentSchema = z.object({
  /** Document type: "Chỉ thị", "Nghị định", "Luật", "Quy định"… */
  type: nfcText,
  /** Canonical số/ký hiệu: "33/CT-TTg", "11-QĐi/TW". */
  number: nfcText,
  /** Other spellings plans use for the same number ("11-QĐ/TW"). */
  aliases: z.array(nfcText).default([]),
  /** Date of issue (ISO), or null when unknown. */
  date: isoDate.nullable().default(null),
  /** Year of issue; required when the date is unknown. */
  year: plausibleYear,
  /** Issuing body, canonical name ("Thủ tướng Chính phủ"). */
  issuer: nfcText,
  /** Trích yếu, or null. */
  title: nfcText.nullable().default(null),
  /** Documents this one implements (registry ids), to show the chain upward. */
  basis: z.array(documentId).default([]),
  /** Slug of the plan on this portal that is this document, when it is published here. */
  plan: slug.nullable().default(null),
});

export type RegistryDocument = z.infer<typeof documentSchema>;
