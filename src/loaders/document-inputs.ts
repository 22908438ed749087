/**
 * Reads what each document of the campaign is built from, and says in Vietnamese why one cannot
 * be produced yet. The builders in src/documents stay pure; this is their one loader.
 */
import { type EntityManager, In } from 'typeorm';
import { commendationsOf } from '../api/results/commendations.js';
import { readResults } from '../api/results/results-store.js';
import { type IndexTree, loadIndexTrees } from '../api/scoring-data/index-tree.js';
import {
  loadScoringInputs,
  loadUnits,
  type UnitInputs,
  type UnitRef,
} from '../api/scoring-data/scoring-inputs.js';
import {
  type AdministrativeDocument,
  type CampaignInput,
  chairmanDossier,
  commendationProposal,
  councilDecision,
  DOCUMENT_KIND_INFO,
  type DocumentKind,
  guidanceNotice,
  type RoundUnitInput,
  roundSummary,
  selfAssessmentReport,
} from '../documents/index.js';
import { formatLocalDate } from '../domain/local-time.js';
import { PORTAL_BASE, PORTAL_PAGES } from '../domain/portal-pages.js';
import { evaluateUnitScores, formatHundredths, type LeafScore } from '../domain/scoring/index.js';
import type { StepKind } from '../domain/words.js';
import {
  Agency,
  type Campaign,
  CampaignStep,
  CommendationNominee,
  CouncilMember,
  EvidenceFile,
} from '../entities/index.js';

export type DocumentOutcome =
  { ok: true; document: AdministrativeDocument; fileName: string } | { ok: false; reason: string };

/** The campaign's step each document belongs to, by the step's kind (numbers differ by plan). */
const STEP_KIND_OF: Readonly<Record<DocumentKind, StepKind>> = {
  council_decision: 'setup',
  guidance_notice: 'guidance',
  self_assessment_report: 'self_assessment',
  round_1_summary: 'aggregation_round_1',
  round_2_summary: 'aggregation_round_2',
  chairman_dossier: 'announcement',
  commendation_proposal: 'commendation',
};

/** The standing body when no agency SNV is stored. */
const DEFAULT_SECRETARIAT = 'Sở Nội vụ';

interface Context {
  campaign: Campaign;
  input: CampaignInput;
  steps: CampaignStep[];
  publicUrl: string;
}

function windowText(step: CampaignStep, timeZone: string): string {
  if (step.windowText) return step.windowText;
  const date = (d: Date) => formatLocalDate(d, timeZone);
  if (step.opensAt && step.deadline) return `${date(step.opensAt)} – ${date(step.deadline)}`;
  if (step.deadline) return `Đến ${date(step.deadline)}`;
  if (step.startsAfterStep) return `Sau bước ${step.startsAfterStep}`;
  return '';
}

async function context(
  manager: EntityManager,
  campaign: Campaign,
  publicUrl: string,
): Promise<Context> {
  const steps = await manager.find(CampaignStep, {
    where: { campaignId: campaign.id },
    order: { number: 'ASC' },
  });
  const snv = await manager.findOneBy(Agency, { code: 'SNV' });
  return {
    campaign,
    steps,
    publicUrl,
    input: {
      code: campaign.code,
      name: campaign.name,
      year: campaign.year,
      province: campaign.province,
      decisions: campaign.decisionRefs,
      secretariat: snv?.name ?? DEFAULT_SECRETARIAT,
      steps: steps.map((s) => ({
        number: s.number,
        title: s.titleVi,
        window: windowText(s, campaign.timeZone),
        lead: s.lead,
        coordinating: s.coordinating,
      })),
    },
  };
}

/** The step a document belongs to in this campaign's plan (the 2021 plan's number otherwise). */
function stepOf(ctx: Context, kind: DocumentKind): CampaignStep | undefined {
  return ctx.steps.find((s) => s.kind === STEP_KIND_OF[kind]);
}

/** The year the document is dated in: its step's window's, else the campaign's. */
function yearOf(ctx: Context, kind: DocumentKind): number {
  const step = stepOf(ctx, kind);
  const instant = step?.opensAt ?? step?.deadline;
  if (!instant) return ctx.campaign.year;
  return Number(formatLocalDate(instant, ctx.campaign.timeZone).slice(-4));
}

function fileName(kind: DocumentKind, campaign: Campaign, unitCode?: string): string {
  return [DOCUMENT_KIND_INFO[kind].fileName, campaign.code, unitCode].filter(Boolean).join('-');
}

const scoreOf = (row: { score: number | null; notApplicable: boolean } | undefined) =>
  row ? (row.notApplicable ? 'not_applicable' : row.score) : null;

