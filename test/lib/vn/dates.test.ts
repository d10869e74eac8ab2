import { describe, expect, it } from 'vitest';
import {
  compareIsoDates,
  findImpossibleDates,
  findVietnameseDates,
  formatVietnameseDate,
  parseVietnameseDate,
  parseVietnameseDateDetailed,
} from '../../../src/lib/vn/dates';
import { readSeed } from './seeds';

const SEEDS = ['000', '001', '002', '003', '004'] as const;

describe('parseVietnameseDate', () => {
  it.each([
    ['25/3/2024', '2024-03-25'],
    ['25/03/2024', '2024-03-25'],
    ['02/9/2021', '2021-09-02'],
    ['ngày 16 tháng 01 năm 2024', '2024-01-16'],
    ['ngày 10 tháng 6 năm 2024', '2024-06-10'],
    ['ngày 25 tháng 03 năm 2024', '2024-03-25'],
    ['trước ngày 10/11/2024', '2024-11-10'],
    ['chậm nhất ngày 10/11/2025', '2025-11-10'],
    ['trước ngày 25 tháng 10 năm 2024', '2024-10-25'],
    ['25-3-2024', '2024-03-25'],
    ['25.3.2024', '2024-03-25'],
    ['Ngày 1 tháng 7 năm 2023', '2023-07-01'],
    ['ngày \n\n02 tháng 02 năm 2018', '2018-02-02'],
    ['(trước \n\nngày 10/5/2024)', '2024-05-10'],
    ['**trước ngày 15/11/2025.**', '2025-11-15'],
    ['29/02/2024', '2024-02-29'],
    ['2024-03-25', '2024-03-25'],
  ])('%j → %s', (input, iso) => {
    expect(parseVietnameseDate(input)).toBe(iso);
  });

  it.each(['30/02/2024', '29/02/2023', '31/4/2024', '0/3/2024', '25/13/2024', 'ngày 31 tháng 6 năm 2024', '2024-02-30'])(
    'refuses the impossible day %j',
    (input) => {
      expect(parseVietnameseDate(input)).toBeNull();
      expect(parseVietnameseDateDetailed(input)).toMatchObject({ ok: false, reason: 'impossible' });
    },
  );

  it.each([
    '',
    'abc',
    'ngày tháng năm 2025',
    'Tây Ninh, ngày tháng năm 2024',
    '25/3/24',
    '25/3-2024',
    '3/2024',
    'tháng 3 năm 2024',
    '59/2023/NĐ-CP',
    'ngày 25/3/2024 và ngày 26/3/2024',
  ])('refuses %j as not a date', (input) => {
    expect(parseVietnameseDate(input)).toBeNull();
    expect(parseVietnameseDateDetailed(input)).toMatchObject({ ok: false, reason: 'format' });
  });

  it('keeps the qualifier and explains refusals in Vietnamese', () => {
    expect(parseVietnameseDateDetailed('chậm nhất ngày 10/11/2025')).toEqual({ ok: true, iso: '2025-11-10', qualifier: 'chậm nhất ngày' });
    expect(parseVietnameseDateDetailed('25/3/2024')).toEqual({ ok: true, iso: '2024-03-25', qualifier: null });
    const impossible = parseVietnameseDateDetailed('30/02/2024');
    expect(impossible.ok === false && impossible.message).toBe('ngày "30/02/2024" không tồn tại trong lịch');
    const garbage = parseVietnameseDateDetailed('ngày tháng năm 2025');
    expect(garbage.ok === false && garbage.message).toContain('"ngày tháng năm 2025" không phải là ngày');
  });

  it('reads every dated reference of seed 000 in both the long and the short form', () => {
    const seed = readSeed('000');
    expect(seed).toContain('ngày 16 tháng 01 năm 2024');
    expect(parseVietnameseDate('ngày 16 tháng 01 năm 2024')).toBe('2024-01-16');
    expect(seed).toContain('ngày 25/3/2024');
    expect(parseVietnameseDate('ngày 25/3/2024')).toBe('2024-03-25');
  });
});

