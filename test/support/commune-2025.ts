/**
 * A province after the 2025 two-tier reform, as the files it would import: 16 provincial
 * departments and 124 communes and wards (no district level), two index sets (one per group) and
 * the plan of its 2025 campaign (the 2021 plan's eleven kinds of step, on 2025–2026 working days).
 * The names are illustrative, with the Vietnamese spelling officials use; every address is a
 * placeholder on example.vn.
 */
import type ExcelJS from 'exceljs';

/** The plan's columns, as the import reads them (src/api/campaigns/plan-import.ts). */
export const PLAN_STEPS_HEADER = [
  'number',
  'title_vi',
  'kind',
  'actor',
  'lead',
  'opens_on',
  'closes_on',
  'starts_after_step',
];

const SNV = 'Sở Nội vụ';
const UNITS_LEAD = 'Các sở, ban, ngành tỉnh; UBND các xã, phường';

/** The 2025 commune-level plan: every opening and deadline on a working day of 2025–2026. */
export const COMMUNE_PLAN_2025: Array<Array<ExcelJS.CellValue>> = [
  [
    1,
    'Kiện toàn Hội đồng thẩm định và Tổ thư ký',
    'setup',
    'secretariat',
    SNV,
    '03/11/2025',
    '28/11/2025',
    null,
  ],
  [
    2,
    'Hướng dẫn chấm điểm Chỉ số CCHC cho các sở và UBND cấp xã',
    'guidance',
    'secretariat',
    SNV,
    '03/11/2025',
    '28/11/2025',
    null,
  ],
  [
    3,
    'Tự đánh giá, chấm điểm và gửi tài liệu kiểm chứng',
    'self_assessment',
    'units',
    UNITS_LEAD,
    '01/12/2025',
    '24/12/2025',
    null,
  ],
  [
    4,
    'Thẩm định lần thứ nhất',
    'appraisal_round_1',
    'secretariat',
    SNV,
    '25/12/2025',
    '09/01/2026',
    null,
  ],
  [
    5,
    'Tổng hợp lần thứ nhất, đề nghị giải trình',
    'aggregation_round_1',
    'secretariat',
    SNV,
    '12/01/2026',
    '16/01/2026',
    null,
  ],
  [
    6,
    'Giải trình và bổ sung tài liệu kiểm chứng',
    'explanation',
    'units',
    UNITS_LEAD,
    '19/01/2026',
    '23/01/2026',
    null,
  ],
  [
    7,
    'Thẩm định lần thứ hai',
    'appraisal_round_2',
    'secretariat',
    SNV,
    '26/01/2026',
    '30/01/2026',
    null,
  ],
  [
    8,
    'Tổng hợp kết quả thẩm định lần thứ hai',
    'aggregation_round_2',
    'secretariat',
    SNV,
    '02/02/2026',
    '06/02/2026',
    null,
  ],
  [
    9,
    'Họp Hội đồng thẩm định thông qua kết quả',
    'council_approval',
    'council',
    'Hội đồng thẩm định',
    '09/02/2026',
    '11/02/2026',
    null,
  ],
  [
    10,
    'Trình Chủ tịch UBND tỉnh công bố kết quả',
    'announcement',
    'secretariat',
    SNV,
    '12/02/2026',
    '06/03/2026',
    null,
  ],
  [11, 'Tham mưu khen thưởng tập thể, cá nhân', 'commendation', 'secretariat', SNV, null, null, 10],
];

export interface CommuneUnit {
  code: string;
  name: string;
  group: 'department' | 'commune';
  focal_email: string;
  head_email: string;
}

