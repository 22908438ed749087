/**
 * Seed data for Vĩnh Long's 2021 PAR index scoring campaign, from Decision 3176/QĐ-UBND of
 * 18/11/2021 (the plan) and the parties listed in docs/domain.md.
 *
 * - The campaign, its 11 steps, the 25 scored units and the 6 appraising bodies are as the plan
 *   and domain.md state them. Every e-mail address is a placeholder on example.vn.
 * - The two index sets are ILLUSTRATIVE: the real index (Decision 771/QĐ-UBND of 05/4/2021) is not
 *   available here. They follow the usual shape (8 fields, 100 points) so that the service can be
 *   exercised, and are marked `illustrative: true`. Their bonus and penalty nodes (3 points each)
 *   are outside the 100 points: the 8 fields add up to 100, the adjustments come on top.
 *
 * Plain typed objects only, so that the data can be validated, printed and reused.
 */
import type { DecisionReference } from '../entities/index.js';
import {
  CRITERION_LEVELS,
  type CriterionKind,
  type CriterionLevel,
  type StepActor,
  type StepKind,
} from '../domain/words.js';

export type UnitGroup = 'department' | 'district';

export interface SeedCampaign {
  code: string;
  province: string;
  year: number;
  name: string;
  /** IANA zone of every local date below. */
  timeZone: string;
  decisionRefs: DecisionReference[];
}

export interface SeedStep {
  number: number;
  kind: StepKind;
  /** The plan's own wording (column "Nhiệm vụ"). */
  titleVi: string;
  titleEn: string;
  actor: StepActor;
  /** Cơ quan chủ trì, as the plan writes it. */
  lead: string;
  /** Cơ quan phối hợp, as the plan writes it. */
  coordinating: string;
  /** Column "Thời gian thực hiện", verbatim. */
  windowText: string;
  /** First local day of the window, 'YYYY-MM-DD'; null for a step without dates. */
  start: string | null;
  /** Last local day of the window (its deadline is 23:59:59 local); null without dates. */
  end: string | null;
  /** For a step without dates: the step after which it starts. */
  startsAfterStep: number | null;
}

export interface SeedUnit {
  /** Short stable ASCII code, e.g. "SNV". */
  code: string;
  /** Official Vietnamese name. */
  name: string;
  group: UnitGroup;
  /** Placeholder address of the unit's CCHC focal point (đầu mối). */
  focalEmail: string;
  /** Placeholder address of the head of the unit (for escalations). */
  headEmail: string;
}

export interface SeedAgency {
  code: string;
  name: string;
  /** Placeholder address of the agency's appraisal contact. */
  email: string;
}

export interface SeedCriterion {
  /** "1", "1.2", "1.2.3": the position in the tree. */
  code: string;
  level: CriterionLevel;
  kind: CriterionKind;
  title: string;
  /** Điểm tối đa. A parent's maximum is the sum of its children's. */
  maxPoints: number;
  /** Code of the appraising agency (SeedAgency.code); children inherit their field's. */
  agencyCode: string;
  evidenceRequired: boolean;
  guidance: string | null;
  children: SeedCriterion[];
}

export interface SeedIndexSet {
  group: UnitGroup;
  name: string;
  illustrative: boolean;
  source: string;
  /** The 8 fields; their maxima add up to 100. */
  fields: SeedCriterion[];
  /** Bonus (điểm thưởng) and penalty (điểm trừ) nodes, outside the 100 points. */
  adjustments: SeedCriterion[];
}

export interface SeedPlan {
  campaign: SeedCampaign;
  steps: SeedStep[];
  agencies: SeedAgency[];
  units: SeedUnit[];
  indexSets: SeedIndexSet[];
}

/**
 * Domain of every seeded e-mail address. Placeholders only: never a real government domain.
 * (Note: unlike example.com or the .example TLD, example.vn is not reserved by RFC 2606.)
 */
export const PLACEHOLDER_EMAIL_DOMAIN = 'example.vn';

const email = (local: string): string => `${local}@${PLACEHOLDER_EMAIL_DOMAIN}`;

// ---------------------------------------------------------------------------------------------
// The campaign and its plan (Decision 3176/QĐ-UBND, section II)
// ---------------------------------------------------------------------------------------------

export const CAMPAIGN: SeedCampaign = {
  code: 'vinhlong-2021',
  province: 'Vĩnh Long',
  year: 2021,
  name: 'Chấm điểm Chỉ số cải cách hành chính năm 2021 của các sở, ban, ngành tỉnh và UBND cấp huyện',
  timeZone: 'Asia/Ho_Chi_Minh',
  decisionRefs: [
    {
      number: '3176/QĐ-UBND',
      date: '2021-11-18',
      title:
        'Kế hoạch chấm điểm Chỉ số cải cách hành chính năm 2021 của các sở, ban, ngành tỉnh và Ủy ban nhân dân cấp huyện trên địa bàn tỉnh Vĩnh Long',
    },
    {
      number: '2528/QĐ-UBND',
      date: '2020-09-23',
      title:
        'Quy chế chấm điểm xác định chỉ số cải cách hành chính tại các sở, ban, ngành tỉnh và UBND cấp huyện trên địa bàn tỉnh Vĩnh Long',
    },
    {
      number: '771/QĐ-UBND',
      date: '2021-04-05',
      title:
        'Bộ Chỉ số cải cách hành chính của các sở, ban, ngành tỉnh và Ủy ban nhân dân cấp huyện trên địa bàn tỉnh Vĩnh Long',
    },
    {
      number: '3520/QĐ-UBND',
      date: '2020-12-29',
      title: 'Kế hoạch cải cách hành chính năm 2021 của tỉnh Vĩnh Long',
    },
  ],
};

