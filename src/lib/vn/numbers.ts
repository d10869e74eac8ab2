/**
 * Numbers and units as Vietnamese readers write them. The one home of this rule: pages, share
 * cards and open-data descriptions import it, so 2.125 reads "2,125" everywhere.
 */

// A target's value is printed as the plan wrote it, never rounded (20 is the largest digit count
// every Intl implementation accepts).
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });

/**
 * A number with the decimal comma and dot thousands separator.
 * @example formatNumber(2.125) // '2,125'
 * @example formatNumber(12000) // '12.000'
 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A value followed by its unit: "%" sticks to the number, other units take a space.
 * @example withUnit('100', '%') // '100%'
 * @example withUnit('12', 'cuộc') // '12 cuộc'
 */
export function withUnit(value: string, unit: string | null): string {
  if (!unit) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** What a qualitative target (no number) shows in a value cell. */
export const QUALITATIVE_LABEL = 'Định tính';

/**
 * A target's promised value with its unit, or null for a qualitative target.
 * @example formatTargetValue({ value: 100, unit: '%' }) // '100%'
 * @example formatTargetValue({ value: 2.125, unit: 'lượt' }) // '2,125 lượt'
 * @example formatTargetValue({ value: null, unit: null }) // null
 */
export function formatTargetValue(target: { value: number | null; unit: string | null }): string | null {
  return target.value === null ? null : withUnit(formatNumber(target.value), target.unit);
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/**
 * A file size for people: "8,8 kB", "1,2 MB", "512 byte" (SI units, as browsers show downloads).
 * @example formatBytes(8785) // '8,8 kB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${sizeFormat.format(bytes / 1000)} kB`;
  return `${sizeFormat.format(bytes / 1_000_000)} MB`;
}