/** Achieved points of a unit with the given leaf scores (missing leaves count 0). */
function achieved(tree: IndexTree, scores: Map<string, LeafScore>): number {
  if (!tree.scoreTree) return 0;
  const evaluation = evaluateUnitScores(tree.scoreTree, scores, { missingScores: 'zero' });
  return evaluation.ok ? evaluation.result.total.achieved : 0;
}

function leafScores(
  tree: IndexTree,
  pick: (leafId: string) => number | 'not_applicable' | null,
): Map<string, LeafScore> {
  const scores = new Map<string, LeafScore>();
  for (const leaf of tree.leaves) {
    const value = pick(leaf.id);
    if (value !== null) scores.set(leaf.id, value);
  }
  return scores;
}

async function councilDecisionOf(manager: EntityManager, ctx: Context): Promise<DocumentOutcome> {
  const members = await manager.find(CouncilMember, {
    where: { campaignId: ctx.campaign.id },
    order: { sortOrder: 'ASC', fullName: 'ASC' },
  });
  if (members.length === 0) {
    return {
      ok: false,
      reason: `Chưa có danh sách thành viên Hội đồng thẩm định của chiến dịch ${ctx.campaign.code}: hãy nhập (POST /campaigns/${ctx.campaign.code}/council-members hoặc …/council-members/import).`,
    };
  }
  if (!members.some((m) => m.role === 'chair')) {
    return {
      ok: false,
      reason: 'Danh sách thành viên Hội đồng thẩm định chưa có Chủ tịch Hội đồng (role chair).',
    };
  }
  return {
    ok: true,
    fileName: fileName('council_decision', ctx.campaign),
    document: councilDecision({
      campaign: ctx.input,
      year: yearOf(ctx, 'council_decision'),
      members: members.map((m) => ({
        fullName: m.fullName,
        position: m.position,
        organisation: m.organisation,
        role: m.role,
      })),
    }),
  };
}

async function guidanceNoticeOf(manager: EntityManager, ctx: Context): Promise<DocumentOutcome> {
  const trees = [...(await loadIndexTrees(manager, ctx.campaign.id)).values()].sort((a, b) =>
    a.indexSet.group.localeCompare(b.indexSet.group),
  );
  if (trees.length === 0) {
    return {
      ok: false,
      reason: `Chiến dịch ${ctx.campaign.code} chưa có bộ chỉ số: hãy nhập bộ chỉ số (POST /campaigns/${ctx.campaign.code}/index-sets/import) trước khi ban hành hướng dẫn.`,
    };
  }
  return {
    ok: true,
    fileName: fileName('guidance_notice', ctx.campaign),
    document: guidanceNotice({
      campaign: ctx.input,
      year: yearOf(ctx, 'guidance_notice'),
      // Units act on their own work page: it leads to the self-assessment form.
      portalUrl: `${ctx.publicUrl}${PORTAL_BASE}${PORTAL_PAGES.myWork}`,
      indexSets: trees.map((tree) => ({
        group: tree.indexSet.group,
        name: tree.indexSet.name,
        source: tree.indexSet.source,
        link: `${ctx.publicUrl}/index-sets/${tree.indexSet.id}`,
        maxPoints: tree.fields.reduce((sum, f) => sum + f.maxPoints, 0),
      })),
    }),
  };
}

async function selfAssessmentReportOf(
  manager: EntityManager,
  ctx: Context,
  unitCode: string | undefined,
): Promise<DocumentOutcome> {
  if (!unitCode) {
    return {
      ok: false,
      reason: 'Báo cáo tự đánh giá được lập cho từng đơn vị: hãy nêu mã đơn vị (?unitCode=…).',
    };
  }
  const [unit] = await loadUnits(manager, ctx.campaign.id, [unitCode]);
  if (!unit) {
    return {
      ok: false,
      reason: `Đơn vị «${unitCode}» không tham gia chiến dịch ${ctx.campaign.code}.`,
    };
  }
  const tree = (await loadIndexTrees(manager, ctx.campaign.id)).get(unit.group);
  if (!tree) {
    return {
      ok: false,
      reason: `Chiến dịch ${ctx.campaign.code} chưa có bộ chỉ số cho nhóm đơn vị «${unit.group}».`,
    };
  }
  const [inputs] = await loadScoringInputs(manager, [unit]);
  const self = inputs!.self;
  const first = self.values().next().value;
  if (!first) {
    return {
      ok: false,
      reason: `${unit.unitName} chưa nộp bản tự đánh giá: báo cáo được lập từ bản đã nộp.`,
    };
  }
  const evidenceIds = [...new Set([...self.values()].flatMap((s) => s.evidenceIds))];
  const files = new Map(
    (evidenceIds.length > 0
      ? await manager.find(EvidenceFile, {
          where: { id: In(evidenceIds) },
          select: { id: true, fileName: true },
        })
      : []
    ).map((f) => [f.id, f.fileName]),
  );
  const total = achieved(
    tree,
    leafScores(tree, (id) => scoreOf(self.get(id))),
  );
  return {
    ok: true,
    fileName: fileName('self_assessment_report', ctx.campaign, unit.unitCode),
    document: selfAssessmentReport({
      campaign: ctx.input,
      year: yearOf(ctx, 'self_assessment_report'),
      unit: { code: unit.unitCode, name: unit.unitName, group: unit.group },
      total,
      version: first.version,
      submittedAt: first.submittedAt
        ? formatLocalDate(first.submittedAt, ctx.campaign.timeZone)
        : null,
      rows: tree.nodes.map((node) => {
        const mine = self.get(node.id);
        return {
          code: node.code,
          title: node.title,
          isField: node.parentId === null,
          isLeaf: node.isLeaf,
          maxPoints: node.maxPoints,
          score: node.isLeaf ? scoreOf(mine) : null,
          note: mine?.note ?? null,
          evidence: (mine?.evidenceIds ?? []).map((id) => files.get(id) ?? id),
        };
      }),
    }),
  };
}

