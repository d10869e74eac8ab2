import { z } from 'astro/zod';
import { agencyId, httpUrl, nfcText } from './common';

/** Administrative or Party level of an agency. */
export const agencyLevels = ['trung ương', 'tỉnh', 'sở', 'huyện', 'xã', 'phòng', 'Đảng', 'đoàn thể', 'nhóm đơn vị'] as const;

/** An issuing or responsible body (`content/agencies/{id}.yaml`; the file name is the id). */
export const agencySchema = z.object({
  /** Full name: "Sở Thông tin và Truyền thông tỉnh Tây Ninh". */
  name: nfcText,
  /** Short name as plans write it: "Sở TTTT", "UBND tỉnh". */
  shortName: nfcText,
  /** Level; "phòng" for a unit inside an agency, "nhóm đơn vị" for a group such as "các phòng thuộc Sở". */
  level: z.enum(agencyLevels, { error: `cấp cơ quan phải là một trong: ${agencyLevels.join(', ')}` }),
  /** Parent agency id, or null for a top-level body. */
  parent: agencyId.nullable().default(null),
  /** Province ("Tây Ninh"), or null for central bodies. */
  province: nfcText.nullable().default(null),
  /** Official website (http or https only: it becomes a link), or null. */
  website: httpUrl.nullable().default(null),
});

export type Agency = z.infer<typeof agencySchema>;
