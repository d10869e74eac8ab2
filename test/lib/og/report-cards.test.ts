import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content/load';
import { buildCatalog } from '../../../src/lib/catalog/build';
import { catalogCardData } from '../../../src/lib/og/plan-cards';
import { reportCardData, reportCardImagePath, reportCardJobs, reportCardRouteParam } from '../../../src/lib/og/report-cards';
import { site } from '../../../src/site.config';

const dir = fileURLToPath(new URL('../../fixtures/content/with-report/', import.meta.url));
const catalog = buildCatalog(loadContent(dir, { baseDir: dir }));
const context = { site, siteUrl: 'https://cong.example.gov.vn', base: '/ke-hoach-mo/' };

describe('report share cards', () => {
  it('headline the tally and show each result with its status, in the plan card layout', () => {
    const data = reportCardData(catalog, 'bao-cao-nam-mau', context);
    expect(data.docType).toBe('Báo cáo');
    expect(data.number).toBe('245/BC-UBND');
    expect(data.date).toBe('08/11/2024');
    expect(data.highlightsHeading).toBe('Đạt 3/3 chỉ tiêu năm 2024');
    expect(data.highlights).toEqual([
      { value: '100', unit: '%', label: '100% hồ sơ được giải quyết đúng hạn', note: 'Đạt' },
      { value: '5', unit: 'cuộc', label: 'Tổ chức ít nhất 4 cuộc đối thoại với Nhân dân', note: 'Vượt' },
      { value: null, unit: null, label: 'Niêm yết công khai thủ tục hành chính tại trụ sở', note: 'Đạt: Đã niêm yết đầy đủ tại bộ phận một cửa' },
    ]);
    // Same frame as the plan cards: agency header, portal line and theme.
    const plan = catalogCardData(catalog, 'ke-hoach-mau', context);
    expect([data.agencyName, data.portal, data.theme]).toEqual([plan.agencyName, plan.portal, plan.theme]);
    expect(Object.keys(data)).toEqual(Object.keys(plan));
  });

  it('says when a report has fewer met targets', () => {
    expect(reportCardData(catalog, 'bao-cao-6-thang-mau', context).highlightsHeading).toBe('Đạt 0/2 chỉ tiêu 6 tháng đầu năm 2024');
  });

  it('has one landscape and one square card per report, under /og/bao-cao/', () => {
    expect(reportCardJobs(catalog, context).map((j) => j.id)).toEqual([
      'bao-cao/bao-cao-nam-mau/landscape',
      'bao-cao/bao-cao-nam-mau/square',
      'bao-cao/bao-cao-6-thang-mau/landscape',
      'bao-cao/bao-cao-6-thang-mau/square',
    ]);
    expect(reportCardImagePath('bao-cao-a', 'square')).toBe('og/bao-cao/bao-cao-a-vuong.png');
    expect(reportCardRouteParam('bao-cao-a', 'landscape')).toBe('bao-cao-a');
  });
});
