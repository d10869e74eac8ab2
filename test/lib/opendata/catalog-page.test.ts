import { describe, expect, it } from 'vitest';
import { COLLECTION_LIST_MAX, catalogPage, expectedSha256Sums } from '../../../src/lib/opendata/catalog-page';
import { formatBytes } from '../../../src/lib/vn/numbers';
import { parseSha256Sums } from '../../../src/lib/opendata/checksums';
import { createOpenData } from '../../../src/lib/opendata/open-data';
import { syntheticCatalog } from '../portal/synthetic-catalog';
import { ctx, openData } from './real-content';

describe('formatBytes', () => {
  it('writes sizes the Vietnamese way, in SI units', () => {
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(8785)).toBe('8,8 kB');
    expect(formatBytes(1_250_000)).toBe('1,3 MB');
  });
});

describe('the /du-lieu-mo/ page data', () => {
  const page = catalogPage(openData);

  it('lists every file of an ordinary dataset with its served size, format, licence and last change', () => {
    const ordinary = openData.datasets.filter((d) => !d.collection);
    expect(ordinary.length).toBeGreaterThan(5);
    for (const dataset of ordinary) {
      const listed = page.datasets.find((d) => d.id === dataset.id)!;
      expect(listed.collection).toBeNull();
      expect(listed.files.map((f) => f.url)).toEqual(dataset.files.map((f) => `https://cong.example.gov.vn/ke-hoach-mo/${f.path}`));
      for (const [i, file] of listed.files.entries()) {
        expect(file.href.startsWith('/ke-hoach-mo/')).toBe(true);
        expect(file.bytes).toBe(openData.file(dataset.files[i]!.path).bytes);
      }
    }
    for (const dataset of page.datasets) {
      expect(dataset.examples.length).toBeGreaterThan(0);
      const exact = openData.catalog.plans.some((p) => p.data.issuedOn === dataset.modified);
      // A dataset with no rows yet (no report published) has no date.
      if (dataset.modified === null) expect(dataset.modifiedText).toBe('chưa có dữ liệu');
      else expect(dataset.modifiedText).toMatch(exact ? /^ngày \d{2} tháng \d{2} năm \d{4}$/ : /^năm \d{4}$/);
    }
  });

  it('describes the per-plan files and the agency calendars once: count, total size, URL pattern and the index listing them', () => {
    const planFiles = page.datasets.find((d) => d.id === 'plan-records')!.collection!;
    expect(planFiles.count).toBe(openData.catalog.plans.length);
    expect(planFiles.pattern).toBe('https://cong.example.gov.vn/ke-hoach-mo/api/v1/plans/{slug}.json');
    expect(planFiles.index.href).toBe('/ke-hoach-mo/api/v1/plans.json');
    const calendars = page.datasets.find((d) => d.id === 'agency-calendars')!.collection!;
    expect(calendars.pattern).toBe('https://cong.example.gov.vn/ke-hoach-mo/api/v1/deadlines/{id}.ics');
    expect(calendars.index.href).toBe('/ke-hoach-mo/api/v1/agencies.json');
    for (const dataset of openData.datasets.filter((d) => d.collection)) {
      const { collection } = page.datasets.find((d) => d.id === dataset.id)!;
      expect(collection!.count, dataset.id).toBe(dataset.files.length);
      expect(collection!.bytes).toBe(dataset.files.reduce((sum, f) => sum + openData.file(f.path).bytes, 0));
      // The pattern filled with each index item's key gives that item's URL, and the items reach every member.
      const items = JSON.parse(openData.text(dataset.collection!.index)).items as Record<string, string | null>[];
      const urls = items.filter((item) => item[collection!.urlField] !== null).map((item) => {
        expect(collection!.pattern.replace(`{${collection!.keyField}}`, item[collection!.keyField]!)).toBe(item[collection!.urlField]);
        return item[collection!.urlField];
      });
      expect(urls.sort()).toEqual(dataset.files.map((f) => `https://cong.example.gov.vn/ke-hoach-mo/${f.path}`).sort());
    }
  });

  it('links no plan file one by one, and agency calendars up to the cap with the pages that link the rest', () => {
    const plans = page.datasets.find((d) => d.id === 'plan-records')!;
    expect(plans.files).toEqual([]);
    expect(plans.collection!.unlisted).toBe(openData.catalog.plans.length);
    expect(plans.collection!.elsewhere.map((l) => l.href)).toEqual(['/ke-hoach-mo/ke-hoach/']);
    const calendars = openData.datasets.find((d) => d.id === 'agency-calendars')!.files;
    expect(calendars.length).toBeGreaterThan(2);
    expect(calendars.length).toBeLessThanOrEqual(COLLECTION_LIST_MAX['agency-calendars']!);
    const all = page.datasets.find((d) => d.id === 'agency-calendars')!;
    expect(all.files.map((f) => f.href)).toEqual(calendars.map((f) => `/ke-hoach-mo/${f.path}`));
    expect(all.collection!.elsewhere).toEqual([]);
    const capped = catalogPage(openData, { listMax: { 'agency-calendars': 2 } }).datasets.find((d) => d.id === 'agency-calendars')!;
    expect(capped.files.map((f) => f.href)).toEqual(calendars.slice(0, 2).map((f) => `/ke-hoach-mo/${f.path}`));
    expect(capped.collection!.unlisted).toBe(calendars.length - 2);
    expect(capped.collection!.elsewhere.map((l) => l.href)).toEqual(['/ke-hoach-mo/co-quan/', '/ke-hoach-mo/thoi-han/#theo-don-vi']);
  });

  it('links as many files with 200 plans as with the seed plans', async () => {
    const many = catalogPage(createOpenData(syntheticCatalog(200), ctx));
    const links = (p: typeof page) => p.datasets.reduce((n, d) => n + d.files.length, 0);
    expect(links(many)).toBe(links(page));
    expect(many.datasets.find((d) => d.id === 'plan-records')!.collection!.count).toBe(200);
  });

  it('shows a curl line for JSON, Excel steps for CSV and calendar steps for iCalendar', () => {
    const text = (id: string) => page.datasets.find((d) => d.id === id)!.examples.map((e) => e.text).join('\n');
    expect(text('plans')).toMatch(/^curl -s https:\/\/\S+\/api\/v1\/plans\.json/m);
    expect(text('plans')).toContain('Excel');
    // The CSV formula guard is said where people read how to open the CSV.
    expect(text('plans')).toContain("thêm dấu ' ở đầu để Excel không chạy nó như công thức; ô số (kể cả số âm như -5) giữ nguyên là số");
    expect(text('deadlines')).toMatch(/Google Calendar|Outlook/);
    expect(text('deadlines')).toContain('/api/v1/deadlines.ics');
    expect(text('plan-records')).toContain("curl -s https://cong.example.gov.vn/ke-hoach-mo/api/v1/plans.json | jq -r '.items[].dataUrl'");
    expect(text('agency-calendars')).toContain("api/v1/agencies.json | jq -r '.items[].calendarUrl // empty'");
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
