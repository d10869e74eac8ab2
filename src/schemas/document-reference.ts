import { z } from 'astro/zod';
import { documentId, isoDate, nfcText } from './common';

/** A numbered document that a plan implements (basis) or mentions (citation), as the plan writes it. */
export const documentReferenceSchema = z.object({
  /** Document type as written: "Chỉ thị", "Kế hoạch", "Nghị định", "Quy định", "Công văn"… */
  type: nfcText,
  /** The full số/ký hiệu as written, whitespace removed: "33/CT-TTg", "110-KH/BDVTU-BCSĐUBND", "59/2023/NĐ-CP". */
  number: nfcText.refine((v) => !/\s/.test(v), { error: 'số/ký hiệu không được chứa khoảng trắng' }),
  /** Date of issue as written in the plan (ISO), or null when the plan does not give it. */
  date: isoDate.nullable().default(null),
  /** Issuing body as the plan writes it ("Thủ tướng Chính phủ", "Ban Bí thư"), or null. */
  issuer: nfcText.nullable().default(null),
  /** Trích yếu: what the document is about, as the plan quotes it, or null. */
  title: nfcText.nullable().default(null),
  /** Canonical id of the document in the registry (`content/documents/{id}.yaml`). */
  document: documentId,
});

export type DocumentReference = z.infer<typeof documentReferenceSchema>;