/** The provincial departments after the 2025 merger of departments (16). */
export const DEPARTMENTS_2025: ReadonlyArray<readonly [string, string]> = [
  ['VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh'],
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SXD', 'Sở Xây dựng'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo'],
  ['TTT', 'Thanh tra tỉnh'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp'],
  ['SNGV', 'Sở Ngoại vụ'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế'],
];

const FIRST = [
  'An',
  'Bình',
  'Hòa',
  'Long',
  'Mỹ',
  'Phú',
  'Tân',
  'Thạnh',
  'Trung',
  'Vĩnh',
  'Hiếu',
  'Quới',
];
const SECOND = [
  'Bình',
  'Hòa',
  'Lộc',
  'Phước',
  'Thành',
  'Thuận',
  'Đông',
  'Tây',
  'Hưng',
  'Mỹ',
  'Ninh',
  'Khánh',
];
/** Wards (phường) come first, then communes (xã). */
const WARDS = 24;

/** ASCII of a Vietnamese word, for codes and addresses: "Thạnh" → "THANH". */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase();

/**
 * 16 departments and 124 communes and wards (140 units), their codes prefixed with `tag` so that
 * files sharing a database never share a unit.
 */
export function communeUnits2025(tag: string): CommuneUnit[] {
  const unit = (code: string, name: string, group: CommuneUnit['group'], head: string) => ({
    code: `${tag}${code}`,
    name,
    group,
    focal_email: `cchc.${tag}${code}@example.vn`.toLowerCase(),
    head_email: `${head}.${tag}${code}@example.vn`.toLowerCase(),
  });
  const departments = DEPARTMENTS_2025.map(([code, name]) =>
    unit(code, name, 'department', 'giamdoc'),
  );
  const places: string[] = [];
  for (const a of FIRST) {
    for (const b of SECOND) if (a !== b) places.push(`${a} ${b}`);
  }
  const communes = places.slice(0, 124).map((place, i) => {
    const ward = i < WARDS;
    const prefix = ward ? 'P' : 'X';
    const code = `${prefix}${ascii(place).replace(' ', '')}`;
    return unit(code, `${ward ? 'Phường' : 'Xã'} ${place}`, 'commune', 'chutich');
  });
  return [...departments, ...communes];
}

/** One group's index set (25 points), appraised by SNV (field 1) and STP (field 2). */
export function communeIndexSetRows(group: string): Array<Array<ExcelJS.CellValue>> {
  const local = group === 'commune' ? 'cấp xã' : 'cấp tỉnh';
  return [
    [group, '1', 'field', 'regular', 'Công tác chỉ đạo, điều hành CCHC', 10, 'SNV', null],
    [group, '1.1', 'criterion', 'regular', `Kế hoạch CCHC năm ${local}`, 4, null, 'x'],
    [group, '1.2', 'criterion', 'regular', 'Báo cáo CCHC định kỳ', 6, null, null],
    [group, '2', 'field', 'regular', 'Xây dựng và tổ chức thực hiện văn bản QPPL', 10, 'STP', null],
    [group, '2.1', 'criterion', 'regular', 'Rà soát, hệ thống hóa văn bản QPPL', 5, null, null],
    [group, '2.2', 'criterion', 'regular', 'Kiểm tra, xử lý văn bản', 5, null, null],
    [group, '3', 'field', 'survey', 'Tác động của cải cách hành chính', 5, null, null],
    [group, '3.1', 'criterion', 'survey', 'Mức độ hài lòng của người dân (SIPAS)', 5, null, null],
  ];
}

export const INDEX_SET_HEADER = [
  'group',
  'code',
  'level',
  'kind',
  'title',
  'max_points',
  'agency_code',
  'evidence_required',
];

/** The leaves units score themselves and agencies appraise, with their maxima and agency. */
export const SCORED_LEAVES = [
  { code: '1.1', max: 4, agency: 'SNV', evidence: true },
  { code: '1.2', max: 6, agency: 'SNV', evidence: false },
  { code: '2.1', max: 5, agency: 'STP', evidence: false },
  { code: '2.2', max: 5, agency: 'STP', evidence: false },
] as const;
export const SURVEY_LEAF = { code: '3.1', max: 5 } as const;
/** The index sets' total. */
export const MAX_POINTS = 25;