describe('findVietnameseDates', () => {
  const qualified = (prefix: string) =>
    findVietnameseDates(readSeed(prefix))
      .filter((d) => d.qualifier !== null && d.qualifier !== 'ngày')
      .map((d) => `${d.qualifier} ${d.iso}`);

  it('finds the report deadlines of every seed with their qualifiers', () => {
    expect(qualified('000')).toEqual(['trước ngày 2024-10-25', 'trước ngày 2024-10-22']);
    // Seed 001: 6-month and annual reports twice, the self-assessment once (five deadlines).
    expect(qualified('001')).toEqual([
      'trước ngày 2024-05-10',
      'trước ngày 2024-11-10',
      'trước ngày 2024-11-10',
      'trước ngày 2024-05-10',
      'trước ngày 2024-11-10',
    ]);
    expect(qualified('002')).toEqual(['trước ngày 2023-10-25', 'trước ngày 2023-10-20']);
    expect(qualified('003')).toEqual(['trước ngày 2025-11-15', 'chậm nhất ngày 2025-11-10']);
    expect(qualified('004')).toEqual([
      'từ ngày 2023-07-01',
      'trước ngày 2024-06-10',
      'trước ngày 2024-11-20',
      'trước ngày 2024-06-05',
      'trước ngày 2024-11-15',
    ]);
  });

  it('reads a qualifier broken over lines and reports offsets into the text as given', () => {
    const seed = readSeed('001');
    const first = findVietnameseDates(seed).find((d) => d.qualifier === 'trước ngày')!;
    expect(first.text).toBe('trước \n\nngày 10/5/2024');
    expect(seed.slice(first.index, first.index + first.length)).toBe(first.text);
  });

  it('finds the dates of seed 000 references, long form over line breaks included', () => {
    const isos = findVietnameseDates(readSeed('000')).map((d) => d.iso);
    expect(isos.slice(0, 3)).toEqual(['2024-01-16', '2024-03-18', '2024-03-25']);
    expect(isos).toContain('2013-12-12');
    expect(isos).toContain('2018-02-02'); // "ngày \n\n02 tháng 02 năm 2018"
    expect(isos).toContain('2024-02-29'); // Công văn 575/UBND-NC, a real leap day
  });

  it('round-trips: every match is a date parseVietnameseDate reads the same way', () => {
    for (const prefix of SEEDS) {
      const text = readSeed(prefix);
      const found = findVietnameseDates(text);
      expect(found.length, prefix).toBeGreaterThan(5);
      for (const d of found) {
        expect(text.slice(d.index, d.index + d.length)).toBe(d.text);
        expect(parseVietnameseDate(d.text), d.text).toBe(d.iso);
      }
    }
  });

  it('skips the blank date of an unsigned copy', () => {
    const seed = readSeed('003');
    expect(seed).toContain('Tây Ninh, ngày tháng năm 2025');
    const header = seed.indexOf('Tây Ninh, ngày tháng năm 2025');
    expect(findVietnameseDates(seed).every((d) => d.index > header + 30)).toBe(true);
  });

  it('does not mistake numbers, ranges or document numbers for dates', () => {
    const text = 'Nghị định số 59/2023/NĐ-CP; Luật số 10/2022/QH15; giai đoạn 2021-2025; 2021 - 2030; 24/24 giờ; 1/2/20245';
    expect(findVietnameseDates(text)).toEqual([]);
  });

  it('skips impossible days in running text', () => {
    const found = findVietnameseDates('ngày 30/02/2024 hoặc ngày 29/02/2023, hay ngày 29/02/2024');
    expect(found.map((d) => d.iso)).toEqual(['2024-02-29']);
  });

  it.each([
    ['trước ngày 10/11/2024', 'trước ngày'],
    ['chậm nhất ngày 10/11/2025', 'chậm nhất ngày'],
    ['chậm nhất là ngày 10/11/2025', 'chậm nhất là ngày'],
    ['đến ngày 31/12/2024', 'đến ngày'],
    ['đến hết ngày 31/12/2024', 'đến hết ngày'],
    ['từ ngày 01/7/2023', 'từ ngày'],
    ['kể từ ngày 01/7/2023', 'kể từ ngày'],
    ['Trước ngày 10 tháng 6 năm 2024', 'trước ngày'],
    ['trước 10/11/2024', 'trước'],
    ['ngày 25/3/2024', 'ngày'],
    ['ngày 25 tháng 3 năm 2024', 'ngày'],
    ['25/3/2024', null],
  ])('%j has qualifier %j', (text, qualifier) => {
    const [d] = findVietnameseDates(`Báo cáo ${text}.`);
    expect(d).toMatchObject({ qualifier, index: 'Báo cáo '.length, length: text.length });
  });
});

