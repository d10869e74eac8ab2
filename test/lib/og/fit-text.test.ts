import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitText, truncateWithEllipsis, wrapText, type FitOptions, type Measure } from '../../../src/lib/og/fit-text';

// A fake font: every grapheme is 0.55 em wide (bolder is 5 % wider). Enough to check the rules.
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const measure: Measure = (text, fontSize, weight) =>
  [...graphemes.segment(text)].length * fontSize * 0.55 * (weight >= 700 ? 1.05 : 1);

const titleBox: FitOptions = { maxWidth: 1072, maxLines: 3, sizes: [58, 52, 46, 40], weight: 800, measure };

function expectWithinBox(result: ReturnType<typeof fitText>, options: FitOptions) {
  expect(result.lines.length).toBeLessThanOrEqual(options.maxLines);
  for (const line of result.lines) expect(measure(line, result.fontSize, options.weight)).toBeLessThanOrEqual(options.maxWidth);
}

const TEN = 'Kế hoạch A';
const FOUR_HUNDRED = (
  'Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới ' +
  'công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới, Kết luận số 114-KL/TW và ' +
  'Kế hoạch số 110-KH/BDVTU-BCSĐUBND của Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh về công tác dân vận chính ' +
  'quyền, thực hiện dân chủ ở cơ sở, cải cách hành chính và tiếp công dân trên địa bàn tỉnh Tây Ninh năm 2024'
).slice(0, 400);

