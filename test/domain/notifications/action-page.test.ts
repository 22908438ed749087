import { describe, expect, it } from 'vitest';
import { actionPageOf } from '../../../src/domain/notifications/action-page.js';
import { portalPageUrl } from '../../../src/domain/portal-pages.js';

describe("a mail's link opens the page where its reader acts", () => {
  const campaign = 'CCHC-2021';

  it("sends a unit's focal point and head to its form, its explanation, then its results", () => {
    const unit = (stepKind: string, audience: 'unit' | 'unit_head' = 'unit') =>
      actionPageOf({ audience, stepKind, campaign, unitCode: 'SO GTVT' });
    expect(unit('self_assessment')).toBe('/chien-dich/CCHC-2021/don-vi/SO%20GTVT/tu-danh-gia');
    expect(unit('self_assessment', 'unit_head')).toBe(
      '/chien-dich/CCHC-2021/don-vi/SO%20GTVT/tu-danh-gia',
    );
    expect(unit('explanation')).toBe('/chien-dich/CCHC-2021/don-vi/SO%20GTVT/giai-trinh');
    expect(unit('announcement')).toBe('/chien-dich/CCHC-2021/don-vi/SO%20GTVT/ket-qua');
  });

  it('sends appraisers, the council and the secretariat to their own pages', () => {
    expect(actionPageOf({ audience: 'appraisers', stepKind: 'appraisal_round_2', campaign })).toBe(
      '/chien-dich/CCHC-2021/tham-dinh',
    );
    expect(actionPageOf({ audience: 'council', stepKind: 'council_approval', campaign })).toBe(
      '/chien-dich/CCHC-2021/hoi-dong',
    );
    expect(actionPageOf({ audience: 'secretariat', stepKind: 'self_assessment', campaign })).toBe(
      '/chien-dich/CCHC-2021',
    );
    expect(actionPageOf({ audience: 'secretariat', stepKind: 'explanation', campaign })).toBe(
      '/chien-dich/CCHC-2021/ket-qua',
    );
  });

  it('puts the page under PUBLIC_URL and /portal, with or without a path or trailing slash', () => {
    expect(portalPageUrl('https://cchc.example.gov.vn/', '/viec-cua-toi')).toBe(
      'https://cchc.example.gov.vn/portal/viec-cua-toi',
    );
    expect(portalPageUrl('https://snv.example.gov.vn/chi-so', '/ket-qua/x')).toBe(
      'https://snv.example.gov.vn/chi-so/portal/ket-qua/x',
    );
  });
});
