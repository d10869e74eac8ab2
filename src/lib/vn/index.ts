export { toNFC, foldVietnamese, normalizeTonePlacement, collapseWhitespace, compareVietnamese, shortenText } from './text';
export { slugify, type SlugifyOptions } from './slug';
export {
  DATE_QUALIFIERS,
  parseVietnameseDate,
  parseVietnameseDateDetailed,
  findVietnameseDates,
  findImpossibleDates,
  formatVietnameseDate,
  compareIsoDates,
  type VietnameseDateResult,
  type VietnameseDateMatch,
  type VietnameseDateStyle,
} from './dates';
