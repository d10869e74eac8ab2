/**
 * Vietnamese text primitives shared by slugs, search, document numbers and the importer.
 * Everything here is pure and works on any Unicode form of its input.
 */

/** Store and compare text in NFC: extracted PDFs carry decomposed letters ("ẫ" as a + ̃ + ̂). */
export function toNFC(s: string): string {
  return s.normalize('NFC');
}

// Combining diacritics left after NFD: tones (grave, acute, tilde, hook, dot below) and vowel marks
// (circumflex, breve, horn).
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// đ has no Unicode decomposition, so NFD leaves it alone; Ð/ð (Icelandic eth) are look-alikes that
// some PDF extractors and keyboards produce instead of Đ/đ.
const D_LETTERS = /[đĐðÐ]/g;

/**
 * Folds Vietnamese to plain lowercase ASCII letters for search keys and slugs: strips tone and vowel
 * marks, maps đ/Đ to d, lowercases. Old and new tone placement fold alike ("Uỷ" and "Ủy" → "uy").
 * Spaces and punctuation are kept; for NFC input the output has the same length, so offsets found
 * in the folded text point at the same characters in the original.
 * @example foldVietnamese('Đảng ủy') // 'dang uy'
 * @example foldVietnamese('chuyển đổi số') // 'chuyen doi so'
 */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_LETTERS, 'd').toLowerCase().normalize('NFC');
}

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const CONSONANTS = 'bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX';
// An open syllable whose rhyme is oa, oe or uy with the tone on the second vowel: the old placement
// ("hoá", "khoẻ", "thuỷ", "Uỷ"). Matched on NFD text so the tone is a separate code point.
const OLD_TONE_SYLLABLE = new RegExp(
  `(?<![\\p{L}\\p{M}])([${CONSONANTS}]*)([oOuU])([aAeEyY])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`,
  'gu',
);

/**
 * Moves the tone of open oa/oe/uy syllables from the second vowel to the first ("hoá" → "hóa",
 * "thuỷ" → "thủy", "Uỷ" → "Ủy", "khoẻ" → "khỏe"), so diacritic-preserving comparisons treat the two
 * placements alike. Syllables with a final consonant ("hoàn", "thuyền") have one placement only and
 * are left alone, as is "qu" + y ("quý", "Quỳ"), where the u belongs to the consonant. Returns NFC.
 * @example normalizeTonePlacement('Uỷ ban nhân dân tỉnh, Văn hoá') // 'Ủy ban nhân dân tỉnh, Văn hóa'
 */
export function normalizeTonePlacement(s: string): string {
  return s
    .normalize('NFD')
    .replace(OLD_TONE_SYLLABLE, (whole, initial: string, first: string, second: string, tone: string) => {
      if (first.toLowerCase() === 'u' && initial.toLowerCase().endsWith('q')) return whole;
      return `${initial}${first}${tone}${second}`;
    })
    .normalize('NFC');
}

/**
 * Collapses every run of whitespace (line breaks from PDF extraction included) to one space and trims.
 * @example collapseWhitespace('Ban \n\nDân vận') // 'Ban Dân vận'
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sort order of Vietnamese dictionaries (a < ă < â < b … đ after d), numbers compared by value. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(toNFC(a), toNFC(b));
}

/**
 * A text cut at the last word boundary within `max` characters, with "…" when cut.
 * @example shortenText('Tăng cường chỉ đạo, đôn đốc', 20) // 'Tăng cường chỉ đạo…'
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = head.lastIndexOf(' ');
  return `${(cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s,;:.-]+$/, '')}…`;
}
