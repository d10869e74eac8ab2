import { describe, expect, it } from 'vitest';
import { collapseWhitespace, compareVietnamese, foldVietnamese, normalizeTonePlacement, shortenText, toNFC } from '../../../src/lib/vn/text';
import { readSeed, seedFiles } from './seeds';

const SEEDS = ['000', '001', '002', '003', '004'] as const;

describe('toNFC', () => {
  it('recomposes the decomposed "ẫ" that seed 000 carries', () => {
    const raw = readSeed('000');
    // The extractor wrote "ẫ" as "â" + U+0303 (combining tilde).
    expect(raw).toContain('hướng d\u00e2\u0303n các phòng');
    expect(raw).not.toContain('hướng dẫn các phòng');
    expect(toNFC(raw)).toContain('hướng dẫn các phòng');
  });

  it('leaves no combining mark in any seed (every Vietnamese letter has a precomposed form)', () => {
    expect(seedFiles()).toHaveLength(5);
    for (const prefix of SEEDS) {
      expect(toNFC(readSeed(prefix)), prefix).not.toMatch(/\p{M}/u);
    }
  });

  it('is idempotent', () => {
    const once = toNFC(readSeed('000'));
    expect(toNFC(once)).toBe(once);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Đảng ủy', 'dang uy'],
    ['Uỷ ban nhân dân', 'uy ban nhan dan'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Văn hoá', 'van hoa'],
    ['Văn hóa', 'van hoa'],
    ['chuyển đổi số', 'chuyen doi so'],
    ['ĐẢNG ỦY XÃ MINH TÂM', 'dang uy xa minh tam'],
    ['ă â đ ê ô ơ ư Ă Â Đ Ê Ô Ơ Ư', 'a a d e o o u a a d e o o u'],
    ['BCSĐUBND', 'bcsdubnd'],
    ['59/2023/NĐ-CP', '59/2023/nd-cp'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('maps the look-alike eth (Ð, ð) that some extractions produce to d', () => {
    expect(foldVietnamese('ÐẢNG ðoàn')).toBe('dang doan');
  });

  it('folds decomposed and composed text alike', () => {
    expect(foldVietnamese('hướng dẫn'.normalize('NFD'))).toBe('huong dan');
    expect(foldVietnamese(readSeed('000'))).toBe(foldVietnamese(toNFC(readSeed('000'))));
  });

  it('keeps the length of NFC text, so offsets in folded text point into the original', () => {
    for (const prefix of SEEDS) {
      const text = toNFC(readSeed(prefix));
      const folded = foldVietnamese(text);
      expect(folded.length, prefix).toBe(text.length);
      const at = folded.indexOf('dan van chinh quyen');
      if (at >= 0) expect(foldVietnamese(text.slice(at, at + 19))).toBe('dan van chinh quyen');
    }
  });

  it('leaves only ASCII and typographic punctuation in the seeds', () => {
    for (const prefix of SEEDS) {
      const leftovers = new Set([...foldVietnamese(toNFC(readSeed(prefix)))].filter((c) => c.charCodeAt(0) > 0x7f));
      for (const c of leftovers) expect('“”–…', `${prefix}: ${c}`).toContain(c);
    }
  });

  it('finds the seed plans by what citizens type', () => {
    expect(foldVietnamese(toNFC(readSeed('000')))).toContain('dan van chinh quyen');
    expect(foldVietnamese(toNFC(readSeed('002')))).toContain('chuong trinh chuyen doi so');
    expect(foldVietnamese(toNFC(readSeed('004')))).toContain('dang lanh dao, nha nuoc quan ly');
    // Seed 002 writes the old "Uỷ ban", seed 000 the new "Ủy ban": both fold to the same key.
    expect(foldVietnamese(toNFC(readSeed('002')))).toContain('uy ban nhan dan tinh');
    expect(foldVietnamese(toNFC(readSeed('000')))).toContain('uy ban nhan dan tinh');
  });
});

describe('normalizeTonePlacement', () => {
  it.each([
    ['hoá', 'hóa'],
    ['Văn hoá', 'Văn hóa'],
    ['thuỷ', 'thủy'],
    ['Uỷ ban', 'Ủy ban'],
    ['uỷ', 'ủy'],
    ['Tỉnh uỷ', 'Tỉnh ủy'],
    ['tuỳ', 'tùy'],
    ['luỹ', 'lũy'],
    ['thuý', 'thúy'],
    ['khoẻ', 'khỏe'],
    ['hoè', 'hòe'],
    ['hoạ', 'họa'],
    ['loã', 'lõa'],
    ['oà', 'òa'],
    ['HOÁ', 'HÓA'],
    ['UỶ BAN', 'ỦY BAN'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTonePlacement(input)).toBe(expected);
  });

  it.each([
    // "qu" is a consonant: the tone of quý sits on y in both styles.
    'quý',
    'Quỳ',
    'quỷ',
    'quỹ',
    'quả',
    // Final consonant or third vowel: a single placement exists.
    'hoàn',
    'Quỳnh',
    'thuyền',
    'suỵt',
    'khuỷu',
    'hoài',
    'xoáy',
    // gi-, and syllables that are not oa/oe/uy.
    'già',
    'giữ',
    'thuế',
    'mưa',
    // Already new-style.
    'hóa',
    'Ủy',
    'khỏe',
  ])('leaves %s alone', (word) => {
    expect(normalizeTonePlacement(word)).toBe(word);
  });

  it('changes exactly the old-style words of the seeds', () => {
    const changedWords = (prefix: string) =>
      [...new Set(toNFC(readSeed(prefix)).match(/\p{L}+/gu))].filter((w) => normalizeTonePlacement(w) !== w).sort();
    expect(changedWords('000')).toEqual([]);
    expect(changedWords('001')).toEqual([]);
    expect(changedWords('002')).toEqual(['uỷ', 'Uỷ'].sort());
    expect(changedWords('003')).toEqual(['hoá']);
    expect(changedWords('004')).toEqual([]);
  });

  it('makes the two spellings of the same name compare equal', () => {
    const seed002 = normalizeTonePlacement(toNFC(readSeed('002')));
    expect(seed002).toContain('của Ủy ban nhân dân tỉnh gắn với');
    expect(seed002).toContain('của Tỉnh ủy về tăng cường');
    expect(normalizeTonePlacement(toNFC(readSeed('003')))).toContain('Sở Văn hóa, Thể thao và Du lịch năm 2025');
  });

  it('returns NFC and keeps the length of NFC text', () => {
    for (const prefix of SEEDS) {
      const text = toNFC(readSeed(prefix));
      const out = normalizeTonePlacement(readSeed(prefix));
      expect(out).toBe(out.normalize('NFC'));
      expect(out.length).toBe(text.length);
    }
  });

  it('is idempotent', () => {
    const once = normalizeTonePlacement('Uỷ ban, hoá, thuỷ, khoẻ, quý');
    expect(normalizeTonePlacement(once)).toBe(once);
  });
});

describe('collapseWhitespace', () => {
  it('joins words broken over blank lines by extraction', () => {
    expect(collapseWhitespace(' Ban \n\nDân vận\t– Ban Cán sự ')).toBe('Ban Dân vận – Ban Cán sự');
  });
});

describe('compareVietnamese', () => {
  it('sorts in Vietnamese dictionary order, đ after d, numbers by value', () => {
    const names = ['Ủy ban nhân dân tỉnh', 'Đảng ủy', 'Dân vận', 'Ban Dân vận', 'Sở Nội vụ', 'Ấp 10', 'Ấp 2', 'An Hòa'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'An Hòa',
      'Ấp 2',
      'Ấp 10',
      'Ban Dân vận',
      'Dân vận',
      'Đảng ủy',
      'Sở Nội vụ',
      'Ủy ban nhân dân tỉnh',
    ]);
  });

  it('treats composed and decomposed text as equal', () => {
    expect(compareVietnamese('hướng dẫn', 'hướng dẫn'.normalize('NFD'))).toBe(0);
  });
});

describe('shortenText', () => {
  it('cuts at a word boundary and marks the cut', () => {
    expect(shortenText('Tăng cường chỉ đạo, đôn đốc', 20)).toBe('Tăng cường chỉ đạo…');
    expect(shortenText('Ngắn', 20)).toBe('Ngắn');
    expect(shortenText('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