describe('fitText', () => {
  it('keeps a 10-character title on one line at the largest size', () => {
    expect(TEN).toHaveLength(10);
    const result = fitText(TEN, titleBox);
    expect(result).toEqual({ lines: [TEN], fontSize: 58, truncated: false });
  });

  it('truncates a 400-character title at the smallest size, inside the box, ending with an ellipsis', () => {
    expect(FOUR_HUNDRED).toHaveLength(400);
    const result = fitText(FOUR_HUNDRED, titleBox);
    expect(result.truncated).toBe(true);
    expect(result.fontSize).toBe(40);
    expect(result.lines).toHaveLength(3);
    expectWithinBox(result, titleBox);
    const last = result.lines.at(-1)!;
    expect(last.endsWith(ELLIPSIS)).toBe(true);
    // What is shown is the start of the title, in order, nothing skipped.
    const shown = result.lines.join(' ').slice(0, -ELLIPSIS.length);
    expect(FOUR_HUNDRED.startsWith(shown)).toBe(true);
    // …and the box is used: at least 80 % of what three full lines can hold.
    const perLine = Math.floor(titleBox.maxWidth / measure('x', 40, 800));
    expect(shown.length).toBeGreaterThan(0.8 * 3 * perLine);
  });

  it('shrinks before it truncates', () => {
    const title = 'Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận';
    const result = fitText(title, titleBox);
    expect(result.truncated).toBe(false);
    expect(result.fontSize).toBeLessThan(58);
    expect(result.lines.join(' ')).toBe(title);
    // The size above it would not have held the title.
    const larger = titleBox.sizes[titleBox.sizes.indexOf(result.fontSize) - 1]!;
    expect(wrapText(title, (l) => measure(l, larger, 800) <= titleBox.maxWidth).length).toBeGreaterThan(3);
    expectWithinBox(result, titleBox);
  });

  it('lowers the line count at larger sizes when the box height is limited', () => {
    const title = 'Thực hiện công tác dân vận chính quyền trên địa bàn xã năm 2024 và các năm tiếp theo';
    const tall = fitText(title, { ...titleBox, maxWidth: 900 });
    const short = fitText(title, { ...titleBox, maxWidth: 900, maxHeight: 2 * 52 * 1.2, lineHeight: 1.2 });
    expect(tall.lines.length).toBe(3);
    expect(short.lines.length).toBeLessThanOrEqual(2);
    expect(short.lines.length * short.fontSize * 1.2).toBeLessThanOrEqual(2 * 52 * 1.2);
  });

  it('breaks a long unbreakable document number after "/" or "-", every piece fitting', () => {
    const number = '110-KH/BDVTU-BCSĐUBND';
    const box: FitOptions = { maxWidth: 200, maxLines: 4, sizes: [30], weight: 400, measure };
    const result = fitText(number, box);
    expect(result.truncated).toBe(false);
    expect(result.lines.length).toBeGreaterThan(1);
    expect(result.lines.join('')).toBe(number);
    expectWithinBox(result, box);
    for (const line of result.lines.slice(0, -1)) expect(line).toMatch(/[/-]$/);
  });

  it('splits an unbreakable token with no break point at graphemes, and truncates it when it must', () => {
    const token = 'BCSĐUBND'.repeat(12);
    const box: FitOptions = { maxWidth: 240, maxLines: 2, sizes: [30, 24], weight: 700, measure };
    const result = fitText(token, box);
    expect(result.truncated).toBe(true);
    expectWithinBox(result, box);
    expect(result.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    expect(token.startsWith(result.lines.join('').slice(0, -1))).toBe(true);
  });

  it('fills the last line before the ellipsis even when a long document number comes next', () => {
    const label = 'Báo cáo kết quả thực hiện Kế hoạch số 110-KH/BDVTU-BCSĐUBND và tự chấm điểm, xếp loại';
    const box: FitOptions = { maxWidth: 300, maxLines: 2, sizes: [21], weight: 400, measure };
    const result = fitText(label, box);
    expect(result.truncated).toBe(true);
    expectWithinBox(result, box);
    const last = result.lines.at(-1)!;
    // Wrapping alone would have left "Kế hoạch số…" (11 of 25 characters); the number is cut
    // after one of its parts, keeping more than two thirds of the line.
    expect(measure(last, 21, 400)).toBeGreaterThan((2 / 3) * box.maxWidth);
    expect(last).toBe('Kế hoạch số 110-KH…');
  });

  it('gives the same lines for NFD and NFC input, in NFC', () => {
    const nfc = 'Ủy ban nhân dân tỉnh thực hiện dân chủ ở cơ sở, vận động quần chúng';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const box: FitOptions = { maxWidth: 400, maxLines: 3, sizes: [30], weight: 400, measure };
    const fromNfd = fitText(nfd, box);
    expect(fromNfd).toEqual(fitText(nfc, box));
    for (const line of fromNfd.lines) expect(line).toBe(line.normalize('NFC'));
  });

  it('balances lines without adding one when asked', () => {
    const title = 'Thực hiện công tác dân vận chính quyền năm 2025';
    const box: FitOptions = { maxWidth: 936, maxLines: 5, sizes: [76], weight: 800, measure };
    const greedy = fitText(title, box);
    const balanced = fitText(title, { ...box, balance: true });
    expect(balanced.lines.length).toBe(greedy.lines.length);
    expect(balanced.lines.join(' ')).toBe(title);
    const widths = (lines: string[]) => lines.map((l) => measure(l, 76, 800));
    const spread = (lines: string[]) => Math.max(...widths(lines)) - Math.min(...widths(lines));
    expect(spread(balanced.lines)).toBeLessThan(spread(greedy.lines));
    expect(balanced.lines.at(-1)!.split(' ').length).toBeGreaterThan(1);
  });

  it('collapses whitespace and returns nothing for blank text', () => {
    expect(fitText('  Kế \n hoạch  ', titleBox).lines).toEqual(['Kế hoạch']);
    expect(fitText(' \n ', titleBox).lines).toEqual([]);
  });
});

describe('truncateWithEllipsis', () => {
  const fits = (s: string) => s.length <= 14;
  it('cuts at a word boundary and drops trailing punctuation', () => {
    expect(truncateWithEllipsis('Thực hiện, dân chủ ở cơ sở', fits)).toBe('Thực hiện…');
  });
  it('always ends with the ellipsis, even when the text fits', () => {
    expect(truncateWithEllipsis('Dân vận', fits)).toBe('Dân vận…');
  });
});