function roundUnit(
  tree: IndexTree,
  inputs: UnitInputs,
  unit: UnitRef,
  round: 1 | 2,
): RoundUnitInput {
  const appraised = (id: string) => {
    const rounds = inputs.appraisals.get(id);
    // Round 2 re-appraises what changed; a leaf it left alone keeps round 1's score.
    const row = round === 2 ? (rounds?.[2] ?? rounds?.[1]) : rounds?.[1];
    if (row) return scoreOf(row);
    const survey = inputs.survey.get(id);
    return survey ? survey.points : null;
  };
  const self = (id: string) => {
    const mine = scoreOf(inputs.self.get(id));
    if (mine !== null) return mine;
    const survey = inputs.survey.get(id);
    return survey ? survey.points : null;
  };
  const leaves = tree.appraisedLeaves;
  return {
    code: unit.unitCode,
    name: unit.unitName,
    selfTotal: inputs.self.size === 0 ? null : achieved(tree, leafScores(tree, self)),
    appraisedTotal: achieved(tree, leafScores(tree, appraised)),
    entered: leaves.filter((l) => inputs.appraisals.get(l.id)?.[round]).length,
    required: leaves.length,
    differences: leaves.flatMap((leaf) => {
      const row = inputs.appraisals.get(leaf.id)?.[round];
      if (!row) return [];
      const mine = scoreOf(inputs.self.get(leaf.id));
      const theirs = scoreOf(row);
      // A unit that did not self-assess has nothing to compare with.
      if (mine === null || mine === theirs) return [];
      return [
        { code: leaf.code, title: leaf.title, self: mine, appraised: theirs, comment: row.comment },
      ];
    }),
  };
}

async function roundSummaryOf(
  manager: EntityManager,
  ctx: Context,
  round: 1 | 2,
): Promise<DocumentOutcome> {
  const kind = round === 1 ? 'round_1_summary' : 'round_2_summary';
  const units = await loadUnits(manager, ctx.campaign.id);
  const inputs = await loadScoringInputs(manager, units);
  if (!inputs.some((i) => [...i.appraisals.values()].some((r) => r[round]))) {
    return {
      ok: false,
      reason: `Chưa có điểm thẩm định lần ${round} nào: báo cáo tổng hợp được lập khi các cơ quan thẩm định đã chấm (bước ${round === 1 ? 4 : 7}).`,
    };
  }
  const trees = await loadIndexTrees(manager, ctx.campaign.id);
  const groups: { group: string; units: RoundUnitInput[] }[] = [];
  for (const unitInputs of inputs) {
    const tree = trees.get(unitInputs.unit.group);
    if (!tree) continue;
    let group = groups.find((g) => g.group === unitInputs.unit.group);
    if (!group) groups.push((group = { group: unitInputs.unit.group, units: [] }));
    group.units.push(roundUnit(tree, unitInputs, unitInputs.unit, round));
  }
  return {
    ok: true,
    fileName: fileName(kind, ctx.campaign),
    document: roundSummary({ campaign: ctx.input, year: yearOf(ctx, kind), round, groups }),
  };
}

