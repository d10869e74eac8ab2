import { describe, expect, it } from 'vitest';
import { isPlaceholderSite, placeholderSiteProblem } from '../../src/lib/site-identity';
import { agencyDisplayName } from '../../src/lib/plan-view';

describe('site identity', () => {
  it('knows the example addresses (RFC 2606) from real ones', () => {
    expect(isPlaceholderSite('https://ke-hoach-mo.example.gov.vn')).toBe(true);
    expect(isPlaceholderSite('https://example.org/ke-hoach/')).toBe(true);
    expect(isPlaceholderSite('https://sotttt.tayninh.gov.vn')).toBe(false);
    expect(isPlaceholderSite('https://examples.gov.vn')).toBe(false);
  });

  it('fails only a deployment build with the example address, saying how to set the real one', () => {
    const problem = placeholderSiteProblem('https://ke-hoach-mo.example.gov.vn', 'production');
    expect(problem).toMatch(/SITE_URL=https:\/\/\S+ npm run build/);
    expect(problem).toMatch(/portalUrl trong src\/site\.config\.ts/);
    expect(placeholderSiteProblem('https://ke-hoach-mo.example.gov.vn', 'preview')).toBeNull();
    expect(placeholderSiteProblem('https://sotttt.tayninh.gov.vn', 'production')).toBeNull();
  });

  it('names the province of an agency outside the home province', () => {
    expect(agencyDisplayName({ name: 'Ủy ban nhân dân xã Minh Tâm', province: 'Bình Phước' }, 'Tây Ninh')).toBe('Ủy ban nhân dân xã Minh Tâm (tỉnh Bình Phước)');
    expect(agencyDisplayName({ name: 'Sở Nội vụ tỉnh Tây Ninh', province: 'Tây Ninh' }, 'Tây Ninh')).toBe('Sở Nội vụ tỉnh Tây Ninh');
    expect(agencyDisplayName({ name: 'Ủy ban nhân dân huyện Hớn Quản, tỉnh Bình Phước', province: 'Bình Phước' }, 'Tây Ninh')).toBe('Ủy ban nhân dân huyện Hớn Quản, tỉnh Bình Phước');
    expect(agencyDisplayName({ name: 'Bộ Nội vụ', province: null }, 'Tây Ninh')).toBe('Bộ Nội vụ');
    expect(agencyDisplayName({ name: 'Ủy ban nhân dân xã Minh Tâm', province: 'Bình Phước' }, null)).toBe('Ủy ban nhân dân xã Minh Tâm');
  });
});
