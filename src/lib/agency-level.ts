import type { Agency } from '../schemas/agency';

/** The one wording of each agency level, for the agency pages, the registry tree and the share cards. */
const LEVEL_LABELS: Record<Agency['level'], string> = {
  'trung ương': 'Cơ quan trung ương',
  tỉnh: 'Cấp tỉnh',
  sở: 'Sở, ban, ngành',
  huyện: 'Cấp huyện',
  xã: 'Cấp xã',
  phòng: 'Phòng, đơn vị trực thuộc',
  Đảng: 'Cơ quan Đảng',
  'đoàn thể': 'Đoàn thể',
  'nhóm đơn vị': 'Nhóm đơn vị',
};

/**
 * How a level reads as a label; an unknown level (content that skipped validation) is shown as is.
 * @example agencyLevelLabel('sở') // 'Sở, ban, ngành'
 */
export function agencyLevelLabel(level: string): string {
  return LEVEL_LABELS[level as Agency['level']] ?? level;
}