async function chairmanDossierOf(manager: EntityManager, ctx: Context): Promise<DocumentOutcome> {
  const results = await readResults(manager, ctx.campaign);
  if (!results) {
    return {
      ok: false,
      reason: `Chưa tính kết quả của chiến dịch ${ctx.campaign.code}: hãy tính kết quả (POST /campaigns/${ctx.campaign.code}/results/compute) trước khi lập tờ trình.`,
    };
  }
  return {
    ok: true,
    fileName: fileName('chairman_dossier', ctx.campaign),
    document: chairmanDossier({
      campaign: ctx.input,
      year: yearOf(ctx, 'chairman_dossier'),
      councilApprovedOn: ctx.campaign.councilApprovedAt
        ? formatLocalDate(ctx.campaign.councilApprovedAt, ctx.campaign.timeZone)
        : null,
      groups: results.groups.map((g) => ({
        group: g.group,
        units: g.units.map((u) => ({
          name: u.unitName,
          indexText: formatHundredths(u.indexHundredths, ','),
          rank: u.rank,
          tied: u.tied,
          band: u.band,
        })),
      })),
    }),
  };
}

async function commendationProposalOf(
  manager: EntityManager,
  ctx: Context,
): Promise<DocumentOutcome> {
  if (!ctx.campaign.resultsPublishedAt) {
    return {
      ok: false,
      reason: `Kết quả của chiến dịch ${ctx.campaign.code} chưa được công bố: tờ trình đề nghị khen thưởng được lập sau quyết định công bố của Chủ tịch UBND tỉnh (bước 11).`,
    };
  }
  const view = commendationsOf(ctx.campaign, await readResults(manager, ctx.campaign));
  const nominees = await manager.find(CommendationNominee, {
    where: { campaignId: ctx.campaign.id },
    order: { sortOrder: 'ASC', fullName: 'ASC' },
  });
  return {
    ok: true,
    fileName: fileName('commendation_proposal', ctx.campaign),
    document: commendationProposal({
      campaign: ctx.input,
      year: yearOf(ctx, 'commendation_proposal'),
      resultsDecision: ctx.campaign.resultsDecision,
      collectives: view.proposals.map((p) => ({
        groupName: p.groupName,
        unitName: p.unitName,
        indexText: p.indexText.replace('.', ','),
        rank: p.rank,
        reason: p.reason,
      })),
      individuals: nominees.map((n) => ({
        fullName: n.fullName,
        position: n.position,
        unitName: n.unitName,
        achievement: n.achievement,
      })),
    }),
  };
}

/** One document of the campaign, or why it cannot be produced yet. */
export async function loadDocument(
  manager: EntityManager,
  campaign: Campaign,
  kind: DocumentKind,
  options: { unitCode?: string; publicUrl: string },
): Promise<DocumentOutcome> {
  const ctx = await context(manager, campaign, options.publicUrl);
  switch (kind) {
    case 'council_decision':
      return councilDecisionOf(manager, ctx);
    case 'guidance_notice':
      return guidanceNoticeOf(manager, ctx);
    case 'self_assessment_report':
      return selfAssessmentReportOf(manager, ctx, options.unitCode);
    case 'round_1_summary':
      return roundSummaryOf(manager, ctx, 1);
    case 'round_2_summary':
      return roundSummaryOf(manager, ctx, 2);
    case 'chairman_dossier':
      return chairmanDossierOf(manager, ctx);
    case 'commendation_proposal':
      return commendationProposalOf(manager, ctx);
  }
}

export interface UnitDocumentState {
  unitCode: string;
  unitName: string;
  available: boolean;
  reason: string | null;
}

/** Which units have a self-assessment report to produce (a submitted self-assessment). */
export async function selfAssessmentReportStates(
  manager: EntityManager,
  campaign: Campaign,
  unitCodes?: readonly string[],
): Promise<UnitDocumentState[]> {
  const units = await loadUnits(manager, campaign.id, unitCodes);
  if (units.length === 0) return [];
  const submitted = new Set(
    (
      await manager.query<{ participation_id: string }[]>(
        `SELECT DISTINCT participation_id FROM self_assessments
          WHERE status = 'submitted' AND participation_id = ANY($1)`,
        [units.map((u) => u.participationId)],
      )
    ).map((r) => r.participation_id),
  );
  return units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    available: submitted.has(u.participationId),
    reason: submitted.has(u.participationId)
      ? null
      : `${u.unitName} chưa nộp bản tự đánh giá: báo cáo được lập từ bản đã nộp.`,
  }));
}

/** The campaign's step number of a document kind (the 2021 plan's when the plan lacks it). */
export async function documentStepNumbers(
  manager: EntityManager,
  campaign: Campaign,
): Promise<Record<DocumentKind, number>> {
  const steps = await manager.find(CampaignStep, { where: { campaignId: campaign.id } });
  const out = {} as Record<DocumentKind, number>;
  for (const kind of Object.keys(STEP_KIND_OF) as DocumentKind[]) {
    out[kind] =
      steps.find((s) => s.kind === STEP_KIND_OF[kind])?.number ?? DOCUMENT_KIND_INFO[kind].step;
  }
  return out;
}