describe('findImpossibleDates', () => {
  it('finds date-shaped text that is not a day of the calendar', () => {
    expect(findImpossibleDates('trước ngày 30/02/2024 và trước ngày 29/02/2024, không phải 29/02/2023.')).toEqual(['30/02/2024', '29/02/2023']);
    expect(findImpossibleDates('Số 59/2023/NĐ-CP, giai đoạn 2021-2025')).toEqual([]);
  });

  it('names a long-form date as written, without its qualifier', () => {
    expect(findImpossibleDates('chậm nhất ngày 31 tháng 4 năm 2024 và ngày 30 tháng 4 năm 2024')).toEqual(['ngày 31 tháng 4 năm 2024']);
  });

  it('finds none in the seeds, whose dates are all real', () => {
    for (const prefix of SEEDS) expect(findImpossibleDates(readSeed(prefix))).toEqual([]);
  });
});

describe('formatVietnameseDate', () => {
  it.each([
    ['2024-03-25', 'short', '25/3/2024'],
    ['2024-03-25', 'long', 'ngày 25 tháng 3 năm 2024'],
    ['2024-03-25', 'month', 'tháng 3/2024'],
    ['2024-01-16', 'short', '16/01/2024'],
    ['2024-01-16', 'long', 'ngày 16 tháng 01 năm 2024'],
    ['2021-09-02', 'short', '02/9/2021'],
    ['2024-11-10', 'short', '10/11/2024'],
    ['2024-01-05', 'month', 'tháng 1/2024'],
    ['2024-12', 'month', 'tháng 12/2024'],
  ] as const)('%s as %s → %s', (iso, style, expected) => {
    expect(formatVietnameseDate(iso, style)).toBe(expected);
  });

  it('defaults to the short form', () => {
    expect(formatVietnameseDate('2024-03-25')).toBe('25/3/2024');
  });

  it('writes short dates exactly as the seeds do (Nghị định 30/2020 leading zeros)', () => {
    let checked = 0;
    for (const prefix of SEEDS) {
      for (const d of findVietnameseDates(readSeed(prefix))) {
        const short = /(\d{1,2}\/\d{1,2}\/\d{4})$/.exec(d.text);
        if (!short) continue;
        expect(formatVietnameseDate(d.iso, 'short'), `${prefix}: ${d.text}`).toBe(short[1]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('round-trips through parseVietnameseDate for every day of a leap year', () => {
    const day = new Date(Date.UTC(2024, 0, 1));
    while (day.getUTCFullYear() === 2024) {
      const iso = day.toISOString().slice(0, 10);
      expect(parseVietnameseDate(formatVietnameseDate(iso, 'short'))).toBe(iso);
      expect(parseVietnameseDate(formatVietnameseDate(iso, 'long'))).toBe(iso);
      day.setUTCDate(day.getUTCDate() + 1);
    }
  });

  it('throws on a value that is not a real ISO date', () => {
    expect(() => formatVietnameseDate('2024-02-30')).toThrow(RangeError);
    expect(() => formatVietnameseDate('25/3/2024')).toThrow(RangeError);
    expect(() => formatVietnameseDate('2024-13', 'month')).toThrow(RangeError);
  });
});

describe('compareIsoDates', () => {
  it('orders ISO dates, and years with an unknown day ("-00-00"), as the calendar does, like localeCompare', () => {
    const dates = ['2024-03-25', '2024-03-05', '2023-12-31', '2024-00-00', '2024-10-01', '2024-03-25', '1999-01-01', '2024-01-01'];
    const sorted = [...dates].sort(compareIsoDates);
    expect(sorted).toEqual(['1999-01-01', '2023-12-31', '2024-00-00', '2024-01-01', '2024-03-05', '2024-03-25', '2024-03-25', '2024-10-01']);
    expect(sorted).toEqual([...dates].sort((a, b) => a.localeCompare(b)));
    for (const a of dates) for (const b of dates) expect(Math.sign(compareIsoDates(a, b)), `${a} ${b}`).toBe(Math.sign(a.localeCompare(b)));
  });
});
