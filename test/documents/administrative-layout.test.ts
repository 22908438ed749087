/**
 * The documents' builders from plain inputs: the layout of Nghị định 30/2020 (quốc hiệu, tiêu
 * ngữ, số và ký hiệu with the clerk's blanks, nơi nhận), and a DOCX that is a Word document.
 */
import { describe, expect, it } from 'vitest';
import {
  chairmanDossier,
  commendationProposal,
  councilDecision,
  documentText,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  numberLine,
  placeAndDate,
  renderDocx,
} from '../../src/documents/index.js';
import { CAMPAIGN_2021 } from './sample-inputs.js';

describe('the administrative layout', () => {
  it('leaves the number and the day blank for the clerk unless the data gives them', () => {
    expect(numberLine({ number: null, symbol: 'QĐ-UBND' })).toBe('Số: ……/QĐ-UBND');
    expect(numberLine({ number: '3176', symbol: 'QĐ-UBND' })).toBe('Số: 3176/QĐ-UBND');
    expect(placeAndDate('Vĩnh Long', { year: 2021 })).toBe('Vĩnh Long, ngày …… tháng …… năm 2021');
    // The decree writes days below 10 and months below 3 with a leading zero.
    expect(placeAndDate('Vĩnh Long', { day: 5, month: 2, year: 2022 })).toBe(
      'Vĩnh Long, ngày 05 tháng 02 năm 2022',
    );
    expect(placeAndDate('Vĩnh Long', { day: 18, month: 11, year: 2021 })).toBe(
      'Vĩnh Long, ngày 18 tháng 11 năm 2021',
    );
  });

  it('builds the council decision with its member list as an annex', async () => {
    const doc = councilDecision({
      campaign: CAMPAIGN_2021,
      year: 2021,
      members: [
        {
          fullName: 'Lê Quang Trung',
          position: 'Phó Chủ tịch',
          organisation: 'UBND tỉnh',
          role: 'chair',
        },
        {
          fullName: 'Nguyễn Thị Hà',
          position: 'Chuyên viên',
          organisation: 'Sở Nội vụ',
          role: 'secretary',
        },
      ],
    });
    const text = documentText(doc);
    expect(text.slice(0, 6)).toEqual([
      'ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG',
      'Số: ……/QĐ-UBND',
      NATIONAL_TITLE,
      NATIONAL_MOTTO,
      'Vĩnh Long, ngày …… tháng …… năm 2021',
      'QUYẾT ĐỊNH',
    ]);
    expect(text).toContain(
      'Căn cứ Quyết định số 3176/QĐ-UBND ngày 18/11/2021 về kế hoạch chấm điểm Chỉ số cải cách hành chính năm 2021;',
    );
    expect(text).toContain('1 | Lê Quang Trung | Phó Chủ tịch, UBND tỉnh | Chủ tịch Hội đồng');
    expect(text).toContain('2 | Nguyễn Thị Hà | Chuyên viên, Sở Nội vụ | Thư ký');
    expect(text).toContain('Nơi nhận:');
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the ranking per group with shared ranks (equal numbers), and individuals beside collectives', () => {
    const dossier = documentText(
      chairmanDossier({
        campaign: CAMPAIGN_2021,
        year: 2022,
        councilApprovedOn: '17/02/2022',
        groups: [
          {
            group: 'department',
            units: [
              {
                name: 'Văn phòng UBND tỉnh',
                indexText: '98,30',
                rank: 1,
                tied: false,
                band: 'Xuất sắc',
              },
              { name: 'Sở Tư pháp', indexText: '90,00', rank: 2, tied: true, band: 'Tốt' },
              { name: 'Sở Y tế', indexText: '90,00', rank: 2, tied: true, band: 'Tốt' },
            ],
          },
        ],
      }),
    );
    expect(dossier).toContain('STT | Đơn vị | Điểm | Xếp hạng | Xếp loại');
    expect(dossier).toContain('Khối sở, ban, ngành tỉnh');
    expect(dossier).toContain('3 | Sở Y tế | 90,00 | 2 | Tốt');
    expect(dossier).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long');
    const proposal = documentText(
      commendationProposal({
        campaign: CAMPAIGN_2021,
        year: 2022,
        resultsDecision: { number: '425/QĐ-UBND', date: '2022-02-28' },
        collectives: [
          {
            groupName: 'sở, ban, ngành tỉnh',
            unitName: 'Văn phòng UBND tỉnh',
            indexText: '98,30',
            rank: 1,
            reason: 'Hạng 1',
          },
        ],
        individuals: [
          {
            fullName: 'Trần Thị Bình',
            position: 'Trưởng phòng',
            unitName: 'Sở Nội vụ',
            achievement: 'Tham mưu xuất sắc',
          },
        ],
      }),
    );
    expect(proposal).toContain('I. TẬP THỂ (1)');
    expect(proposal).toContain('1 | Trần Thị Bình | Trưởng phòng | Sở Nội vụ | Tham mưu xuất sắc');
    expect(proposal.join('\n')).toMatch(/Quyết định số 425\/QĐ-UBND ngày 28\/02\/2022/);
  });
});