const SNV = 'Sở Nội vụ';
const TO_THU_KY = 'Tổ thư ký';
const DON_VI = 'Đơn vị, địa phương';

export const STEPS: SeedStep[] = [
  {
    number: 1,
    kind: 'setup',
    titleVi: 'Kiện toàn Hội đồng thẩm định và Tổ thư ký giúp việc',
    titleEn: 'Set up the Appraisal Council and its Secretariat',
    actor: 'secretariat',
    lead: SNV,
    coordinating: 'Các cơ quan có liên quan',
    windowText: 'Tháng 11/2021',
    start: '2021-11-01',
    end: '2021-11-30',
    startsAfterStep: null,
  },
  {
    number: 2,
    kind: 'guidance',
    titleVi: 'Hướng dẫn chấm điểm xác định chỉ số CCHC cho các đơn vị, địa phương',
    titleEn: 'Issue scoring guidance to units',
    actor: 'secretariat',
    lead: SNV,
    coordinating: DON_VI,
    windowText: 'Tháng 11/2021',
    start: '2021-11-01',
    end: '2021-11-30',
    startsAfterStep: null,
  },
  {
    number: 3,
    kind: 'self_assessment',
    // The plan lists two bullet points in this cell; both are kept, in order, on one line.
    titleVi:
      'Tổ chức tự đánh giá và xác định chỉ số CCHC tại các đơn vị, địa phương. Gửi báo cáo tự đánh giá chấm điểm, giải trình và tài liệu kiểm chứng.',
    titleEn: 'Units self-assess and submit report, explanations and evidence',
    actor: 'units',
    lead: DON_VI,
    coordinating: SNV,
    windowText: 'Từ ngày 01-24/12/2021',
    start: '2021-12-01',
    end: '2021-12-24',
    startsAfterStep: null,
  },
  {
    number: 4,
    kind: 'appraisal_round_1',
    titleVi: 'Thẩm định lần thứ nhất',
    titleEn: 'First appraisal',
    actor: 'secretariat',
    lead: SNV,
    coordinating: TO_THU_KY,
    windowText: '27-31/12/2021',
    start: '2021-12-27',
    end: '2021-12-31',
    startsAfterStep: null,
  },
  {
    number: 5,
    kind: 'aggregation_round_1',
    titleVi:
      'Tổng hợp lần thứ 1 và đề nghị cơ quan, đơn vị giải trình và bổ sung tài liệu kiểm chứng (nếu có)',
    titleEn: 'Aggregate round 1; ask units to explain and add evidence',
    actor: 'secretariat',
    lead: SNV,
    coordinating: TO_THU_KY,
    windowText: '03-14/01/2022',
    start: '2022-01-03',
    end: '2022-01-14',
    startsAfterStep: null,
  },
  {
    number: 6,
    kind: 'explanation',
    titleVi: 'Giải trình và bổ sung tài liệu kiểm chứng (nếu có)',
    titleEn: 'Units explain and add evidence',
    actor: 'units',
    lead: DON_VI,
    coordinating: TO_THU_KY,
    windowText: '17-21/01/2022',
    start: '2022-01-17',
    end: '2022-01-21',
    startsAfterStep: null,
  },
  {
    number: 7,
    kind: 'appraisal_round_2',
    titleVi: 'Thẩm định lần thứ 2',
    titleEn: 'Second appraisal',
    actor: 'secretariat',
    lead: SNV,
    coordinating: TO_THU_KY,
    windowText: '24-28/01/2022',
    start: '2022-01-24',
    end: '2022-01-28',
    startsAfterStep: null,
  },
  {
    number: 8,
    kind: 'aggregation_round_2',
    titleVi: 'Tổng hợp kết quả thẩm định lần 2',
    titleEn: 'Aggregate round 2',
    actor: 'secretariat',
    lead: SNV,
    coordinating: TO_THU_KY,
    windowText: '07-11/02/2022',
    start: '2022-02-07',
    end: '2022-02-11',
    startsAfterStep: null,
  },
  {
    number: 9,
    kind: 'council_approval',
    titleVi: 'Họp Hội đồng thẩm định thông qua kết quả chấm điểm',
    titleEn: 'Council meeting approves the results',
    actor: 'council',
    lead: 'Hội đồng thẩm định',
    coordinating: TO_THU_KY,
    windowText: '15-17/02/2022',
    start: '2022-02-15',
    end: '2022-02-17',
    startsAfterStep: null,
  },
  {
    number: 10,
    kind: 'announcement',
    titleVi: 'Hoàn chỉnh hồ sơ và trình Chủ tịch UBND tỉnh công bố kết quả',
    titleEn: 'Finalise the file; Chairman announces results',
    actor: 'secretariat',
    lead: SNV,
    coordinating: TO_THU_KY,
    windowText: '18-28/02/2022',
    start: '2022-02-18',
    end: '2022-02-28',
    startsAfterStep: null,
  },
  {
    number: 11,
    kind: 'commendation',
    titleVi: 'Tham mưu khen thưởng tập thể, cá nhân đạt kết quả cao trong công tác CCHC',
    titleEn: 'Propose commendations for high results',
    actor: 'secretariat',
    lead: SNV,
    coordinating: 'Văn phòng UBND tỉnh',
    windowText: 'Sau khi có kết quả công bố của Chủ tịch UBND tỉnh',
    start: null,
    end: null,
    startsAfterStep: 10,
  },
];

// ---------------------------------------------------------------------------------------------
// Appraising bodies (Decision 3176, section III.1-2) and scored units (domain.md, 2021)
// ---------------------------------------------------------------------------------------------

