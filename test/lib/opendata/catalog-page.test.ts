import { describe, expect, it } from 'vitest';
import { catalogPage, expectedSha256Sums, formatBytes } from '../../../src/lib/opendata/catalog-page';
import { parseSha256Sums } from '../../../src/lib/opendata/checksums';
import { openData } from './real-content';

describe('formatBytes', () => {
  it('writes sizes the Vietnamese way, in SI units', () => {
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(8785)).toBe('8,8 kB');
    expect(formatBytes(1_250_000)).toBe('1,3 MB');
  });
});

describe('the /du-lieu-mo/ page data', () => {
  const page = catalogPage(openData);

  it('lists every dataset file with its served size, format, licence and last change', () => {
    const listed = page.datasets.flatMap((d) => d.files);
    const expected = openData.datasets.flatMap((d) => d.files);
    expect(listed.map((f) => f.url)).toEqual(expected.map((f) => `https://cong.example.gov.vn/ke-hoach-mo/${f.path}`));
    for (const [i, file] of listed.entries()) {
      expect(file.href.startsWith('/ke-hoach-mo/')).toBe(true);
      expect(file.bytes).toBe(openData.file(expected[i]!.path).bytes);
    }
    for (const dataset of page.datasets) {
      expect(dataset.examples.length).toBeGreaterThan(0);
      const exact = openData.catalog.plans.some((p) => p.data.issuedOn === dataset.modified);
      expect(dataset.modifiedText).toMatch(exact ? /^ngày \d{2} tháng \d{2} năm \d{4}$/ : /^năm \d{4}$/);
    }
  });

  it('shows a curl line for JSON, Excel steps for CSV and calendar steps for iCalendar', () => {
    const text = (id: string) => page.datasets.find((d) => d.id === id)!.examples.map((e) => e.text).join('\n');
    expect(text('plans')).toMatch(/^curl -s https:\/\/\S+\/api\/v1\/plans\.json/m);
    expect(text('plans')).toContain('Excel');
    expect(text('deadlines')).toMatch(/Google Calendar|Outlook/);
    expect(text('deadlines')).toContain('/api/v1/deadlines.ics');
  });

  it('states the licence terms in Vietnamese, citing Luật Giao dịch điện tử 2023', () => {
    const terms = page.terms.join(' ');
    for (const word of ['Luật Giao dịch điện tử năm 2023', 'Miễn phí', 'không cần đăng ký', 'tái sử dụng']) expect(terms).toContain(word);
  });

  it('predicts the SHA256SUMS the build writes: every api/v1 file once', () => {
    const entries = parseSha256Sums(expectedSha256Sums(openData));
    const apiFiles = openData.allFiles().filter((f) => f.path.startsWith('api/v1/'));
    expect(entries.map((e) => e.path).sort()).toEqual(apiFiles.map((f) => f.path.slice('api/v1/'.length)).sort());
    for (const entry of entries) expect(entry.sha256).toBe(openData.file(`api/v1/${entry.path}`).sha256);
  });
});