export const AGENCIES: SeedAgency[] = [
  { code: 'SNV', name: 'Sở Nội vụ', email: email('thamdinh.snv') },
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', email: email('thamdinh.vpubnd') },
  { code: 'STC', name: 'Sở Tài chính', email: email('thamdinh.stc') },
  { code: 'STP', name: 'Sở Tư pháp', email: email('thamdinh.stp') },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', email: email('thamdinh.stttt') },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', email: email('thamdinh.skhcn') },
];

/** `head` is the mailbox name of the unit's head: giamdoc (Giám đốc), chutich (Chủ tịch), … */
function unit(code: string, name: string, group: UnitGroup, head: string): SeedUnit {
  const local = code.toLowerCase();
  return {
    code,
    name,
    group,
    focalEmail: email(`cchc.${local}`),
    headEmail: email(`${head}.${local}`),
  };
}

/** The 17 departments ranked in 2021, in the order domain.md lists them. */
const DEPARTMENTS: SeedUnit[] = [
  unit('VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh', 'department', 'chanhvanphong'),
  unit('SNN', 'Sở Nông nghiệp và Phát triển nông thôn', 'department', 'giamdoc'),
  unit('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'department', 'giamdoc'),
  unit('STTTT', 'Sở Thông tin và Truyền thông', 'department', 'giamdoc'),
  unit('SNV', 'Sở Nội vụ', 'department', 'giamdoc'),
  unit('SCT', 'Sở Công Thương', 'department', 'giamdoc'),
  unit('BQLKCN', 'Ban Quản lý các Khu công nghiệp', 'department', 'truongban'),
  unit('SGTVT', 'Sở Giao thông vận tải', 'department', 'giamdoc'),
  unit('SXD', 'Sở Xây dựng', 'department', 'giamdoc'),
  unit('STP', 'Sở Tư pháp', 'department', 'giamdoc'),
  unit('SGDDT', 'Sở Giáo dục và Đào tạo', 'department', 'giamdoc'),
  unit('SKHDT', 'Sở Kế hoạch và Đầu tư', 'department', 'giamdoc'),
  unit('STC', 'Sở Tài chính', 'department', 'giamdoc'),
  unit('SLDTBXH', 'Sở Lao động – Thương binh và Xã hội', 'department', 'giamdoc'),
  unit('SKHCN', 'Sở Khoa học và Công nghệ', 'department', 'giamdoc'),
  unit('STNMT', 'Sở Tài nguyên và Môi trường', 'department', 'giamdoc'),
  unit('TTT', 'Thanh tra tỉnh', 'department', 'chanhthanhtra'),
];

/** The 8 district-level People's Committees. */
const DISTRICTS: SeedUnit[] = [
  unit('TPVL', 'Ủy ban nhân dân thành phố Vĩnh Long', 'district', 'chutich'),
  unit('TXBM', 'Ủy ban nhân dân thị xã Bình Minh', 'district', 'chutich'),
  unit('LONGHO', 'Ủy ban nhân dân huyện Long Hồ', 'district', 'chutich'),
  unit('MANGTHIT', 'Ủy ban nhân dân huyện Mang Thít', 'district', 'chutich'),
  unit('VUNGLIEM', 'Ủy ban nhân dân huyện Vũng Liêm', 'district', 'chutich'),
  unit('TAMBINH', 'Ủy ban nhân dân huyện Tam Bình', 'district', 'chutich'),
  unit('TRAON', 'Ủy ban nhân dân huyện Trà Ôn', 'district', 'chutich'),
  unit('BINHTAN', 'Ủy ban nhân dân huyện Bình Tân', 'district', 'chutich'),
];

export const UNITS: SeedUnit[] = [...DEPARTMENTS, ...DISTRICTS];

// ---------------------------------------------------------------------------------------------
// Illustrative index sets (NOT Decision 771/QĐ-UBND)
// ---------------------------------------------------------------------------------------------

/** A node as written below; codes, levels and inherited agencies are filled in by `numbered`. */
interface Draft {
  title: string;
  max: number;
  agency?: string;
  kind?: CriterionKind;
  evidence?: boolean;
  guidance?: string;
  children?: Draft[];
}

type Options = Pick<Draft, 'agency' | 'kind' | 'evidence' | 'guidance'>;

const field = (title: string, max: number, agency: string, children: Draft[]): Draft => ({
  title,
  max,
  agency,
  children,
});
const crit = (title: string, max: number, children: Draft[], options: Options = {}): Draft => ({
  title,
  max,
  children,
  ...options,
});
const sub = (title: string, max: number, options: Options = {}): Draft => ({
  title,
  max,
  ...options,
});

function numbered(
  drafts: Draft[],
  options: {
    prefix?: string;
    depth?: number;
    agency?: string;
    kind?: CriterionKind;
    start?: number;
  },
): SeedCriterion[] {
  const { prefix = '', depth = 0, start = 1 } = options;
  const level = CRITERION_LEVELS[depth];
  if (drafts.length === 0) return [];
  if (!level) throw new Error(`index tree too deep under "${prefix}"`);
  return drafts.map((draft, i) => {
    const code = `${prefix}${start + i}`;
    const agencyCode = draft.agency ?? options.agency;
    if (!agencyCode) throw new Error(`criterion ${code} has no appraising agency`);
    const kind = draft.kind ?? (options.kind === 'survey' ? 'survey' : 'regular');
    return {
      code,
      level,
      kind,
      title: draft.title,
      maxPoints: draft.max,
      agencyCode,
      evidenceRequired: draft.evidence ?? false,
      guidance: draft.guidance ?? null,
      children: numbered(draft.children ?? [], {
        prefix: `${code}.`,
        depth: depth + 1,
        agency: agencyCode,
        kind,
      }),
    };
  });
}

// Short scoring guidance (hướng dẫn chấm điểm) shared by many sub-criteria.
const G = {
  plan: 'Hoàn thành 100% nhiệm vụ theo kế hoạch: điểm tối đa; từ 80% đến dưới 100%: 1/2 điểm tối đa; dưới 80%: 0 điểm.',
  onTime:
    'Thực hiện đầy đủ, đúng thời hạn: điểm tối đa; thực hiện chậm hoặc chưa đầy đủ: 1/2 điểm tối đa; không thực hiện: 0 điểm.',
  issued:
    'Có ban hành, đúng thời hạn: điểm tối đa; ban hành chậm: 1/2 điểm tối đa; không ban hành: 0 điểm.',
  rate: 'Tỷ lệ đạt 100%: điểm tối đa; từ 90% đến dưới 100%: 1/2 điểm tối đa; dưới 90%: 0 điểm.',
  none: 'Không có vi phạm, sai sót: điểm tối đa; có vi phạm, sai sót: 0 điểm.',
  survey:
    'Điểm lấy từ kết quả điều tra xã hội học do Sở Nội vụ tổ chức; đơn vị không tự chấm điểm tiêu chí này.',
  targets:
    'Đạt hoặc vượt 100% chỉ tiêu được giao: điểm tối đa; đạt từ 90% đến dưới 100%: 1/2 điểm tối đa; dưới 90%: 0 điểm.',
} as const;

const DEPARTMENT_FIELDS: Draft[] = [
  field('Công tác chỉ đạo, điều hành CCHC', 12, 'SNV', [
    crit('Kế hoạch CCHC năm', 3, [
      sub('Ban hành kế hoạch CCHC năm kịp thời, đúng quy định', 1, {
        evidence: true,
        guidance: G.issued,
      }),
      sub('Mức độ thực hiện kế hoạch CCHC năm', 2, { evidence: true, guidance: G.plan }),
    ]),
    crit('Báo cáo CCHC định kỳ', 2, [
      sub('Số lượng, thời hạn gửi báo cáo CCHC định kỳ (quý, 6 tháng, năm)', 1, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Chất lượng nội dung báo cáo theo hướng dẫn', 1, { guidance: G.onTime }),
    ]),
    crit('Kiểm tra công tác CCHC', 3, [
      sub('Tỷ lệ đơn vị trực thuộc được kiểm tra công tác CCHC trong năm', 1.5, {
        evidence: true,
        guidance: 'Từ 30% số đơn vị trực thuộc trở lên: điểm tối đa; dưới 30%: 0 điểm.',
      }),
      sub('Xử lý các vấn đề phát hiện qua kiểm tra', 1.5, { guidance: G.rate }),
    ]),
    crit('Công tác tuyên truyền CCHC', 2, [
      sub('Ban hành kế hoạch tuyên truyền CCHC', 0.5, { guidance: G.issued }),
      sub('Mức độ thực hiện kế hoạch tuyên truyền CCHC', 1.5, { guidance: G.plan }),
    ]),
    crit('Sáng kiến, giải pháp mới trong CCHC', 2, [
      sub('Có sáng kiến, giải pháp mới trong CCHC được cấp có thẩm quyền công nhận', 2, {
        evidence: true,
        guidance:
          'Có ít nhất 01 sáng kiến, giải pháp được công nhận: điểm tối đa; không có: 0 điểm.',
      }),
    ]),
  ]),
  field('Xây dựng và tổ chức thực hiện văn bản QPPL (thể chế)', 8, 'STP', [
    crit('Xây dựng văn bản QPPL', 3, [
      sub('Thực hiện chương trình xây dựng văn bản QPPL của tỉnh được giao chủ trì', 2, {
        evidence: true,
        guidance: G.plan,
      }),
      sub('Lấy ý kiến, đề nghị thẩm định dự thảo văn bản QPPL đúng quy định', 1, {
        guidance: G.none,
      }),
    ]),
    crit('Rà soát, hệ thống hóa văn bản QPPL', 2, [
      sub('Ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL', 0.5, { guidance: G.issued }),
      sub('Xử lý kết quả rà soát theo thẩm quyền hoặc kiến nghị xử lý', 1.5, {
        evidence: true,
        guidance: G.rate,
      }),
    ]),
    crit('Tổ chức thực hiện văn bản QPPL', 3, [
      sub('Ban hành và thực hiện kế hoạch theo dõi thi hành pháp luật', 1, { guidance: G.plan }),
      sub('Kiểm tra, xử lý văn bản trái pháp luật được phát hiện', 1, { guidance: G.rate }),
      sub('Phổ biến, giáo dục pháp luật cho cán bộ, công chức, viên chức', 1, {
        guidance: G.plan,
      }),
    ]),
  ]),
  field('Cải cách thủ tục hành chính', 14, 'VPUBND', [
    crit('Kiểm soát, rà soát thủ tục hành chính', 3, [
      sub('Ban hành kế hoạch rà soát, đánh giá thủ tục hành chính', 1, { guidance: G.issued }),
      sub('Kiến nghị đơn giản hóa thủ tục hành chính được cấp có thẩm quyền chấp nhận', 2, {
        evidence: true,
        guidance:
          'Có kiến nghị được chấp nhận: điểm tối đa; có kiến nghị nhưng chưa được chấp nhận: 1/2 điểm tối đa; không có kiến nghị: 0 điểm.',
      }),
    ]),
    crit('Công khai thủ tục hành chính', 3, [
      sub('Công khai đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa', 1.5, {
        guidance: G.rate,
      }),
      sub('Công khai thủ tục hành chính trên Cổng Dịch vụ công của tỉnh', 1.5, {
        guidance: G.rate,
      }),
    ]),
    crit('Thực hiện cơ chế một cửa, một cửa liên thông', 5, [
      sub('Tỷ lệ thủ tục hành chính được tiếp nhận, trả kết quả tại Bộ phận Một cửa', 2, {
        guidance: G.rate,
      }),
      sub('Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn', 2, {
        evidence: true,
        guidance: G.rate,
      }),
      sub('Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ trễ hạn', 1, {
        guidance:
          'Xin lỗi 100% trường hợp trễ hạn (hoặc không có hồ sơ trễ hạn): điểm tối đa; có trường hợp không xin lỗi: 0 điểm.',
      }),
    ]),
    crit('Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính', 3, [
      sub('Công khai địa chỉ tiếp nhận phản ánh, kiến nghị của người dân, tổ chức', 1, {
        guidance: G.onTime,
      }),
      sub('Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 2, { guidance: G.rate }),
    ]),
  ]),
  field('Cải cách tổ chức bộ máy', 9, 'SNV', [
    crit('Thực hiện quy định về tổ chức bộ máy', 3, [
      sub(
        'Ban hành quy định chức năng, nhiệm vụ, quyền hạn của các phòng, đơn vị trực thuộc',
        1.5,
        {
          evidence: true,
          guidance: G.onTime,
        },
      ),
      sub('Sắp xếp, kiện toàn tổ chức bộ máy theo hướng tinh gọn', 1.5, { guidance: G.plan }),
    ]),
    crit('Quản lý biên chế', 3, [
      sub('Sử dụng biên chế được giao đúng quy định', 1.5, { guidance: G.none }),
      sub('Thực hiện tinh giản biên chế theo kế hoạch', 1.5, { evidence: true, guidance: G.plan }),
    ]),
    crit('Phân cấp, ủy quyền', 3, [
      sub('Thực hiện các nhiệm vụ được phân cấp, ủy quyền', 1.5, { guidance: G.onTime }),
      sub('Kiểm tra việc thực hiện nhiệm vụ đã phân cấp, ủy quyền', 1.5, { guidance: G.onTime }),
    ]),
  ]),
  field('Xây dựng và nâng cao chất lượng đội ngũ CBCCVC', 10, 'SNV', [
    crit('Vị trí việc làm và cơ cấu ngạch công chức', 2, [
      sub('Xây dựng, trình phê duyệt đề án vị trí việc làm', 1, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Bố trí công chức, viên chức theo vị trí việc làm được phê duyệt', 1, {
        guidance: G.rate,
      }),
    ]),
    crit('Tuyển dụng, sử dụng và quản lý CBCCVC', 3, [
      sub('Thực hiện quy định về tuyển dụng công chức, viên chức', 1, { guidance: G.none }),
      sub('Thực hiện quy định về bổ nhiệm, luân chuyển, chuyển đổi vị trí công tác', 1, {
        guidance: G.none,
      }),
      sub('Đánh giá, xếp loại chất lượng CBCCVC đúng quy định', 1, { guidance: G.onTime }),
    ]),
    crit('Đào tạo, bồi dưỡng CBCCVC', 2, [
      sub('Mức độ thực hiện kế hoạch đào tạo, bồi dưỡng', 2, { evidence: true, guidance: G.plan }),
    ]),
    crit('Kỷ luật, kỷ cương hành chính', 3, [
      sub('Thực hiện quy định về văn hóa công vụ, kỷ luật, kỷ cương hành chính', 1.5, {
        guidance: G.onTime,
      }),
      sub('Không có CBCCVC bị kỷ luật hoặc bị xử lý trách nhiệm trong năm', 1.5, {
        guidance: G.none,
      }),
    ]),
  ]),
  field('Cải cách tài chính công', 8, 'STC', [
    crit('Quản lý, sử dụng ngân sách nhà nước', 3, [
      sub('Thực hiện quy định về lập, phân bổ dự toán và quyết toán ngân sách', 1.5, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao', 1.5, { guidance: G.rate }),
    ]),
    crit('Thực hiện cơ chế tự chủ tài chính', 3, [
      sub('Thực hiện cơ chế tự chủ về biên chế và kinh phí quản lý hành chính', 1.5, {
        guidance: G.onTime,
      }),
      sub('Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập trực thuộc', 1.5, {
        guidance: G.plan,
      }),
    ]),
    crit('Quản lý, sử dụng tài sản công', 2, [
      sub('Ban hành quy chế quản lý, sử dụng tài sản công', 1, {
        evidence: true,
        guidance: G.issued,
      }),
      sub('Không có vi phạm về quản lý, sử dụng tài sản công', 1, { guidance: G.none }),
    ]),
  ]),
  field('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 14, 'STTTT', [
    crit('Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan', 4, [
      sub('Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số', 1, {
        guidance: G.issued,
      }),
      sub('Tỷ lệ văn bản đi được gửi dưới dạng điện tử, có ký số', 1.5, { guidance: G.rate }),
      sub('Sử dụng hệ thống thư điện tử công vụ trong trao đổi công việc', 1.5, {
        guidance: G.onTime,
      }),
    ]),
    crit('Cung cấp dịch vụ công trực tuyến', 5, [
      sub('Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến mức độ 3, 4', 2, {
        guidance: G.rate,
      }),
      sub('Tỷ lệ hồ sơ được tiếp nhận, giải quyết trực tuyến mức độ 3, 4', 2, {
        evidence: true,
        guidance:
          'Từ 50% trở lên: điểm tối đa; từ 30% đến dưới 50%: 1/2 điểm tối đa; dưới 30%: 0 điểm.',
      }),
      sub('Triển khai thanh toán trực tuyến trong giải quyết thủ tục hành chính', 1, {
        guidance: G.onTime,
      }),
    ]),
    crit('Cổng/Trang thông tin điện tử', 2, [
      sub('Cập nhật, công khai thông tin trên Cổng/Trang thông tin điện tử theo quy định', 2, {
        guidance: G.onTime,
      }),
    ]),
    crit(
      'Áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
      3,
      [
        sub('Công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015', 1.5, {
          evidence: true,
          guidance: G.onTime,
        }),
        sub('Duy trì, cải tiến Hệ thống quản lý chất lượng', 1.5, { guidance: G.onTime }),
      ],
      { agency: 'SKHCN' },
    ),
  ]),
  field('Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH', 25, 'SNV', [
    crit(
      'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)',
      8,
      [
        sub('Hài lòng về tiếp cận dịch vụ và thủ tục hành chính', 4, { guidance: G.survey }),
        sub('Hài lòng về công chức giải quyết công việc và kết quả giải quyết', 4, {
          guidance: G.survey,
        }),
      ],
      { kind: 'survey' },
    ),
    crit(
      'Đánh giá của lãnh đạo, công chức (điều tra xã hội học)',
      9,
      [
        sub('Đánh giá về công tác chỉ đạo, điều hành CCHC và thể chế', 3, { guidance: G.survey }),
        sub('Đánh giá về thủ tục hành chính, tổ chức bộ máy và đội ngũ CBCCVC', 3, {
          guidance: G.survey,
        }),
        sub('Đánh giá về tài chính công và Chính phủ điện tử, Chính phủ số', 3, {
          guidance: G.survey,
        }),
      ],
      { kind: 'survey' },
    ),
    crit('Tác động đến phát triển kinh tế - xã hội', 8, [
      sub('Thực hiện các chỉ tiêu phát triển KT-XH thuộc lĩnh vực quản lý được giao', 3, {
        evidence: true,
        guidance: G.targets,
      }),
      sub('Đóng góp vào cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', 3, {
        guidance:
          'Chỉ số thành phần thuộc lĩnh vực quản lý tăng điểm so với năm trước: điểm tối đa; giữ nguyên: 1/2 điểm tối đa; giảm: 0 điểm.',
      }),
      sub('Giải quyết khiếu nại, tố cáo thuộc thẩm quyền đúng hạn', 2, { guidance: G.rate }),
    ]),
  ]),
];

const DISTRICT_FIELDS: Draft[] = [
  field('Công tác chỉ đạo, điều hành CCHC', 11, 'SNV', [
    crit('Kế hoạch CCHC năm', 3, [
      sub('Ban hành kế hoạch CCHC năm kịp thời, đúng quy định', 1, {
        evidence: true,
        guidance: G.issued,
      }),
      sub('Mức độ thực hiện kế hoạch CCHC năm', 2, { evidence: true, guidance: G.plan }),
    ]),
    crit('Báo cáo CCHC định kỳ', 2, [
      sub('Số lượng, thời hạn gửi báo cáo CCHC định kỳ (quý, 6 tháng, năm)', 1, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Chất lượng nội dung báo cáo theo hướng dẫn', 1, { guidance: G.onTime }),
    ]),
    crit('Kiểm tra công tác CCHC', 3, [
      sub('Tỷ lệ phòng chuyên môn và UBND cấp xã được kiểm tra công tác CCHC trong năm', 1.5, {
        evidence: true,
        guidance: 'Từ 30% số phòng và UBND cấp xã trở lên: điểm tối đa; dưới 30%: 0 điểm.',
      }),
      sub('Xử lý các vấn đề phát hiện qua kiểm tra', 1.5, { guidance: G.rate }),
    ]),
    crit('Công tác tuyên truyền CCHC', 2, [
      sub('Ban hành kế hoạch tuyên truyền CCHC', 0.5, { guidance: G.issued }),
      sub('Mức độ thực hiện kế hoạch tuyên truyền CCHC', 1.5, { guidance: G.plan }),
    ]),
    crit('Sáng kiến, giải pháp mới trong CCHC', 1, [
      sub('Có sáng kiến, giải pháp mới trong CCHC được cấp có thẩm quyền công nhận', 1, {
        evidence: true,
        guidance:
          'Có ít nhất 01 sáng kiến, giải pháp được công nhận: điểm tối đa; không có: 0 điểm.',
      }),
    ]),
  ]),
  field('Xây dựng và tổ chức thực hiện văn bản QPPL (thể chế)', 8, 'STP', [
    crit('Xây dựng văn bản QPPL', 3, [
      sub('Ban hành văn bản QPPL thuộc thẩm quyền của HĐND, UBND cấp huyện', 2, {
        evidence: true,
        guidance: G.plan,
      }),
      sub('Lấy ý kiến, thẩm định dự thảo văn bản QPPL đúng quy định', 1, { guidance: G.none }),
    ]),
    crit('Rà soát, hệ thống hóa văn bản QPPL', 2, [
      sub('Ban hành kế hoạch rà soát, hệ thống hóa văn bản QPPL', 0.5, { guidance: G.issued }),
      sub('Xử lý kết quả rà soát theo thẩm quyền hoặc kiến nghị xử lý', 1.5, {
        evidence: true,
        guidance: G.rate,
      }),
    ]),
    crit('Tổ chức thực hiện văn bản QPPL', 3, [
      sub('Ban hành và thực hiện kế hoạch theo dõi thi hành pháp luật', 1, { guidance: G.plan }),
      sub('Kiểm tra, xử lý văn bản trái pháp luật được phát hiện', 1, { guidance: G.rate }),
      sub('Phổ biến, giáo dục pháp luật; xây dựng cấp xã đạt chuẩn tiếp cận pháp luật', 1, {
        guidance: G.plan,
      }),
    ]),
  ]),
  field('Cải cách thủ tục hành chính', 14, 'VPUBND', [
    crit('Kiểm soát, rà soát thủ tục hành chính', 3, [
      sub('Ban hành kế hoạch rà soát, đánh giá thủ tục hành chính', 1, { guidance: G.issued }),
      sub('Kiến nghị đơn giản hóa thủ tục hành chính được cấp có thẩm quyền chấp nhận', 2, {
        evidence: true,
        guidance:
          'Có kiến nghị được chấp nhận: điểm tối đa; có kiến nghị nhưng chưa được chấp nhận: 1/2 điểm tối đa; không có kiến nghị: 0 điểm.',
      }),
    ]),
    crit('Công khai thủ tục hành chính', 3, [
      sub('Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa cấp huyện và cấp xã', 1.5, {
        guidance: G.rate,
      }),
      sub('Công khai thủ tục hành chính trên Cổng Dịch vụ công của tỉnh', 1.5, {
        guidance: G.rate,
      }),
    ]),
    crit('Thực hiện cơ chế một cửa, một cửa liên thông', 5, [
      sub('Tỷ lệ UBND cấp xã thực hiện đúng cơ chế một cửa, một cửa liên thông', 2, {
        guidance: G.rate,
      }),
      sub('Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn (cấp huyện và cấp xã)', 2, {
        evidence: true,
        guidance: G.rate,
      }),
      sub('Thực hiện xin lỗi người dân, tổ chức khi giải quyết hồ sơ trễ hạn', 1, {
        guidance:
          'Xin lỗi 100% trường hợp trễ hạn (hoặc không có hồ sơ trễ hạn): điểm tối đa; có trường hợp không xin lỗi: 0 điểm.',
      }),
    ]),
    crit('Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính', 3, [
      sub('Công khai địa chỉ tiếp nhận phản ánh, kiến nghị của người dân, tổ chức', 1, {
        guidance: G.onTime,
      }),
      sub('Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 2, { guidance: G.rate }),
    ]),
  ]),
  field('Cải cách tổ chức bộ máy', 8, 'SNV', [
    crit('Thực hiện quy định về tổ chức bộ máy', 3, [
      sub('Ban hành quy định chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn', 1.5, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Sắp xếp đơn vị hành chính, đơn vị sự nghiệp công lập theo kế hoạch', 1.5, {
        guidance: G.plan,
      }),
    ]),
    crit('Quản lý biên chế', 3, [
      sub('Sử dụng biên chế được giao đúng quy định', 1.5, { guidance: G.none }),
      sub('Thực hiện tinh giản biên chế theo kế hoạch', 1.5, { evidence: true, guidance: G.plan }),
    ]),
    crit('Phân cấp, ủy quyền', 2, [
      sub('Thực hiện các nhiệm vụ được phân cấp, ủy quyền', 1, { guidance: G.onTime }),
      sub('Kiểm tra việc thực hiện nhiệm vụ đã phân cấp cho UBND cấp xã', 1, {
        guidance: G.onTime,
      }),
    ]),
  ]),
  field('Xây dựng và nâng cao chất lượng đội ngũ CBCCVC', 10, 'SNV', [
    crit('Vị trí việc làm và cơ cấu ngạch công chức', 2, [
      sub('Xây dựng, trình phê duyệt đề án vị trí việc làm', 1, {
        evidence: true,
        guidance: G.onTime,
      }),
      sub('Bố trí công chức, viên chức theo vị trí việc làm được phê duyệt', 1, {
        guidance: G.rate,
      }),
    ]),
    crit('Tuyển dụng, sử dụng và quản lý CBCCVC', 3, [
      sub('Thực hiện quy định về tuyển dụng công chức, viên chức', 1, { guidance: G.none }),
      sub('Thực hiện quy định về bổ nhiệm, luân chuyển, chuyển đổi vị trí công tác', 1, {
        guidance: G.none,
      }),
      sub('Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định', 1, { guidance: G.rate }),
    ]),
    crit('Đào tạo, bồi dưỡng CBCCVC', 2, [
      sub('Mức độ thực hiện kế hoạch đào tạo, bồi dưỡng (cấp huyện và cấp xã)', 2, {
        evidence: true,
        guidance: G.plan,
      }),
    ]),
    crit('Kỷ luật, kỷ cương hành chính', 3, [
      sub('Thực hiện quy định về văn hóa công vụ, kỷ luật, kỷ cương hành chính', 1.5, {
        guidance: G.onTime,
      }),
      sub('Không có CBCCVC bị kỷ luật hoặc bị xử lý trách nhiệm trong năm', 1.5, {
        guidance: G.none,
      }),
    ]),
  ]),
  field('Cải cách tài chính công', 8, 'STC', [
    crit('Quản lý, sử dụng ngân sách nhà nước', 3, [
      sub('Thực hiện dự toán thu ngân sách nhà nước trên địa bàn', 1.5, {
        evidence: true,
        guidance: G.targets,
      }),
      sub('Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao', 1.5, { guidance: G.rate }),
    ]),
    crit('Thực hiện cơ chế tự chủ tài chính', 3, [
      sub('Thực hiện cơ chế tự chủ về biên chế và kinh phí quản lý hành chính', 1.5, {
        guidance: G.onTime,
      }),
      sub('Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập trực thuộc', 1.5, {
        guidance: G.plan,
      }),
    ]),
    crit('Quản lý, sử dụng tài sản công', 2, [
      sub('Ban hành quy chế quản lý, sử dụng tài sản công', 1, {
        evidence: true,
        guidance: G.issued,
      }),
      sub('Không có vi phạm về quản lý, sử dụng tài sản công', 1, { guidance: G.none }),
    ]),
  ]),
  field('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 13, 'STTTT', [
    crit('Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan', 4, [
      sub('Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số', 1, {
        guidance: G.issued,
      }),
      sub('Tỷ lệ văn bản đi được gửi dưới dạng điện tử, có ký số (cấp huyện và cấp xã)', 1.5, {
        guidance: G.rate,
      }),
      sub('Sử dụng hệ thống thư điện tử công vụ trong trao đổi công việc', 1.5, {
        guidance: G.onTime,
      }),
    ]),
    crit('Cung cấp dịch vụ công trực tuyến', 5, [
      sub('Tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến mức độ 3, 4', 2, {
        guidance: G.rate,
      }),
      sub('Tỷ lệ hồ sơ được tiếp nhận, giải quyết trực tuyến mức độ 3, 4', 2, {
        evidence: true,
        guidance:
          'Từ 50% trở lên: điểm tối đa; từ 30% đến dưới 50%: 1/2 điểm tối đa; dưới 30%: 0 điểm.',
      }),
      sub('Triển khai thanh toán trực tuyến trong giải quyết thủ tục hành chính', 1, {
        guidance: G.onTime,
      }),
    ]),
    crit('Cổng/Trang thông tin điện tử', 1, [
      sub('Cập nhật, công khai thông tin trên Trang thông tin điện tử theo quy định', 1, {
        guidance: G.onTime,
      }),
    ]),
    crit(
      'Áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
      3,
      [
        sub(
          'Công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 (cấp huyện và cấp xã)',
          1.5,
          {
            evidence: true,
            guidance: G.onTime,
          },
        ),
        sub('Duy trì, cải tiến Hệ thống quản lý chất lượng', 1.5, { guidance: G.onTime }),
      ],
      { agency: 'SKHCN' },
    ),
  ]),
  field('Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH', 28, 'SNV', [
    crit(
      'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)',
      10,
      [
        sub('Hài lòng về tiếp cận dịch vụ và thủ tục hành chính', 5, { guidance: G.survey }),
        sub('Hài lòng về công chức giải quyết công việc và kết quả giải quyết', 5, {
          guidance: G.survey,
        }),
      ],
      { kind: 'survey' },
    ),
    crit(
      'Đánh giá của lãnh đạo, công chức (điều tra xã hội học)',
      9,
      [
        sub('Đánh giá về công tác chỉ đạo, điều hành CCHC và thể chế', 3, { guidance: G.survey }),
        sub('Đánh giá về thủ tục hành chính, tổ chức bộ máy và đội ngũ CBCCVC', 3, {
          guidance: G.survey,
        }),
        sub('Đánh giá về tài chính công và Chính phủ điện tử, Chính phủ số', 3, {
          guidance: G.survey,
        }),
      ],
      { kind: 'survey' },
    ),
    crit('Tác động đến phát triển kinh tế - xã hội', 9, [
      sub('Thực hiện các chỉ tiêu phát triển KT-XH của địa phương được giao', 3, {
        evidence: true,
        guidance: G.targets,
      }),
      sub('Thu hút đầu tư, phát triển doanh nghiệp trên địa bàn', 3, { guidance: G.targets }),
      sub('Giải quyết khiếu nại, tố cáo thuộc thẩm quyền đúng hạn', 3, { guidance: G.rate }),
    ]),
  ]),
];

/** Outside the 100 points; numbered after the 8 fields ("9", "10"). */
const ADJUSTMENTS: Draft[] = [
  {
    title: 'Điểm thưởng: đơn vị, địa phương có thành tích nổi bật trong CCHC',
    max: 3,
    agency: 'SNV',
    kind: 'bonus',
    evidence: true,
    guidance:
      'Được cấp có thẩm quyền khen thưởng hoặc nhân rộng mô hình CCHC: cộng tối đa 3 điểm (ngoài 100 điểm).',
  },
  {
    title: 'Điểm trừ: vi phạm, chậm trễ trong thực hiện nhiệm vụ CCHC',
    max: 3,
    agency: 'SNV',
    kind: 'penalty',
    guidance:
      'Mỗi lần chậm báo cáo hoặc vi phạm được cơ quan có thẩm quyền kết luận: trừ 0,5 điểm, tối đa trừ 3 điểm.',
  },
];

const ILLUSTRATIVE_SOURCE = 'Minh họa — dữ liệu mẫu';

export const INDEX_SETS: SeedIndexSet[] = [
  {
    group: 'department',
    name: 'Bộ chỉ số minh họa — sở, ban, ngành (không phải Bộ chỉ số 771/QĐ-UBND)',
    illustrative: true,
    source: ILLUSTRATIVE_SOURCE,
    fields: numbered(DEPARTMENT_FIELDS, {}),
    adjustments: numbered(ADJUSTMENTS, { start: DEPARTMENT_FIELDS.length + 1 }),
  },
  {
    group: 'district',
    name: 'Bộ chỉ số minh họa — UBND cấp huyện (không phải Bộ chỉ số 771/QĐ-UBND)',
    illustrative: true,
    source: ILLUSTRATIVE_SOURCE,
    fields: numbered(DISTRICT_FIELDS, {}),
    adjustments: numbered(ADJUSTMENTS, { start: DISTRICT_FIELDS.length + 1 }),
  },
];

export const VINH_LONG_2021: SeedPlan = {
  campaign: CAMPAIGN,
  steps: STEPS,
  agencies: AGENCIES,
  units: UNITS,
  indexSets: INDEX_SETS,
};

/** Every node of a tree, parents before their children (depth-first, in order). */
export function flattenCriteria(nodes: SeedCriterion[]): SeedCriterion[] {
  return nodes.flatMap((node) => [node, ...flattenCriteria(node.children)]);
}
